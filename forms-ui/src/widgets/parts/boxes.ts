// Numeric boxes side by side under one question (GOV.UK date input): day/month/year, hour/minute. The first box has
// the field's own id, so error links land on it; each box keeps what was typed (digits only).
import { html, type TemplateResult } from 'lit';
import type { Field } from '../registry.js';

export interface Box {
  key: string;
  label: string;
  width: string;
}

export function numberBoxes<K extends string>(
  field: Field,
  boxes: (Box & { key: K })[],
  parts: Record<K, string>,
  join: (parts: Record<K, string>) => unknown,
): TemplateResult {
  return html`<div class="date-input">${boxes.map((box, i) => {
    const id = i === 0 ? field.id : `${field.id}-${box.key}`;
    const onInput = (e: Event) =>
      field.set(join({ ...parts, [box.key]: (e.target as HTMLInputElement).value.replace(/[^0-9]/g, '') }));
    return html`<div class="date-input__item">
      <label class="label date-input__label" for=${id}>${box.label}</label>
      <input class="input ${box.width} ${field.error ? 'input--error' : ''}" id=${id} name=${id} type="text"
        inputmode="numeric" data-path=${field.path} .value=${parts[box.key]} @input=${onInput} autocomplete="off"
        part="input" />
    </div>`;
  })}</div>`;
}

export const DATE_BOXES = [
  { key: 'day', label: 'Day', width: 'input--width-2' },
  { key: 'month', label: 'Month', width: 'input--width-2' },
  { key: 'year', label: 'Year', width: 'input--width-4' },
] as const;

export const TIME_BOXES = [
  { key: 'hour', label: 'Hour', width: 'input--width-2' },
  { key: 'minute', label: 'Minute', width: 'input--width-2' },
] as const;
