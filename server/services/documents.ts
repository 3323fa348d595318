// One document of a case (an instance of kind document with its lifecycle state) as its reader may see it.
import type { CaseSnapshotView } from '../../engine/service/case-service.js';
import type { CaseData } from '../../engine/runtime/model.js';
import { problem } from '../http-problems.js';
import { Redactor } from './redaction.js';

export function documentFor(snapshot: CaseSnapshotView, instanceId: string, redactor: Redactor) {
  const { record, view, defs } = snapshot;
  const instance = view.instances.find((i) => i.id === instanceId && i.kind === 'document');
  if (!instance?.form) throw problem(404, 'not-found', `This case has no document "${instanceId}".`);
  if (!redactor.mayReadForm(instance.form)) throw problem(403, 'forbidden', 'This document may not be shown to you or to this audience.');
  // A document keeps its own answers; a later document of the same form never changes them.
  const submission = (record.snapshot as CaseData).instances[instance.id]?.answers;
  return {
    id: instance.id,
    caseId: record.id,
    caseTitle: view.title,
    form: instance.form,
    formTitle: String(defs.forms.get(instance.form)?.schema.title ?? instance.form),
    state: instance.state,
    title: instance.title,
    done: instance.done,
    ...(instance.cites ? { cites: instance.cites } : {}),
    allowedEvents: instance.allowedEvents,
    ...(redactor.reader.audience ? { audience: redactor.reader.audience } : {}),
    answers: submission ? redactor.answers(instance.form, submission.data) ?? {} : null,
    submittedBy: submission?.submittedBy ?? null,
    submittedAt: submission?.at ?? null,
    schema: redactor.schema(instance.form)!,
  };
}

export type DocumentBody = ReturnType<typeof documentFor>;

/** The reader of a document: the viewer's role, seen through an audience of roles.yaml when one is asked for. */
export function documentReader(snapshot: CaseSnapshotView, role: string, audience: unknown): Redactor {
  if (audience === undefined || audience === '') return new Redactor(snapshot.defs, { role });
  const known = typeof audience === 'string' && (Object.hasOwn(snapshot.defs.roles.audiences ?? {}, audience) || Object.hasOwn(snapshot.defs.roles.roles, audience));
  if (!known) throw problem(400, 'unknown-audience', `"${String(audience)}" is not an audience or role of roles.yaml.`);
  return new Redactor(snapshot.defs, { role, audience: audience as string });
}
