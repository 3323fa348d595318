// The form-associated side of <dao-form>: its value in a host page's <form> (the answers as JSON, under its name)
// and its validity, so the host's own submission is blocked while the answers have errors.
import { fieldControl } from '../error-summary.js';
import type { Answers } from '../core/paths.js';
import type { CheckResult } from '../core/validation.js';

export class FormValue {
  readonly #internals: ElementInternals;

  constructor(private readonly host: HTMLElement) {
    this.#internals = host.attachInternals();
  }

  setValue(data: Answers): void {
    this.#internals.setFormValue(JSON.stringify(data));
  }

  /** Valid, or invalid with the first error's message, anchored to that field for the browser's own bubble. */
  setValidity(result: CheckResult): void {
    const [path, messages] = Object.entries(result.errors)[0] ?? [];
    if (result.valid || path === undefined) return this.#internals.setValidity({});
    const anchor = this.host.shadowRoot ? fieldControl(this.host.shadowRoot, path) : undefined;
    this.#internals.setValidity({ customError: true }, messages?.[0] ?? 'There is a problem', anchor);
  }
}
