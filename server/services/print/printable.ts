// What a reader may print of a case — a document (its own answers), a form submitted on the case, or a form an
// instance keeps for itself (a document's audit) — as a print model: redacted for the reader, headed with the case's
// reference, the people the pathway's `documentHeader` names, the form's version, and its sign-off records.
import {
  type CaseSnapshotView,
  type CaseData,
  type FormSubmission,
  type InstanceRecord,
  evaluateLogic,
  whoAndWhen,
  documentReachesReader,
  sharedOnly,
  type Redactor,
} from '../../../engine/index.js';
import { caseReference } from '../../../forms-ui/src/app/core/format.js';
import { problem } from '../../http-problems.js';
import { RedactorsByVersion, type DefinitionsAt } from '../collected-answers.js';
import { identityShownTo } from '../case-identity.js';
import { documentFor } from '../documents.js';
import type { PeopleDirectory } from '../people.js';
import { showSignOffs, signOffsOfForm } from '../sign-off-records.js';
import { buildPrintModel, wordDate, type PrintFact, type PrintModel, type PrintSignOff } from './print-model.js';

export interface PrintRequest {
  snapshot: CaseSnapshotView;
  redactor: Redactor;
  definitionsAt: DefinitionsAt;
  people: PeopleDirectory;
  /** The audience's title when printing for one ("The person referred"). */
  audienceTitle?: string;
}

function headerText(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (Array.isArray(value)) return value.map(headerText).filter(Boolean).join(', ');
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return typeof value === 'object' ? '' : wordDate(String(value));
}

/**
 * Who and what the case is about, worked out from what this reader may see: the pathway's header lines, else the
 * person and case number its `meta.identity` declares; the case's own reference only when it names neither.
 */
async function caseFacts(request: PrintRequest): Promise<PrintFact[]> {
  const { snapshot } = request;
  const data = snapshot.record.snapshot as CaseData;
  const lines = snapshot.defs.pathways.get(data.pathway)?.meta.documentHeader ?? [];
  const facts: PrintFact[] = lines.length ? await headerFacts(request, data, lines) : identityFacts(request);
  return facts.length ? facts : [{ label: 'Case reference', value: caseReference(snapshot.record.id) }];
}

function identityFacts({ snapshot, redactor }: PrintRequest): PrintFact[] {
  const { defs, record } = snapshot;
  const { person, caseNumber } = identityShownTo(defs, record.pathwayId, record.summary, redactor);
  const facts: PrintFact[] = [];
  if (person?.name) facts.push({ label: person.title ?? 'Person', value: person.name });
  if (person?.dateOfBirth) facts.push({ label: 'Date of birth', value: wordDate(person.dateOfBirth) });
  if (caseNumber?.value) facts.push({ label: caseNumber.title ?? 'Case number', value: caseNumber.value });
  return facts;
}

async function headerFacts(
  request: PrintRequest,
  data: CaseData,
  lines: { title: string; value: unknown }[],
): Promise<PrintFact[]> {
  const { snapshot, redactor, definitionsAt } = request;
  const redactors = new RedactorsByVersion(redactor, snapshot.record.definitionVersion, definitionsAt);
  const forms: Record<string, unknown> = {};
  for (const [id, submission] of Object.entries(data.forms)) {
    if (sharedOnly(snapshot.defs, redactor.reader, id)) continue;
    const answers = await redactors.answers(id, submission);
    if (answers) forms[id] = answers;
  }
  const values = await redactors.values(snapshot.view.values, data);
  const facts: PrintFact[] = [];
  for (const line of lines) {
    const value = headerText(evaluateLogic(line.value as never, { forms, case: values }));
    if (value) facts.push({ label: line.title, value });
  }
  return facts;
}

function submittedFact(
  request: PrintRequest,
  submission: FormSubmission | undefined,
  names: Record<string, string>,
): PrintFact[] {
  if (!submission) return [];
  const role = request.snapshot.defs.roles.roles[submission.role]?.title ?? submission.role;
  const name = names[submission.submittedBy] ?? role;
  return [{ label: 'Submitted', value: whoAndWhen(name, role, wordDate(submission.at)) }];
}

function notices(request: PrintRequest): string[] {
  const out: string[] = [];
  if (request.audienceTitle) out.push(`Prepared for ${request.audienceTitle}.`);
  if (!request.redactor.cleared) out.push('Confidential information is not included.');
  return out;
}

