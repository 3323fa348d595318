// `send`: an event to one of the case's instances. Refused, saying what could be sent instead, when no current state
// handles it, the role may not send it, its details are not valid, or its conditions are not met.
import type { PathwayEvent } from '../../compile/types.js';
import { toFieldErrors } from '../../forms/messages.js';
import { allowedEvents } from '../allowed.js';
import { eventContextFor, type CaseStepper } from '../case-stepper.js';
import { explainRefusal } from '../explain.js';
import { withInstanceForms } from '../instance-forms.js';
import { handledEvents } from '../instances.js';
import type { CaseError } from '../model.js';
import { markActedOn } from '../notifications.js';
import { maySend } from '../permissions.js';
import { recordSignOff } from '../sign-offs.js';
import { eventDataTooDeep, exceedsJsonDepth } from '../../util/json-limits.js';
import { applied, refuse, type CommandHandler } from './types.js';

export function invalidEventData(
  stepper: CaseStepper,
  pathwayId: string,
  type: string,
  data: unknown,
): CaseError | undefined {
  const pathway = stepper.defs.pathways.get(pathwayId);
  const validate = pathway?.eventData.validator(type);
  if (!validate) {
    // An event that declares no details takes none: nothing unchecked reaches the event log.
    const empty =
      data === undefined ||
      data === null ||
      (typeof data === 'object' && !Array.isArray(data) && Object.keys(data).length === 0);
    if (empty) return undefined;
    const fieldErrors = { '': [`"${type}" carries no details`] };
    return { code: 'data-invalid', message: `"${type}" carries no details, but some were sent`, fieldErrors };
  }
  if (validate(data ?? {})) return undefined;
  const fieldErrors = toFieldErrors(validate.errors, pathway!.meta.events[type]!.data as never);
  return { code: 'data-invalid', message: `The details sent with "${type}" are not valid`, fieldErrors };
}

export const sendEvent: CommandHandler<'send'> = (stepper, command) => {
  const { defs, data } = stepper;
  const instance = Object.hasOwn(data.instances, command.instance) ? data.instances[command.instance] : undefined;
  if (!instance) return refuse('not-found', `this case has no "${command.instance}"`);
  if (exceedsJsonDepth(command.data)) return { ok: false, error: eventDataTooDeep(command.type) };
  if (instance.done) return refuse('instance-closed', `"${command.instance}" has finished and accepts no more events`);
  const snapshot = stepper.snapshotOf(instance);
  const event: PathwayEvent = {
    type: command.type,
    data: command.data ?? {},
    $ctx: withInstanceForms(eventContextFor(data, command.ctx), instance),
  };
  const role = command.ctx.user.role;
  // A refusal says what could be sent instead; trying every event's conditions is left for when one is refused.
  const possible = () => allowedEvents(defs, instance.pathway, snapshot, event, role);
  const listed = (events: string[]) => events.join(', ') || 'nothing you may send';
  if (!handledEvents(snapshot).includes(command.type)) {
    const allowed = possible();
    const message = `"${command.type}" is not possible now; possible now: ${listed(allowed)}`;
    return refuse('event-not-allowed', message, { allowedEvents: allowed });
  }
  if (!maySend(defs, role, command.type)) {
    return refuse('forbidden', `a ${role} may not send "${command.type}"`, { allowedEvents: possible() });
  }
  const invalid = invalidEventData(stepper, instance.pathway, command.type, command.data);
  if (invalid) return { ok: false, error: { ...invalid, allowedEvents: possible() } };
  if (!snapshot.can(event)) {
    const reasons = explainRefusal(defs, instance.pathway, snapshot, event).join('; ') || 'its conditions are not met';
    const allowed = possible();
    const message = `"${command.type}" is not possible now: ${reasons}. Possible now: ${listed(allowed)}`;
    return refuse('guard-failed', message, { allowedEvents: allowed });
  }
  markActedOn(data, command.type, command.ctx);
  stepper.step(instance, event, snapshot);
  recordSignOff(defs, instance, snapshot, command);
  return applied(stepper, `${command.instance}: ${command.type}`);
};
