// x-widget: textarea — a text box; with maxLength, a GOV.UK character count.
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Widget } from './registry.js';
import { describedBy, labelled } from './parts/shell.js';
import { textValue } from './text.js';

function countMessage(length: number, max: number): string {
  const left = max - length;
  if (left >= 0) return `You have ${left} character${left === 1 ? '' : 's'} remaining`;
  return `You have ${-left} character${left === -1 ? '' : 's'} too many`;
}

export const textarea: Widget = {
  render: (field) => {
    const value = textValue(field.value);
    const max = typeof field.schema.maxLength === 'number' ? field.schema.maxLength : undefined;
    const countId = max === undefined ? undefined : `${field.id}-count`;
    const count =
      max === undefined
        ? nothing
        : html`<div id=${countId!} class="hint character-count ${value.length > max ? 'character-count--over' : ''}"
            aria-live="polite">${countMessage(value.length, max)}</div>`;
    return labelled(
      field,
      html`<textarea class="textarea ${field.error ? 'input--error' : ''}" id=${field.id} name=${field.id} rows="5" data-path=${field.path}
        .value=${value} aria-describedby=${ifDefined(describedBy(field, countId))} part="input textarea"
        @input=${(e: Event) => field.set((e.target as HTMLTextAreaElement).value || undefined)}></textarea>`,
      count,
    );
  },
};
