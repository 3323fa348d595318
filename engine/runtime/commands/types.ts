// What every runtime command has in common: the stepper it works through, and how it answers.
import type { CaseStepper } from '../case-stepper.js';
import type { CaseCommand, CaseError, CaseResult } from '../model.js';

export type CommandOf<K extends CaseCommand['kind']> = Extract<CaseCommand, { kind: K }>;

/** Applies one kind of command to `stepper.data`, a copy of the case it may change. */
export type CommandHandler<K extends CaseCommand['kind']> = (stepper: CaseStepper, command: CommandOf<K>) => CaseResult;

export type Refusal = { ok: false; error: CaseError };

export function refuse(code: CaseError['code'], message: string, extra: Partial<CaseError> = {}): Refusal {
  return { ok: false, error: { code, message, ...extra } };
}

export function applied(stepper: CaseStepper, summary: string): CaseResult {
  return { ok: true, data: stepper.data, summary };
}

/** No form or event of this kind nests deeply; deeper input is refused before anything walks it. */
export const MAX_NESTING = 32;

export function nestingDepth(value: unknown, limit = MAX_NESTING + 1): number {
  if (!value || typeof value !== 'object') return 0;
  if (limit === 0) return 1;
  let deepest = 0;
  for (const child of Object.values(value)) deepest = Math.max(deepest, nestingDepth(child, limit - 1));
  return deepest + 1;
}
