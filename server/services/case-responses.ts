// The JSON a person receives for one case: the case view, its history (who did what, when: no answers), its
// documents, and the values and answers they may read, all through one Redactor.
import {
  type CaseSnapshotView,
  type CaseData,
  type CaseStore,
  Redactor,
  documentShown,
  formShown,
  historyFor,
  noticesFor,
} from '../../engine/index.js';
import type { Viewer } from '../types.js';
import type { CaseHistoryJson } from './case-history-json.js';
import { RedactorsByVersion, type DefinitionsAt } from './collected-answers.js';
import { detailsOf, detailUsers } from './document-details.js';
import { showSignOffs } from './sign-off-records.js';
import type { PeopleDirectory } from './people.js';
import { identityShownTo } from './case-identity.js';

export async function documentsOf(
  snapshot: CaseSnapshotView,
  redactors: RedactorsByVersion,
  names: Record<string, string>,
) {
  const data = snapshot.record.snapshot as CaseData;
  const redactor = redactors.current;
  const shown = snapshot.view.instances.filter(
    (i) => i.kind === 'document' && documentShown(snapshot.defs, data, redactor, i.id),
  );
  return Promise.all(
    shown.map(async (i) => ({
      id: i.id,
      form: i.form!,
      formTitle: String(snapshot.defs.forms.get(i.form!)?.schema.title ?? i.form),
      state: i.state,
      title: i.title,
      done: i.done,
      ...(i.cites ? { cites: i.cites } : {}),
      hasAnswers: Boolean(data.instances[i.id]?.answers),
      allowedEvents: i.allowedEvents,
      ...(i.nextStep ? { nextStep: i.nextStep } : {}),
      ...(await detailsOf(snapshot.defs, data, data.instances[i.id]!, redactors, names)),
    })),
  );
}

export async function submittedForms(data: CaseData, redactors: RedactorsByVersion, defs: CaseSnapshotView['defs']) {
  const forms: Record<
    string,
    {
      data: Record<string, unknown>;
      submittedBy: string;
      role: string;
      at: string;
      formVersion: number;
      definitionVersion: number;
    }
  > = {};
  for (const [id, submission] of Object.entries(data.forms)) {
    // A document's form reaches a reader it is shared with only as the document, once shared.
    if (!formShown(defs, redactors.current, id)) continue;
    const answers = await redactors.answers(id, submission);
    if (answers) {
      forms[id] = {
        data: answers,
        submittedBy: submission.submittedBy,
        role: submission.role,
        at: submission.at,
        formVersion: submission.formVersion,
        definitionVersion: redactors.collectedUnder(submission),
      };
    }
  }
  return forms;
}

/**
 * The case as this viewer may see it, as JSON text: what JSON.stringify gives for the whole view, with the history
 * (the part that grows with the case) taken from the kept text, extended by the events added since.
 */
/** User names a case response names (its history, who opened it, who submitted, sent or signed what). */
function namedUsers(
  data: CaseData,
  values: Record<string, unknown>,
  createdBy: string,
  headers: { userId: string }[],
): Set<string> {
  const submitters = Object.values(data.forms).map((s) => s.submittedBy);
  const users = new Set<string>([createdBy, ...headers.map((h) => h.userId), ...submitters]);
  for (const key of ['referredBy', 'allocatedTo']) {
    if (typeof values[key] === 'string') users.add(values[key] as string);
  }
  for (const instance of Object.values(data.instances)) {
    if (instance.kind === 'document') detailUsers(instance).forEach((u) => users.add(u));
    else (instance.signOffs ?? []).forEach((r) => users.add(r.by));
  }
  return users;
}

export async function caseResponse(
  store: CaseStore,
  viewer: Viewer,
  snapshot: CaseSnapshotView,
  history: CaseHistoryJson,
  definitionsAt: DefinitionsAt,
  people?: PeopleDirectory,
) {
  const { record, view, defs } = snapshot;
  const redactor = new Redactor(defs, { role: viewer.role });
  const data = record.snapshot as CaseData;
  const redactors = new RedactorsByVersion(redactor, record.definitionVersion, definitionsAt);
  // Only the entries and notices about what this reader may read (a confidential document's audit steps are not).
  const headers = historyFor(defs, data, redactor, await store.listEventHeaders(record.id, record.version));
  const notices = noticesFor(defs, data, redactor);
  const named = namedUsers(data, view.values, record.createdBy, headers);
  for (const notice of notices) if (notice.done) named.add(notice.done.by);
  const names = people ? await people.namesOf(named) : {};
  const beforeHistory = {
    id: record.id,
    version: record.version,
    pathway: record.pathwayId,
    definitionVersion: record.definitionVersion,
    // Who the case is about, for its heading: never its id.
    identity: identityShownTo(defs, record.pathwayId, record.summary, redactor),
    state: view.state,
    title: view.title,
    done: view.done,
    allowedEvents: view.allowedEvents,
    tasks: view.tasks,
    formsOpen: view.formsOpen,
    formsSubmitted: view.formsSubmitted.filter((f) => formShown(defs, redactor, f)),
    deadlines: view.deadlines,
    notifications: notices.map((n) =>
      n.done ? { ...n, done: { ...n.done, byName: names[n.done.by] ?? n.done.by } } : n,
    ),
    instances: view.instances.filter((i) => i.kind !== 'document' || documentShown(defs, data, redactor, i.id)),
    // The case's own sign-offs and its inner pathways' (a document's are on the document).
    signOffs: Object.values(data.instances)
      .filter((i) => i.kind !== 'document')
      .flatMap((i) => showSignOffs(defs, i, names).map((s) => ({ instance: i.id, ...s })))
      .sort((a, b) => a.at.localeCompare(b.at)),
    documents: await documentsOf(snapshot, redactors, names),
  };
  const afterHistory = {
    values: await redactors.values(view.values, data),
    forms: await submittedForms(data, redactors, defs),
    people: names,
    roleTitles: Object.fromEntries(Object.entries(defs.roles.roles).map(([id, role]) => [id, role.title])),
    createdBy: record.createdBy,
    createdByName: names[record.createdBy] ?? record.createdBy,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
  // Both objects always have keys (id; createdBy …), so the braces can be cut and the pieces joined.
  // The kept text is per reader's view of the case: which documents reach them decides which entries are there.
  const shownDocuments = beforeHistory.documents.map((d) => d.id).join(',');
  const historyKey = [record.id, viewer.role, redactor.reader.audience ?? '', shownDocuments].join('\u0000');
  const historyText = history.text(historyKey, headers, names);
  const text = `${JSON.stringify(beforeHistory).slice(0, -1)},"history":${historyText},${JSON.stringify(afterHistory).slice(1)}`;
  return { text, redactor };
}
