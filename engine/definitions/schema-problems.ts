// Maps ajv errors on a definition file to problems at the line and column of the offending value.
import type { ErrorObject } from 'ajv';
import { pointerToPath } from '../forms/messages.js';
import type { Problem } from './problems.js';
import { problemAt, type SourceFile } from './source.js';

function pathOf(pointer: string): (string | number)[] {
  const dotted = pointerToPath(pointer);
  return dotted ? dotted.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : [];
}

function describe(error: ErrorObject): { message: string; key?: string } {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return { message: `unknown key "${p.additionalProperty}"`, key: String(p.additionalProperty) };
    case 'required':
      return { message: `missing "${p.missingProperty}"` };
    case 'enum':
      return { message: `must be one of: ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
    case 'const':
      return { message: `must be ${JSON.stringify(p.allowedValue)}` };
    case 'pattern':
      return { message: `"${''}${error.data}" is not a valid name (lower-case words joined by hyphens)` };
    default:
      return { message: error.message ?? error.keyword };
  }
}

const NOISE = new Set(['anyOf', 'oneOf', 'if', 'allOf']);

export function schemaProblems(source: SourceFile, errors: ErrorObject[] | null | undefined, what: string): Problem[] {
  const list = (errors ?? []).filter((e) => !NOISE.has(e.keyword));
  // Keep the deepest errors: a failed branch of anyOf also reports shallower "wrong type" errors.
  const deepest = list.filter(
    (e) =>
      !list.some(
        (o) => o !== e && o.instancePath.startsWith(e.instancePath + '/') && o.instancePath !== e.instancePath,
      ),
  );
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of deepest) byPath.set(e.instancePath, [...(byPath.get(e.instancePath) ?? []), e]);
  const problems: Problem[] = [];
  for (const [pointer, group] of byPath) {
    const specific = group.filter((e) => e.keyword !== 'type');
    const chosen = (specific.length ? specific : group).filter(
      (e, i, all) => all.findIndex((o) => describe(o).message === describe(e).message) === i,
    );
    // A guard written with a wrong combinator reports "missing and/or/not" for every branch: keep the first.
    const shown = chosen.filter(
      (e) =>
        !(
          e.keyword === 'required' &&
          ['and', 'or', 'not'].includes(String((e.params as { missingProperty: string }).missingProperty))
        ),
    );
    for (const error of shown.length ? shown : chosen.slice(0, 1)) {
      const { message, key } = describe(error);
      const path = pathOf(pointer);
      const at = key ? [...path, key] : path;
      problems.push(
        problemAt(
          source,
          at,
          'schema',
          `${what}: ${message}${path.length ? ` (at ${path.join('.')})` : ''}`,
          key ? 'key' : 'value',
        ),
      );
    }
  }
  return problems;
}