/** The sign-offs of what is printed, and the questions they fill (`x-signOff`), worded. */
async function signOffParts(
  request: PrintRequest,
  entries: { instance: InstanceRecord; final: boolean }[],
  form: string,
  schema: Record<string, unknown>,
) {
  const { snapshot, people } = request;
  const records = entries.flatMap(({ instance }) => (instance.signOffs ?? []).filter((r) => r.forms.includes(form)));
  const names = await people.namesOf(records.map((r) => r.by));
  const shown = entries.flatMap(({ instance, final }) =>
    showSignOffs(snapshot.defs, instance, names)
      .filter((s) => s.forms.includes(form))
      .map((s) => ({ ...s, final: final && s.final })),
  );
  shown.sort((a, b) => a.at.localeCompare(b.at));
  const signOffs: PrintSignOff[] = shown.map((s) => ({
    label: s.label,
    name: s.by,
    role: s.role,
    at: wordDate(s.at),
    final: s.final,
  }));
  const signed = new Map<string, string>();
  for (const [key, field] of Object.entries((schema.properties ?? {}) as Record<string, Record<string, unknown>>)) {
    const event = field['x-signOff'];
    const last = shown.filter((s) => s.event === event).at(-1);
    if (last) signed.set(key, whoAndWhen(last.by, last.role, wordDate(last.at)));
  }
  return { signOffs, signed };
}

export async function printDocument(request: PrintRequest, instanceId: string): Promise<PrintModel> {
  const { snapshot, redactor } = request;
  const data = snapshot.record.snapshot as CaseData;
  // Refuses a reader the document, or the document before its sharing stage.
  const doc = await documentFor(snapshot, instanceId, redactor, request.definitionsAt);
  const instance = data.instances[instanceId]!;
  const names = await request.people.namesOf(instance.answers ? [instance.answers.submittedBy] : []);
  const { signOffs, signed } = await signOffParts(request, [{ instance, final: true }], doc.form, doc.schema);
  const formVersion = instance.answers?.formVersion ?? snapshot.defs.forms.get(doc.form)?.validator.version ?? 1;
  const facts = [
    ...(await caseFacts(request)),
    { label: 'Document', value: `${doc.formTitle}: ${doc.title}` },
    {
      label: 'Form',
      value: `Version ${formVersion} (definitions version ${doc.definitionVersion})`,
    },
    ...submittedFact(request, instance.answers, names),
  ];
  return buildPrintModel({
    title: doc.formTitle,
    schema: doc.schema,
    answers: doc.answers,
    facts,
    signOffs,
    signed,
    notices: notices(request),
  });
}

/** A form submitted on the case, or (with `instanceId`) the answers an instance keeps for itself. */
export async function printForm(request: PrintRequest, formId: string, instanceId?: string): Promise<PrintModel> {
  const { snapshot, redactor } = request;
  const data = snapshot.record.snapshot as CaseData;
  const instance = instanceId ? data.instances[instanceId] : undefined;
  if (instanceId && !instance) throw problem(404, 'not-found', `This case has no "${instanceId}".`);
  // Asked for by name: a refused confidential form is noted for the audit log.
  if (!snapshot.defs.forms.has(formId) || !redactor.askToRead(formId))
    throw problem(404, 'not-found', `There is no form "${formId}" you may read on this case.`);
  // A document's form reaches a reader who is shared it only as the document, once shared.
  if (sharedOnly(snapshot.defs, redactor.reader, formId))
    throw problem(403, 'not-shared', 'This form reaches you only as a shared document.');
  if (instance?.form && !documentReachesReader(snapshot.defs, data, instance.id, redactor.reader))
    throw problem(403, 'not-shared', 'This document has not been shared with you yet.');
  const submission = instance ? instance.forms?.[formId] : data.forms[formId];
  if (!submission) throw problem(404, 'not-found', 'This form has not been submitted on this case.');
  const redactors = new RedactorsByVersion(redactor, snapshot.record.definitionVersion, request.definitionsAt);
  const version = redactors.collectedUnder(submission);
  const then = await redactors.at(version);
  const schema = then.schema(formId) ?? redactor.schema(formId)!;
  const answers = (await redactors.answers(formId, submission)) ?? {};
  // Sign-offs of this form: those of the instance it belongs to, or every instance's that signed it (a document's
  // only when these are its own answers), never making a case-level form "final".
  const owners = instance
    ? [instance]
    : signOffsOfForm(data, formId)
        .map((e) => e.instance)
        .filter((i) => i.kind !== 'document' || i.form !== formId || i.answers?.at === submission.at);
  const { signOffs, signed } = await signOffParts(
    request,
    owners.map((i) => ({ instance: i, final: false })),
    formId,
    schema,
  );
  const names = await request.people.namesOf([submission.submittedBy]);
  const title = String(schema.title ?? formId);
  const facts = [
    ...(await caseFacts(request)),
    ...(instance?.form
      ? [
          {
            label: 'For the document',
            value: String(snapshot.defs.forms.get(instance.form)?.schema.title ?? instance.form),
          },
        ]
      : []),
    { label: 'Form', value: `Version ${submission.formVersion} (definitions version ${version})` },
    ...submittedFact(request, submission, names),
  ];
  return buildPrintModel({ title, schema, answers, facts, signOffs, signed, notices: notices(request) });
}
