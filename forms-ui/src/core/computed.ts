// Computed answers (x-compute, this product's extension) are worked out by engine/forms/compute.ts with a JSON Logic
// interpreter, loaded by <dao-form> only for a form that has them (a chunk of its own in dist/): a portal's own schema
// never downloads it. No DOM.
import type { Schema } from './schema.js';

type Compute = (schema: Schema, answers: unknown) => unknown;

let compute: Compute | undefined;
let loading: Promise<unknown> | undefined;

/** True when the form has computed (x-compute) answers anywhere. */
export function hasComputedAnswers(root: Schema): boolean {
  return JSON.stringify(root).includes('"x-compute"');
}

/** Whether answers to `root` can be worked out now (it has no computed answers, or the evaluator has loaded). */
export function canCompute(root: Schema): boolean {
  return !!compute || !hasComputedAnswers(root);
}

export function loadCompute(): Promise<unknown> {
  return (loading ??= import('../../../engine/forms/compute.js').then((module) => (compute = module.computeAnswers)));
}

/** The answers with computed answers filled in (unchanged for a form that has none). */
export function withComputedAnswers(root: Schema, answers: unknown): unknown {
  if (!hasComputedAnswers(root)) return answers;
  if (!compute) throw new Error('dao-form: computed answers are not loaded yet (loadCompute)');
  return compute(root, answers);
}
