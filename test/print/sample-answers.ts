// Answers to any form, made from its schema as a person might give them: every question answered, dates as
// "1988-08-12", the first choices chosen, two rows in every table; computed answers worked out as the form does.
import type { JsonObject } from '../../engine/definitions/types.js';
import { computeAnswers } from '../../engine/forms/compute.js';

function resolve(root: JsonObject, node: JsonObject): JsonObject {
  const ref = node.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
  const target = ref
    .slice(2)
    .split('/')
    .reduce<unknown>((at, key) => (at as JsonObject | undefined)?.[key], root) as JsonObject;
  return { ...resolve(root, target), ...Object.fromEntries(Object.entries(node).filter(([k]) => k !== '$ref')) };
}

function choices(node: JsonObject): unknown[] | undefined {
  if (Array.isArray(node.oneOf) && (node.oneOf as JsonObject[]).every((o) => 'const' in o))
    return (node.oneOf as JsonObject[]).map((o) => o.const);
  if (Array.isArray(node.enum)) return node.enum as unknown[];
  return undefined;
}

export const SAMPLE_DATE = '1988-08-12';

export function sampleAnswers(root: JsonObject): Record<string, unknown> {
  let n = 0;
  const make = (schema: JsonObject, depth = 0): unknown => {
    const node = resolve(root, schema);
    if ('x-compute' in node) return undefined;
    const options = choices(node);
    if (node.const !== undefined) return node.const;
    if (options) return options[Math.min(1, options.length - 1)];
    const type = Array.isArray(node.type) ? (node.type as string[]).find((t) => t !== 'null') : node.type;
    if (type === 'object' || node.properties) {
      const out: Record<string, unknown> = {};
      for (const [key, property] of Object.entries((node.properties ?? {}) as Record<string, JsonObject>)) {
        const value = make(property, depth + 1);
        if (value !== undefined) out[key] = value;
      }
      return out;
    }
    if (type === 'array') {
      const items = resolve(root, (node.items ?? {}) as JsonObject);
      const itemChoices = choices(items);
      return itemChoices ? itemChoices.slice(0, 2) : [make(items, depth + 1), make(items, depth + 1)];
    }
    if (type === 'boolean') return true;
    if (type === 'integer' || type === 'number') return Number(node.minimum ?? 1);
    if (node.format === 'date') return SAMPLE_DATE;
    if (node.format === 'date-time') return '2026-03-03T09:05:00.000Z';
    if (node.format === 'email') return 'someone@example.gov.uk';
    const text = `Typed text ${++n}`;
    return typeof node.maxLength === 'number' ? text.slice(0, node.maxLength) : text;
  };
  return computeAnswers(root as never, make(root)) as Record<string, unknown>;
}
