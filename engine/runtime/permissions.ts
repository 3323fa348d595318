// Who may do what, read from roles.yaml and the pathways' state meta. No role or form is named here.
import type { CompiledDefinitions } from '../definitions/check.js';
import { currentMeta } from './instances.js';
import type { InstanceRecord } from './model.js';
import type { AnyMachineSnapshot } from 'xstate';

export function maySend(defs: CompiledDefinitions, role: string, eventType: string): boolean {
  return (defs.roles.roles[role]?.send ?? []).includes(eventType);
}

export function mayFill(defs: CompiledDefinitions, role: string, form: string): boolean {
  const fill = defs.roles.roles[role]?.fill ?? [];
  return fill.includes(form) || fill.includes('all');
}

export function mayRead(defs: CompiledDefinitions, role: string, form: string): boolean {
  const read = defs.roles.roles[role]?.read ?? [];
  return read.includes(form) || read.includes('all') || mayFill(defs, role, form);
}

export function mayReadConfidential(defs: CompiledDefinitions, roleOrAudience: string): boolean {
  return Boolean(
    defs.roles.roles[roleOrAudience]?.confidential ?? defs.roles.audiences?.[roleOrAudience]?.confidential,
  );
}

/**
 * The forms that can be filled in now: those listed by the current states, and a document's own form where its state
 * allows editing. `instances`: the case's, each with its restored snapshot.
 */
export function fillableForms(
  instances: Iterable<{ instance: InstanceRecord; snapshot: AnyMachineSnapshot }>,
): string[] {
  const forms = new Set<string>();
  for (const { instance, snapshot } of instances) {
    if (instance.done) continue;
    for (const meta of currentMeta(snapshot)) {
      for (const form of (meta.forms as string[] | undefined) ?? []) forms.add(form);
      if (meta.editsDocument && instance.form) forms.add(instance.form);
    }
  }
  return [...forms].sort();
}
