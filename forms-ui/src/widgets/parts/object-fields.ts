// The questions of an object (the form itself, a section, a signature, a table row), each its own <dao-field>,
// with conditional questions (if/then, dependentSchemas) placed after the question they depend on.
import { html, type TemplateResult } from 'lit';
import { conditionalFields } from '../../core/conditions.js';
import { joinPath } from '../../core/paths.js';
import { propertiesOf, requiredOf, type Schema } from '../../core/schema.js';
import type { FormHost, Widget } from '../registry.js';

export type WidgetOverride = (key: string, schema: Schema) => Widget | undefined;

export function objectFields(
  form: FormHost,
  path: string,
  schema: Schema,
  override?: WidgetOverride,
): TemplateResult[] {
  const required = requiredOf(schema);
  const conditionals = conditionalFields(schema);
  const entries = propertiesOf(schema);
  for (const [key, conditional] of conditionals) {
    if (!conditional.schema) continue;
    const at = entries.findIndex(([k]) => k === conditional.after);
    entries.splice(at < 0 ? entries.length : at + 1, 0, [key, conditional.schema]);
  }
  return entries.map(
    ([
      key,
      child,
    ]) => html`<dao-field .form=${form} .path=${joinPath(path, key)} .schema=${child} .required=${required.has(key)}
      .conditional=${conditionals.get(key)} .parentPath=${path} .renderer=${override?.(key, child)}></dao-field>`,
  );
}
