// forms-ui/src/core/json-schema: the built-in validator gives ajv's verdicts on every datum of the corpus (issue 23),
// and on data fast-check makes from each corpus schema's own values.
import { fullFormats as ajvFormats } from 'ajv-formats/dist/formats.js';
import fc from 'fast-check';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { BROWSER_FORMATS_FILE, browserFormatsModule } from '../../scripts/gen-browser-formats.js';
import { fullFormats as browserFormats } from '../../forms-ui/src/core/json-schema/ajv-formats.generated.js';
import { compileSchema } from '../../forms-ui/src/core/json-schema/index.js';
import { ajvValidator, loadCorpus } from '../fixtures/schema-corpus.js';

const corpus = loadCorpus();

describe('JSON Schema corpus', () => {
  it('should hold at least 40 schemas, each with valid and invalid data', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    for (const entry of corpus) {
      expect(entry.valid.length, entry.name).toBeGreaterThan(0);
      expect(entry.invalid.length, entry.name).toBeGreaterThan(0);
    }
  });

  it.each(corpus.map((entry) => [entry.name, entry] as const))(
    '%s: ajv should agree with the corpus',
    (_name, entry) => {
      const ajv = ajvValidator(entry.schema);
      for (const { data } of entry.valid) expect(ajv(data), JSON.stringify(data)).toBe(true);
      for (const { data } of entry.invalid) expect(ajv(data), JSON.stringify(data)).toBe(false);
    },
  );
});

describe('compileSchema', () => {
  it.each(corpus.map((entry) => [entry.name, entry] as const))(
    '%s: should give ajv’s verdict on every datum',
    (_name, entry) => {
      const ours = compileSchema(entry.schema);
      const ajv = ajvValidator(entry.schema);
      for (const { data } of [...entry.valid, ...entry.invalid])
        expect(ours(data), JSON.stringify(data)).toBe(ajv(data));
    },
  );
});

/** A datum with one value replaced by `replacement` (or one key removed, when it is undefined). */
function mutate(data: unknown, pick: number, replacement: unknown): unknown {
  const paths: (string | number)[][] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, [...path, i]));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
  };
  walk(data, []);
  const path = paths[pick % paths.length]!;
  if (!path.length) return replacement;
  const copy = structuredClone(data) as Record<string | number, unknown>;
  const parent = path
    .slice(0, -1)
    .reduce<Record<string | number, unknown>>((n, k) => n[k] as Record<string | number, unknown>, copy);
  const key = path.at(-1)!;
  if (replacement === undefined && !Array.isArray(parent)) delete parent[key];
  else parent[key] = replacement ?? null;
  return copy;
}

describe('compileSchema against ajv on generated data', () => {
  it.each(corpus.map((entry) => [entry.name, entry] as const))(
    '%s: should agree on data near the corpus',
    (_name, entry) => {
      const ours = compileSchema(entry.schema);
      const ajv = ajvValidator(entry.schema);
      const seeds = [...entry.valid, ...entry.invalid].map((d) => d.data);
      const near = fc
        .tuple(fc.constantFrom(...seeds), fc.nat(), fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }))
        .map(([seed, pick, value]) => mutate(seed, pick, value));
      // ajv's equality (fast-deep-equal, for const, enum and uniqueItems) calls an object's own `valueOf` or
      // `toString` and throws when it is not a function: data with such keys has no ajv verdict to compare with.
      const comparable = (data: unknown) => !/"(valueOf|toString)":/.test(JSON.stringify(data) ?? '');
      fc.assert(
        fc.property(fc.oneof(near, fc.jsonValue({ maxDepth: 3 })).filter(comparable), (data) => {
          expect(ours(data)).toBe(ajv(data));
        }),
        { numRuns: 150 },
      );
    },
  );
});

describe('compileSchema where ajv reads the specification its own way', () => {
  const cases: [string, Record<string, unknown>, unknown[]][] = [
    ['multipleOf divides (0.3 is not a multiple of 0.1)', { multipleOf: 0.1 }, [0.3, 0.5, 1, 0.7]],
    ['required asks data[key] !== undefined', { type: 'object', required: ['toString', 'a'] }, [{}, { a: 1 }]],
    [
      'keywords beside $ref apply in draft-07',
      {
        $schema: 'http://json-schema.org/draft-07/schema#',
        definitions: { s: { type: 'string' } },
        properties: { a: { $ref: '#/definitions/s', minLength: 3 } },
      },
      [{ a: 'ab' }, { a: 'abc' }, { a: 1 }],
    ],
    ['lengths count code points', { maxLength: 2 }, ['😀😀', '😀😀😀', 'abc']],
    [
      'contains with minContains 0',
      {
        $schema: 'https://json-schema.org/draft/2019-09/schema',
        contains: { type: 'string' },
        minContains: 0,
        maxContains: 1,
      },
      [[], [1], ['a', 'b']],
    ],
    ['integers written as 1.0', { type: 'integer' }, [1.0, 1.5, -0]],
    [
      'uniqueItems compares deeply',
      { uniqueItems: true },
      [
        [{ a: [1] }, { a: [1] }],
        [1, '1'],
        [[1], [1, 1]],
      ],
    ],
    [
      'date and time formats as ajv-formats checks them',
      { format: 'date-time' },
      ['2024-02-29T12:00:00Z', '2023-02-29T12:00:00Z', '2024-06-01T14:30:00', '2024-06-01T23:59:60Z'],
    ],
  ];
  it.each(cases)('%s', (_name, schema, data) => {
    const ours = compileSchema(schema);
    const ajv = ajvValidator(schema);
    for (const datum of data) expect(ours(datum), JSON.stringify(datum)).toBe(ajv(datum));
  });
});

describe('the browser’s formats', () => {
  it('should be ajv-formats’ own, regenerated by scripts/gen-browser-formats.ts when ajv-formats changes', async () => {
    expect(await readFile(BROWSER_FORMATS_FILE, 'utf8')).toBe(await browserFormatsModule());
  });

  it('should leave Infinity and NaN to number formats unchecked, as ajv does (no number to it)', () => {
    for (const name of ['int32', 'int64', 'float', 'double']) {
      for (const value of [Infinity, -Infinity, NaN]) {
        expect(compileSchema({ format: name })(value), `${name} ${value}`).toBe(ajvValidator({ format: name })(value));
      }
    }
  });

  it('should give ajv-formats’ verdict for every format, on strings fast-check makes and on numbers', () => {
    expect(Object.keys(browserFormats)).toEqual(Object.keys(ajvFormats));
    const strings = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '2024-02-29',
        '2023-02-29',
        '23:59:60Z',
        '2024-06-01T14:30:00+01:00',
        'https://example.com/a?b#c',
        'a@b.co',
        '::1',
        '192.168.0.1',
        'P1W',
        '/a~1b',
        '^a$',
        'AAEC',
        '123e4567-e89b-12d3-a456-426614174000',
      ),
    );
    for (const name of Object.keys(ajvFormats)) {
      const ours = compileSchema({ format: name });
      const theirs = ajvValidator({ format: name });
      fc.assert(
        fc.property(fc.oneof(strings, fc.integer(), fc.double()), (value) => {
          expect(ours(value)).toBe(theirs(value));
        }),
        { numRuns: 60 },
      );
    }
  });
});
