// <dao-form>: renders any form of the protocol from its JSON Schema and x- hints, checks it with the form's
// standalone validator, and reports answers to the host page by events. See the contract below.
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { prepareAnswers } from './core/answers.js';
import { FormStore, type StoreChange } from './core/form-store.js';
import { isConfidential, type Schema } from './core/schema.js';
import { checkAnswers, errorsAfterBlur, fetchSchema, importValidator, type CheckResult, type StandaloneValidate } from './core/validation.js';
import type { Answers } from './core/paths.js';
import { errorSummary, focusField, inFormOrder } from './error-summary.js';
import { BlurCheckController } from './controllers/blur-check-controller.js';
import { DraftController } from './controllers/draft-controller.js';
import { FormValue } from './controllers/form-value.js';
import { formStyles } from './styles.js';
import { objectFields } from './widgets/parts/object-fields.js';
import { content } from './widgets/parts/shell.js';
import type { FieldErrors } from '../../engine/forms/messages.js';
import type { FormHost } from './widgets/registry.js';
import './dao-field.js';
import './widgets/index.js';

/**
 * A form of the protocol, rendered from its JSON Schema (docs/definitions.md), GOV.UK style.
 *
 * ```html
 * <script type="module" src="/dist/dao-form.js"></script>
 * <dao-form schema-src="/api/forms/FORM_ID" validator-src="/api/forms/FORM_ID/validator.js"></dao-form>
 * ```
 *
 * Properties: `schema` (object; or attribute `schema-src`, a URL to fetch it from), `validator` (the validate function
 * of the form's standalone validator module; or attribute `validator-src`, the module's URL), `data` (answers in and
 * out), `readonly` (read-only and print view), `audience` (who reads it, named in the withheld notice),
 * `audienceCleared` / `audience-cleared` (the reader may see confidential parts: without it, x-confidential
 * questions, sections and whole forms are left out of the read-only view entirely), `submitLabel` / `submit-label`,
 * `noSubmit` / `no-submit` (no submit button, e.g. inside a host <form>), `draftDelay` / `draft-delay` (ms, 1000),
 * `caseValues` (the values the case has recorded, which computed answers may read as `case.*`: a report's counts).
 *
 * Events (bubbling, composed): `dao-change` {data} on every change; `dao-draft` {data} after `draftDelay` ms without
 * changes, to autosave; `dao-submit` {data, formId, formVersion} when a submission passes every check (data with
 * hidden conditional answers dropped and computed answers filled in); `dao-invalid` {errors} ({ field path: [message] })
 * when it does not; `dao-ready` {formId} once a schema is shown.
 *
 * Methods: `validate()` → {valid, errors, data}, showing the errors; `reset()` back to the last `data` set.
 * Form-associated: inside a host <form> its value is the answers as JSON (under its `name`) and it blocks the host's
 * submission while invalid. Errors are checked on submit and, for one field, when focus leaves it.
 *
 * Parts: form, title, error-summary, field, label, legend, hint, help, error-message, input, textarea, grid-row,
 * table, answer, button, submit. CSS custom properties: --dao-font-family, --dao-font-size, --dao-text-colour,
 * --dao-hint-colour, --dao-error-colour, --dao-focus-colour, --dao-link-colour, --dao-border-colour, --dao-rule-colour,
 * --dao-button-colour, --dao-button-text-colour, --dao-secondary-button-colour, --dao-max-width.
 */
export class DaoForm extends LitElement {
  static formAssociated = true;
  static override styles = formStyles;
  static override properties = {
    schema: { attribute: false },
    schemaSrc: { attribute: 'schema-src' },
    validator: { attribute: false },
    validatorSrc: { attribute: 'validator-src' },
    data: { attribute: false, noAccessor: true },
    readonly: { type: Boolean, reflect: true },
    audience: {},
    audienceCleared: { type: Boolean, attribute: 'audience-cleared' },
    submitLabel: { attribute: 'submit-label' },
    noSubmit: { type: Boolean, attribute: 'no-submit' },
    draftDelay: { type: Number, attribute: 'draft-delay' },
    caseValues: { attribute: false },
  };

  declare schema: Schema | undefined;
  declare schemaSrc: string | undefined;
  declare validator: StandaloneValidate | undefined;
  declare validatorSrc: string | undefined;
  declare readonly: boolean;
  declare audience: string | undefined;
  declare audienceCleared: boolean;
  declare submitLabel: string;
  declare noSubmit: boolean;
  declare draftDelay: number;
  declare caseValues: Record<string, unknown> | undefined;

  readonly #formValue = new FormValue(this);
  #initialData: Answers = {};
  #store: FormStore | undefined;
  #host: FormHost | undefined;
  #summary: FieldErrors | undefined;
  #loadError: string | undefined;
  #readyFor: Schema | undefined;
  readonly #draft = new DraftController(this, () => this.draftDelay, () => this.#emit('dao-draft', { data: this.data }));
  readonly #blurCheck = new BlurCheckController(this, (path) => this.#checkField(path));

  constructor() {
    super();
    this.readonly = this.audienceCleared = this.noSubmit = false;
    this.submitLabel = 'Submit';
    this.draftDelay = 1000;
    this.addEventListener('invalid', () => void this.validate());
  }

  get data(): Answers {
    return this.#store?.data ?? this.#initialData;
  }

  set data(value: Answers | undefined) {
    this.#initialData = value ?? {};
    this.#store?.replace(this.#initialData);
    this.#afterChange(false);
  }

