// The GOV.UK error summary: "There is a problem" and a link to each field in error; a link moves focus to the
// field's first control and brings its question (label or legend) into view.
import { html, type TemplateResult } from 'lit';
import type { FieldErrors } from '../../engine/forms/messages.js';

/** The first control of the field at `path`: its own id, its "which one applies?" choice, or the first control of a
 * group inside it. */
export function fieldControl(root: ShadowRoot | Document, path: string): HTMLElement | undefined {
  const own = root.getElementById(`f-${path}`) ?? root.getElementById(`f-${path}~variant`);
  if (own) return own;
  const prefix = path ? `f-${path}.` : 'f-';
  return [...root.querySelectorAll<HTMLElement>('input, textarea, select, button')].find((el) =>
    el.id.startsWith(prefix),
  );
}

/** The errors in the order their fields appear on screen (ajv reports them in its own order). */
export function inFormOrder(root: ShadowRoot | Document, errors: FieldErrors): FieldErrors {
  const controls = [...root.querySelectorAll('[id^="f-"]')];
  const position = (path: string) => {
    const control = fieldControl(root, path);
    return control ? controls.indexOf(control) : Number.MAX_SAFE_INTEGER;
  };
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => position(a) - position(b)));
}

export function focusField(root: ShadowRoot | Document, path: string): void {
  const control = fieldControl(root, path);
  if (!control) return;
  control.focus({ preventScroll: true });
  const question =
    control.closest('fieldset')?.querySelector('legend') ??
    root.querySelector(`label[for="${CSS.escape(control.id)}"]`) ??
    control;
  question.scrollIntoView({ block: 'start' });
}

export function errorSummary(errors: FieldErrors, onLink: (path: string) => void): TemplateResult {
  return html`<div class="error-summary" tabindex="-1" part="error-summary">
    <div role="alert">
      <h2 class="error-summary__title">There is a problem</h2>
      <ul class="error-summary__list">
        ${Object.entries(errors).map(
          ([path, [message]]) =>
            html`<li><a href="#f-${path}" @click=${(e: Event) => (e.preventDefault(), onLink(path))}>${message}</a></li>`,
        )}
      </ul>
    </div>
  </div>`;
}
