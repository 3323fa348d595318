// x-widget: radios — one answer from a list (the default for enum / oneOf). A choice's description is its item hint;
// x-colour marks the box, always alongside its words.
import { choicesOf } from '../core/schema.js';
import type { Widget } from './registry.js';
import { radioList } from './parts/choices.js';
import { grouped } from './parts/shell.js';

export const radios: Widget = {
  render: (field) => grouped(field, radioList(field, choicesOf(field.schema) ?? [])),
};
