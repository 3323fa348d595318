// Conditional reveal: which questions of an object depend on `if`/`then`/`else`, `dependentSchemas` or
// `dependentRequired`, and whether they are shown for the current answers. Conditions are matched with a small
// JSON Schema subset (no ajv in the browser): const, enum, type, required, properties, items, contains, not,
// allOf, anyOf, oneOf, minimum/maximum, minLength/maxLength, minItems/maxItems, pattern. Other keywords are ignored.
import { resolveSchema, type Schema } from './schema.js';

export type Reveal = { when: Schema; negate: boolean } | { present: string };

export interface Conditional {
  reveals: Reveal[];
  /** Sibling keys whose answers decide it. */
  triggers: string[];
  /** Its schema when it is declared only inside `then`/`else`/`dependentSchemas`. */
  schema?: Schema;
  /** The sibling it is shown after when it is declared only in a branch. */
  after?: string;
}

const cache = new WeakMap<Schema, Map<string, Conditional>>();

function branchKeys(branch: unknown): { keys: string[]; props: Record<string, Schema> } {
  if (!branch || typeof branch !== 'object') return { keys: [], props: {} };
  const b = branch as Schema;
  const props = (b.properties ?? {}) as Record<string, Schema>;
  const required = Array.isArray(b.required) ? (b.required as string[]) : [];
  return { keys: [...new Set([...required, ...Object.keys(props)])], props };
}

function conditionKeys(when: Schema): string[] {
  return [...new Set([...Object.keys((when.properties ?? {}) as object), ...(Array.isArray(when.required) ? (when.required as string[]) : [])])];
}

/** The conditional questions of an object schema, keyed by property name. Memoised per schema node. */
export function conditionalFields(node: Schema): Map<string, Conditional> {
  const cached = cache.get(node);
  if (cached) return cached;
  const result = new Map<string, Conditional>();
  const add = (branch: unknown, reveal: Reveal, triggers: string[]) => {
    const { keys, props } = branchKeys(branch);
    for (const key of keys) {
      const entry = result.get(key) ?? { reveals: [], triggers: [] };
      entry.reveals.push(reveal);
      entry.triggers = [...new Set([...entry.triggers, ...triggers])];
      if (props[key] && !(node.properties as Schema | undefined)?.[key]) {
        entry.schema = props[key];
        entry.after ??= triggers[0];
      }
      result.set(key, entry);
    }
  };
  const visit = (n: Schema) => {
    if (n.if && typeof n.if === 'object') {
      const when = n.if as Schema;
      add(n.then, { when, negate: false }, conditionKeys(when));
      add(n.else, { when, negate: true }, conditionKeys(when));
    }
    for (const [key, dep] of Object.entries((n.dependentSchemas ?? {}) as Record<string, Schema>)) add(dep, { present: key }, [key]);
    for (const [key, list] of Object.entries((n.dependentRequired ?? {}) as Record<string, string[]>)) add({ required: list }, { present: key }, [key]);
    for (const sub of Array.isArray(n.allOf) ? (n.allOf as Schema[]) : []) visit(sub);
  };
  visit(node);
  cache.set(node, result);
  return result;
}

export function isRevealed(conditional: Conditional, objectValue: unknown, root: Schema): boolean {
  const value = objectValue && typeof objectValue === 'object' ? (objectValue as Record<string, unknown>) : {};
  return conditional.reveals.some((r) => ('present' in r ? value[r.present] !== undefined : matchesSchema(r.when, value, root) !== r.negate));
}

function typeMatches(type: string, value: unknown): boolean {
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'array') return Array.isArray(value);
  if (type === 'null') return value === null;
  if (type === 'object') return !!value && typeof value === 'object' && !Array.isArray(value);
  return typeof value === type;
}

function equal(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export function matchesSchema(schema: unknown, value: unknown, root: Schema): boolean {
  if (typeof schema === 'boolean') return schema;
  if (!schema || typeof schema !== 'object') return true;
  const s = resolveSchema(root, schema as Schema);
  const all = (list: unknown, test: (x: unknown) => boolean) => !Array.isArray(list) || list.every(test);
  if ('const' in s && !equal(s.const, value)) return false;
  if (Array.isArray(s.enum) && !s.enum.some((e) => equal(e, value))) return false;
  if (s.type !== undefined && !(Array.isArray(s.type) ? s.type : [s.type]).some((t) => typeMatches(String(t), value))) return false;
  if (s.not !== undefined && matchesSchema(s.not, value, root)) return false;
  if (!all(s.allOf, (x) => matchesSchema(x, value, root))) return false;
  if (Array.isArray(s.anyOf) && !s.anyOf.some((x) => matchesSchema(x, value, root))) return false;
  if (Array.isArray(s.oneOf) && s.oneOf.filter((x) => matchesSchema(x, value, root)).length !== 1) return false;
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) return false;
    if (typeof s.maximum === 'number' && value > s.maximum) return false;
  }
  if (typeof value === 'string') {
    if (typeof s.minLength === 'number' && value.length < s.minLength) return false;
    if (typeof s.maxLength === 'number' && value.length > s.maxLength) return false;
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value)) return false;
  }
  if (Array.isArray(value)) {
    if (s.contains !== undefined && !value.some((v) => matchesSchema(s.contains, v, root))) return false;
    if (typeof s.minItems === 'number' && value.length < s.minItems) return false;
    if (typeof s.maxItems === 'number' && value.length > s.maxItems) return false;
    if (s.items !== undefined && !value.every((v) => matchesSchema(s.items, v, root))) return false;
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    if (!all(s.required, (k) => obj[String(k)] !== undefined)) return false;
    for (const [key, sub] of Object.entries((s.properties ?? {}) as Record<string, unknown>)) {
      if (obj[key] !== undefined && !matchesSchema(sub, obj[key], root)) return false;
    }
  }
  return true;
}
