// <dao-form>: renders a form from any JSON Schema (with this product's x- hints when it has them), checks it with
// the form's precompiled validator or the built-in one, behaves as a native control inside a host <form>, and tells
// the host page what happens by events. See the contract below.
import { LitElement, adoptStyles, html, nothing, type PropertyValues } from 'lit';
import { pointerToPath, type FieldErrors } from '../../engine/forms/messages.js';
import { prepareAnswers } from './core/answers.js';
import { FormStore, type StoreChange } from './core/form-store.js';
import { schemaGaps } from './core/schema-gaps.js';
import { isConfidential, resolveSchema, takesObject, type Schema } from './core/schema.js';
import { checkAnswers, errorsAfterBlur, fetchSchema, importValidator } from './core/validation.js';
import type { CheckResult, StandaloneValidate } from './core/validation.js';
import { variantsOf } from './core/variants.js';
import { errorSummary, focusField, inFormOrder } from './error-summary.js';
import { EXTENSION_WIDGETS, extensionStyles, extensionsReady, loadExtensions } from './extensions.js';
import { BlurCheckController } from './controllers/blur-check-controller.js';
import { DraftController } from './controllers/draft-controller.js';
import { FormValue } from './controllers/form-value.js';
import { formStyles } from './styles.js';
import { objectFields } from './widgets/parts/object-fields.js';
import { content, heading, titleSize } from './widgets/parts/shell.js';
import { findWidget, type FormHost } from './widgets/registry.js';
import './dao-field.js';
import './widgets/index.js';

type Checked = CheckResult & { data: unknown };

const LOADING = 'This form is still loading';
const EXTENSIONS_SRC = 'dao-form-extensions.js';
const GAPS_DOC = 'forms-ui/README.md#what-the-form-cannot-do';
/** Properties the fields read from the form (FormHost): a change re-renders them. */
const HOST_PROPERTIES = ['readonly', 'audienceCleared', 'headingLevel', 'selectThreshold'];

