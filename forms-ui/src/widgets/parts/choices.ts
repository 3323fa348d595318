// A list of radios (one answer) or check boxes (several), GOV.UK style: each with its label and optional item hint.
// One delegated change listener per list, so long grids keep few listeners.
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { sameValue, type Choice } from '../../core/schema.js';
import type { Field } from '../registry.js';

export interface ChoiceListOptions {
  inline?: boolean;
  small?: boolean;
  /** Extra text read after each visible label (e.g. "Never" after "0"). */
  spokenTitles?: string[];
  /** Ids describing the list (hint, error) when it has no fieldset of its own. */
  describedBy?: string | undefined;
  /** Accessible name of the list when it is a role="radiogroup" inside a bigger fieldset (a grid column). */
  groupLabel?: string;
  /** What choosing does, when it is not setting the field's answer (choosing a variant). */
  onChoose?: (value: unknown) => void;
}

function choiceIndex(event: Event): number {
  const input = event.target as HTMLInputElement;
  return [...(event.currentTarget as HTMLElement).querySelectorAll('input')].indexOf(input);
}

/** A radio in its label: few nodes and bindings, since a grid has hundreds. A longer spoken name starts with the
 * visible label (WCAG 2.5.3, label in name). */
function plainRadio(field: Field, choice: Choice, i: number, spoken: string | undefined): TemplateResult {
  return html`<label class="radios__item"><input class="radios__input" id=${i === 0 ? field.id : nothing} name=${field.id} type="radio"
    aria-label=${spoken ? `${choice.title} ${spoken}` : nothing} .checked=${sameValue(field.value, choice.value)}
    />${choice.title}</label>`;
}

/** A radio with its own hint or colour, as GOV.UK marks it up. */
function fullRadio(field: Field, choice: Choice, i: number): TemplateResult {
  const id = i === 0 ? field.id : `${field.id}-${i}`;
  const itemHint = choice.description ? `${id}-item-hint` : undefined;
  return html`<div class="radios__item ${choice.colour ? `item--${choice.colour}` : ''}">
    <input class="radios__input" id=${id} name=${field.id} type="radio" .checked=${sameValue(field.value, choice.value)}
      aria-describedby=${ifDefined(itemHint)} />
    <label class="radios__label" for=${id}>${choice.title}</label>
    ${itemHint ? html`<div id=${itemHint} class="hint radios__hint">${choice.description}</div>` : nothing}
  </div>`;
}

export function radioList(field: Field, choices: Choice[], options: ChoiceListOptions = {}): TemplateResult {
  const onChange = (event: Event) => (options.onChoose ?? field.set)(choices[choiceIndex(event)]!.value);
  const classes = `radios ${options.inline ? 'radios--inline' : ''} ${options.small ? 'radios--small' : ''}`;
  return html`<div class=${classes} role=${ifDefined(options.groupLabel ? 'radiogroup' : undefined)} aria-label=${ifDefined(options.groupLabel)}
    aria-describedby=${ifDefined(options.describedBy)} data-path=${field.path} @change=${onChange}>
    ${choices.map((choice, i) => (choice.description || choice.colour ? fullRadio(field, choice, i) : plainRadio(field, choice, i, options.spokenTitles?.[i])))}
  </div>`;
}

export function checkboxList(field: Field, choices: Choice[]): TemplateResult {
  const selected = Array.isArray(field.value) ? field.value : [];
  const onChange = (event: Event) => {
    const choice = choices[choiceIndex(event)]!;
    const checked = (event.target as HTMLInputElement).checked;
    const next = checked ? [...selected, choice.value] : selected.filter((v) => !sameValue(v, choice.value));
    // Keep the order of the choices, so the same ticks always give the same answer.
    const ordered = choices.map((c) => c.value).filter((v) => next.some((n) => sameValue(n, v)));
    field.set(ordered.length ? ordered : undefined);
  };
  return html`<div class="checkboxes" @change=${onChange}>
    ${choices.map((choice, i) => {
      const id = i === 0 ? field.id : `${field.id}-${i}`;
      return html`<div class="checkboxes__item">
        <input class="checkboxes__input" id=${id} name=${field.id} type="checkbox" value=${String(choice.value)}
          data-path=${field.path} .checked=${selected.some((v) => sameValue(v, choice.value))}
          aria-describedby=${ifDefined(choice.description ? `${id}-item-hint` : undefined)} />
        <label class="checkboxes__label" for=${id}>${choice.title}</label>
        ${choice.description ? html`<div id="${id}-item-hint" class="hint checkboxes__hint">${choice.description}</div>` : nothing}
      </div>`;
    })}
  </div>`;
}

/** One check box for a boolean answer (ticked = true, unticked = no answer). */
export function singleCheckbox(field: Field, text: unknown, describedBy?: string): TemplateResult {
  const onChange = (event: Event) => field.set((event.target as HTMLInputElement).checked ? true : undefined);
  return html`<div class="checkboxes checkboxes--single">
    <div class="checkboxes__item">
      <input class="checkboxes__input" id=${field.id} name=${field.id} type="checkbox" data-path=${field.path}
        .checked=${field.value === true} @change=${onChange} aria-describedby=${ifDefined(describedBy)} />
      <label class="checkboxes__label" for=${field.id}>${text}</label>
    </div>
  </div>`;
}
