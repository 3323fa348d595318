// The pure heart of a case: apply one command to the case data and get the new data, or an error that says why not.
// Each kind of command is a file of ./commands/.
import type { CompiledDefinitions } from '../definitions/check.js';
import { CaseStepper } from './case-stepper.js';
import { commandHandlers } from './commands/index.js';
import type { CommandHandler } from './commands/types.js';
import type { CaseCommand, CaseData, CaseResult } from './model.js';

/**
 * The case a command changes: new containers (the case, its instances, forms, timers and notices), holding what the
 * original holds. A step never changes a held object in place: it replaces an instance's snapshot, a form's
 * submission or a timer whole, and XState makes a new snapshot and context at each step. So the copy shares them with
 * the original (a case the store keeps is frozen, and a change in place would throw), instead of deep-copying the
 * case for every command.
 */
function copyForChange(current: CaseData): CaseData {
  return {
    ...current,
    instances: Object.fromEntries(Object.entries(current.instances).map(([id, instance]) => [id, { ...instance }])),
    forms: { ...current.forms },
    timers: { ...current.timers },
    notifications: [...current.notifications],
  };
}

function emptyCase(pathway: string): CaseData {
  return { pathway, instances: {}, forms: {}, notifications: [], timers: {}, documentCount: 0 };
}

/** Applies one command. `current` is not changed: the result is a new case, sharing with it what the command left. */
export function applyCommand(
  defs: CompiledDefinitions,
  current: CaseData | undefined,
  command: CaseCommand,
): CaseResult {
  try {
    const data = current ? copyForChange(current) : emptyCase(command.kind === 'open' ? command.pathway : '');
    const handler = commandHandlers[command.kind] as CommandHandler<CaseCommand['kind']>;
    return handler(new CaseStepper(defs, data, command.ctx), command as never);
  } catch (error) {
    const message = `the definitions could not run this step: ${(error as Error).message}`;
    return { ok: false, error: { code: 'definition-error', message } };
  }
}
