// Case values copied from confidential answers: an `assign` whose expression reads a confidential form or field (or a
// case value already known to be such) makes its target path confidential too. Found once per definition version.
import type { CompiledDefinitions } from '../../engine/definitions/check.js';
import { walkPathway } from '../../engine/definitions/pathway-walk.js';
import { isConfidential, pathIsConfidential } from './confidential-schema.js';

const cache = new WeakMap<CompiledDefinitions, Set<string>>();

function readPaths(expr: unknown): string[] {
  const text = JSON.stringify(expr ?? null);
  return [...text.matchAll(/"((?:forms|case|parent)(?:\.[A-Za-z0-9_-]+)+)"/g)].map((m) => m[1]!);
}

function readsConfidential(defs: CompiledDefinitions, path: string, known: Set<string>): boolean {
  const [head, ...rest] = path.split('.');
  if (head === 'forms') {
    const [formId, ...inside] = rest;
    const form = formId ? defs.forms.get(formId) : undefined;
    return Boolean(form && (isConfidential(form.schema) || pathIsConfidential(form.schema, inside)));
  }
  const value = rest.join('.');
  return [...known].some((k) => value === k || value.startsWith(`${k}.`) || k.startsWith(`${value}.`));
}

export function confidentialValuePaths(defs: CompiledDefinitions): Set<string> {
  const cached = cache.get(defs);
  if (cached) return cached;
  const assigns = [...defs.pathways.values()].flatMap((p) => walkPathway(p.config).uses.filter((u) => u.kind === 'action' && u.type === 'assign'));
  const known = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const use of assigns) {
      const target = use.params.path as string;
      if (known.has(target)) continue;
      if (readPaths(use.params.expr).some((p) => readsConfidential(defs, p, known))) {
        known.add(target);
        changed = true;
      }
    }
  }
  cache.set(defs, known);
  return known;
}

/** A copy of the values without the confidential paths. */
export function withoutConfidentialValues(values: Record<string, unknown>, paths: Set<string>): Record<string, unknown> {
  if (paths.size === 0) return values;
  const copy = structuredClone(values);
  for (const path of paths) {
    const parts = path.split('.');
    const parent = parts.slice(0, -1).reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), copy);
    if (parent && typeof parent === 'object') delete (parent as Record<string, unknown>)[parts.at(-1)!];
  }
  return copy;
}
