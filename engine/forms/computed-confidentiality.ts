// A computed answer (x-compute) holds what its expression read: one that may read a confidential question of its
// form is confidential itself, marked or not. Its form is compiled with such answers marked `x-confidential`, so
// redaction withholds them like any marked question, and the lint refuses a path worked out at run time that could
// reach one (engine/definitions/lint/confidential-flow.ts).
import { walkExpression, type DataRead, type ExpressionPath } from '../expressions/data-reads.js';
import type { JsonObject } from '../definitions/types.js';
import { derivedFrom } from '../util/derived.js';
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

// Both below are derived once per schema (a form's schema is never changed once loaded): a check of the definitions
// asks for them 231 times where 66 are new, and checking the protocol's took 219 ms with them kept against 241 ms
// derived each time (median of 31 rounds alternating in one process).

/** Every computed answer of a form. */
export const computedAnswers = derivedFrom((schema: JsonObject): readonly ComputedAnswer[] => {
  const answers: ComputedAnswer[] = [];
  // One path, pushed and popped as the walk goes: large forms have many nodes and few computed answers.
  const at: ExpressionPath = [];
  const visit = (node: unknown, inside: boolean): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        at.push(i);
        visit(item, inside);
        at.pop();
      });
      return;
    }
    if (!node || typeof node !== 'object') return;
    const here = inside || isConfidential(node as JsonObject);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'x-compute') {
        const reads = walkExpression(value).reads.filter((r) => !r.fromItem);
        answers.push({ at: [...at], declaredConfidential: here, reads });
      } else if (value && typeof value === 'object') {
        at.push(key);
        visit(value, here);
        at.pop();
      }
    }
  };
  visit(schema, false);
  return answers;
});

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

/**
 * The form's schema with every computed answer that may hold confidential information marked `x-confidential`,
 * through answers computed from answers computed from it too; the schema itself when there is none.
 */
export const withConfidentialComputedAnswers = derivedFrom((schema: JsonObject): JsonObject => {
  const unmarked = new Set(computedAnswers(schema).filter((a) => !a.declaredConfidential));
  let current = schema;
  for (let changed = true; changed;) {
    changed = false;
    for (const answer of unmarked) {
      if (!answer.reads.some((r) => formReadReachesConfidential(r, current))) continue;
      current = markedAt(current, answer.at);
      unmarked.delete(answer);
      changed = true;
    }
  }
  return current;
});
