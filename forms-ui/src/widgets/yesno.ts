// x-widget: yesno — Yes / No radios side by side (the default for booleans).
import { choicesOf } from '../core/schema.js';
import type { Widget } from './registry.js';
import { radioList } from './parts/choices.js';
import { grouped } from './parts/shell.js';

const YES_NO = [
  { value: true, title: 'Yes' },
  { value: false, title: 'No' },
];

export const yesno: Widget = {
  render: (field) => {
    const choices = field.schema.type === 'boolean' ? YES_NO : (choicesOf(field.schema) ?? YES_NO);
    return grouped(field, radioList(field, choices, { inline: true }));
  },
};
