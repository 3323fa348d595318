// The quick readings of definition files (plain-yaml.ts for the plain subset, fast-yaml.ts with js-yaml's events) must
// each give exactly the value `yaml` gives, or give up. Whenever one gives a value, `yaml` must find no error, no tag
// and no alias bomb in the same text: otherwise a problem would go unreported.
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fastYamlValue } from '../../engine/definitions/fast-yaml.js';
import { plainYamlValue } from '../../engine/definitions/plain-yaml.js';
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';

const files = [...Object.entries(await readDefinitionFiles('definitions')), ...Object.entries(await readDefinitionFiles('test/fixtures/minimal'))];

/** What the loader reads with `yaml` alone: the value, or that the text has a problem. */
function yamlReading(text: string): { value: unknown } | 'problem' {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0 || doc.warnings.some((w) => w.code === 'TAG_RESOLVE_FAILED')) return 'problem';
  try {
    return { value: doc.toJS({ maxAliasCount: 100 }) };
  } catch {
    return 'problem';
  }
}

/** Same value, same key order, same types (1 is not '1', -0 is not 0). */
function expectSameValue(fast: unknown, reference: unknown, label: string): void {
  expect(fast, label).toStrictEqual(reference);
  expect(JSON.stringify(fast), label).toBe(JSON.stringify(reference));
}

const readers = { plainYamlValue, fastYamlValue };

function expectSoundOn(text: string): void {
  for (const [name, read] of Object.entries(readers)) {
    const fast = read(text);
    if (!fast) continue;
    const reference = yamlReading(text);
    expect(reference, `${name}: ${JSON.stringify(text)}`).not.toBe('problem');
    expectSameValue(fast.value, (reference as { value: unknown }).value, `${name}: ${JSON.stringify(text)}`);
  }
}

// Pieces of YAML syntax, most of them meaningful, for texts that are nearly YAML.
const SYNTAX = [
  'a', 'b', 'key', ': ', ':', '- ', '-', '\n', '  ', ' ', '\t', '[', ']', '{', '}', ', ', ',', '"', "'", '\\', '\\n', '\\x41', '#', ' # c',
  '&a ', '*a', '&b ', '*b', '&a\n', '&a\n  ', '- &a ', '|1', '|-1', '>2', '>+1', '!', '!!str ', '!x ', '|', '|-', '>', '>+', '? ', '1', '-0', '0o17', '0x1F', '1e3', '1.50', '.5', '+12', '.inf', '.NaN',
  '~', 'null', 'Null', '\r', '\u00a0', ' :', '\n  - ', '\n    ', 'true', 'False', 'yes', '---', '...', '%YAML 1.2', '@', '`', '<<', '__proto__', 'toString', 'é', '\u2028', '\r\n',
];

