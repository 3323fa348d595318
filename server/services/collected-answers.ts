// Answers kept with the definitions version they were collected under. After a case moves to a new version, they are
// shown with the form they were given in, and they (and the case values copied from them) are withheld wherever either
// version marks them confidential: a promise of confidentiality made when they were collected still holds, and one
// added since applies too.
import type { CompiledDefinitions } from '../../engine/definitions/check.js';
import type { FormSubmission } from '../../engine/runtime/model.js';
import { Redactor } from './redaction.js';

export type DefinitionsAt = (version: number) => Promise<CompiledDefinitions>;

/** The version a submission was collected under; answers stored before it was recorded read as the case's version. */
export function collectedUnder(submission: FormSubmission, caseVersion: number): number {
  return submission.definitionVersion ?? caseVersion;
}

/** The reader's redactor under the version the answers were collected in (the same one when that is the case's). */
export async function redactorWhenCollected(redactor: Redactor, version: number, caseVersion: number, definitionsAt: DefinitionsAt): Promise<Redactor> {
  return version === caseVersion ? redactor : new Redactor(await definitionsAt(version), redactor.reader);
}

/** The answers this reader may see, by the rules of the case's version and of the version they were collected under. */
export async function readableAnswers(formId: string, submission: FormSubmission, caseVersion: number, redactor: Redactor, definitionsAt: DefinitionsAt): Promise<Record<string, unknown> | undefined> {
  const now = redactor.answers(formId, submission.data);
  const version = collectedUnder(submission, caseVersion);
  if (now === undefined || version === caseVersion) return now;
  return (await redactorWhenCollected(redactor, version, caseVersion, definitionsAt)).answers(formId, now);
}

/**
 * The case values this reader may see. A value copied from an answer is withheld where the case's version, or any
 * version its answers were collected under, makes it confidential.
 */
export async function readableValues(values: Record<string, unknown>, submissions: FormSubmission[], caseVersion: number, redactor: Redactor, definitionsAt: DefinitionsAt): Promise<Record<string, unknown>> {
  let readable = redactor.values(values);
  const earlier = new Set(submissions.map((s) => collectedUnder(s, caseVersion)).filter((v) => v !== caseVersion));
  for (const version of earlier) readable = new Redactor(await definitionsAt(version), redactor.reader).values(readable);
  return readable;
}
