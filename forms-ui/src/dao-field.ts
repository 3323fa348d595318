// <dao-field>: one question (or one grid row) of a <dao-form>. Internal: it renders into the form's own shadow root
// (no shadow root of its own, so labels, aria-describedby and styles reach across fields) and re-renders only when
// its own answer, its errors, or a question it depends on changes.
import { LitElement, html, nothing } from 'lit';
import { branchSchema } from './core/branch-schema.js';
import { isRevealed, type Conditional } from './core/conditions.js';
import type { StoreChange } from './core/form-store.js';
import { isWithin, joinPath } from './core/paths.js';
import { isConfidential, resolveSchema, widgetOf, type Schema } from './core/schema.js';
import { readOnlyAnswer } from './widgets/parts/read-only.js';
import { findWidget, getWidget, type Field, type FormHost, type Widget } from './widgets/registry.js';

/**
 * The field's widget: its x-widget, or, when that names no widget of ours (a hint written for another renderer, said
 * on the console by core/schema-gaps.ts), the one its type takes.
 */
function widgetFor(root: Schema, schema: Schema): Widget {
  const named = widgetOf(root, schema);
  if (named !== schema['x-widget']) return getWidget(named);
  return findWidget(named) ?? getWidget(widgetOf(root, { ...schema, 'x-widget': undefined }));
}

export class DaoField extends LitElement {
  static override properties = {
    form: { attribute: false },
    path: { attribute: false },
    schema: { attribute: false },
    required: { attribute: false },
    conditional: { attribute: false },
    parentPath: { attribute: false },
    renderer: { attribute: false },
  };

  declare form: FormHost | undefined;
  declare path: string;
  declare schema: Schema;
  declare required: boolean;
  /** Set when the question is shown only under a condition on its siblings. */
  declare conditional: Conditional | undefined;
  declare parentPath: string;
  /** A renderer chosen by the parent (a grid row), instead of the one for the schema's widget. */
  declare renderer: Widget | undefined;

  #unsubscribe: (() => void) | undefined;
  #subscribedTo: FormHost | undefined;
  #widget: Widget | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = this.#subscribedTo = undefined;
  }

  protected override willUpdate(): void {
    this.#subscribe();
  }

  #subscribe(): void {
    if (!this.isConnected || !this.form || this.#subscribedTo === this.form) return;
    this.#unsubscribe?.();
    this.#subscribedTo = this.form;
    this.#unsubscribe = this.form.store.subscribe((change) => {
      if (this.#concerns(change)) this.requestUpdate();
    });
  }

  #concerns(change: StoreChange): boolean {
    const widget = this.#widget;
    const ownsParts = widget?.container === true;
    if (change.kind === 'reset') return true;
    if (change.kind === 'errors')
      return change.paths.some((p) => p === this.path || (!ownsParts && isWithin(p, this.path)));
    const p = change.path;
    if (p === this.path || isWithin(this.path, p) || widget?.watchesAll) return true;
    if (!ownsParts && isWithin(p, this.path)) return true;
    return this.conditional?.triggers.some((t) => isWithin(p, joinPath(this.parentPath, t))) ?? false;
  }

  protected override render(): unknown {
    const form = this.form;
    if (!form) return nothing;
    const siblings = form.store.get(this.parentPath);
    // A question declared in several branches takes its schema from the branch that applies (core/branch-schema.ts).
    const schema = resolveSchema(form.root, branchSchema(this.conditional, this.schema, siblings, form.root));
    if (form.readonly && isConfidential(schema) && !form.confidentialCleared) return nothing;
    if (this.conditional && !isRevealed(this.conditional, siblings, form.root)) return nothing;
    try {
      this.#widget = this.renderer ?? widgetFor(form.root, schema);
    } catch (error) {
      console.error(`dao-form: ${(error as Error).message} (at "${this.path}")`);
      return html`<p class="error-message" role="alert">${(error as Error).message}</p>`;
    }
    const widget = this.#widget;
    const field: Field = {
      path: this.path,
      id: `f-${this.path}`,
      schema,
      value: widget.watchesAll ? form.store.computed(this.path) : form.store.get(this.path),
      error: form.store.errorAt(this.path),
      required: this.required,
      form,
      set: (value) => form.store.set(this.path, value),
    };
    // readOnly (JSON Schema's annotation): shown as an answer, never typed in.
    const shownOnly = form.readonly || (schema.readOnly === true && !widget.watchesAll);
    if (shownOnly) return (widget.readOnly ?? readOnlyAnswer)(field);
    return widget.render(field);
  }
}

if (!customElements.get('dao-field')) customElements.define('dao-field', DaoField);

declare global {
  interface HTMLElementTagNameMap {
    'dao-field': DaoField;
  }
}
