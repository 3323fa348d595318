// format: time — hour and minute boxes (24-hour clock), stored with the reader's time-zone offset ("14:30:00+01:00"),
// or with the offset already stored, so re-saving a time never moves it.
import { html } from 'lit';
import { localOffset, joinTime, timeParts } from '../core/date-time.js';
import type { Widget } from './registry.js';
import { numberBoxes, TIME_BOXES } from './parts/boxes.js';
import { grouped } from './parts/shell.js';

export const time: Widget = {
  render: (field) => {
    const { offset, ...parts } = timeParts(field.value);
    const hintId = `${field.id}-time-hint`;
    return grouped(
      field,
      numberBoxes(field, [...TIME_BOXES], parts, (p) => joinTime(p, offset ?? localOffset(new Date()))),
      {
        before: html`<div id=${hintId} class="hint">Use the 24-hour clock, for example, 14 30</div>`,
        describedBy: hintId,
      },
    );
  },
};
