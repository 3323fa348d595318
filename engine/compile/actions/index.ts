// The registry of actions a pathway may name.
import type { ActionDefinition } from '../vocabulary.js';
import { assignAction } from './assign.js';
import { clearDeadlineAction } from './clear-deadline.js';
import { clearFormAction } from './clear-form.js';
import { notifyAction } from './notify.js';
import { openDocumentAction } from './open-document.js';
import { recordNoteAction } from './record-note.js';
import { setDeadlineAction } from './set-deadline.js';
import { sendLinkedAction } from './send-linked.js';
import { startLinkedCaseAction } from './start-linked-case.js';
import { startPathwayAction } from './start-pathway.js';

export const actionRegistry: ReadonlyMap<string, ActionDefinition> = new Map(
  [
    assignAction,
    setDeadlineAction,
    clearDeadlineAction,
    clearFormAction,
    openDocumentAction,
    startPathwayAction,
    notifyAction,
    recordNoteAction,
    startLinkedCaseAction,
    sendLinkedAction,
  ].map((a) => [a.name, a]),
);
