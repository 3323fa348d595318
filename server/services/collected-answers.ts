// Answers kept with the definitions version they were collected under. After a case moves to a new version, they are
// shown with the form they were given in, and they (and the case values copied from them) are withheld wherever either
// version marks them confidential: a promise of confidentiality made when they were collected still holds, and one
// added since applies too.
import type { CompiledDefinitions } from '../../engine/definitions/check.js';
import type { FormSubmission } from '../../engine/runtime/model.js';
import { Redactor } from '../../engine/reading/redaction.js';

export type DefinitionsAt = (version: number) => Promise<CompiledDefinitions>;

/** The reader's redactor under the case's version and, one made for each, under earlier versions of it. */
export class RedactorsByVersion {
  private readonly earlier = new Map<number, Promise<Redactor>>();

  constructor(readonly current: Redactor, readonly caseVersion: number, private readonly definitionsAt: DefinitionsAt) {}

  /** The version a submission was collected under; answers stored before it was recorded read as the case's version. */
  collectedUnder(submission: FormSubmission): number {
    return submission.definitionVersion ?? this.caseVersion;
  }

  at(version: number): Promise<Redactor> {
    if (version === this.caseVersion) return Promise.resolve(this.current);
    let redactor = this.earlier.get(version);
    if (!redactor) {
      redactor = this.definitionsAt(version).then((defs) => new Redactor(defs, this.current.reader));
      this.earlier.set(version, redactor);
    }
    return redactor;
  }

  /** The answers this reader may see, by the rules of the case's version and of the version they were collected under. */
  async answers(formId: string, submission: FormSubmission): Promise<Record<string, unknown> | undefined> {
    const now = this.current.answers(formId, submission.data);
    const then = await this.at(this.collectedUnder(submission));
    return now === undefined || then === this.current ? now : then.answers(formId, now);
  }

  /** The case values this reader may see: withheld where the case's version, or one its answers were collected under, makes them confidential. */
  async values(values: Record<string, unknown>, submissions: FormSubmission[]): Promise<Record<string, unknown>> {
    let readable = this.current.values(values);
    for (const version of new Set(submissions.map((s) => this.collectedUnder(s)))) {
      if (version !== this.caseVersion) readable = (await this.at(version)).values(readable);
    }
    return readable;
  }
}
