// x-widget: select — one answer from a long list (GOV.UK select), chosen for an enum or oneOf with more options than
// the form's select-threshold. The first option is blank: nothing is chosen until the reader chooses.
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { choicesOf, sameValue, type Choice } from '../core/schema.js';
import type { Field, Widget } from './registry.js';
import { describedBy, labelled } from './parts/shell.js';

export function selectList(field: Field, choices: Choice[]) {
  const onChange = (e: Event) => {
    const index = (e.target as HTMLSelectElement).selectedIndex - 1;
    field.set(index < 0 ? undefined : choices[index]!.value);
  };
  return labelled(
    field,
    html`<select class="select ${field.error ? 'input--error' : ''}" id=${field.id} name=${field.id}
      data-path=${field.path} aria-describedby=${ifDefined(describedBy(field))} part="input select" @change=${onChange}>
      <option value="" ?selected=${field.value === undefined}></option>
      ${choices.map((c, i) => {
        const selected = sameValue(field.value, c.value);
        return html`<option value=${i} ?selected=${selected}>${c.title}</option>`;
      })}
    </select>`,
  );
}

export const select: Widget = { render: (field) => selectList(field, choicesOf(field.schema) ?? []) };
