// `receiveLinked`: an event a linked case sent over its link. It reaches the case only if this pathway accepts it over
// that link (meta.links.<name>.accepts); it is taken where the case's current state handles it and is otherwise
// recorded as not taken, so that what happens on one case never waits on the state of the other.
import type { PathwayEvent } from '../../compile/types.js';
import { eventContextFor } from '../case-stepper.js';
import { handledEvents } from '../instances.js';
import { linkFrom } from '../links.js';
import { invalidEventData } from './send.js';
import { applied, refuse, type CommandHandler } from './types.js';

export const receiveLinked: CommandHandler<'receiveLinked'> = (stepper, command) => {
  const { defs, data } = stepper;
  const found = linkFrom(defs, data, command.fromCase, command.type);
  if (!found) return refuse('not-found', `this case has no link to case ${command.fromCase}`);
  if (!found.accepted) {
    return refuse('forbidden', `"${command.type}" is not accepted over the link "${found.link.name}"`);
  }
  // What crosses is checked as anything sent to this pathway is: against the details it declares for the event.
  const invalid = invalidEventData(stepper, data.pathway, command.type, command.data);
  if (invalid) return { ok: false, error: invalid };
  const instance = data.instances.case;
  if (!instance || instance.done) return applied(stepper, `${command.type}: the case is closed`);
  const snapshot = stepper.snapshotOf(instance);
  const event: PathwayEvent = {
    type: command.type,
    data: command.data ?? {},
    $ctx: eventContextFor(data, command.ctx),
  };
  if (!handledEvents(snapshot).includes(command.type) || !snapshot.can(event)) {
    return applied(stepper, `${command.type}: not taken in the case's current state`);
  }
  stepper.step(instance, event, snapshot);
  return applied(stepper, `case: ${command.type} (from a linked case)`);
};