  /** Checks the answers, shows any errors (focusing the error summary) and returns the result. */
  validate(): CheckResult & { data: Answers } {
    const schema = this.schema ?? {};
    const data = prepareAnswers(schema, this.data, this.#computeContext());
    const checked = checkAnswers(this.validator, schema, data);
    const result = { valid: checked.valid, errors: inFormOrder(this.renderRoot as ShadowRoot, checked.errors) };
    this.#store?.setErrors(result.errors);
    this.#summary = result.valid ? undefined : result.errors;
    this.#formValue.setValidity(result);
    this.requestUpdate();
    if (!result.valid) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus());
      this.#emit('dao-invalid', { errors: result.errors });
    }
    return { ...result, data };
  }

  reset(): void {
    this.#summary = undefined;
    this.data = this.#initialData;
    this.requestUpdate();
  }

  formResetCallback(): void {
    this.reset();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('schemaSrc') && this.schemaSrc) void this.#load(() => fetchSchema(this.schemaSrc!), (s) => (this.schema = s as Schema), this.schemaSrc);
    if (changed.has('validatorSrc') && this.validatorSrc) void this.#load(() => importValidator(this.validatorSrc!, document.baseURI), (v) => (this.validator = v as StandaloneValidate), this.validatorSrc);
    if (changed.has('schema') && this.schema) {
      this.#store = new FormStore(this.schema, this.#initialData, () => this.#computeContext());
      this.#store.subscribe((change) => this.#onStoreChange(change));
      this.#summary = undefined;
    }
    if (changed.has('caseValues') && !changed.has('schema')) this.#store?.contextChanged();
    if ((changed.has('schema') || changed.has('readonly') || changed.has('audienceCleared')) && this.#store) {
      this.#host = { root: this.schema!, store: this.#store, readonly: this.readonly, confidentialCleared: this.audienceCleared };
    }
  }

  protected override async updated(changed: PropertyValues<this>): Promise<void> {
    if (changed.has('validator') && this.#store) this.#afterChange(false);
    if (this.schema && this.#readyFor !== this.schema) {
      this.#readyFor = this.schema;
      await this.updateComplete;
      this.#afterChange(false);
      this.#emit('dao-ready', { formId: this.schema.$id });
    }
  }

  /** Resolves once the form and every field in it (fields render their own parts after they connect) are rendered. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    for (;;) {
      const pending = [...this.renderRoot.querySelectorAll('dao-field')].filter((f) => f.isUpdatePending);
      if (!pending.length) return done;
      await Promise.all(pending.map((f) => f.updateComplete));
    }
  }

  async #load(get: () => Promise<unknown>, use: (value: unknown) => void, src: string): Promise<void> {
    try {
      use(await get());
    } catch (error) {
      this.#loadError = `This form could not be loaded (${src}: ${(error as Error).message})`;
      console.error(`dao-form: ${this.#loadError}`);
      this.requestUpdate();
    }
  }

  /** What computed answers read beside the answers: the case's values, and the time now (the server uses its own). */
  #computeContext() {
    return { ...(this.caseValues ? { case: this.caseValues } : {}), now: new Date().toISOString() };
  }

  #onStoreChange(change: StoreChange): void {
    if (change.kind === 'value') this.#afterChange(true);
  }

  /** Keeps the host <form>'s value (and validity, when asked) in step, and tells the host page. */
  #afterChange(byUser: boolean): void {
    this.#formValue.setValue(this.data);
    if (!byUser) {
      if (!this.schema) return;
      const answers = prepareAnswers(this.schema, this.data, this.#computeContext());
      this.#formValue.setValidity(checkAnswers(this.validator, this.schema, answers));
      return;
    }
    this.#emit('dao-change', { data: this.data });
    this.#draft.changed();
  }

  /** Refreshes one field's inline errors (the error summary changes only on submit, as in GOV.UK). */
  #checkField(path: string): void {
    if (!this.#store || !this.schema) return;
    const answers = prepareAnswers(this.schema, this.data, this.#computeContext());
    const result = checkAnswers(this.validator, this.schema, answers);
    this.#store.setErrors(errorsAfterBlur(this.#store.errors, result.errors, path, this.#store.get(path) !== undefined));
    this.#formValue.setValidity(result);
  }

  #onSubmit = (event: Event): void => {
    event.preventDefault();
    const { valid, data } = this.validate();
    if (valid) this.#emit('dao-submit', { data, formId: this.schema?.$id, formVersion: this.schema?.['x-version'] });
  };

  #emit(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  protected override render(): unknown {
    if (this.#loadError) return html`<p class="error-message" role="alert">${this.#loadError}</p>`;
    const schema = this.schema;
    if (!schema || !this.#host) return html`<p class="hint">Loading form…</p>`;
    const withheld = this.readonly && isConfidential(schema) && !this.audienceCleared;
    const root = this.renderRoot as ShadowRoot;
    return html`<form class="form" novalidate part="form" @submit=${this.#onSubmit} @focusout=${this.#blurCheck.onFocusOut}>
      ${this.#summary ? errorSummary(this.#summary, (path) => focusField(root, path)) : nothing}
      <h2 class="title" part="title">${schema.title}</h2>
      ${withheld
        ? html`<p class="body">This form is confidential and is not shown to ${this.audience ?? 'this reader'}.</p>`
        : html`${content(schema.description)}${content(schema['x-content'])}${objectFields(this.#host, '', schema)}
            ${this.readonly ? html`<p class="hint">Form ${schema.$id}, version ${schema['x-version']}</p>` : nothing}
            ${this.readonly || this.noSubmit ? nothing : html`<button class="button" type="submit" part="button submit">${this.submitLabel}</button>`}`}
    </form>`;
  }
}

if (!customElements.get('dao-form')) customElements.define('dao-form', DaoForm);

declare global {
  interface HTMLElementTagNameMap {
    'dao-form': DaoForm;
  }
}
