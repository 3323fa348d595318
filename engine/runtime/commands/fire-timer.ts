// `fireTimer`: a stored timer fell due; its event goes to its instance, unless that has finished since.
import type { PathwayEvent } from '../../compile/types.js';
import { eventContextFor } from '../case-stepper.js';
import { applied, refuse, type CommandHandler } from './types.js';

export const fireTimer: CommandHandler<'fireTimer'> = (stepper, command) => {
  const { data } = stepper;
  const timer = Object.hasOwn(data.timers, command.timer) ? data.timers[command.timer] : undefined;
  if (!timer) return refuse('not-found', `no timer "${command.timer}"`);
  delete data.timers[command.timer];
  const instance = data.instances[timer.instance];
  if (!instance || instance.done) return applied(stepper, `timer ${command.timer} dropped`);
  const event: PathwayEvent = { ...timer.event, $ctx: eventContextFor(data, command.ctx) };
  stepper.step(instance, event);
  return applied(stepper, `timer ${timer.event.type}`);
};
