// A computed answer (x-compute) holds what its expression read: one that may read a confidential question of its
// form is confidential itself, marked or not. Its form is compiled with such answers marked `x-confidential`, so
// redaction withholds them like any marked question, and the lint refuses a path worked out at run time that could
// reach one (engine/definitions/lint/confidential-flow.ts).
import { walkExpression, type DataRead, type ExpressionPath } from '../expressions/data-reads.js';
import type { JsonObject } from '../definitions/types.js';
import { isConfidential, pathIsConfidential } from './confidential-schema.js';

/** A computed answer's expression reads `{form: <the answers of its own form>}`. */
const FORM = 'form';

export interface ComputedAnswer {
  /** Where the schema node with `x-compute` is in the form's schema. */
  at: ExpressionPath;
  /** Marked confidential itself, or inside a part that is. */
  declaredConfidential: boolean;
  /** What it reads from the answers (reads of an item of a list are bounded by the list, read here too). */
  reads: DataRead[];
}

export function computedAnswers(schema: JsonObject): ComputedAnswer[] {
  const found: ComputedAnswer[] = [];
  const visit = (node: unknown, at: ExpressionPath, inside: boolean): void => {
    if (Array.isArray(node)) return node.forEach((item, i) => visit(item, [...at, i], inside));
    if (!node || typeof node !== 'object') return;
    const here = inside || isConfidential(node as JsonObject);
    if ('x-compute' in node) {
      const reads = walkExpression((node as JsonObject)['x-compute']).reads.filter((r) => !r.fromItem);
      found.push({ at, declaredConfidential: here, reads });
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'x-compute') visit(value, [...at, key], here);
  };
  visit(schema, [], false);
  return found;
}

/** Whether a read of a computed answer's expression could reach a confidential part of the form `schema`. */
export function formReadReachesConfidential(read: Pick<DataRead, 'path' | 'literal'>, schema: JsonObject): boolean {
  const parts = read.path === '' ? [] : read.path.split('.');
  if (read.literal) {
    if (parts.length === 0) return pathIsConfidential(schema, []);
    return parts[0] === FORM && pathIsConfidential(schema, parts.slice(1));
  }
  // Worked out at run time: any path that begins so. Its last part may be cut short: only the parts before it bound it.
  if (parts.length <= 1) return FORM.startsWith(parts[0] ?? '') && pathIsConfidential(schema, []);
  return parts[0] === FORM && pathIsConfidential(schema, parts.slice(1, -1));
}

function markedAt(node: JsonObject, at: ExpressionPath): JsonObject {
  if (at.length === 0) return { ...node, 'x-confidential': true };
  const [key, ...rest] = at;
  const child = (node as Record<string | number, unknown>)[key!];
  if (Array.isArray(node)) {
    const copy = [...(node as unknown[])];
    copy[key as number] = markedAt(child as JsonObject, rest);
    return copy as unknown as JsonObject;
  }
  return { ...node, [key!]: markedAt(child as JsonObject, rest) };
}

const marked = new WeakMap<JsonObject, JsonObject>();

/**
 * The form's schema with every computed answer that may hold confidential information marked `x-confidential`,
 * through answers computed from answers computed from it too; the schema itself when there is none.
 */
export function withConfidentialComputedAnswers(schema: JsonObject): JsonObject {
  const known = marked.get(schema);
  if (known) return known;
  const answers = computedAnswers(schema).filter((a) => !a.declaredConfidential);
  let current = schema;
  for (let changed = true; changed;) {
    changed = false;
    for (const answer of answers) {
      if (answer.declaredConfidential || !answer.reads.some((r) => formReadReachesConfidential(r, current))) continue;
      current = markedAt(current, answer.at);
      answer.declaredConfidential = true;
      changed = true;
    }
  }
  marked.set(schema, current);
  return current;
}