describe('fastYamlValue', () => {
  it('should read every definition file, each reading with the value yaml gives', () => {
    for (const [path, text] of files) {
      const reference = yamlReading(text);
      for (const [name, read] of Object.entries(readers)) {
        const fast = read(text);
        expect(fast, `${path} was not read by ${name}`).toBeDefined();
        expectSameValue(fast!.value, (reference as { value: unknown }).value, `${name}: ${path}`);
      }
    }
  });

  it('should read the plain subset with the value yaml gives: blocks, folds, quotes over lines, flows over lines, anchors', () => {
    const texts = [
      'a: |\n  one\n    two  \n\n  three\n\nb: 1\n',
      'a: |-\n  one\n\n\nb: >\n  one\n  two\n\n  three\nc: >+\n  x\n\n',
      'a: "one\n  two\n\n  three"\nb: \'it\'\'s\n  here\'\n',
      'a: { k: v, flag, "q": 1, t: 2026-01-05T09:00:00Z }\nb: [1, two,\n  three, { c: [] }]\n',
      'a: plain text\n  goes on\n\n  and on # comment\nb:\n- x\n- - y\n  - z\n- k: v\n  l: w\n',
      'a: &x\n  b: 1\nc: *x\nd: &y [1, 2]\ne: *y\nf: &z |-\n  t\ng: *z\n',
      '__proto__: 1\ntoString: { __proto__: [] }\nn: ~\no: 0o17\np: -0\nq: .NaN\nr: 1e3\ns: TRUE\n',
      'a: |\n  no final break',
      'a: |+\n  x\n  ',
    ];
    for (const text of texts) {
      const reference = yamlReading(text);
      expect(reference, JSON.stringify(text)).not.toBe('problem');
      expectSoundOn(text);
      const plain = plainYamlValue(text);
      if (!text.endsWith('\n')) {
        // a block at the very end with no line break after it is left to the others
        expect(plain).toBeUndefined();
        continue;
      }
      expect(plain, JSON.stringify(text)).toBeDefined();
      expectSameValue(plain!.value, (reference as { value: unknown }).value, JSON.stringify(text));
    }
  });

  it('should resolve plain scalars as yaml does, skipping the patterns only for text no pattern can match', () => {
    // given every first character of Latin-1 with tails that complete a null, bool, int or float
    let compared = 0;
    const tails = ['', '0', '1', '7', 'rue', 'RUE', 'alse', 'ALSE', 'ull', 'ULL', 'inf', 'nan', 'NaN', '.5', 'o7', 'x1F', 'e3', '.5e3', '1e3'];
    for (let code = 0; code < 256; code++) {
      for (const tail of tails) {
        const text = String.fromCharCode(code) + tail;
        // when yaml reads it as a plain value
        const expected = yamlReading(`v: ${text}\n`);
        if (expected === 'problem') continue;
        // then the quick reading agrees, when it reads it
        for (const read of Object.values(readers)) {
          const fast = read(`v: ${text}\n`);
          if (fast) {
            expectSameValue(fast.value, expected.value, JSON.stringify(text));
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(5000);
    expect(fastYamlValue('v: 0o17\nw: -0\nx: .NaN\ny: 1.50\nz: ~\n')!.value).toStrictEqual({ v: 15, w: -0, x: NaN, y: 1.5, z: null });
  });

  it('should keep aliases as the very value of their anchor, as yaml does', () => {
    const fast = fastYamlValue('a: &x { b: 1 }\nc: *x\n')!.value as Record<string, unknown>;
    expect(fast.c).toBe(fast.a);
    const plain = plainYamlValue('a: &x { b: 1 }\nc: *x\n')!.value as Record<string, unknown>;
    expect(plain.c).toBe(plain.a);
    expectSameValue(fast, (yamlReading('a: &x { b: 1 }\nc: *x\n') as { value: unknown }).value, 'aliases');
  });

  it('should leave to yaml what it does not follow: tags, repeated keys, keys that are not text, an alias bomb, several documents', () => {
    const bomb = ['a: &a [1,2,3,4,5,6,7,8,9,10]', `b: &b [${Array(10).fill('*a').join(',')}]`, `c: &c [${Array(10).fill('*b').join(',')}]`, `d: [${Array(100).fill('*c').join(',')}]`].join('\n');
    for (const text of ['a: !!str 1', 'a: !include x.yaml', 'a: 1\na: 2', 'a: 1\n"a": 2', '1: one', '~: x', '<<: { a: 1 }', bomb, 'a: 1\n---\nb: 2', '', '# nothing', '%YAML 1.2\n---\na: 1', `'${"''".repeat(600)}': 1`]) {
      expect(fastYamlValue(text), JSON.stringify(text)).toBeUndefined();
      expect(plainYamlValue(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  it('should never give a value for a text that yaml refuses, nor a different value (mutated definition files)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: files.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.constantFrom(...SYNTAX)), { minLength: 1, maxLength: 4 }),
        (fileIndex, edits) => {
          let text = files[fileIndex]![1];
          for (const [at, length, insert] of edits) {
            const start = at % (text.length + 1);
            text = text.slice(0, start) + insert + text.slice(start + (length % 3 === 0 ? length : 0));
          }
          expectSoundOn(text);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('should never give a value for a text that yaml refuses, nor a different value (texts made of YAML syntax)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SYNTAX), { minLength: 1, maxLength: 30 }), (pieces) => expectSoundOn(pieces.join(''))),
      { numRuns: 8000 },
    );
  });
});
