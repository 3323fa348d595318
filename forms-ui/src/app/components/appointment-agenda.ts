// <appointment-agenda>: the signed-in officer's upcoming appointments in date order (GET /api/appointments), each with
// the case it is for, where it is held and its calendar file.
import { html } from 'lit';
import { appointmentTime, type Appointment } from '../core/appointments.js';
import { caseName } from '../core/case-label.js';
import type { AppContext } from '../core/context.js';
import { LightElement } from '../core/light-element.js';
import { href } from '../core/router.js';
import { loaded } from '../core/templates.js';
import type { CaseSummary } from '../core/types.js';
import { LoadController } from '../controllers/load-controller.js';

type AgendaItem = Appointment & { case: Pick<CaseSummary, 'person' | 'caseNumber'> };

/** Properties: `context`. */
export class AppointmentAgenda extends LightElement {
  static override properties = { context: { attribute: false } };

  declare context: AppContext;
  readonly #load = new LoadController<{ appointments: AgendaItem[] }>(
    this,
    () => this.context.api.get<{ appointments: AgendaItem[] }>('api/appointments'),
    () => (this.context ? this.context.user.username : undefined),
  );

  protected override render(): unknown {
    return html`<section aria-labelledby="agenda-heading">
      <h2 class="heading-m" id="agenda-heading">Your appointments</h2>
      ${loaded(this.#load, ({ appointments }) =>
        appointments.length
          ? html`<ol class="list agenda-list">
              ${appointments.map(
                (a) => html`<li class="agenda-list__item">
                  <p class="body"><strong>${appointmentTime(a)}</strong>: ${a.title} with
                    <a class="link" href=${href('/cases', a.caseId, 'appointments')}>${caseName(a.case, a.caseId)}</a>,
                    ${a.place} (${a.delivery}).
                    <a class="link" href=${this.context.api.url(`api/appointments/${encodeURIComponent(a.id)}.ics`)}
                      download>Add to your calendar<span class="visually-hidden"> (${a.title},
                      ${caseName(a.case, a.caseId)})</span></a></p>
                </li>`,
              )}
            </ol>`
          : html`<p class="body">You have no appointments booked from now on.</p>`,
      )}
    </section>`;
  }
}

if (!customElements.get('appointment-agenda')) customElements.define('appointment-agenda', AppointmentAgenda);
