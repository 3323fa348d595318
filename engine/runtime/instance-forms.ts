// Forms a pathway keeps per instance (its meta `instanceForms`: each document's own audit). Their answers live on the
// instance, not the case, so one document's audit never counts for another; the instance's conditions read them as
// `forms.<id>`, over any case-level answers of the same form.
import type { AnyMachineSnapshot } from 'xstate';
import type { EventContext } from '../compile/types.js';
import type { CompiledDefinitions } from '../definitions/check.js';
import { currentMeta } from './instances.js';
import type { CaseData, CaseError, FormSubmission, InstanceRecord } from './model.js';

type Lookup = { snapshotOf(instance: InstanceRecord): AnyMachineSnapshot };
type Kept = { ok: true } | { ok: false; error: CaseError };

export function keptPerInstance(defs: CompiledDefinitions, instance: InstanceRecord, form: string): boolean {
  return (defs.pathways.get(instance.pathway)?.meta.instanceForms ?? []).includes(form);
}

/** The open instances that keep this form themselves and whose current state lists it. */
function keepers(defs: CompiledDefinitions, data: CaseData, lookup: Lookup, form: string): InstanceRecord[] {
  return Object.values(data.instances).filter(
    (i) =>
      !i.done &&
      keptPerInstance(defs, i, form) &&
      currentMeta(lookup.snapshotOf(i)).some((m) => ((m.forms as string[] | undefined) ?? []).includes(form)),
  );
}

/**
 * Keeps a submission where it belongs: on the instance it is for when that instance keeps the form itself, on the
 * case otherwise. With several instances waiting for the same form, the submission must say which.
 */
export function keepSubmission(
  defs: CompiledDefinitions,
  data: CaseData,
  lookup: Lookup,
  command: { form: string; instance?: string },
  submission: FormSubmission,
): Kept {
  const candidates = keepers(defs, data, lookup, command.form);
  const named = command.instance ? candidates.find((i) => i.id === command.instance) : undefined;
  if (!candidates.length) {
    data.forms[command.form] = submission;
    return { ok: true };
  }
  const target = named ?? (candidates.length === 1 && !command.instance ? candidates[0] : undefined);
  if (!target) {
    const which = candidates.map((i) => i.id).join(', ');
    const message = command.instance
      ? `"${command.form}" is not open on "${command.instance}"; it is open on: ${which}`
      : `"${command.form}" is open on several documents (${which}): say which one it is for`;
    return { ok: false, error: { code: 'form-not-open', message } };
  }
  target.forms = { ...target.forms, [command.form]: submission };
  return { ok: true };
}

/** Sets aside a form's last answers: the instance's own when it keeps them, the case's otherwise. */
export function clearFormOf(data: CaseData, instance: InstanceRecord, form: string): void {
  if (instance.forms && Object.hasOwn(instance.forms, form)) {
    const { [form]: _cleared, ...rest } = instance.forms;
    instance.forms = rest;
  } else delete data.forms[form];
}

/**
 * The event context an instance's conditions see: the case's answers, and over them the instance's own; and the
 * instance's sign-off records.
 */
export function withInstanceForms(ctx: EventContext, instance: InstanceRecord | undefined): EventContext {
  const own = instance?.forms;
  const signOffs = (instance?.signOffs ?? []).map(({ event, by, role, at }) => ({ event, by, role, at }));
  const withSignOffs = signOffs.length ? { ...ctx, signOffs } : ctx;
  if (!own || !Object.keys(own).length) return withSignOffs;
  const forms = { ...ctx.forms, ...Object.fromEntries(Object.entries(own).map(([id, s]) => [id, s.data])) };
  return { ...withSignOffs, forms };
}
