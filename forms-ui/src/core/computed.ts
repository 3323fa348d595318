// Computed answers (x-compute, this product's extension) are worked out by engine/forms/compute.ts with a JSON Logic
// interpreter, which comes with the product's other extensions (../extensions.ts): loaded by <dao-form> only for a
// form that uses one, so a portal's own schema never downloads it. No DOM.
import type { ComputeContext } from '../../../engine/forms/compute.js';
import type { Schema } from './schema.js';

type Compute = (schema: Schema, answers: unknown, context?: ComputeContext) => unknown;

let compute: Compute | undefined;

/** Called once the extensions module has loaded, with its evaluator. */
export function useCompute(evaluator: Compute): void {
  compute = evaluator;
}

const computes = new WeakMap<Schema, boolean>();

/** True when the form has computed (x-compute) answers anywhere (asked on every change: kept per schema). */
export function hasComputedAnswers(root: Schema): boolean {
  let has = computes.get(root);
  if (has === undefined) computes.set(root, (has = JSON.stringify(root).includes('"x-compute"')));
  return has;
}

/**
 * The answers with computed answers filled in (unchanged for a form that has none); `context`: what they read beside
 * the answers (the case's values, the time now).
 */
export function withComputedAnswers(root: Schema, answers: unknown, context: ComputeContext = {}): unknown {
  if (!hasComputedAnswers(root)) return answers;
  if (!compute) throw new Error('dao-form: computed answers are not loaded yet (loadExtensions)');
  return compute(root, answers, context);
}
