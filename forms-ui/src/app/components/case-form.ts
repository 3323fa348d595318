// <case-form>: one form open on a case, in a <dao-form>: it starts from the person's saved draft (or the answers last
// submitted), autosaves drafts to the server within a second of a change, when they leave a question and when the page
// is hidden or left, and submits the answers to the case on their own (POST events with forms and no event type). A
// form an instance keeps for itself (a document's own audit) is drafted and submitted for that instance.
import { html, nothing } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { ApiError } from '../core/api-client.js';
import type { AppContext } from '../core/context.js';
import { formatDateTime, personName } from '../core/format.js';
import { LightElement } from '../core/light-element.js';
import { errorSummary, problemText } from '../core/templates.js';
import type { CaseBody } from '../core/types.js';
import { AutosaveController } from '../controllers/autosave-controller.js';
import { LoadController } from '../controllers/load-controller.js';
import type { Schema } from '../../core/schema.js';
import '../../dao-form.js';

interface Loaded {
  schema: Schema;
  data: Record<string, unknown>;
  draftSavedAt?: string;
}

/**
 * ```html
 * <case-form .context=${context} .caseBody=${body} form-id="FORM_ID"></case-form>
 * <case-form .context=${context} .caseBody=${body} form-id="AUDIT_FORM" instance="document:1"
 *   .submission=${own}></case-form>
 * ```
 * Properties: `context`, `caseBody` (the case as last read: id, version, submitted forms), `formId` / `form-id`,
 * `instance` (the instance the answers are for, when it keeps the form itself), `submission` (its answers so far).
 * Events: `case-updated` {case, message} once submitted; `case-stale` when the case must be read again (someone
 * else changed it first, or the answers were refused).
 */
export class CaseForm extends LightElement {
  static override properties = {
    context: { attribute: false },
    caseBody: { attribute: false },
    formId: { attribute: 'form-id' },
    instance: {},
    submission: { attribute: false },
    error: { state: true },
  };

  declare context: AppContext;
  declare caseBody: Pick<CaseBody, 'id' | 'version' | 'forms' | 'definitionVersion'> &
    Partial<Pick<CaseBody, 'values'>>;
  declare formId: string;
  declare instance: string | undefined;
  declare submission: { data: Record<string, unknown>; at: string; submittedBy: string } | undefined;
  declare error: string | undefined;

  readonly #load = new LoadController<Loaded>(
    this,
    () => this.#fetch(),
    () => (this.context && this.caseBody && this.formId ? this.#loadKey() : undefined),
  );

  /** One form of one case (and instance): loaded again only when that changes. */
  #loadKey(): string {
    return [this.caseBody.id, this.formId, this.instance].join('/');
  }

  readonly #autosave = new AutosaveController(
    this,
    (data) => this.context.api.put<{ savedAt: string }>(this.#draftPath(), { data }),
    1000,
    (data) => this.context.api.keepalive('PUT', this.#draftPath(), { data }),
  );

  #draftPath(): string {
    const path = `api/cases/${encodeURIComponent(this.caseBody.id)}/drafts/${encodeURIComponent(this.formId)}`;
    return this.instance ? `${path}?instance=${encodeURIComponent(this.instance)}` : path;
  }

  /** The answers last submitted: the instance's own, or the case's. */
  #submitted() {
    return this.instance ? this.submission : (this.submission ?? this.caseBody.forms[this.formId]);
  }

  async #fetch(): Promise<Loaded> {
    const schema = await this.context.catalogue.form(this.formId, this.caseBody.definitionVersion);
    const draft = await this.context.api
      .get<{ data: Record<string, unknown>; savedAt: string }>(this.#draftPath())
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return undefined;
        throw error;
      });
    const data = draft?.data ?? this.#submitted()?.data ?? {};
    this.#autosave.saved(data, draft?.savedAt);
    return { schema, data, ...(draft ? { draftSavedAt: draft.savedAt } : {}) };
  }

  async #submit(data: Record<string, unknown>): Promise<void> {
    this.error = undefined;
    this.#autosave.stop();
    try {
      const updated = await this.context.api.post<CaseBody>(
        `api/cases/${encodeURIComponent(this.caseBody.id)}/events`,
        {
          expectedVersion: this.caseBody.version,
          forms: { [this.formId]: data },
          ...(this.instance ? { instance: this.instance } : {}),
        },
      );
      this.#autosave.saved(data);
      this.emit('case-updated', {
        case: updated,
        message: `${String(this.#load.value?.schema.title ?? this.formId)}: submitted.`,
      });
    } catch (error) {
      this.error = problemText(error);
      // The case moved on (someone else changed it, or what is possible changed): show it as it is now.
      if (error instanceof ApiError && (error.status === 409 || error.status === 422)) this.emit('case-stale');
      await this.updateComplete;
      this.querySelector<HTMLElement>('.error-summary')?.focus();
    }
  }

  #status(): unknown {
    const submitted = this.#submitted();
    const autosave = this.#autosave;
    const parts: string[] = [];
    if (submitted) {
      const by = personName(submitted.submittedBy, (this.caseBody as Partial<CaseBody>).people);
      parts.push(`Last submitted ${formatDateTime(submitted.at)} by ${by}.`);
    }
    if (autosave.status === 'saving') parts.push('Saving your draft…');
    else if (autosave.status === 'failed')
      parts.push('Your draft could not be saved. Check your connection; your answers are still on this page.');
    else if (autosave.savedAt) parts.push(`Draft saved ${formatDateTime(autosave.savedAt)}.`);
    else parts.push('Your answers are saved as a draft as you go.');
    return html`<p class="hint case-form__status" role="status">${parts.join(' ')}</p>`;
  }

  protected override render(): unknown {
    const load = this.#load;
    if (load.error) return errorSummary([{ text: problemText(load.error) }], 'This form could not be loaded');
    if (!load.value) return html`<p class="body" role="status">Loading the form…</p>`;
    const { schema, data } = load.value;
    // Lit sets an object property at every render: the answers are handed over once (per load), or each redraw (a
    // draft saved, say) would put the form back to how it started.
    return html`${this.error ? errorSummary([{ text: this.error }], 'The form could not be submitted') : nothing}
      ${this.#status()}
      <dao-form .schema=${schema} .data=${guard([data], () => data)} .caseValues=${this.caseBody.values}
        validator-src=${this.context.catalogue.formValidatorUrl(this.formId, this.caseBody.definitionVersion)}
        submit-label="Submit ${String(schema.title ?? 'the form')}" draft-delay="500"
        @dao-change=${(e: CustomEvent<{ data: unknown }>) => this.#autosave.changed(e.detail.data)}
        @dao-draft=${(e: CustomEvent<{ data: unknown }>) => void this.#autosave.flush(e.detail.data)}
        @focusout=${() => void this.#autosave.flush()}
        @dao-submit=${(e: CustomEvent<{ data: Record<string, unknown> }>) => void this.#submit(e.detail.data)}></dao-form>`;
  }
}

if (!customElements.get('case-form')) customElements.define('case-form', CaseForm);
