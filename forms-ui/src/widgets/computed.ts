// Computed answers (x-compute): worked out from the other answers with the form's JSON Logic expression and shown as
// text, never typed in. The server works them out again on submission.
import { html } from 'lit';
import { displayValue } from '../core/schema.js';
import type { Field, Widget } from './registry.js';
import { hint, label } from './parts/shell.js';

function show(field: Field) {
  return html`<div class="form-group computed" part="field computed">
    <dl class="summary">
      <dt class="summary__key">${label(field)}</dt>
      <dd class="summary__value"><output id=${field.id}>${displayValue(field.schema, field.value, field.form.root)}</output></dd>
    </dl>
    ${hint(field)}
  </div>`;
}

export const computed: Widget = { render: show, readOnly: show, watchesAll: true };
