// `open`: a new case on a pathway that starts cases, by a role allowed to start it; or a case another case starts over
// a link both pathways declare (then the link, not the role, is what allows it).
import { recordStartedBy } from '../links.js';
import { applied, refuse, type CommandHandler } from './types.js';

export const openCase: CommandHandler<'open'> = (stepper, command) => {
  const pathway = stepper.defs.pathways.get(command.pathway);
  const role = command.ctx.user.role;
  if (command.linkedFrom) {
    if (!pathway || !recordStartedBy(stepper.defs, stepper.data, command.ctx, command.linkedFrom)) {
      return refuse('not-found', `there is no pathway "${command.pathway}" linked to "${command.linkedFrom.pathway}"`);
    }
  } else {
    if (!pathway || pathway.meta.startsCase === false) {
      return refuse('not-found', `there is no pathway "${command.pathway}" that starts a case`);
    }
    if (!(pathway.meta.startedBy ?? []).includes(role)) {
      return refuse('forbidden', `a ${role} may not open a case on "${command.pathway}"`);
    }
  }
  stepper.open(command.pathway, 'case');
  return applied(stepper, `opened ${command.pathway}`);
};
