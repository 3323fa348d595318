// Case values copied from confidential answers: an `assign` whose expression reads a confidential form or field (or a
// case value already known to be such) makes its target path confidential too. Read from the pathways' configs, so
// both the lint (over files as loaded) and the server (over compiled definitions) decide alike.
import { isConfidential, pathIsConfidential } from '../forms/confidential-schema.js';
import { walkPathway } from './pathway-walk.js';
import type { JsonObject } from './types.js';

type FormSchemaOf = (formId: string) => JsonObject | undefined;

function readPaths(expr: unknown): string[] {
  const text = JSON.stringify(expr ?? null);
  return [...text.matchAll(/"((?:forms|case|parent)(?:\.[A-Za-z0-9_-]+)+)"/g)].map((m) => m[1]!);
}

/** Whether a `forms.<id>.<path>` or `case.<path>` read reaches confidential information. */
export function readsConfidential(path: string, formSchemaOf: FormSchemaOf, confidentialValues: Set<string>): boolean {
  const [head, ...rest] = path.split('.');
  if (head === 'forms') {
    const [formId, ...inside] = rest;
    const schema = formId ? formSchemaOf(formId) : undefined;
    return Boolean(schema && (isConfidential(schema) || pathIsConfidential(schema, inside)));
  }
  const value = rest.join('.');
  return [...confidentialValues].some((k) => value === k || value.startsWith(`${k}.`) || k.startsWith(`${value}.`));
}

/** The case value paths (`assign` targets) that hold confidential information, over every pathway given. */
export function confidentialCaseValues(pathways: Iterable<JsonObject>, formSchemaOf: FormSchemaOf): Set<string> {
  const assigns = [...pathways].flatMap((config) =>
    walkPathway(config).uses.filter((u) => u.kind === 'action' && u.type === 'assign'),
  );
  const known = new Set<string>();
  for (let changed = true; changed;) {
    changed = false;
    for (const use of assigns) {
      const target = use.params.path as string;
      if (known.has(target)) continue;
      if (readPaths(use.params.expr).some((p) => readsConfidential(p, formSchemaOf, known))) {
        known.add(target);
        changed = true;
      }
    }
  }
  return known;
}
