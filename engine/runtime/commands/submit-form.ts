// `submitForm`: answers to a form open now, computed answers filled in and checked by the form's validator; a
// document being edited keeps them as its own.
import { logicOptionsFor } from '../../compile/evaluate.js';
import type { InstanceContext } from '../../compile/types.js';
import { computeAnswers } from '../../forms/compute.js';
import { keepSubmission } from '../instance-forms.js';
import { currentMeta } from '../instances.js';
import type { InstanceRecord } from '../model.js';
import { fillableForms, mayFill } from '../permissions.js';
import { answersTooDeep, exceedsJsonDepth } from '../../util/json-limits.js';
import { applied, refuse, type CommandHandler } from './types.js';

export const submitForm: CommandHandler<'submitForm'> = (stepper, command) => {
  const { defs, data } = stepper;
  const form = defs.forms.get(command.form);
  if (!form) return refuse('not-found', `there is no form "${command.form}"`);
  const title = String(form.schema.title);
  if (exceedsJsonDepth(command.data)) return { ok: false, error: answersTooDeep(title) };
  const role = command.ctx.user.role;
  if (!mayFill(defs, role, command.form)) return refuse('forbidden', `a ${role} may not fill in "${command.form}"`);
  const running = Object.values(data.instances)
    .filter((instance) => !instance.done)
    .map((instance) => ({ instance, snapshot: stepper.snapshotOf(instance) }));
  const open = fillableForms(running);
  if (!open.includes(command.form)) {
    const now = open.join(', ') || 'none';
    return refuse('form-not-open', `"${title}" cannot be filled in at this stage; forms open now: ${now}`);
  }
  // Computed answers read the case's own recorded values (the case instance's, not a document's copy of them).
  const main = Object.values(data.instances).find((instance) => instance.kind === 'case');
  const values = (main?.snapshot as { context?: InstanceContext } | undefined)?.context?.case ?? {};
  const context = { now: command.ctx.now, case: values, options: logicOptionsFor(defs.settings) };
  const answers = computeAnswers(form.schema, command.data, context);
  const result = form.validator.validate(answers);
  if (!result.valid)
    return refuse('form-invalid', `There is a problem with "${title}"`, { fieldErrors: result.errors });
  const submission = {
    data: answers as Record<string, unknown>,
    formVersion: form.validator.version,
    ...(command.definitionVersion !== undefined ? { definitionVersion: command.definitionVersion } : {}),
    submittedBy: command.ctx.user.id,
    role,
    at: command.ctx.now,
  };
  // The instances were restored once above; where the submission is kept is read from those snapshots.
  const restored = new Map(running.map(({ instance, snapshot }) => [instance, snapshot]));
  const lookup = { snapshotOf: (i: InstanceRecord) => restored.get(i) ?? stepper.snapshotOf(i) };
  const kept = keepSubmission(defs, data, lookup, command, submission);
  if (!kept.ok) return kept;
  for (const { instance, snapshot } of running) {
    if (instance.form === command.form && currentMeta(snapshot).some((m) => m.editsDocument))
      instance.answers = submission;
  }
  return applied(stepper, `submitted ${command.form}`);
};
