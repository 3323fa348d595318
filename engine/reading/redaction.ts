// The one place that decides what of a case a reader receives. Every response carrying answers, values, schemas or
// documents goes through a Redactor: forms the role may not read are withheld, and, for a reader not cleared (by role
// and, when given, audience), confidential forms, fields and the values copied from them are removed. What a cleared
// reader was shown is collected in `disclosed`, and what a reader asked for and was refused in `refused`, for the
// audit log.
import type { CompiledDefinitions } from '../definitions/check.js';
import type { JsonObject } from '../definitions/types.js';
import { readerIsCleared, readerMayReadForm, type Reader } from './reader.js';
import {
  isConfidential,
  pathIsConfidential,
  pruneAnswers,
  schemaWithoutConfidential,
} from '../forms/confidential-schema.js';
import { confidentialValuePaths, notesMayBeConfidential, withoutConfidentialValues } from './confidential-values.js';

/** What `disclosed` and `refused` name for confidential content that is not a form's. */
export const CASE_VALUES = 'case values';
export const CASE_NOTES = 'case notes';

export class Redactor {
  readonly cleared: boolean;
  /** Forms whose confidential content this reader has been given. */
  readonly disclosed = new Set<string>();
  /** Forms holding confidential content that this reader asked for by name and was refused. */
  readonly refused = new Set<string>();

  constructor(
    private readonly defs: CompiledDefinitions,
    readonly reader: Reader,
  ) {
    this.cleared = readerIsCleared(defs, reader);
  }

  /** Whether the reader may see this form at all (its existence and answers, as far as redaction allows). */
  mayReadForm(formId: string): boolean {
    const form = this.defs.forms.get(formId);
    if (!form || !readerMayReadForm(this.defs, this.reader, formId)) return false;
    return this.cleared || !isConfidential(form.schema);
  }

  /**
   * mayReadForm for a form asked for by name (a document, a draft), noting in `refused` a refusal of one that holds
   * confidential content, for the audit log. Lists of what there is filter with mayReadForm, which notes nothing.
   */
  askToRead(formId: string): boolean {
    if (this.mayReadForm(formId)) return true;
    const form = this.defs.forms.get(formId);
    if (form && pathIsConfidential(form.schema, [])) this.refused.add(formId);
    return false;
  }

  /** The answers the reader may see, or undefined when the whole form is withheld. */
  answers(formId: string, answers: unknown): Record<string, unknown> | undefined {
    if (!this.mayReadForm(formId)) return undefined;
    const schema = this.defs.forms.get(formId)!.schema;
    const pruned = pruneAnswers(schema, [schema], answers ?? {}, this.cleared);
    if (pruned.touched && this.cleared) this.disclosed.add(formId);
    return (pruned.value ?? {}) as Record<string, unknown>;
  }

  /** The form's schema as this reader is served it, or undefined when withheld. */
  schema(formId: string): JsonObject | undefined {
    if (!this.mayReadForm(formId)) return undefined;
    const schema = this.defs.forms.get(formId)!.schema;
    return this.cleared ? schema : schemaWithoutConfidential(schema);
  }

  values(values: Record<string, unknown>): Record<string, unknown> {
    const paths = confidentialValuePaths(this.defs);
    if (this.cleared) {
      if ([...paths].some((p) => p.split('.')[0]! in values)) this.disclosed.add(CASE_VALUES);
      return values;
    }
    return withoutConfidentialValues(values, paths);
  }

  /**
   * The notes of an instance of `pathway` the reader is given: all of them, or, when a note there may have been
   * worked out from confidential information (an older version's `recordNote` the lint now refuses), none to a reader
   * not cleared.
   */
  notes<T>(pathway: string, notes: T[]): T[] {
    if (notes.length === 0 || !notesMayBeConfidential(this.defs, pathway)) return notes;
    if (!this.cleared) return [];
    this.disclosed.add(CASE_NOTES);
    return notes;
  }
}
