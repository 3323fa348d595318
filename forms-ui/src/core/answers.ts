// The answers a form submits: hidden conditional questions dropped, empty groups pruned, gaps in a list sent as
// null, a required "value or null" left blank sent as null, x-compute values filled in (with the engine's own
// computeAnswers, so browser and server compute alike: ./computed.ts). No DOM.
import type { ComputeContext } from '../../../engine/forms/compute.js';
import { withComputedAnswers } from './computed.js';
import { conditionalFields, isRevealed } from './conditions.js';
import { isNode } from './json-schema/resources.js';
import { itemsOf, requiredOf, resolveSchema, takesObject, type Schema } from './schema.js';

function allowsNull(node: Schema): boolean {
  return node.type === 'null' || (Array.isArray(node.type) && node.type.includes('null'));
}

function cleanList(root: Schema, schema: Schema, value: unknown[]): unknown[] | undefined {
  const positions = Array.isArray(schema.prefixItems)
    ? schema.prefixItems
    : Array.isArray(schema.items)
      ? schema.items
      : [];
  const itemAt = (i: number) => (isNode(positions[i]) ? resolveSchema(root, positions[i]) : itemsOf(root, schema));
  const items = Array.from(value, (v, i) => clean(root, itemAt(i), v));
  if (positions.length) {
    // A tuple with nothing answered is not answered; answers stop at the last position answered.
    if (value.length && items.every((v) => v === undefined)) return undefined;
    while (items.length && items.at(-1) === undefined) items.pop();
  }
  // A row left blank is an empty group of questions (so its own questions are asked for); any other gap is null.
  return items.map((v, i) => v ?? (takesObject(root, itemAt(i)) ? {} : null));
}

function clean(root: Schema, node: Schema, value: unknown): unknown {
  const schema = resolveSchema(root, node);
  if (Array.isArray(value)) return cleanList(root, schema, value);
  if (!isNode(value)) return value;
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
  for (const key of requiredOf(schema)) {
    if (out[key] === undefined && props[key] && allowsNull(resolveSchema(root, props[key]))) out[key] = null;
  }
  return Object.keys(out).length ? out : undefined;
}

/** What is validated and submitted for the answers on screen; `context`: what computed answers read beside them. */
export function prepareAnswers(root: Schema, data: unknown, context: ComputeContext = {}): unknown {
  if (!takesObject(root, root)) return clean(root, root, data);
  const cleaned = (clean(root, root, data ?? {}) ?? {}) as Record<string, unknown>;
  return withComputedAnswers(root, cleaned, context);
}
