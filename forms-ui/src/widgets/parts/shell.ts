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
  const ids = [
    hintText(field).length ? `${field.id}-hint` : undefined,
    field.error ? `${field.id}-error` : undefined,
    ...extra,
  ];
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

/** A single control with a <label>; the whole form's only question has its label as the form's heading. */
export function labelled(field: Field, control: unknown, after: unknown = nothing): TemplateResult {
  const text = html`<label class="label" for=${field.id} part="label">${label(field)}</label>`;
  const level = field.form.headingLevel;
  const title = field.path ? text : heading(level, text, `title title--${titleSize(level)}`, 'title');
  return group(field, html`${title}${hint(field)}${help(field)}${errorMessage(field)}${control}${after}`);
}

/** The heading level of a group's legend: the form's own level, then one down for each level of nesting. */
export function headingLevel(field: Field): number {
  return Math.min(6, field.form.headingLevel + field.path.split('.').filter((k) => k && !/^\d+$/.test(k)).length);
}

/** The GOV.UK size of a heading at `level`: l for h1, m for h2, s below. */
export function titleSize(level: number): string {
  return level <= 1 ? 'l' : level === 2 ? 'm' : 's';
}

/** A heading of any level (a template per tag: Lit binds no tag names). */
export function heading(level: number, text: unknown, className = 'fieldset__heading', part?: string): TemplateResult {
  const p = ifDefined(part);
  switch (level) {
    case 1:
      return html`<h1 class=${className} part=${p}>${text}</h1>`;
    case 2:
      return html`<h2 class=${className} part=${p}>${text}</h2>`;
    case 3:
      return html`<h3 class=${className} part=${p}>${text}</h3>`;
    case 4:
      return html`<h4 class=${className} part=${p}>${text}</h4>`;
    case 5:
      return html`<h5 class=${className} part=${p}>${text}</h5>`;
    default:
      return html`<h6 class=${className} part=${p}>${text}</h6>`;
  }
}

/** Several controls (or questions) in a <fieldset> whose <legend> is the question; `asHeading` for sections. */
export function grouped(
  field: Field,
  controls: unknown,
  options: { asHeading?: boolean; extraClass?: string; before?: unknown; describedBy?: string } = {},
): TemplateResult {
  // The whole form's only question is the form's heading.
  const size = field.path ? 'm' : titleSize(field.form.headingLevel);
  const legend =
    options.asHeading || !field.path
      ? html`<legend class="legend legend--${size}" part="legend">${heading(headingLevel(field), label(field))}</legend>`
      : html`<legend class="legend" part="legend">${label(field)}</legend>`;
  return group(
    field,
    html`<fieldset class="fieldset" aria-describedby=${ifDefined(describedBy(field, options.describedBy))}>
      ${legend}${hint(field)}${options.before ?? nothing}${help(field)}${errorMessage(field)}${controls}
    </fieldset>`,
    options.extraClass,
  );
}
