// <submitted-form>: a form submitted on a case, read-only, in a details element; the form is drawn only once opened.
// The answers come from the server already stripped of what the reader may not see.
import { html, nothing } from 'lit';
import type { AppContext } from '../core/context.js';
import { formatDateTime, personName } from '../core/format.js';
import { LightElement } from '../core/light-element.js';
import type { Submission } from '../core/types.js';
import type { Schema } from '../../core/schema.js';
import '../../dao-form.js';

/**
 * ```html
 * <submitted-form .context=${context} form-id="FORM_ID" form-title="Its title" .submission=${body.forms.FORM_ID}
 *   .definitionVersion=${body.forms.FORM_ID.definitionVersion}></submitted-form>
 * ```
 * `definitionVersion` is the version the answers were collected under: they render with that version's form.
 */
export class SubmittedForm extends LightElement {
  static override properties = {
    context: { attribute: false },
    formId: { attribute: 'form-id' },
    formTitle: { attribute: 'form-title' },
    submission: { attribute: false },
    definitionVersion: { attribute: false },
    people: { attribute: false },
    schema: { state: true },
  };

  declare context: AppContext;
  declare formId: string;
  declare formTitle: string;
  declare submission: Submission;
  /** The version of the definitions the case is on: its forms are drawn as that version words them. */
  declare definitionVersion: number | undefined;
  declare schema: Schema | undefined;
  /** User name → name, to name who submitted it. */
  declare people: Record<string, string> | undefined;

  async #toggle(event: Event): Promise<void> {
    if ((event.target as HTMLDetailsElement).open && !this.schema)
      this.schema = await this.context.catalogue.form(this.formId, this.definitionVersion);
  }

  protected override render(): unknown {
    return html`<details class="details" @toggle=${(e: Event) => void this.#toggle(e)}>
      <summary class="details__summary"><span class="details__summary-text">${this.formTitle}</span></summary>
      <div class="details__text">
        <p class="hint">
          Submitted ${formatDateTime(this.submission.at)} by ${personName(this.submission.submittedBy, this.people)}.
        </p>
        ${this.schema ? html`<dao-form readonly audience-cleared .schema=${this.schema} .data=${this.submission.data}></dao-form>` : nothing}
      </div>
    </details>`;
  }
}

if (!customElements.get('submitted-form')) customElements.define('submitted-form', SubmittedForm);
