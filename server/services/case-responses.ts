// The JSON a person receives for one case: the case view, its history (who did what, when: no answers), its
// documents, and the values and answers they may read, all through one Redactor.
import type { CaseSnapshotView } from '../../engine/service/case-service.js';
import type { CaseData } from '../../engine/runtime/model.js';
import type { CaseStore, EventHeader } from '../../engine/store/index.js';
import type { Viewer } from '../types.js';
import type { CaseHistoryJson } from './case-history-json.js';
import { RedactorsByVersion, type DefinitionsAt } from './collected-answers.js';
import { Redactor } from './redaction.js';

export function documentsOf(snapshot: CaseSnapshotView, redactor: Redactor) {
  const data = snapshot.record.snapshot as CaseData;
  return snapshot.view.instances
    .filter((i) => i.kind === 'document' && i.form && redactor.mayReadForm(i.form))
    .map((i) => ({
      id: i.id,
      form: i.form!,
      formTitle: String(snapshot.defs.forms.get(i.form!)?.schema.title ?? i.form),
      state: i.state,
      title: i.title,
      done: i.done,
      ...(i.cites ? { cites: i.cites } : {}),
      hasAnswers: Boolean(data.instances[i.id]?.answers),
      allowedEvents: i.allowedEvents,
    }));
}

export async function submittedForms(data: CaseData, redactors: RedactorsByVersion) {
  const forms: Record<string, { data: Record<string, unknown>; submittedBy: string; role: string; at: string; formVersion: number; definitionVersion: number }> = {};
  for (const [id, submission] of Object.entries(data.forms)) {
    const answers = await redactors.answers(id, submission);
    if (answers) forms[id] = { data: answers, submittedBy: submission.submittedBy, role: submission.role, at: submission.at, formVersion: submission.formVersion, definitionVersion: redactors.collectedUnder(submission) };
  }
  return forms;
}

/**
 * The case as this viewer may see it, as JSON text: what JSON.stringify gives for the whole view, with the history
 * (the part that grows with the case) taken from the kept text, extended by the events added since.
 */
export async function caseResponse(store: CaseStore, viewer: Viewer, snapshot: CaseSnapshotView, history: CaseHistoryJson, definitionsAt: DefinitionsAt) {
  const { record, view, defs } = snapshot;
  const redactor = new Redactor(defs, { role: viewer.role });
  const data = record.snapshot as CaseData;
  const redactors = new RedactorsByVersion(redactor, record.definitionVersion, definitionsAt);
  const headers = await store.listEventHeaders(record.id, record.version);
  const names = await store.displayNames(usersNamedIn(record.createdBy, view.values, view.notifications, headers));
  const beforeHistory = {
    id: record.id,
    version: record.version,
    pathway: record.pathwayId,
    definitionVersion: record.definitionVersion,
    state: view.state,
    title: view.title,
    done: view.done,
    allowedEvents: view.allowedEvents,
    tasks: view.tasks,
    formsOpen: view.formsOpen,
    formsSubmitted: view.formsSubmitted.filter((f) => redactor.mayReadForm(f)),
    deadlines: view.deadlines,
    notifications: view.notifications.map((n) =>
      n.done ? { ...n, done: { ...n.done, byName: names[n.done.by] ?? n.done.by } } : n,
    ),
    instances: view.instances.filter((i) => i.kind !== 'document' || (i.form && redactor.mayReadForm(i.form))),
    documents: documentsOf(snapshot, redactor),
  };
  const afterHistory = {
    values: await redactors.values(view.values, Object.values(data.forms)),
    forms: await submittedForms(data, redactors),
    createdBy: record.createdBy,
    createdByName: names[record.createdBy] ?? record.createdBy,
    /** Display names of everyone named on the case (history, values, notices), by user name. */
    userNames: names,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
  // Both objects always have keys (id; createdBy …), so the braces can be cut and the pieces joined.
  const historyText = history.text(record.id, headers, names);
  const text = `${JSON.stringify(beforeHistory).slice(0, -1)},"history":${historyText},${JSON.stringify(afterHistory).slice(1)}`;
  return { text, redactor };
}

/** Everyone a case response names: its opener, everyone in its history, whoever did what a notice asked, its people. */
function usersNamedIn(
  createdBy: string, values: Record<string, unknown>, notices: CaseData['notifications'], headers: EventHeader[],
): string[] {
  const named = new Set([createdBy, ...headers.map((h) => h.userId)]);
  for (const notice of notices) if (notice.done) named.add(notice.done.by);
  for (const key of ['referredBy', 'allocatedTo']) if (typeof values[key] === 'string') named.add(values[key] as string);
  return [...named];
}
