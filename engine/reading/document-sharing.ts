// When a document reaches a reader. A lifecycle pathway shares a document with a role or audience in the states whose
// meta `shares` names it with the document's form (report.yaml: when final). A role or audience named so in any
// pathway sees documents of that form only while one of them is in such a state, and never the case-level answers of
// that form (a draft); roles never named in `shares` read documents as roles.yaml allows.
import type { CompiledDefinitions } from '../definitions/check.js';
import { walkPathway } from '../definitions/pathway-walk.js';
import { currentMeta, restoreSnapshot } from '../runtime/instances.js';
import type { CaseData } from '../runtime/model.js';
import { derivedFrom } from '../util/derived.js';
import type { Reader } from './reader.js';

type SharedWith = Map<string, Set<string>>;

/**
 * Role or audience → the forms some state of some pathway shares with it. Worked out once per definition version:
 * it walks every state of every pathway, 600 µs for the protocol's definitions against 0.09 µs kept (side by side,
 * median of 11 rounds), and it is asked 23 times a request on average (bench/simulated-officers.ts's mix of requests).
 */
const sharedWith = derivedFrom((defs: CompiledDefinitions): SharedWith => {
  const found: SharedWith = new Map();
  for (const pathway of defs.pathways.values()) {
    for (const state of walkPathway(pathway.config).states) {
      const shares = ((state.node.meta as { shares?: Record<string, string[]> } | undefined)?.shares ?? {}) as Record<
        string,
        string[]
      >;
      for (const [name, forms] of Object.entries(shares)) {
        const set = found.get(name) ?? new Set<string>();
        forms.forEach((f) => set.add(f));
        found.set(name, set);
      }
    }
  }
  return found;
});

function namesOf(reader: Reader): string[] {
  return reader.audience ? [reader.role, reader.audience] : [reader.role];
}

/** Whether documents of this form reach this reader only where a pathway shares them. */
export function sharedOnly(defs: CompiledDefinitions, reader: Reader, form: string): boolean {
  const shared = sharedWith(defs);
  return namesOf(reader).some((name) => shared.get(name)?.has(form));
}

/** Whether a document of the case may be shown to this reader now, as far as sharing goes. */
export function documentReachesReader(
  defs: CompiledDefinitions,
  data: CaseData,
  instanceId: string,
  reader: Reader,
): boolean {
  const instance = data.instances[instanceId];
  if (!instance?.form) return false;
  if (!sharedOnly(defs, reader, instance.form)) return true;
  const pathway = defs.pathways.get(instance.pathway);
  if (!pathway) return false;
  const metas = currentMeta(restoreSnapshot(pathway.machine, instance.snapshot));
  const sharing = metas.map((m) => (m.shares ?? {}) as Record<string, string[]>);
  const shared = sharedWith(defs);
  // Every name of the reader that sharing restricts (their role, the audience) must be shared with here.
  return namesOf(reader)
    .filter((name) => shared.get(name)?.has(instance.form!))
    .every((name) => sharing.some((s) => (s[name] ?? []).includes(instance.form!)));
}
