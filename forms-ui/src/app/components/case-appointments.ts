// <case-appointments>: the appointments of a case — booked, moved, cancelled (after a confirmation step, keeping who
// and when) — each with its calendar file, and attendance with session feedback recorded once it has started. What
// may
// be booked, how long it lasts and how it is delivered come from the definitions (a state's meta.appointment).
import { html, nothing, type TemplateResult } from 'lit';
import { ApiError } from '../core/api-client.js';
import {
  appointmentTime,
  localInstant,
  OUTCOME_WORDS,
  type Appointment,
  type CaseAppointments,
} from '../core/appointments.js';
import type { AppContext } from '../core/context.js';
import { formatDateTime } from '../core/format.js';
import { LightElement } from '../core/light-element.js';
import { errorSummary, loaded, problemText, tag } from '../core/templates.js';
import { LoadController } from '../controllers/load-controller.js';

type Mode = 'move' | 'cancel' | 'confirm-cancel' | 'attendance';

/** Properties: `context`, `caseId`. Events: `case-stale` once attendance may have changed the case. */
export class CaseAppointmentsElement extends LightElement {
  static override properties = {
    context: { attribute: false },
    caseId: { attribute: false },
    open: { state: true },
    message: { state: true },
    problem: { state: true },
    busy: { state: true },
  };

  declare context: AppContext;
  declare caseId: string;
  /** The appointment whose move, cancellation or attendance is open, and what was typed so far. */
  declare open: { id: string; mode: Mode; reason?: string } | undefined;
  declare message: string | undefined;
  declare problem: string | undefined;
  declare busy: boolean;

