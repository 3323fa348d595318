// Case values that may hold confidential information (engine/definitions/confidential-values.ts), found once per
// definition version, and values without them.
import type { CompiledDefinitions } from '../definitions/check.js';
import { confidentialFlowOf } from '../definitions/confidential-values.js';

export function confidentialValuePaths(defs: CompiledDefinitions): ReadonlySet<string> {
  return confidentialFlowOf(defs).sources.values;
}

/** Whether the notes a pathway's instances record may hold confidential information. */
export function notesMayBeConfidential(defs: CompiledDefinitions, pathway: string): boolean {
  return confidentialFlowOf(defs).notePathways.has(pathway);
}

/** A copy of the values without the confidential paths. */
export function withoutConfidentialValues(
  values: Record<string, unknown>,
  paths: ReadonlySet<string>,
): Record<string, unknown> {
  if (paths.size === 0) return values;
  const copy = structuredClone(values);
  for (const path of paths) {
    const parts = path.split('.');
    const parent = parts
      .slice(0, -1)
      .reduce<unknown>(
        (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
        copy,
      );
    if (parent && typeof parent === 'object') delete (parent as Record<string, unknown>)[parts.at(-1)!];
  }
  return copy;
}
