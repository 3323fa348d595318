// The schema of a question declared in several branches (if/then/else, dependentSchemas): the one of the first
// branch that applies to the answers, over its declaration on the object (allOf semantics, the branch narrows it).
import { holds, type Conditional } from './conditions.js';
import type { Schema } from './schema.js';

const merged = new WeakMap<Schema, WeakMap<Schema, Schema>>();

export function branchSchema(
  conditional: Conditional | undefined,
  base: Schema,
  objectValue: unknown,
  root: Schema,
): Schema {
  const branch = conditional?.branches.find((b) => b.schema && holds(b.reveal, objectValue, root));
  if (!branch?.schema || branch.schema === base) return base;
  let byBase = merged.get(branch.schema);
  if (!byBase) merged.set(branch.schema, (byBase = new WeakMap()));
  let schema = byBase.get(base);
  if (!schema) byBase.set(base, (schema = { ...base, ...branch.schema }));
  return schema;
}
