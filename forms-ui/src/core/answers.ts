// The answers a form submits: hidden conditional questions dropped, empty groups pruned, x-compute values filled in
// (with the engine's own computeAnswers, so browser and server compute alike). No DOM.
import { computeAnswers, type ComputeContext } from '../../../engine/forms/compute.js';
import { conditionalFields, isRevealed } from './conditions.js';
import { resolveSchema, type Schema } from './schema.js';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function clean(root: Schema, node: Schema, value: unknown): unknown {
  const schema = resolveSchema(root, node);
  if (Array.isArray(value)) {
    const items = schema.items && typeof schema.items === 'object' ? (schema.items as Schema) : {};
    return value.map((v) => clean(root, items, v) ?? {});
  }
  if (!isPlainObject(value)) return value;
  const props = (schema.properties ?? {}) as Record<string, Schema>;
  const conditionals = conditionalFields(schema);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const conditional = conditionals.get(key);
    if (conditional && !isRevealed(conditional, value, root)) continue;
    const child = props[key] ?? conditional?.schema;
    const cleaned = child ? clean(root, child, v) : v;
    if (cleaned !== undefined) out[key] = cleaned;
  }
  return Object.keys(out).length ? out : undefined;
}

/** What is validated and submitted for the answers on screen; `context`: what computed answers read beside them. */
export function prepareAnswers(root: Schema, data: unknown, context: ComputeContext = {}): Record<string, unknown> {
  const cleaned = (clean(root, root, data) ?? {}) as Record<string, unknown>;
  return computeAnswers(root, cleaned, context) as Record<string, unknown>;
}

/** True when the form has computed (x-compute) answers anywhere. */
export function hasComputedAnswers(root: Schema): boolean {
  return JSON.stringify(root).includes('"x-compute"');
}
