// format: date-time — the GOV.UK date input and hour and minute boxes, shown and stored in the reader's time zone
// ("2024-06-01T14:30:00+01:00", the offset of that day: summer time included).
import { html } from 'lit';
import { dateTimeParts, joinDateTime } from '../core/date-time.js';
import type { Widget } from './registry.js';
import { DATE_BOXES, numberBoxes, TIME_BOXES } from './parts/boxes.js';
import { grouped } from './parts/shell.js';

export const dateTime: Widget = {
  render: (field) => {
    const parts = dateTimeParts(field.value);
    const hintId = `${field.id}-date-time-hint`;
    return grouped(field, numberBoxes(field, [...DATE_BOXES, ...TIME_BOXES], parts, joinDateTime), {
      before: html`<div id=${hintId} class="hint">For example, 27 3 2007 14 30 (24-hour clock)</div>`,
      describedBy: hintId,
      extraClass: 'date-time',
    });
  },
};