  readonly #load = new LoadController<CaseAppointments>(
    this,
    () => this.context.api.get<CaseAppointments>(`api/cases/${encodeURIComponent(this.caseId)}/appointments`),
    () => (this.context && this.caseId ? this.caseId : undefined),
  );

  constructor() {
    super();
    this.busy = false;
  }

  get #canBook(): boolean {
    return this.context.user.abilities.bookAppointments === true;
  }

  async #write(action: () => Promise<unknown>, done: string, focus: string): Promise<void> {
    this.busy = true;
    this.problem = undefined;
    this.message = undefined;
    try {
      await action();
      this.open = undefined;
      // Said once the list shown is the one that includes the change.
      await this.#load.reload();
      this.message = done;
      await this.updateComplete;
      this.querySelector<HTMLElement>(focus)?.focus();
    } catch (error) {
      this.problem = problemText(error);
      if (error instanceof ApiError && error.status === 409) await this.#load.reload();
      await this.updateComplete;
      this.querySelector<HTMLElement>('.appointments .error-summary')?.focus();
    } finally {
      this.busy = false;
    }
  }

  #field(form: HTMLFormElement, name: string): string {
    return String(new FormData(form).get(name) ?? '').trim();
  }

  async #book(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const startsAt = localInstant(this.#field(form, 'date'), this.#field(form, 'time'));
    if (!startsAt) {
      this.problem = 'Enter the date and start time of the appointment';
      return;
    }
    const kind = this.#load.value!.kinds.find((k) => k.kind === this.#field(form, 'kind'));
    const body = {
      kind: kind?.kind ?? '',
      startsAt,
      place: this.#field(form, 'place'),
      delivery: this.#field(form, 'delivery'),
    };
    const path = `api/cases/${encodeURIComponent(this.caseId)}/appointments`;
    await this.#write(() => this.context.api.post(path, body), `${kind?.title ?? 'The appointment'} is booked.`, 'h3');
    if (!this.problem) form.reset();
  }

  async #move(event: SubmitEvent, a: Appointment): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const startsAt = localInstant(this.#field(form, 'date'), this.#field(form, 'time'));
    if (!startsAt) {
      this.problem = 'Enter the new date and start time';
      return;
    }
    const body = { expectedVersion: a.version, startsAt, place: this.#field(form, 'place') };
    const path = `api/appointments/${encodeURIComponent(a.id)}`;
    await this.#write(() => this.context.api.request('PATCH', path, body), `${a.title} is moved.`, 'h3');
  }

  #cancelReason(event: SubmitEvent, a: Appointment): void {
    event.preventDefault();
    const reason = this.#field(event.target as HTMLFormElement, 'reason');
    if (!reason) {
      this.problem = 'Enter why the appointment is cancelled';
      return;
    }
    this.problem = undefined;
    this.open = { id: a.id, mode: 'confirm-cancel', reason };
    void this.updateComplete.then(() => this.querySelector<HTMLElement>(`#confirm-${a.id}`)?.focus());
  }

  async #cancel(a: Appointment): Promise<void> {
    const body = { expectedVersion: a.version, reason: this.open?.reason ?? '' };
    const path = `api/appointments/${encodeURIComponent(a.id)}/cancel`;
    await this.#write(() => this.context.api.post(path, body), `${a.title} is cancelled.`, 'h3');
  }

  async #attendance(event: SubmitEvent, a: Appointment): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const body = {
      expectedVersion: a.version,
      outcome: this.#field(form, 'outcome'),
      reason: this.#field(form, 'reason'),
      feedback: this.#field(form, 'feedback'),
    };
    const path = `api/appointments/${encodeURIComponent(a.id)}/attendance`;
    await this.#write(() => this.context.api.post(path, body), `Attendance at ${a.title} is recorded.`, 'h3');
    // Attendance reaches the pathway: what to do now may have changed.
    if (!this.problem) this.emit('case-stale');
  }

  #toggle(a: Appointment, mode: Mode): void {
    this.problem = undefined;
    this.open = this.open?.id === a.id && this.open.mode === mode ? undefined : { id: a.id, mode };
    void this.updateComplete.then(() =>
      this.querySelector<HTMLElement>(
        `#${mode}-${a.id} input, #${mode}-${a.id} select, #${mode}-${a.id} textarea`,
      )?.focus(),
    );
  }

  #dateTimeFields(prefix: string, value?: string): TemplateResult {
    const at = value ? new Date(value) : undefined;
    const pad = (n: number) => String(n).padStart(2, '0');
    const date = at ? `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}` : '';
    const time = at ? `${pad(at.getHours())}:${pad(at.getMinutes())}` : '';
    return html`<div class="form-group">
        <label class="label" for="${prefix}-date">Date</label>
        <input class="input input--width-10" id="${prefix}-date" name="date" type="date" required .value=${date} />
      </div>
      <div class="form-group">
        <label class="label" for="${prefix}-time">Start time</label>
        <input class="input input--width-5" id="${prefix}-time" name="time" type="time" required .value=${time} />
      </div>`;
  }

  #bookForm(data: CaseAppointments): TemplateResult {
    if (!this.#canBook || data.kinds.length === 0) return html``;
    const deliveries = [...new Set(data.kinds.flatMap((k) => k.delivery))];
    return html`<h3 class="heading-m">Book an appointment</h3>
      <form class="appointment-book" @submit=${(e: SubmitEvent) => void this.#book(e)}>
        <div class="form-group">
          <label class="label" for="book-kind">Session</label>
          <select class="select" id="book-kind" name="kind">
            ${data.kinds.map(
              (k) =>
                html`<option value=${k.kind}>
                  ${k.title} (${k.durationMinutes / 60} hours; ${k.attendees.join(', ')})
                </option>`,
            )}
          </select>
        </div>
        ${this.#dateTimeFields('book')}
        <div class="form-group">
          <label class="label" for="book-place">Place</label>
          <input class="input" id="book-place" name="place" type="text" required autocomplete="off" />
        </div>
        <div class="form-group">
          <label class="label" for="book-delivery">How it is held</label>
          <select class="select" id="book-delivery" name="delivery">
            ${deliveries.map((d) => html`<option value=${d}>${d}</option>`)}
          </select>
        </div>
        <button class="button" type="submit" ?disabled=${this.busy}>Book appointment</button>
      </form>`;
  }

  #panel(a: Appointment): TemplateResult | typeof nothing {
    if (this.open?.id !== a.id) return nothing;
    switch (this.open.mode) {
      case 'move':
        return html`<form
          class="appointment-panel"
          id="move-${a.id}"
          @submit=${(e: SubmitEvent) => void this.#move(e, a)}
        >
          ${this.#dateTimeFields(`move-${a.id}`, a.startsAt)}
          <div class="form-group">
            <label class="label" for="move-${a.id}-place">Place</label>
            <input class="input" id="move-${a.id}-place" name="place" type="text" required .value=${a.place} />
          </div>
          <button class="button" type="submit" ?disabled=${this.busy}>Move ${a.title}</button>
        </form>`;
      case 'cancel':
        return html`<form
          class="appointment-panel"
          id="cancel-${a.id}"
          @submit=${(e: SubmitEvent) => this.#cancelReason(e, a)}
        >
          <div class="form-group">
            <label class="label" for="cancel-${a.id}-reason">Why is ${a.title} cancelled?</label>
            <textarea class="textarea" id="cancel-${a.id}-reason" name="reason" rows="3" required></textarea>
          </div>
          <button class="button" type="submit">Continue</button>
        </form>`;
      case 'confirm-cancel':
        return html`<div class="confirm-panel confirm-panel--warning" id="confirm-${a.id}" tabindex="-1" role="region"
          aria-labelledby="confirm-${a.id}-title">
          <h4 class="heading-s" id="confirm-${a.id}-title">Check before you confirm: cancel ${a.title}</h4>
          <p class="body">${a.title} on ${appointmentTime(a)} at ${a.place} will be cancelled in your name now.
            Reason: ${this.open.reason}</p>
          <div class="button-group">
            <button class="button button--warning" type="button" ?disabled=${this.busy}
              @click=${() => void this.#cancel(a)}>Yes, cancel the appointment</button>
            <button class="button button--secondary" type="button" @click=${() => (this.open = undefined)}>
              No, keep it</button>
          </div>
        </div>`;
      case 'attendance':
        return html`<form class="appointment-panel" id="attendance-${a.id}"
          @submit=${(e: SubmitEvent) => void this.#attendance(e, a)}>
          <div class="form-group">
            <label class="label" for="attendance-${a.id}-outcome">Attendance</label>
            <select class="select" id="attendance-${a.id}-outcome" name="outcome">
              ${Object.entries(OUTCOME_WORDS).map(([value, words]) => html`<option value=${value}>${words}</option>`)}
            </select>
          </div>
          <div class="form-group">
            <label class="label" for="attendance-${a.id}-reason">Why they were late or did not attend</label>
            <div class="hint" id="attendance-${a.id}-reason-hint">Needed unless they attended on time.</div>
            <textarea class="textarea" id="attendance-${a.id}-reason" name="reason" rows="2"
              aria-describedby="attendance-${a.id}-reason-hint"></textarea>
          </div>
          <div class="form-group">
            <label class="label" for="attendance-${a.id}-feedback">Session feedback</label>
            <textarea class="textarea" id="attendance-${a.id}-feedback" name="feedback" rows="3"></textarea>
          </div>
          <button class="button" type="submit" ?disabled=${this.busy}>Record attendance</button>
        </form>`;
    }
  }

  #actions(a: Appointment): TemplateResult | typeof nothing {
    if (!this.#canBook || a.status === 'cancelled' || a.attendance) return nothing;
    const started = Date.parse(a.startsAt) <= Date.now();
    const button = (mode: Mode, words: string) =>
      html`<button
        class="button button--secondary"
        type="button"
        aria-expanded=${this.open?.id === a.id && this.open.mode === mode}
        @click=${() => this.#toggle(a, mode)}>${words}<span class="visually-hidden"> ${a.title}</span></button>`;
    return html`<div class="button-group">
      ${started ? button('attendance', 'Record attendance') : button('move', 'Move')} ${button('cancel', 'Cancel')}
    </div>`;
  }

  #appointment(a: Appointment): TemplateResult {
    const ics = this.context.api.url(`api/appointments/${encodeURIComponent(a.id)}.ics`);
    const names = this.#load.value?.names ?? {};
    const outcome = a.attendance?.outcome ?? '';
    const cancelled = a.cancelled
      ? `by ${names[a.cancelled.by] ?? a.cancelled.by} on ${formatDateTime(a.cancelled.at)}: ${a.cancelled.reason}`
      : '';
    const state = a.cancelled
      ? html`${tag('Cancelled', 'grey')} <span class="hint">${cancelled}</span>`
      : a.attendance
        ? html`${tag(OUTCOME_WORDS[outcome] ?? outcome, outcome === 'did-not-attend' ? 'red' : 'green')}
          ${a.attendance.reason ? html`<span class="hint">${a.attendance.reason}</span>` : nothing}`
        : tag('Booked', 'blue');
    return html`<li class="appointment">
      <h4 class="heading-s">${a.title}</h4>
      <dl class="summary-list">
        <div class="summary-list__row"><dt class="summary-list__key">When</dt>
          <dd class="summary-list__value">${appointmentTime(a)}</dd></div>
        <div class="summary-list__row"><dt class="summary-list__key">Where</dt>
          <dd class="summary-list__value">${a.place} (${a.delivery})</dd></div>
        <div class="summary-list__row"><dt class="summary-list__key">Who attends</dt>
          <dd class="summary-list__value">${a.attendees.join(', ')}</dd></div>
        <div class="summary-list__row"><dt class="summary-list__key">Status</dt>
          <dd class="summary-list__value appointment__status">${state}</dd></div>
        ${
          a.attendance?.feedback
            ? html`<div class="summary-list__row"><dt class="summary-list__key">Session feedback</dt>
              <dd class="summary-list__value">${a.attendance.feedback}</dd></div>`
            : nothing
        }
      </dl>
      ${
        a.status === 'booked'
          ? html`<p class="body">
              <a class="link" href=${ics} download>Add ${a.title} on ${formatDateTime(a.startsAt)} to your
              calendar (.ics file)</a></p>`
          : nothing
      }
      ${this.#actions(a)} ${this.#panel(a)}
    </li>`;
  }

  protected override render(): unknown {
    return html`<div class="appointments">
      ${
        this.message
          ? html`<p class="body appointments__done" role="status"><strong>${this.message}</strong></p>`
          : nothing
      }
      ${this.problem ? errorSummary([{ text: this.problem }]) : nothing}
      ${loaded(
        this.#load,
        (data) => html`<h3 class="heading-m" tabindex="-1">Booked appointments</h3>
          ${
            data.appointments.length
              ? html`<ul class="list appointment-list">${data.appointments.map((a) => this.#appointment(a))}</ul>`
              : html`<p class="body">No appointments are booked on this case.</p>`
          }
          ${this.#bookForm(data)}`,
      )}
    </div>`;
  }
}

if (!customElements.get('case-appointments')) customElements.define('case-appointments', CaseAppointmentsElement);
