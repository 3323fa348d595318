// Reading `x-confidential` out of a form's JSON Schema: which parts are confidential, answers and schemas without them.
// Follows local $refs and the subschemas of allOf/anyOf/oneOf/if-then-else, so a marked field is found wherever it sits.
import type { JsonObject } from '../definitions/types.js';

type Schema = JsonObject;
const COMPOSITIONS = ['allOf', 'anyOf', 'oneOf'];

export function isConfidential(schema: Schema | undefined): boolean {
  return schema?.['x-confidential'] === true;
}

/** The schema a local `$ref` points to (with a marking beside the $ref kept); other schemas as they are. */
export function resolve(root: Schema, schema: Schema, seen = new Set<string>()): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/') || seen.has(ref)) return schema;
  seen.add(ref);
  const target = ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (node as Schema | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], root);
  if (!target || typeof target !== 'object') return schema;
  // The marking may sit beside the $ref or on its target.
  return { ...resolve(root, target as Schema, seen), ...(isConfidential(schema) ? { 'x-confidential': true } : {}) };
}

function branches(root: Schema, schema: Schema): Schema[] {
  const own = resolve(root, schema);
  const subs = [
    ...COMPOSITIONS.flatMap((k) => (Array.isArray(own[k]) ? (own[k] as Schema[]) : [])),
    own.then,
    own.else,
  ].filter((s): s is Schema => Boolean(s) && typeof s === 'object');
  return [own, ...subs.flatMap((s) => branches(root, s))];
}

/** The schemas a property of an object is described by (several when compositions each describe it). */
function propertySchemas(root: Schema, schema: Schema, key: string): Schema[] {
  return branches(root, schema).flatMap((b) => {
    const props = b.properties as Record<string, Schema> | undefined;
    return props?.[key] ? [resolve(root, props[key])] : [];
  });
}

function itemSchemas(root: Schema, schema: Schema): Schema[] {
  return branches(root, schema).flatMap((b) =>
    b.items && typeof b.items === 'object' ? [resolve(root, b.items as Schema)] : [],
  );
}

export interface Pruned {
  value: unknown;
  /** Whether a confidential part held an answer (withheld, or kept for a cleared reader). */
  touched: boolean;
}

/** Answers with every confidential part removed (`cleared` false), or kept but noticed (`cleared` true). */
export function pruneAnswers(root: Schema, schemas: Schema[], value: unknown, cleared: boolean): Pruned {
  if (schemas.some(isConfidential))
    return cleared ? { value, touched: value !== undefined } : { value: undefined, touched: value !== undefined };
  let touched = false;
  if (Array.isArray(value)) {
    const items = schemas.flatMap((s) => itemSchemas(root, s));
    const out = value.map((v) => {
      const r = pruneAnswers(root, items, v, cleared);
      touched ||= r.touched;
      return r.value;
    });
    return { value: out, touched };
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const r = pruneAnswers(
        root,
        schemas.flatMap((s) => propertySchemas(root, s, key)),
        v,
        cleared,
      );
      touched ||= r.touched;
      if (r.value !== undefined) out[key] = r.value;
    }
    return { value: out, touched };
  }
  return { value, touched };
}

/**
 * Whether the value at `path` (dotted, inside the answers) is or contains something confidential. A path may step
 * into a list by an item's number, or name a question of every item (`children.name`).
 */
export function pathIsConfidential(root: Schema, path: string[]): boolean {
  let schemas = [resolve(root, root)];
  for (const key of path) {
    if (schemas.some(isConfidential)) return true;
    const items = schemas.flatMap((s) => itemSchemas(root, s));
    if (items.some(isConfidential)) return true;
    schemas = /^\d+$/.test(key) ? items : [...schemas, ...items].flatMap((s) => propertySchemas(root, s, key));
  }
  return schemas.some((s) => containsConfidential(root, s, new Set()));
}

function containsConfidential(root: Schema, schema: Schema, seen: Set<Schema>): boolean {
  if (seen.has(schema)) return false;
  seen.add(schema);
  return branches(root, schema).some(
    (b) =>
      isConfidential(b) ||
      Object.values((b.properties as Record<string, Schema>) ?? {}).some((p) =>
        containsConfidential(root, resolve(root, p), seen),
      ) ||
      (b.items && typeof b.items === 'object'
        ? containsConfidential(root, resolve(root, b.items as Schema), seen)
        : false),
  );
}

/** The schema as served to a reader not cleared for confidential information: marked parts and their `required` entries gone. */
export function schemaWithoutConfidential(root: Schema): Schema {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node))
      return node.filter((n) => !(n && typeof n === 'object' && isConfidential(resolve(root, n as Schema)))).map(walk);
    if (!node || typeof node !== 'object') return node;
    const props = (node as Schema).properties as Record<string, Schema> | undefined;
    const removed = new Set(
      Object.entries(props ?? {})
        .filter(([, p]) => isConfidential(resolve(root, p)))
        .map(([k]) => k),
    );
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' && value && typeof value === 'object') {
        out[key] = Object.fromEntries(
          Object.entries(value)
            .filter(([k]) => !removed.has(k))
            .map(([k, v]) => [k, walk(v)]),
        );
      } else if (key === 'required' && Array.isArray(value)) {
        out[key] = value.filter((k) => !removed.has(k as string));
      } else if (key === '$defs' && value && typeof value === 'object') {
        // A confidential definition still referenced elsewhere accepts nothing, so no $ref is left dangling.
        out[key] = Object.fromEntries(
          Object.entries(value).map(([k, v]) => [k, isConfidential(v as Schema) ? { not: {} } : walk(v)]),
        );
      } else {
        out[key] = walk(value);
      }
    }
    return out;
  };
  return walk(root) as Schema;
}
