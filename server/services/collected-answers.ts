// Answers kept with the definitions version they were collected under. After a case moves to a new version, they are
// shown with the form they were given in, and they (and the case values copied from them) are withheld wherever either
// version marks them confidential: a promise of confidentiality made when they were collected still holds, and one
// added since applies too. Case values and notes are read by the rules of every version the case has been on, since
// any of them may have recorded them.
import { type CompiledDefinitions, type CaseData, type FormSubmission, Redactor } from '../../engine/index.js';

export type DefinitionsAt = (version: number) => Promise<CompiledDefinitions>;

/** The reader's redactor under the case's version and, one made for each, under earlier versions of it. */
export class RedactorsByVersion {
  private readonly earlier = new Map<number, Promise<Redactor>>();

  constructor(
    readonly current: Redactor,
    readonly caseVersion: number,
    private readonly definitionsAt: DefinitionsAt,
  ) {}

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

  /** The case's version, the versions it was on before, and those its answers were collected under. */
  private versionsOf(data: Pick<CaseData, 'forms' | 'migratedFrom'>): number[] {
    const collected = Object.values(data.forms).map((s) => this.collectedUnder(s));
    return [...new Set([this.caseVersion, ...(data.migratedFrom ?? []), ...collected])];
  }

  /** The case values this reader may see: withheld where any version the case has been on makes them confidential. */
  async values(
    values: Record<string, unknown>,
    data: Pick<CaseData, 'forms' | 'migratedFrom'>,
  ): Promise<Record<string, unknown>> {
    let readable = values;
    for (const version of this.versionsOf(data)) readable = (await this.at(version)).values(readable);
    return readable;
  }

  /** The notes of an instance of `pathway` this reader may see: by the rules of every version the case has been on. */
  async notes<T>(pathway: string, notes: T[], data: Pick<CaseData, 'forms' | 'migratedFrom'>): Promise<T[]> {
    let readable = notes;
    for (const version of this.versionsOf(data)) readable = (await this.at(version)).notes(pathway, readable);
    return readable;
  }
}
