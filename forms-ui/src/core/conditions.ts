// Conditional reveal: which questions of an object depend on `if`/`then`/`else`, `dependentSchemas`,
// `dependentRequired` or draft-07's `dependencies`, and whether they are shown for the current answers. Conditions
// are matched by the built-in validator (./json-schema/), so a question is shown exactly when the form's checks
// apply its branch.
import { schemaMatches } from './json-schema/index.js';
import type { Schema } from './schema.js';

export type Reveal = { when: Schema; negate: boolean } | { present: string };

/** One branch that declares the question: its condition, and the question's schema there (if it gives one). */
export interface Branch {
  reveal: Reveal;
  schema?: Schema;
}

export interface Conditional {
  reveals: Reveal[];
  /** Sibling keys whose answers decide it. */
  triggers: string[];
  /** Its schema when it is declared only inside `then`/`else`/`dependentSchemas`. */
  schema?: Schema;
  /** The sibling it is shown after when it is declared only in a branch. */
  after?: string;
  /** Every branch declaring it, in order: the one that applies gives its schema (./branch-schema.ts). */
  branches: Branch[];
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
  return [
    ...new Set([
      ...Object.keys((when.properties ?? {}) as object),
      ...(Array.isArray(when.required) ? (when.required as string[]) : []),
    ]),
  ];
}

/** The conditional questions of an object schema, keyed by property name. Memoised per schema node. */
export function conditionalFields(node: Schema): Map<string, Conditional> {
  const cached = cache.get(node);
  if (cached) return cached;
  const result = new Map<string, Conditional>();
  const add = (branch: unknown, reveal: Reveal, triggers: string[]) => {
    const { keys, props } = branchKeys(branch);
    for (const key of keys) {
      const entry = result.get(key) ?? { reveals: [], triggers: [], branches: [] };
      entry.reveals.push(reveal);
      entry.branches.push({ reveal, schema: props[key] });
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
    for (const [key, dep] of Object.entries((n.dependentSchemas ?? {}) as Record<string, Schema>))
      add(dep, { present: key }, [key]);
    for (const [key, list] of Object.entries((n.dependentRequired ?? {}) as Record<string, string[]>))
      add({ required: list }, { present: key }, [key]);
    for (const [key, dep] of Object.entries((n.dependencies ?? {}) as Record<string, unknown>)) {
      add(Array.isArray(dep) ? { required: dep } : dep, { present: key }, [key]);
    }
    for (const sub of Array.isArray(n.allOf) ? (n.allOf as Schema[]) : []) visit(sub);
  };
  visit(node);
  cache.set(node, result);
  return result;
}

export function holds(reveal: Reveal, objectValue: unknown, root: Schema): boolean {
  const value = objectValue && typeof objectValue === 'object' ? (objectValue as Record<string, unknown>) : {};
  if ('present' in reveal) return value[reveal.present] !== undefined;
  return matchesSchema(reveal.when, value, root) !== reveal.negate;
}

export function isRevealed(conditional: Conditional, objectValue: unknown, root: Schema): boolean {
  return conditional.reveals.some((r) => holds(r, objectValue, root));
}

export function matchesSchema(schema: unknown, value: unknown, root: Schema): boolean {
  return schemaMatches(root, schema, value);
}
