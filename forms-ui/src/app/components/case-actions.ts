// <case-actions>: the events a person may send now. The next step of where the case is (the pathway's own order) is
// the one primary button; the rest sit under "Other actions"; a next step that is not possible yet says why, in the
// pathway's own words. An event that carries data opens a <dao-form> for it (its schema from the pathway, checked by
// the server's own validator). A sign-off or an event that cannot be undone goes through a confirmation step ("check
// before you confirm") that says what will happen; one that cannot be undone uses the warning button.
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { AppContext } from '../core/context.js';
import { eventDataSchema, hasData } from '../core/event-data.js';
import { LightElement } from '../core/light-element.js';
import { ApiError } from '../core/api-client.js';
import { errorSummary, problemText } from '../core/templates.js';
import type { CaseBody, CaseEvent, EventDefinition, NextStep, Officer } from '../core/types.js';
import { displayValue, propertiesOf, titleOf, type Schema } from '../../core/schema.js';
import { inSentence } from '../../../../engine/forms/messages.js';
import { nameWithRole } from '../../../../engine/reading/person-wording.js';
import '../../dao-form.js';

interface Chosen {
  key: string;
  event: CaseEvent;
  definition: EventDefinition | undefined;
  schema?: Schema;
  validatorSrc?: string;
  /** The details entered, once the form for them has been filled in. */
  data?: Record<string, unknown>;
  /** Showing the confirmation step. */
  confirming: boolean;
}

/**
 * ```html
 * <case-actions .context=${context} .caseBody=${body} .events=${body.allowedEvents}></case-actions>
 * ```
 * Properties: `context`, `caseBody` (id, version and instances of the case: each instance's `nextStep`), `events` (the
 * allowed events to offer), `officers` (offered as choices where an event names an officer), `instanceIds` (whose next
 * step to show, possible or not: by default the instances of `events`), `label` (accessible name of the group).
 * Events: `case-updated` {case, message} after a change; `case-stale` when the case must be read again
 * (someone else changed it first, or the change was refused).
 */
export class CaseActions extends LightElement {
  static override properties = {
    context: { attribute: false },
    caseBody: { attribute: false },
    events: { attribute: false },
    officers: { attribute: false },
    instanceIds: { attribute: false },
    label: {},
    chosen: { state: true },
    busy: { state: true },
    error: { state: true },
  };

  declare context: AppContext;
  declare caseBody: Pick<CaseBody, 'id' | 'version' | 'instances' | 'definitionVersion'>;
  declare events: CaseEvent[];
  declare officers: Officer[];
  /** The instances whose next step is shown (even when it is not possible yet); by default those of `events`. */
  declare instanceIds: string[] | undefined;
  declare label: string;
  declare chosen: Chosen | undefined;
  declare busy: boolean;
  declare error: string | undefined;

  constructor() {
    super();
    this.events = [];
    this.officers = [];
    this.label = 'Actions';
    this.busy = false;
  }

  protected override updated(): void {
    // Warning styles need the events' definitions: fetch the pathways not fetched yet, then draw again.
    const version = this.caseBody?.definitionVersion;
    const missing = [
      ...new Set(
        this.events
          .map((e) => this.#pathwayOf(e))
          .filter((p): p is string => !!p && !this.context.catalogue.hasPathway(p, version)),
      ),
    ];
    if (missing.length)
      void Promise.all(missing.map((p) => this.context.catalogue.pathway(p, version))).then(
        () => this.requestUpdate(),
        () => undefined,
      );
  }

  #key(event: CaseEvent): string {
    return `event-${this.caseBody.id}-${event.instance}-${event.type}`.replace(/[^\w-]/g, '-');
  }

