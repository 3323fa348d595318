// `linkCase`: records the id of the case a link of this one started (the case service chose it), so that replaying
// the case's log links it to the same case.
import { recordLinkedCase } from '../links.js';
import { applied, refuse, type CommandHandler } from './types.js';

export const linkCase: CommandHandler<'linkCase'> = (stepper, command) => {
  if (!recordLinkedCase(stepper.data, command.link, command.caseId))
    return refuse('not-found', `this case started no link "${command.link}" that is waiting for its case`);
  return applied(stepper, `linked ${command.link} to ${command.caseId}`);
};
