// `migrate`: every instance moved onto the definitions the command is applied with (a newer version), each kept in
// the state it is in; refused, with the reasons, when a pathway or a state no longer exists.
import type { CompiledDefinitions } from '../../definitions/check.js';
import { persistSnapshot } from '../instances.js';
import type { CaseData } from '../model.js';
import { applied, refuse, type CommandHandler } from './types.js';

/** Why a case could not move onto these definitions: a pathway gone, or a state that no longer exists. */
export function migrationProblems(defs: CompiledDefinitions, data: CaseData): string[] {
  const problems: string[] = [];
  for (const instance of Object.values(data.instances)) {
    const pathway = defs.pathways.get(instance.pathway);
    if (!pathway) {
      problems.push(`${instance.id}: the pathway "${instance.pathway}" no longer exists`);
      continue;
    }
    const old = instance.snapshot as { value: unknown; context: unknown };
    try {
      // resolveState throws for a state value the new machine does not declare; check before anything is restored.
      pathway.machine.resolveState({ value: old.value as never, context: old.context as never });
    } catch (error) {
      const state = JSON.stringify(old.value);
      problems.push(
        `${instance.id}: its state ${state} does not exist in the new version (${(error as Error).message})`,
      );
    }
  }
  return problems;
}

export const migrateCase: CommandHandler<'migrate'> = (stepper, command) => {
  const problems = migrationProblems(stepper.defs, stepper.data);
  if (problems.length) return refuse('cannot-migrate', problems.join('; '));
  for (const instance of Object.values(stepper.data.instances)) {
    const machine = stepper.machine(instance);
    const old = instance.snapshot as { value: unknown; context: unknown; historyValue?: unknown; status?: string };
    const resolved = machine.resolveState({ value: old.value as never, context: old.context as never });
    const moved = persistSnapshot(machine, resolved) as object;
    instance.snapshot = { ...moved, historyValue: old.historyValue ?? {}, status: old.status ?? 'active' };
  }
  const earlier = stepper.data.migratedFrom ?? [];
  if (!earlier.includes(command.fromVersion)) stepper.data.migratedFrom = [...earlier, command.fromVersion];
  return applied(stepper, `moved from version ${command.fromVersion} to ${command.toVersion}`);
};
