// x-widget: radios — one answer from a list (the default for enum / oneOf). A choice's description is its item hint;
// x-colour marks the box, always alongside its words. A list longer than the form's select-threshold is a select.
import { choicesOf } from '../core/schema.js';
import type { Widget } from './registry.js';
import { radioList } from './parts/choices.js';
import { grouped } from './parts/shell.js';
import { selectList } from './select.js';

export const radios: Widget = {
  render: (field) => {
    const choices = choicesOf(field.schema) ?? [];
    if (choices.length > field.form.selectThreshold && field.schema['x-widget'] !== 'radios')
      return selectList(field, choices);
    return grouped(field, radioList(field, choices));
  },
};
