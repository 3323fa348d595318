// One document of a case (an instance of kind document with its lifecycle state) as its reader may see it, once its
// pathway shares it with them.
import {
  type CaseSnapshotView,
  type CaseData,
  documentReachesReader,
  readerMaySeeCaseOf,
  Redactor,
} from '../../engine/index.js';
import { problem } from '../http-problems.js';
import { RedactorsByVersion, type DefinitionsAt } from './collected-answers.js';
import { identityShownTo } from './case-identity.js';

/**
 * The document as its reader may see it. Its answers are shown with the form of the definitions version they were
 * collected under (see collected-answers.ts), which may be older than the case's after a migration.
 */
export async function documentFor(
  snapshot: CaseSnapshotView,
  instanceId: string,
  redactor: Redactor,
  definitionsAt: DefinitionsAt,
) {
  const { record, view, defs } = snapshot;
  const instance = view.instances.find((i) => i.id === instanceId && i.kind === 'document');
  if (!instance?.form) throw problem(404, 'not-found', `This case has no document "${instanceId}".`);
  if (!redactor.askToRead(instance.form)) {
    throw problem(403, 'forbidden', 'This document may not be shown to you or to this audience.');
  }
  // Before its answers are read, so that a document refused for its stage counts as nothing disclosed.
  if (!documentReachesReader(defs, record.snapshot as CaseData, instance.id, redactor.reader)) {
    throw problem(403, 'not-shared', 'This document has not been shared with you or with this audience yet.');
  }
  // A document keeps its own answers; a later document of the same form never changes them.
  const submission = (record.snapshot as CaseData).instances[instance.id]?.answers;
  const redactors = new RedactorsByVersion(redactor, record.definitionVersion, definitionsAt);
  const version = submission ? redactors.collectedUnder(submission) : record.definitionVersion;
  const then = await redactors.at(version);
  const form = instance.form;
  const answers = submission ? await redactors.answers(form, submission) : undefined;
  return {
    id: instance.id,
    caseId: record.id,
    caseTitle: view.title,
    // Who the case is about (the pathway's meta.identity, never confidential), for headings and print.
    ...identityOf(snapshot, redactor),
    form,
    formTitle: String((then.schema(form) ?? defs.forms.get(form)?.schema)?.title ?? form),
    definitionVersion: version,
    state: instance.state,
    title: instance.title,
    done: instance.done,
    ...(instance.cites ? { cites: instance.cites } : {}),
    allowedEvents: instance.allowedEvents,
    ...(redactor.reader.audience ? { audience: redactor.reader.audience } : {}),
    answers: submission ? (answers ?? {}) : null,
    submittedBy: submission?.submittedBy ?? null,
    submittedAt: submission?.at ?? null,
    // Without what either version withholds from this reader.
    schema: then === redactor ? redactor.schema(form)! : (then.schema(form) ?? redactor.schema(form)!),
  };
}

/** The person and case number of the case, as this reader may see them. */
function identityOf(snapshot: CaseSnapshotView, redactor: Redactor) {
  const { defs, record } = snapshot;
  const { person, caseNumber } = identityShownTo(defs, record.pathwayId, record.summary, redactor);
  return { person, caseNumber };
}

export type DocumentBody = Awaited<ReturnType<typeof documentFor>>;

/** The reader of a document: the viewer's role, seen through an audience of roles.yaml when one is asked for. */
export function documentReader(snapshot: CaseSnapshotView, role: string, audience: unknown): Redactor {
  if (audience === undefined || audience === '') return new Redactor(snapshot.defs, { role });
  const known =
    typeof audience === 'string' &&
    (Object.hasOwn(snapshot.defs.roles.audiences ?? {}, audience) ||
      Object.hasOwn(snapshot.defs.roles.roles, audience));
  if (!known) throw problem(400, 'unknown-audience', `"${String(audience)}" is not an audience or role of roles.yaml.`);
  const reader = { role, audience: audience as string };
  if (!readerMaySeeCaseOf(snapshot.defs, reader, snapshot.record.pathwayId))
    throw problem(403, 'forbidden', 'This case is confidential: nothing of it may be shown to this audience.');
  return new Redactor(snapshot.defs, reader);
}
