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
  const { crossings } = stepper;
  return { ok: true, data: stepper.data, summary, ...(crossings.length ? { crossings } : {}) };
}
