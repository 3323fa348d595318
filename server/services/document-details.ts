// What a document carries beyond its answers, for the people who read it: its sign-off records (display names, role
// titles), the forms it keeps for itself (its own audit), and — for those who work on it, never for an audience —
// the notes its lifecycle recorded, such as the Team Manager's comments when it was returned.
import {
  type CompiledDefinitions,
  derivedFrom,
  walkPathway,
  type InstanceContext,
  type CaseSnapshotView,
  type CaseData,
  type InstanceRecord,
  type JsonObject,
  type Redactor,
} from '../../engine/index.js';
import { RedactorsByVersion, type DefinitionsAt } from './collected-answers.js';
import type { PeopleDirectory } from './people.js';
import { showSignOffs } from './sign-off-records.js';

const NOBODY: ReadonlySet<string> = new Set();

const actorsOf = (config: JsonObject) =>
  new Set(walkPathway(config).states.flatMap((s) => (s.node.meta as { actors?: string[] } | undefined)?.actors ?? []));

/**
 * Pathway → the roles that act in some state of it, worked out once per definition version (610 µs for all the
 * protocol's pathways): walking the one pathway asked about took 97 µs against 0.09 µs kept (side by side, median of
 * 11 rounds), asked 1.6 times a request on average (bench/simulated-officers.ts's mix of requests).
 */
const workersByPathway = derivedFrom(
  (defs: CompiledDefinitions) => new Map([...defs.pathways].map(([id, { config }]) => [id, actorsOf(config)])),
);

/** The roles that act in some state of a pathway: those who work on its documents. */
export function rolesWorkingOn(defs: CompiledDefinitions, pathway: string): ReadonlySet<string> {
  return workersByPathway(defs).get(pathway) ?? NOBODY;
}

/** Every user name a document's details name, for one look-up of display names. */
export function detailUsers(instance: InstanceRecord): string[] {
  const notes = ((instance.snapshot as { context?: InstanceContext }).context?.notes ?? []).map((n) => n.by);
  const forms = Object.values(instance.forms ?? {}).map((s) => s.submittedBy);
  return [...(instance.signOffs ?? []).map((r) => r.by), ...notes, ...forms];
}

export async function detailsOf(
  defs: CompiledDefinitions,
  data: CaseData,
  instance: InstanceRecord,
  redactors: RedactorsByVersion,
  names: Record<string, string>,
) {
  const reader = redactors.current.reader;
  const mayReadNotes = !reader.audience && rolesWorkingOn(defs, instance.pathway).has(reader.role);
  const recorded = mayReadNotes ? ((instance.snapshot as { context?: InstanceContext }).context?.notes ?? []) : [];
  const notes = await redactors.notes(instance.pathway, recorded, data);
  const forms: Record<
    string,
    { data: Record<string, unknown>; submittedBy: string; at: string; formVersion: number; definitionVersion: number }
  > = {};
  for (const [id, submission] of Object.entries(instance.forms ?? {})) {
    const data = await redactors.answers(id, submission);
    if (data)
      forms[id] = {
        data,
        submittedBy: names[submission.submittedBy] ?? 'A former user',
        at: submission.at,
        formVersion: submission.formVersion,
        definitionVersion: redactors.collectedUnder(submission),
      };
  }
  return {
    signOffs: showSignOffs(defs, instance, names),
    comments: notes.map((n) => ({ at: n.at, by: names[n.by] ?? 'A former user', text: n.text })),
    ownForms: forms,
  };
}

export async function documentDetails(
  snapshot: CaseSnapshotView,
  instanceId: string,
  redactor: Redactor,
  definitionsAt: DefinitionsAt,
  people: PeopleDirectory,
) {
  const data = snapshot.record.snapshot as CaseData;
  const instance = data.instances[instanceId]!;
  const redactors = new RedactorsByVersion(redactor, snapshot.record.definitionVersion, definitionsAt);
  return detailsOf(snapshot.defs, data, instance, redactors, await people.namesOf(detailUsers(instance)));
}
