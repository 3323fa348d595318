// x-widget: signature — a name-and-date block ({ name, date }, optionally signed: boolean as a check box).
import type { Widget } from './registry.js';
import { singleCheckbox } from './parts/choices.js';
import { objectFields } from './parts/object-fields.js';
import { describedBy, errorMessage, grouped, label } from './parts/shell.js';

const signedBox: Widget = {
  render: (field) => [errorMessage(field), singleCheckbox(field, label(field), describedBy(field))],
};

export const signature: Widget = {
  container: true,
  render: (field) =>
    grouped(
      field,
      objectFields(field.form, field.path, field.schema, (_key, s) => (s.type === 'boolean' ? signedBox : undefined)),
      {
        asHeading: true,
        extraClass: 'signature',
      },
    ),
  readOnly: (field) =>
    grouped(field, objectFields(field.form, field.path, field.schema), { asHeading: true, extraClass: 'signature' }),
};
