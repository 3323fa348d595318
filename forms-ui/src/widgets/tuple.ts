// An array of fixed positions (prefixItems, or draft-07's list form of items): one question per position, each
// shown by its own widget (a yes/no stays a boolean, a number a number), in a fieldset named by the list's title.
import { html } from 'lit';
import { isNode } from '../core/json-schema/resources.js';
import { joinPath } from '../core/paths.js';
import type { Schema } from '../core/schema.js';
import type { Widget } from './registry.js';
import { grouped } from './parts/shell.js';

export const tuple: Widget = {
  container: true,
  render: (field) => {
    const positions =
      (Array.isArray(field.schema.prefixItems) ? field.schema.prefixItems : (field.schema.items as unknown[])) ?? [];
    const min = typeof field.schema.minItems === 'number' ? field.schema.minItems : 0;
    return grouped(
      field,
      positions.map(
        (position, i) => html`<dao-field .form=${field.form} .path=${joinPath(field.path, i)}
        .schema=${isNode(position) ? position : ({} as Schema)} .required=${i < min}
        .parentPath=${field.path}></dao-field>`,
      ),
      { asHeading: true, extraClass: 'tuple' },
    );
  },
};
