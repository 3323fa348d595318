// A schema node as the form shows it: its `$ref` followed (resolved as the validator resolves it), the questions of
// its allOf members merged in, and "a value or null" (anyOf/oneOf with a null member) read as an optional value.
// The validator always checks the schema as written; this is only what is rendered. Memoised per node. No DOM.
import { indexOf, isNode } from './json-schema/resources.js';

export type Schema = Record<string, unknown>;

const views = new WeakMap<Schema, Schema>();
const resolving = new Set<Schema>();
/** Kept on the node itself: conditionalFields visits them where they are written. */
const NOT_MERGED = new Set([
  'if',
  'then',
  'else',
  'allOf',
  'anyOf',
  'oneOf',
  '$ref',
  '$defs',
  'definitions',
  'dependentSchemas',
  'dependencies',
  'dependentRequired',
  '$id',
  '$schema',
  'title',
  'description',
]);

function withoutKeys(node: Schema, keys: string[]): Schema {
  return Object.fromEntries(Object.entries(node).filter(([k]) => !keys.includes(k)));
}

function members(root: Schema, list: unknown): Schema[] {
  return Array.isArray(list) ? list.filter(isNode).map((m) => resolveSchema(root, m)) : [];
}

/** The allOf members' questions (properties, required, tuple positions) and keywords merged under the node's own. */
function mergeAllOf(root: Schema, node: Schema): Schema {
  const parts = [...members(root, node.allOf), node];
  const merged: Schema = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) if (part === node || !NOT_MERGED.has(key)) merged[key] = value;
  }
  const properties = Object.assign({}, ...parts.map((p) => (isNode(p.properties) ? p.properties : {}))) as Schema;
  if (Object.keys(properties).length) merged.properties = properties;
  const required = [...new Set(parts.flatMap((p) => (Array.isArray(p.required) ? (p.required as string[]) : [])))];
  if (required.length) merged.required = required;
  const positions = parts.map((p) => p.prefixItems).filter(Array.isArray) as unknown[][];
  if (positions.length) {
    const length = Math.max(...positions.map((p) => p.length));
    merged.prefixItems = Array.from(
      { length },
      (_, i) =>
        positions
          .map((p) => p[i])
          .filter(isNode)
          .at(-1) ?? true,
    );
  }
  return merged;
}

/** The one member that is not null, when a anyOf/oneOf is "this or null". */
function nullableMember(root: Schema, node: Schema): { key: string; member: Schema } | undefined {
  for (const key of ['anyOf', 'oneOf']) {
    const list = members(root, node[key]);
    const others = list.filter((m) => m.type !== 'null');
    if (list.length > 1 && others.length === 1) return { key, member: others[0]! };
  }
  return undefined;
}

/** The node as rendered (see the top of this file). */
export function resolveSchema(root: Schema, node: Schema): Schema {
  if (!isNode(node)) return {};
  const cached = views.get(node);
  if (cached) return cached;
  if (resolving.has(node)) return node;
  resolving.add(node);
  try {
    let view = node;
    // Shown as the schema they point to statically: where a dynamic reference lands depends on the answers' path.
    const refKey = ['$ref', '$dynamicRef', '$recursiveRef'].find((k) => typeof node[k] === 'string');
    if (refKey) {
      const target = indexOf(root).resolve(node[refKey] as string, node);
      view = { ...(isNode(target) ? resolveSchema(root, target) : {}), ...withoutKeys(node, [refKey]) };
    }
    if (Array.isArray(view.allOf)) view = mergeAllOf(root, view);
    const nullable = nullableMember(root, view);
    if (nullable) {
      const type = nullable.member.type;
      view = {
        ...nullable.member,
        ...withoutKeys(view, [nullable.key]),
        type: [...(Array.isArray(type) ? type : type ? [type] : []), 'null'],
      };
    }
    views.set(node, view);
    return view;
  } finally {
    resolving.delete(node);
  }
}
