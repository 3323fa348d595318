// The runtime commands, one file each, by kind. A new kind of command is one file and one line here.
import type { CaseCommand } from '../model.js';
import { fireTimer } from './fire-timer.js';
import { linkCase } from './link-case.js';
import { migrateCase } from './migrate.js';
import { openCase } from './open.js';
import { receiveLinked } from './receive-linked.js';
import { sendEvent } from './send.js';
import { submitForm } from './submit-form.js';
import type { CommandHandler } from './types.js';

export const commandHandlers: { readonly [K in CaseCommand['kind']]: CommandHandler<K> } = {
  open: openCase,
  submitForm,
  send: sendEvent,
  fireTimer,
  migrate: migrateCase,
  linkCase,
  receiveLinked,
};
