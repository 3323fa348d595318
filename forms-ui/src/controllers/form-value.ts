// The form-associated side of <dao-form>, so it behaves as a native control inside a host page's <form>: its value
// (the answers as JSON, under its name) and its validity kept current after every change; checkValidity() silent;
// a report (reportValidity(), or the host's submission) shown as the GOV.UK error summary instead of the browser's
// bubble; Enter in a text box submits the host form.
//
// How a report is told from a check: the browser reports a problem by focusing the control's validation anchor and
// showing its bubble there. The anchor here is an empty, zero-size element that nothing else focuses: its gaining
// focus is the report, and at zero size the browser shows no bubble.
import type { CheckResult } from '../core/validation.js';

export interface FormValueCallbacks {
  /** The browser (or reportValidity()) asks for the problems to be shown. */
  report(): void;
  /** Enter was pressed in a text box and there is no host form: submit the form itself. */
  submitOwn(): void;
}

export class FormValue {
  readonly internals: ElementInternals;
  /** Goes first in the shadow root (see the top of this file); styled by .validity-anchor. */
  readonly anchor: HTMLElement;

  constructor(
    private readonly host: HTMLElement,
    private readonly callbacks: FormValueCallbacks,
  ) {
    this.internals = host.attachInternals();
    this.anchor = document.createElement('span');
    this.anchor.className = 'validity-anchor';
    this.anchor.tabIndex = -1;
    this.anchor.addEventListener('focus', () => this.callbacks.report());
  }

  /** The value submitted with the host form, and the state the browser restores after Back. */
  setValue(answers: unknown, state: unknown): void {
    this.internals.setFormValue(answers === undefined ? null : JSON.stringify(answers), JSON.stringify(state ?? null));
  }

  /** Valid, or invalid with the first error's message. */
  setValidity(result: CheckResult): void {
    if (!this.host.shadowRoot?.contains(this.anchor)) return;
    const message = Object.values(result.errors)[0]?.[0];
    if (result.valid) this.internals.setValidity({});
    else this.internals.setValidity({ customError: true }, message ?? 'There is a problem', this.anchor);
  }

  /** Enter in a one-line box submits the form it is in, as in any native form. */
  readonly onKeyDown = (event: KeyboardEvent): void => {
    const target = event.composedPath()[0];
    if (event.key !== 'Enter' || event.isComposing || !(target instanceof HTMLInputElement)) return;
    if (['button', 'submit', 'reset', 'image'].includes(target.type)) return;
    event.preventDefault();
    const form = this.internals.form;
    if (form) form.requestSubmit();
    else this.callbacks.submitOwn();
  };
}
