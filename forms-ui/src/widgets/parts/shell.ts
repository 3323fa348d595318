// GOV.UK building blocks around a control: form group, label or fieldset + legend, hint, "Help with this question",
// inline error message, confidential tag.
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { paragraphsOf, titleOf, isConfidential } from '../../core/schema.js';
import type { Field } from '../registry.js';

function hintText(field: Field): string[] {
  return [...paragraphsOf(field.schema.description), ...paragraphsOf(field.schema['x-hint'])];
}

export function describedBy(field: Field, ...extra: (string | undefined)[]): string | undefined {
  const ids = [hintText(field).length ? `${field.id}-hint` : undefined, field.error ? `${field.id}-error` : undefined, ...extra];
  return ids.filter(Boolean).join(' ') || undefined;
}

export function hint(field: Field): TemplateResult | typeof nothing {
  const paragraphs = hintText(field);
  if (!paragraphs.length) return nothing;
  return html`<div id="${field.id}-hint" class="hint" part="hint">${paragraphs.map((p) => html`<p>${p}</p>`)}</div>`;
}

export function help(field: Field): TemplateResult | typeof nothing {
  const paragraphs = paragraphsOf(field.schema['x-help']);
  if (!paragraphs.length) return nothing;
  return html`<details class="details" part="help">
    <summary class="details__summary">Help with this question</summary>
    <div class="details__text">${paragraphs.map((p) => html`<p>${p}</p>`)}</div>
  </details>`;
}

export function content(text: unknown): TemplateResult[] {
  return paragraphsOf(text).map((p) => html`<p class="body" part="content">${p}</p>`);
}

export function errorMessage(field: Field): TemplateResult | typeof nothing {
  if (!field.error) return nothing;
  return html`<p id="${field.id}-error" class="error-message" part="error-message"><span class="visually-hidden">Error:</span> ${field.error}</p>`;
}

export function label(field: Field): TemplateResult {
  return html`${titleOf(field.schema, field.path)}${isConfidential(field.schema) ? html` <strong class="tag">Confidential</strong>` : nothing}`;
}

function group(field: Field, inner: unknown, extraClass = ''): TemplateResult {
  return html`<div class="form-group ${field.error ? 'form-group--error' : ''} ${extraClass}" part="field">${inner}</div>`;
}

/** A single control with a <label>. */
export function labelled(field: Field, control: unknown, after: unknown = nothing): TemplateResult {
  return group(
    field,
    html`<label class="label" for=${field.id} part="label">${label(field)}</label>${hint(field)}${help(field)}${errorMessage(field)}${control}${after}`,
  );
}

/** The heading level of a group's legend: the form title is h2, top-level groups h3, deeper ones h4–h6. */
export function headingLevel(path: string): number {
  return Math.min(6, 2 + path.split('.').filter((k) => !/^\d+$/.test(k)).length);
}

function heading(level: number, text: unknown): TemplateResult {
  switch (level) {
    case 3: return html`<h3 class="fieldset__heading">${text}</h3>`;
    case 4: return html`<h4 class="fieldset__heading">${text}</h4>`;
    case 5: return html`<h5 class="fieldset__heading">${text}</h5>`;
    default: return html`<h6 class="fieldset__heading">${text}</h6>`;
  }
}

/** Several controls (or questions) in a <fieldset> whose <legend> is the question; `asHeading` for sections. */
export function grouped(field: Field, controls: unknown, options: { asHeading?: boolean; extraClass?: string; before?: unknown; describedBy?: string } = {}): TemplateResult {
  const legend = options.asHeading
    ? html`<legend class="legend legend--m" part="legend">${heading(headingLevel(field.path), label(field))}</legend>`
    : html`<legend class="legend" part="legend">${label(field)}</legend>`;
  return group(
    field,
    html`<fieldset class="fieldset" aria-describedby=${ifDefined(describedBy(field, options.describedBy))}>
      ${legend}${hint(field)}${options.before ?? nothing}${help(field)}${errorMessage(field)}${controls}
    </fieldset>`,
    options.extraClass,
  );
}
