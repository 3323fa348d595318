// x-widget: number — a text input for whole or decimal numbers (GOV.UK: inputmode, not type=number). What cannot be
// read as a number is kept as typed, so the form's checks say "must be a number".
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Widget } from './registry.js';
import { describedBy, labelled } from './parts/shell.js';
import { textValue } from './text.js';

export function parseNumber(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const number = Number(trimmed);
  return Number.isFinite(number) && String(number) === trimmed ? number : text;
}

export const number: Widget = {
  render: (field) =>
    labelled(
      field,
      html`<input class="input input--width-5 ${field.error ? 'input--error' : ''}" id=${field.id} name=${field.id} type="text"
        inputmode=${field.schema.type === 'integer' ? 'numeric' : 'decimal'} data-path=${field.path}
        .value=${textValue(field.value)}
        aria-describedby=${ifDefined(describedBy(field))} part="input" spellcheck="false" autocomplete="off"
        @input=${(e: Event) => field.set(parseNumber((e.target as HTMLInputElement).value))} />`,
    ),
};