  #pathwayOf(event: { instance: string }): string | undefined {
    return this.caseBody.instances.find((i) => i.id === event.instance)?.pathway;
  }

  /** The next steps of the instances these events are for. */
  #nextSteps(): (NextStep & { instance: string })[] {
    const ids = new Set(this.instanceIds ?? this.events.map((e) => e.instance));
    return this.caseBody.instances
      .filter((i) => ids.has(i.id) && i.nextStep)
      .map((i) => ({ ...i.nextStep!, instance: i.id }));
  }

  async #choose(event: CaseEvent): Promise<void> {
    this.error = undefined;
    const key = this.#key(event);
    if (this.chosen?.key === key && !this.chosen.confirming) {
      this.chosen = undefined;
      return;
    }
    const pathway = this.#pathwayOf(event);
    const definition = pathway
      ? await this.context.catalogue.event(pathway, event.type, this.caseBody.definitionVersion)
      : undefined;
    if (pathway && hasData(definition)) {
      const schema = eventDataSchema(event.title, definition!, this.officers);
      this.chosen = {
        key,
        event,
        definition,
        schema,
        validatorSrc: this.context.catalogue.eventValidatorUrl(pathway, event.type, this.caseBody.definitionVersion),
        confirming: false,
      };
      await this.#focus(`#${key}-form`);
      return;
    }
    await this.#detailsGiven({ key, event, definition, confirming: false }, {});
  }

  /** The details are in: confirm first where the event is a sign-off or cannot be undone, else send. */
  async #detailsGiven(chosen: Chosen, data: Record<string, unknown>): Promise<void> {
    if (chosen.definition?.signOff || chosen.definition?.destructive) {
      this.chosen = { ...chosen, data, confirming: true };
      await this.#focus(`#${chosen.key}-confirm`);
      return;
    }
    this.chosen = undefined;
    await this.#send(chosen.event, data);
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.querySelector<HTMLElement>(selector)?.focus();
  }

  async #send(event: CaseEvent, data: Record<string, unknown>): Promise<void> {
    this.busy = true;
    this.error = undefined;
    try {
      const updated = await this.context.api.post<CaseBody>(
        `api/cases/${encodeURIComponent(this.caseBody.id)}/events`,
        {
          type: event.type,
          instance: event.instance,
          expectedVersion: this.caseBody.version,
          data,
        },
      );
      this.chosen = undefined;
      this.emit('case-updated', { case: updated, message: `${event.title}: done.` });
    } catch (error) {
      this.error = problemText(error);
      // The case moved on (someone else changed it, or what is possible changed): show it as it is now.
      if (error instanceof ApiError && (error.status === 409 || error.status === 422)) this.emit('case-stale');
      await this.#focus('.error-summary');
    } finally {
      this.busy = false;
    }
  }

  #button(event: CaseEvent, primary: boolean): TemplateResult {
    const key = this.#key(event);
    const expanded = this.chosen?.key === key;
    const destructive =
      this.context.catalogue.knownEvent(this.#pathwayOf(event) ?? '', event.type, this.caseBody.definitionVersion)
        ?.destructive === true;
    const style = destructive ? 'button--warning' : primary ? '' : 'button--secondary';
    return html`<li>
      <button
        type="button"
        class="button ${style}"
        ?disabled=${this.busy}
        data-event=${event.type}
        aria-expanded=${expanded ? 'true' : nothing}
        aria-controls=${expanded ? `${key}-${this.chosen!.confirming ? 'confirm' : 'form'}` : nothing}
        @click=${() => void this.#choose(event)}
      >
        ${event.title}
      </button>
    </li>`;
  }

  #answers(chosen: Chosen): TemplateResult | typeof nothing {
    const shown = propertiesOf(chosen.schema ?? {}).filter(
      ([key]) => chosen.data?.[key] !== undefined && chosen.data[key] !== '',
    );
    if (!shown.length) return nothing;
    return html`<dl class="summary-list">
        ${shown.map(
          ([key, field]) =>
            html`<div class="summary-list__row">
              <dt class="summary-list__key">${titleOf(field, key)}</dt>
              <dd class="summary-list__value">${displayValue(field, chosen.data![key], chosen.schema!)}</dd>
            </div>`,
        )}
      </dl>
      <p class="body">
        <button type="button" class="link-button" @click=${() => void this.#change(chosen)}>
          Change the details<span class="visually-hidden"> of ${inSentence(chosen.event.title)}</span>
        </button>
      </p>`;
  }

  async #change(chosen: Chosen): Promise<void> {
    this.chosen = { ...chosen, confirming: false };
    await this.#focus(`#${chosen.key}-form`);
  }

  #confirmation(chosen: Chosen): TemplateResult {
    const destructive = chosen.definition?.destructive === true;
    const user = this.context.user;
    return html`<div
      class="confirm-panel ${destructive ? 'confirm-panel--warning' : ''}"
      id="${chosen.key}-confirm"
      tabindex="-1"
      role="region"
      aria-labelledby="${chosen.key}-confirm-title"
    >
      <h3 class="heading-s" id="${chosen.key}-confirm-title">Check before you confirm: ${chosen.event.title}</h3>
      ${chosen.definition?.confirm ? html`<p class="body">${chosen.definition.confirm}</p>` : nothing}
      ${this.#answers(chosen)}
      ${
        chosen.definition?.signOff
          ? html`<p class="body">
              It will be recorded now as signed off by ${nameWithRole(user.displayName, user.roleTitle)}.
            </p>`
          : nothing
      }
      ${
        destructive
          ? html`<div class="warning-text">
              <span class="warning-text__icon" aria-hidden="true">!</span>
              <strong class="warning-text__text"
                ><span class="visually-hidden">Warning</span> This cannot be undone.</strong
              >
            </div>`
          : nothing
      }
      <div class="button-group">
        <button
          type="button"
          class="button ${destructive ? 'button--warning' : ''}"
          ?disabled=${this.busy}
          @click=${() => void this.#send(chosen.event, chosen.data ?? {})}
        >
          Yes, ${inSentence(chosen.event.title)}
        </button>
        <button
          type="button"
          class="button button--secondary"
          ?disabled=${this.busy}
          @click=${() => (this.chosen = undefined)}
        >
          Cancel
        </button>
      </div>
    </div>`;
  }

  #form(chosen: Chosen): TemplateResult {
    return html`<div
      class="event-form"
      id="${chosen.key}-form"
      tabindex="-1"
      role="group"
      aria-label=${chosen.event.title}
    >
      <dao-form
        .schema=${chosen.schema}
        .data=${guard([chosen.key, chosen.data], () => chosen.data ?? {})}
        validator-src=${chosen.validatorSrc ?? nothing}
        submit-label=${chosen.definition?.signOff || chosen.definition?.destructive ? 'Continue' : chosen.event.title}
        @dao-submit=${(e: CustomEvent<{ data: Record<string, unknown> }>) =>
          void this.#detailsGiven(chosen, e.detail.data)}
      ></dao-form>
      <button type="button" class="button button--secondary" @click=${() => (this.chosen = undefined)}>Cancel</button>
    </div>`;
  }

  #notYet(step: NextStep): TemplateResult {
    const reasons = step.reasons.length ? step.reasons.join('; ') : 'what it needs has not been done yet';
    return html`<div class="inset-text not-yet">
      <p class="body"><strong>${step.title}</strong> is not possible yet: ${reasons}.</p>
    </div>`;
  }

  protected override render(): unknown {
    const steps = this.#nextSteps();
    const isPrimary = (e: CaseEvent) => steps.some((s) => s.possible && s.type === e.type && s.instance === e.instance);
    const primary = this.events.filter(isPrimary);
    const others = this.events.filter((e) => !isPrimary(e));
    const blocked = steps.filter((s) => !s.possible);
    if (!this.events.length && !blocked.length) return nothing;
    const chosen = this.chosen;
    const chosenIsOther = Boolean(chosen && others.some((e) => this.#key(e) === chosen.key));
    const list = (events: CaseEvent[], asPrimary: boolean) =>
      html`<ul class="button-list" aria-label=${this.label}>
        ${events.map((e) => this.#button(e, asPrimary))}
      </ul>`;
    return html`<div class="case-actions">
      ${this.error ? errorSummary([{ text: this.error }], 'This could not be done') : nothing}
      ${blocked.map((s) => this.#notYet(s))} ${primary.length ? list(primary, true) : nothing}
      ${
        others.length
          ? primary.length || blocked.length || others.length > 1
            ? html`<details class="details other-actions" ?open=${chosenIsOther}>
                <summary class="details__summary"><span class="details__summary-text">Other actions</span></summary>
                <div class="details__text">${list(others, false)}</div>
              </details>`
            : list(others, false)
          : nothing
      }
      ${chosen ? (chosen.confirming ? this.#confirmation(chosen) : this.#form(chosen)) : nothing}
    </div>`;
  }
}

if (!customElements.get('case-actions')) customElements.define('case-actions', CaseActions);
