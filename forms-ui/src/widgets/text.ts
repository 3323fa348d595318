// x-widget: text — a one-line text input (the default for strings).
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Field, Widget } from './registry.js';
import { describedBy, labelled } from './parts/shell.js';

export function textValue(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

function autocomplete(field: Field): string {
  return field.schema.format === 'email' ? 'email' : 'off';
}

export const text: Widget = {
  render: (field) =>
    labelled(
      field,
      html`<input class="input ${field.error ? 'input--error' : ''}" id=${field.id} name=${field.id} type=${field.schema.format === 'email' ? 'email' : 'text'}
        data-path=${field.path} .value=${textValue(field.value)} autocomplete=${autocomplete(field)} spellcheck="false"
        aria-describedby=${ifDefined(describedBy(field))} part="input"
        @input=${(e: Event) => field.set((e.target as HTMLInputElement).value || undefined)} />`,
    ),
};
