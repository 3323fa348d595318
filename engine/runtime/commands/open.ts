// `open`: a new case on a pathway that starts cases, by a role allowed to start it.
import { applied, refuse, type CommandHandler } from './types.js';

export const openCase: CommandHandler<'open'> = (stepper, command) => {
  const pathway = stepper.defs.pathways.get(command.pathway);
  if (!pathway || pathway.meta.startsCase === false) {
    return refuse('not-found', `there is no pathway "${command.pathway}" that starts a case`);
  }
  const role = command.ctx.user.role;
  if (!(pathway.meta.startedBy ?? []).includes(role)) {
    return refuse('forbidden', `a ${role} may not open a case on "${command.pathway}"`);
  }
  stepper.open(command.pathway, 'case');
  return applied(stepper, `opened ${command.pathway}`);
};
