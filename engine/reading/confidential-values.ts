// Case values copied from confidential answers (engine/definitions/confidential-values.ts), found once per definition
// version, and values without them.
import type { CompiledDefinitions } from '../definitions/check.js';
import { confidentialCaseValues } from '../definitions/confidential-values.js';

const cache = new WeakMap<CompiledDefinitions, Set<string>>();

export function confidentialValuePaths(defs: CompiledDefinitions): Set<string> {
  const cached = cache.get(defs);
  if (cached) return cached;
  const pathways = [...defs.pathways.values()].map((p) => p.config);
  const known = confidentialCaseValues(pathways, (id) => defs.forms.get(id)?.schema);
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