/**
 * A form rendered from its JSON Schema (draft-07, 2019-09 or 2020-12; docs/definitions.md for this product's x-
 * keywords), GOV.UK style. See forms-ui/README.md for embedding it in a portal.
 *
 * ```html
 * <script type="module" src="/dist/dao-form.js"></script>
 * <dao-form id="contact" schema-src="/schemas/contact.json" heading-level="1"></dao-form>
 * ```
 *
 * Properties: `schema` (object; or attribute `schema-src`, a URL to fetch it from), `validator` (the validate function
 * of a precompiled standalone validator module; or attribute `validator-src`, the module's URL; without one the
 * built-in validator checks the schema, with the same verdicts as ajv), `data` (answers in and out), `readonly`
 * (read-only and print view), `audience` (who reads it, named in the withheld notice), `audienceCleared` /
 * `audience-cleared` (the reader may see confidential parts), `submitLabel` / `submit-label`, `noSubmit` /
 * `no-submit` (no submit button, e.g. inside a host <form>), `draftDelay` / `draft-delay` (ms, 1000),
 * `headingLevel` / `heading-level` (1–6, default 2: the title's level, sections go down from it; h1 is GOV.UK's
 * large size, h2 medium), `errorSummary` / `error-summary` ("host": the host page shows the error summary, from
 * `dao-invalid`), `selectThreshold` / `select-threshold` (a list of more options than this is a select; 15),
 * `caseValues` (the values the case has recorded, which computed answers may read as `case.*`: a report's counts).
 *
 * Events (bubbling, composed): `dao-change` {data} on every change; `dao-draft` {data} after `draftDelay` ms without
 * changes, to autosave; `dao-submit` {data, formId, formVersion} when a submission passes every check (data with
 * hidden conditional answers dropped and computed answers filled in); `dao-invalid` {errors, summary} when it does
 * not: errors is { field path: [message] }, summary the GOV.UK error summary's items in form order, each
 * {path, message, href} (a link to `href` anywhere in the page moves focus to the field); `dao-ready` {formId}.
 *
 * Methods: `validate()` → {valid, errors, data}, showing the errors; `reset()` back to the last `data` set;
 * `checkValidity()` (silent) and `reportValidity()` (shows the errors and moves focus), as on a native control;
 * `focusField(path)`. Form-associated: inside a host <form> its value is the answers as JSON under its `name`, it
 * blocks the host's submission while invalid (showing the summary, never the browser's bubble), Enter in a text box
 * submits the host form, and it follows the host form's reset, disabled fieldsets and Back (state restored).
 *
 * Parts: form, title, error-summary, field, label, legend, hint, help, error-message, input, select, textarea,
 * grid-row, table, answer, button, submit. CSS custom properties: --dao-font-family, --dao-font-size,
 * --dao-text-colour, --dao-hint-colour, --dao-error-colour, --dao-focus-colour, --dao-link-colour,
 * --dao-border-colour, --dao-rule-colour, --dao-button-colour, --dao-button-text-colour,
 * --dao-secondary-button-colour, --dao-max-width.
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
    headingLevel: { type: Number, attribute: 'heading-level' },
    errorSummary: { attribute: 'error-summary' },
    selectThreshold: { type: Number, attribute: 'select-threshold' },
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
  declare headingLevel: number;
  declare errorSummary: string | undefined;
  declare selectThreshold: number;
  declare caseValues: Record<string, unknown> | undefined;

  readonly #formValue = new FormValue(this, { report: () => void this.validate(), submitOwn: () => this.#submit() });
  /** What is being fetched or imported (schema, validator, this product's extensions), for updateComplete. */
  readonly #loads = new Set<Promise<void>>();
  #initialData: unknown;
  /** Answers the browser restored (Back) before the schema arrived. */
  #restored: { data: unknown } | undefined;
  #store: FormStore | undefined;
  #host: FormHost | undefined;
  #summary: FieldErrors | undefined;
  #loadError: string | undefined;
  #readyFor: Schema | undefined;
  #disabled = false;
  #extensionStylesAdopted = false;
  #checked: { data: unknown; validator: unknown; result: Checked } | undefined;
  readonly #draft = new DraftController(
    this,
    () => this.draftDelay,
    () => this.#emit('dao-draft', { data: this.data }),
  );
  readonly #blurCheck = new BlurCheckController(this, (path) => this.#checkField(path));

  constructor() {
    super();
    this.readonly = this.audienceCleared = this.noSubmit = false;
    this.submitLabel = 'Submit';
    this.draftDelay = 1000;
    this.headingLevel = 2;
    this.selectThreshold = 15;
  }

  get data(): unknown {
    if (!this.#store) return this.#initialData ?? {};
    return this.#store.data ?? (takesObject(this.#store.root, this.#store.root) ? {} : undefined);
  }

  set data(value: unknown) {
    this.#initialData = value;
    this.#store?.replace(value);
    this.#afterChange(false);
  }

  get form(): HTMLFormElement | null {
    return this.#formValue.internals.form;
  }

  get validity(): ValidityState {
    return this.#formValue.internals.validity;
  }

  get validationMessage(): string {
    return this.#formValue.internals.validationMessage;
  }

  get willValidate(): boolean {
    return this.#formValue.internals.willValidate;
  }

  /** Checks the answers, shows any errors (and moves focus to the error summary) and returns the result. */
  validate(): Checked {
    const checked = this.#check();
    const result = { ...checked, errors: inFormOrder(this.renderRoot as ShadowRoot, checked.errors) };
    this.#store?.setErrors(result.errors);
    this.#summary = result.valid || this.errorSummary === 'host' ? undefined : result.errors;
    this.requestUpdate();
    if (!result.valid) {
      // The host's summary takes focus in its dao-invalid listener; without one, focus is on the first field in error.
      if (this.errorSummary === 'host') this.focusField(Object.keys(result.errors)[0]!);
      else void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus());
      this.#emit('dao-invalid', { errors: result.errors, summary: this.#summaryItems(result.errors) });
    }
    return result;
  }

  /** As a native control's: true when the answers pass every check; shows nothing. */
  checkValidity(): boolean {
    return this.#formValue.internals.checkValidity();
  }

  /** As a native control's: shows the errors (the summary takes focus) and returns whether there are none. */
  reportValidity(): boolean {
    return this.#formValue.internals.reportValidity();
  }

  /** Moves focus to the field at `path` (its first control) and brings its question into view. */
  focusField(path: string): void {
    focusField(this.renderRoot as ShadowRoot, path);
  }

  reset(): void {
    this.#summary = undefined;
    this.data = this.#initialData;
    this.requestUpdate();
  }

  formResetCallback(): void {
    this.reset();
  }

  formDisabledCallback(disabled: boolean): void {
    this.#disabled = disabled;
    this.requestUpdate();
  }

  formStateRestoreCallback(state: unknown, mode: 'restore' | 'autocomplete'): void {
    if (mode !== 'restore' || typeof state !== 'string') return;
    const saved = { data: JSON.parse(state) as unknown };
    if (this.#store) this.#restore(saved);
    else this.#restored = saved;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('click', this.#onDocumentClick);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('click', this.#onDocumentClick);
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    root.append(this.#formValue.anchor);
    return root;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const { schemaSrc, validatorSrc } = this;
    if (changed.has('schemaSrc') && schemaSrc) {
      this.#load(
        () => fetchSchema(schemaSrc),
        (s) => (this.schema = s as Schema),
        schemaSrc,
      );
    }
    if (changed.has('validatorSrc') && validatorSrc) {
      const use = (v: unknown) => (this.validator = v as StandaloneValidate);
      this.#load(() => importValidator(validatorSrc, document.baseURI), use, validatorSrc);
    }
    if (changed.has('schema') && this.schema) {
      const schema = this.schema;
      const isWidget = (name: string) => !!findWidget(name) || EXTENSION_WIDGETS.includes(name);
      for (const gap of schemaGaps(schema, isWidget)) console.warn(`dao-form [not-shown] ${gap} (${GAPS_DOC})`);
      this.#store = this.#host = undefined;
      if (extensionsReady(schema)) this.#useSchema(schema);
      else this.#load(loadExtensions, () => this.schema === schema && this.#useSchema(schema), EXTENSIONS_SRC);
    }
    if (changed.has('caseValues') && !changed.has('schema')) {
      this.#checked = undefined;
      this.#store?.contextChanged();
    }
    const hostChanged = [...changed.keys()].some((p) => HOST_PROPERTIES.includes(String(p)));
    if (hostChanged && this.#store) this.#host = this.#makeHost(this.#store);
  }

  /** Shows `schema`: its answers kept in a new store (with its computed answers' evaluator loaded by now). */
  #useSchema(schema: Schema): void {
    const styles = extensionStyles();
    if (styles && !this.#extensionStylesAdopted) {
      adoptStyles(this.renderRoot as ShadowRoot, [...DaoForm.elementStyles, styles]);
      this.#extensionStylesAdopted = true;
    }
    this.#store = new FormStore(schema, this.#initialData, () => this.#computeContext());
    this.#store.subscribe((change) => this.#onStoreChange(change));
    this.#host = this.#makeHost(this.#store);
    this.#summary = undefined;
    if (this.#restored) this.#restore(this.#restored);
    this.requestUpdate();
  }

  #makeHost(store: FormStore): FormHost {
    return {
      root: store.root,
      store,
      readonly: this.readonly,
      confidentialCleared: this.audienceCleared,
      headingLevel: Math.min(6, Math.max(1, Math.trunc(this.headingLevel) || 2)),
      selectThreshold: this.selectThreshold,
    };
  }

  protected override async updated(changed: PropertyValues<this>): Promise<void> {
    if (changed.has('validator') && this.#store) this.#afterChange(false);
    if (this.schema && this.#readyFor !== this.schema && this.#store?.root === this.schema) {
      this.#readyFor = this.schema;
      await this.updateComplete;
      this.#afterChange(false);
      this.#emit('dao-ready', { formId: this.schema.$id });
    }
  }

  /**
   * Resolves once the form and every field in it (fields render their own parts after they connect) are rendered,
   * with what it was loading (its schema, validator, this product's extensions) loaded.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.#loads.size) {
      await Promise.all(this.#loads);
      done = await super.getUpdateComplete();
    }
    for (;;) {
      const pending = [...this.renderRoot.querySelectorAll('dao-field')].filter((f) => f.isUpdatePending);
      if (!pending.length) return done;
      await Promise.all(pending.map((f) => f.updateComplete));
    }
  }

  #load(get: () => Promise<unknown>, use: (value: unknown) => void, src: string): void {
    const loading = get().then(use, (error: unknown) => {
      this.#loadError = `This form could not be loaded (${src}: ${(error as Error).message})`;
      console.error(`dao-form: ${this.#loadError}`);
      this.requestUpdate();
    });
    this.#loads.add(loading);
    void loading.finally(() => this.#loads.delete(loading));
  }

  #restore(saved: { data: unknown }): void {
    this.#restored = undefined;
    this.#store!.replace(saved.data);
    this.#afterChange(false);
  }

  /** What computed answers read beside the answers: the case's values, and the time now (the server uses its own). */
  #computeContext() {
    return { ...(this.caseValues ? { case: this.caseValues } : {}), now: new Date().toISOString() };
  }

  #onStoreChange(change: StoreChange): void {
    if (change.kind === 'value') this.#afterChange(true);
  }

  /** The answers as they would be submitted, and their check; worked out once per change of answers or validator. */
  #check(): Checked {
    const schema = this.schema ?? {};
    if (!extensionsReady(schema)) return { valid: false, errors: { '': [LOADING] }, data: this.data };
    const raw = this.#store?.data;
    const last = this.#checked;
    if (last && last.data === raw && last.validator === this.validator && this.#store) return last.result;
    const data = prepareAnswers(schema, this.data, this.#computeContext());
    const chosen = (instancePath: string) => this.#store?.variant(pointerToPath(instancePath));
    const result = { ...checkAnswers(this.validator, schema, data, chosen), data };
    this.#checked = { data: raw, validator: this.validator, result };
    return result;
  }

  /** Keeps the host <form>'s value and validity current, and tells the host page of a change the reader made. */
  #afterChange(byUser: boolean): void {
    if (!this.schema || !this.#store) return;
    const result = this.#check();
    this.#formValue.setValue(result.data, this.#store.data);
    this.#formValue.setValidity(result);
    if (!byUser) return;
    this.#emit('dao-change', { data: this.data });
    this.#draft.changed();
  }

  /** Refreshes one field's inline errors (the error summary changes only on submit, as in GOV.UK). */
  #checkField(path: string): void {
    if (!this.#store || !this.schema) return;
    const result = this.#check();
    const answered = this.#store.get(path) !== undefined;
    this.#store.setErrors(errorsAfterBlur(this.#store.errors, result.errors, path, answered));
  }

  #submit(): void {
    const { valid, data } = this.validate();
    if (valid) this.#emit('dao-submit', { data, formId: this.schema?.$id, formVersion: this.schema?.['x-version'] });
  }

  #onSubmit = (event: Event): void => {
    event.preventDefault();
    this.#submit();
  };

  /** Where a link in the host page's error summary points for the field at `path` (see #onDocumentClick). */
  #href(path: string): string {
    return `#${this.id || 'dao-form'}:${encodeURIComponent(path)}`;
  }

  #summaryItems(errors: FieldErrors): { path: string; message: string; href: string }[] {
    const item = ([path, [message]]: [string, string[]]) => ({ path, message: message ?? '', href: this.#href(path) });
    return Object.entries(errors).map(item);
  }

  /** A link to one of this form's fields anywhere in the page (the host's error summary) focuses that field. */
  #onDocumentClick = (event: MouseEvent): void => {
    const link = event.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
    const prefix = this.#href('');
    if (!link || event.defaultPrevented || !link.getAttribute('href')?.startsWith(prefix)) return;
    event.preventDefault();
    this.focusField(decodeURIComponent(link.getAttribute('href')!.slice(prefix.length)));
  };

  #emit(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  protected override render(): unknown {
    if (this.#loadError) return html`<p class="error-message" role="alert">${this.#loadError}</p>`;
    const schema = this.schema;
    const host = this.#host;
    if (!schema || !host) return html`<p class="hint">${LOADING}</p>`;
    const view = resolveSchema(schema, schema);
    const withheld = this.readonly && isConfidential(schema) && !this.audienceCleared;
    // A form that is one question (a string, a list, a choice of variants) has that question as its heading.
    const single = !takesObject(schema, schema) || !!variantsOf(schema, view);
    const titled = typeof view.title === 'string' && view.title.trim() !== '';
    const title = titled && (!single || this.readonly) ? (view.title as string) : undefined;
    const level = host.headingLevel;
    const version = schema['x-version'] === undefined ? '' : `, version ${String(schema['x-version'])}`;
    return html`<form class="form" novalidate part="form" @submit=${this.#onSubmit}
      @focusout=${this.#blurCheck.onFocusOut} @keydown=${this.#formValue.onKeyDown}>
      ${this.#summary ? errorSummary(this.#summary, (path) => this.focusField(path)) : nothing}
      <fieldset class="form__body" role="presentation" ?disabled=${this.#disabled}>
      ${title ? heading(level, title, `title title--${titleSize(level)}`, 'title') : nothing}
      ${
        withheld
          ? html`<p class="body">This form is confidential and is not shown to ${this.audience ?? 'this reader'}.</p>`
          : html`${single ? nothing : content(view.description)}${content(schema['x-content'])}
            ${
              single
                ? html`<dao-field .form=${host} .path=${''} .schema=${schema} .required=${true}></dao-field>`
                : objectFields(host, '', view)
            }
            ${
              this.readonly && typeof schema.$id === 'string'
                ? html`<p class="hint">Form ${schema.$id}${version}</p>`
                : nothing
            }
            ${
              this.readonly || this.noSubmit
                ? nothing
                : html`<button class="button" type="submit" part="button submit">${this.submitLabel}</button>`
            }`
      }
      </fieldset>
    </form>`;
  }
}

if (!customElements.get('dao-form')) customElements.define('dao-form', DaoForm);

declare global {
  interface HTMLElementTagNameMap {
    'dao-form': DaoForm;
  }
}
