// Definition files are read by one YAML reader (`yaml`, which keeps positions). These tests keep what the former
// second reader's agreement tests found: Windows line ends and a kept block scalar ending in CR LF (issue 22), and
// that a mangled file gives either its value or problems at real places, never a throw.
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../engine/definitions/source.js';
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';

const files = [
  ...Object.entries(await readDefinitionFiles('definitions')),
  ...Object.entries(await readDefinitionFiles('test/fixtures/minimal')),
];

/** Same value, same key order, same types (1 is not '1', -0 is not 0). */
function expectSameValue(actual: unknown, expected: unknown, label: string): void {
  expect(actual, label).toStrictEqual(expected);
  expect(JSON.stringify(actual), label).toBe(JSON.stringify(expected));
}

// Pieces of YAML syntax, most of them meaningful, for texts that are nearly YAML.
const SYNTAX = [
  'a',
  'key',
  ': ',
  ':',
  '- ',
  '\n',
  '  ',
  '\t',
  '[',
  ']',
  '{',
  '}',
  ', ',
  '"',
  "'",
  '\\',
  '#',
  ' # c',
  '&a ',
  '*a',
  '|1',
  '>+',
  '|-',
  '!',
  '!!str ',
  '!x ',
  '? ',
  '1',
  '-0',
  '0x1F',
  '.inf',
  '~',
  '\r',
  '\r\n',
  '---',
  '...',
  '%YAML 1.2',
  '<<',
  '__proto__',
  'é',
  '\u2028',
];

describe('parseSource', () => {
  it('should read every definition file with no problem, as yaml reads it', () => {
    for (const [path, text] of files) {
      const { source, problems } = parseSource(path, text);
      expect(problems, path).toEqual([]);
      expectSameValue(source.data, parse(text), path);
    }
  });

  it('should read a definition saved with Windows line ends (CR LF) as the same value', () => {
    for (const [path, text] of files) {
      const windows = parseSource(path, text.replace(/\n/g, '\r\n'));
      expect(windows.problems, path).toEqual([]);
      expectSameValue(windows.source.data, parseSource(path, text).source.data, path);
    }
  });

  it('should place a problem in a CR LF file at the same line and column as in the LF file', () => {
    // given a form with an unclosed flow sequence, saved with each kind of line end
    const [path, text] = files.find(([name]) => name.startsWith('forms/'))!;
    const broken = text.replace(/\n(\s+)type: (\w+)/, '\n$1type: [$2');
    const lf = parseSource(path, broken).problems;
    const crlf = parseSource(path, broken.replace(/\n/g, '\r\n')).problems;
    // then both report it at one place
    expect(lf.length).toBeGreaterThan(0);
    expect(crlf.map(({ line, col, code }) => ({ line, col, code }))).toEqual(
      lf.map(({ line, col, code }) => ({ line, col, code })),
    );
  });

  it('should read a kept block scalar (>+) ending in CR LF as its LF twin (two readers once disagreed)', () => {
    // given the counterexample fast-check found (seed 2050527386) and a key whose kept text ends in blank lines
    for (const [windows, expected] of [
      ['>+\r\n\n    ', '\n'],
      ['v: >+\r\n  a\r\n\r\n', { v: 'a\n\n' }],
    ] as const) {
      const { source, problems } = parseSource('x.yaml', windows);
      expect(problems).toEqual([]);
      expect(source.data).toEqual(expected);
      expect(source.data).toEqual(parseSource('x.yaml', windows.replace(/\r\n/g, '\n')).source.data);
    }
  });

  it('should give a mangled definition file its value or problems inside the text, never a throw', () => {
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
          const { source, problems } = parseSource('x.yaml', text);
          expect(source.parseFailed).toBe(problems.length > 0);
          const lines = text.split(/\r\n|\r|\n/).length;
          for (const problem of problems) {
            expect(problem.line).toBeGreaterThanOrEqual(1);
            expect(problem.line).toBeLessThanOrEqual(lines + 1);
            expect(problem.col).toBeGreaterThanOrEqual(1);
            expect(problem.message).toMatch(/^YAML: /);
          }
        },
      ),
      { numRuns: 250 },
    );
  });
});
