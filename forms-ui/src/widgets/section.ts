// x-widget: section — a group of questions in a fieldset whose legend is a heading (the default for objects),
// with its x-content paragraphs, hint and help before the questions.
import type { Widget } from './registry.js';
import { objectFields } from './parts/object-fields.js';
import { content, grouped } from './parts/shell.js';

export const section: Widget = {
  container: true,
  render: (field) =>
    grouped(field, objectFields(field.form, field.path, field.schema), {
      asHeading: true,
      extraClass: 'section',
      before: content(field.schema['x-content']),
    }),
  readOnly: (field) =>
    grouped(field, objectFields(field.form, field.path, field.schema), { asHeading: true, extraClass: 'section' }),
};
