// A oneOf/anyOf of groups of questions or kinds of value (core/variants.ts): "which one applies?" as radios (a
// select past the form's threshold), then the chosen one's questions. Questions shared by every variant come first;
// a variant's constants (its discriminator, such as "method": "email") are filled in by choosing it, not asked.
import { html, nothing } from 'lit';
import { isNode } from '../core/json-schema/resources.js';
import { propertiesOf, takesObject, type Schema } from '../core/schema.js';
import { guessVariant, valueForVariant, variantsOf, type Variant } from '../core/variants.js';
import type { Field, Widget } from './registry.js';
import { radioList } from './parts/choices.js';
import { objectFields } from './parts/object-fields.js';
import { grouped } from './parts/shell.js';

const ownQuestions = new WeakMap<Schema, Schema>();

/** The variant's questions that are neither constants nor shared with the object holding it. */
function questionsOf(node: Schema, variant: Variant): Schema {
  let questions = ownQuestions.get(variant.view);
  if (!questions) {
    const shared = new Set(Object.keys(isNode(node.properties) ? node.properties : {}));
    const properties = propertiesOf(variant.view).filter(([k, s]) => !shared.has(k) && !(isNode(s) && 'const' in s));
    ownQuestions.set(variant.view, (questions = { ...variant.view, properties: Object.fromEntries(properties) }));
  }
  return questions;
}

function chosenPart(field: Field, node: Schema, variant: Variant) {
  if (takesObject(field.form.root, variant.view))
    return objectFields(field.form, field.path, questionsOf(node, variant));
  return html`<dao-field .form=${field.form} .path=${field.path} .schema=${variant.view}
    .required=${field.required}></dao-field>`;
}

export const variants: Widget = {
  container: true,
  render: (field) => {
    const { root, store } = field.form;
    const list = variantsOf(root, field.schema) ?? [];
    const chosen = store.variant(field.path) ?? guessVariant(root, list, field.value);
    const variant = chosen === undefined ? undefined : list[chosen];
    const choose = (i: unknown) =>
      store.chooseVariant(
        field.path,
        i as number,
        valueForVariant(root, field.schema, list[i as number]!, store.get(field.path)),
      );
    const chooser = { ...field, id: `${field.id}~variant`, value: chosen, error: undefined };
    const options = list.map((v, i) => ({
      value: i,
      title: v.title,
      ...(typeof v.view.description === 'string' ? { description: v.view.description } : {}),
    }));
    // The chosen kind of value shows its own error beside its own box; anything else is the question's error.
    const scalarChosen = variant && !takesObject(root, variant.view);
    const shared = isNode(field.schema.properties) ? objectFields(field.form, field.path, field.schema) : [];
    return html`${shared}${grouped(
      scalarChosen ? { ...field, error: undefined } : field,
      [
        radioList(chooser, options, { onChoose: choose }),
        variant ? html`<div class="variants__chosen">${chosenPart(field, field.schema, variant)}</div>` : nothing,
      ],
      { asHeading: !field.path || takesObject(root, field.schema), extraClass: 'variants' },
    )}`;
  },
};
