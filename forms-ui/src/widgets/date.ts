// x-widget: date — the GOV.UK date input: day, month and year boxes giving an ISO date (YYYY-MM-DD). A partly
// filled or impossible date is kept as typed (e.g. "2024-2-"), so the form's checks say it must be a real date.
import { html } from 'lit';
import type { Widget } from './registry.js';
import { DATE_BOXES, numberBoxes } from './parts/boxes.js';
import { grouped } from './parts/shell.js';

type Part = 'day' | 'month' | 'year';

export function dateParts(value: unknown): Record<Part, string> {
  const [year = '', month = '', day = ''] = typeof value === 'string' ? value.split('-') : [];
  return { day, month, year };
}

export function joinDate(parts: Record<Part, string>): string | undefined {
  const { day, month, year } = parts;
  if (!day && !month && !year) return undefined;
  const numeric = [day, month, year].every((p) => /^\d+$/.test(p));
  const pad = (p: string) => (numeric && p.length === 1 ? `0${p}` : p);
  return `${year}-${pad(month)}-${pad(day)}`;
}

export const date: Widget = {
  render: (field) => {
    const parts = dateParts(field.value);
    const hintId = `${field.id}-date-hint`;
    return grouped(field, numberBoxes(field, [...DATE_BOXES], parts, joinDate), {
      before: html`<div id=${hintId} class="hint">For example, 27 3 2007</div>`,
      describedBy: hintId,
    });
  },
};
