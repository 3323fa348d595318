// <case-actions>: the events a person may send now, as buttons. An event that carries data opens a <dao-form> for it
// (its data schema from the pathway, checked by the server's own precompiled validator for it); sending posts it with
// the version the case was read at.
import { html, nothing } from 'lit';
import type { AppContext } from '../core/context.js';
import { eventDataSchema, hasData } from '../core/event-data.js';
import { LightElement } from '../core/light-element.js';
import { ApiError } from '../core/api-client.js';
import { errorSummary, problemText } from '../core/templates.js';
import type { CaseBody, CaseEvent, EventDefinition, Officer } from '../core/types.js';
import type { Schema } from '../../core/schema.js';
import '../../dao-form.js';

interface OpenEvent {
  key: string;
  event: CaseEvent;
  schema: Schema;
  validatorSrc: string;
}

/**
 * ```html
 * <case-actions .context=${context} .caseBody=${body} .events=${body.allowedEvents}></case-actions>
 * ```
 * Properties: `context`, `caseBody` (id, version and instances of the case), `events` (the allowed events to offer),
 * `officers` (offered as choices where an event names an officer), `primary` (event types that lead on from where the
 * case is: shown as primary buttons, the others as secondary), `label` (accessible name of the group).
 * Events: `case-updated` {case, message} after a change; `case-stale` when the case must be read again (someone
 * else changed it first, or the change was refused).
 */
export class CaseActions extends LightElement {
  static override properties = {
    context: { attribute: false },
    caseBody: { attribute: false },
    events: { attribute: false },
    officers: { attribute: false },
    primary: { attribute: false },
    label: {},
    open: { state: true },
    busy: { state: true },
    error: { state: true },
  };

  declare context: AppContext;
  declare caseBody: Pick<CaseBody, 'id' | 'version' | 'instances' | 'definitionVersion'>;
  declare events: CaseEvent[];
  declare officers: Officer[];
  declare primary: string[];
  declare label: string;
  declare open: OpenEvent | undefined;
  declare busy: boolean;
  declare error: string | undefined;

  constructor() {
    super();
    this.events = [];
    this.officers = [];
    this.primary = [];
    this.label = 'Actions';
    this.busy = false;
  }

  #key(event: CaseEvent): string {
    return `event-${this.caseBody.id}-${event.instance}-${event.type}`.replace(/[^\w-]/g, '-');
  }

  async #definition(event: CaseEvent): Promise<{ pathway: string; definition: EventDefinition | undefined } | undefined> {
    const pathway = this.caseBody.instances.find((i) => i.id === event.instance)?.pathway;
    return pathway ? { pathway, definition: await this.context.catalogue.event(pathway, event.type, this.caseBody.definitionVersion) } : undefined;
  }

  async #choose(event: CaseEvent): Promise<void> {
    this.error = undefined;
    const key = this.#key(event);
    if (this.open?.key === key) {
      this.open = undefined;
      return;
    }
    const { pathway, definition } = (await this.#definition(event)) ?? {};
    if (pathway && definition && hasData(definition)) {
      const schema = eventDataSchema(event.title, definition, this.officers);
      this.open = { key, event, schema, validatorSrc: this.context.catalogue.eventValidatorUrl(pathway, event.type, this.caseBody.definitionVersion) };
      await this.updateComplete;
      this.querySelector<HTMLElement>(`#${key}-form`)?.focus();
      return;
    }
    this.open = undefined;
    await this.#send(event, {});
  }

  async #send(event: CaseEvent, data: Record<string, unknown>): Promise<void> {
    this.busy = true;
    this.error = undefined;
    try {
      const updated = await this.context.api.post<CaseBody>(`api/cases/${encodeURIComponent(this.caseBody.id)}/events`, {
        type: event.type,
        instance: event.instance,
        expectedVersion: this.caseBody.version,
        data,
      });
      this.open = undefined;
      this.emit('case-updated', { case: updated, message: `${event.title}: done.` });
    } catch (error) {
      this.error = problemText(error);
      // The case moved on (someone else changed it, or what is possible changed): show it as it is now.
      if (error instanceof ApiError && (error.status === 409 || error.status === 422)) this.emit('case-stale');
      await this.updateComplete;
      this.querySelector<HTMLElement>('.error-summary')?.focus();
    } finally {
      this.busy = false;
    }
  }

  protected override render(): unknown {
    if (!this.events.length) return nothing;
    const open = this.open;
    return html`<div class="case-actions">
      ${this.error ? errorSummary([{ text: this.error }], 'This could not be done') : nothing}
      <ul class="button-list" aria-label=${this.label}>
        ${this.events.map((event) => {
          const key = this.#key(event);
          const expanded = open?.key === key;
          return html`<li><button type="button" class="button ${this.primary.includes(event.type) && !expanded ? '' : 'button--secondary'}" ?disabled=${this.busy}
            aria-expanded=${open && expanded ? 'true' : nothing} aria-controls=${expanded ? `${key}-form` : nothing}
            @click=${() => void this.#choose(event)}>${event.title}</button></li>`;
        })}
      </ul>
      ${open
        ? html`<div class="event-form" id="${open.key}-form" tabindex="-1" role="group" aria-label=${open.event.title}>
            <dao-form .schema=${open.schema} validator-src=${open.validatorSrc} submit-label=${open.event.title}
              @dao-submit=${(e: CustomEvent<{ data: Record<string, unknown> }>) => void this.#send(open.event, e.detail.data)}></dao-form>
            <button type="button" class="button button--secondary" @click=${() => (this.open = undefined)}>Cancel</button>
          </div>`
        : nothing}
    </div>`;
  }
}

if (!customElements.get('case-actions')) customElements.define('case-actions', CaseActions);
