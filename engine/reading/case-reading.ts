// What of a case reaches a reader besides its answers: the documents, the case-level forms, the notices and the
// history entries. A notice or a history entry is about something (the instance it came from or was sent to, the forms
// it submitted) and reaches only a reader who may read that; a notice also only the roles it is addressed to. The
// server's case responses and the scenario runner both decide through these functions.
import type { CompiledDefinitions } from '../definitions/check.js';
import type { CaseData, NotificationRecord } from '../runtime/model.js';
import type { EventAbout, EventHeader } from '../store/types.js';
import { documentReachesReader, sharedOnly } from './document-sharing.js';
import type { Redactor } from './redaction.js';

/** Whether a document of the case reaches this reader now: a form they may read, shared with them where it must be. */
export function documentShown(defs: CompiledDefinitions, data: CaseData, redactor: Redactor, id: string): boolean {
  const form = data.instances[id]?.form;
  return Boolean(form && redactor.mayReadForm(form) && documentReachesReader(defs, data, id, redactor.reader));
}

/** Whether the case-level answers of a form reach this reader (a form shared only as a document never does). */
export function formShown(defs: CompiledDefinitions, redactor: Redactor, form: string): boolean {
  return redactor.mayReadForm(form) && !sharedOnly(defs, redactor.reader, form);
}

/** Whether the reader may read what happens on an instance: the case and its inner pathways, or a document shown. */
export function instanceShown(defs: CompiledDefinitions, data: CaseData, redactor: Redactor, id: string): boolean {
  const instance = data.instances[id];
  if (!instance || instance.kind !== 'document') return true;
  return documentShown(defs, data, redactor, id);
}

/**
 * Whether an entry about this reaches the reader: one sent to an instance (an event, or a document's own answers) is
 * about that instance; answers given at case level alone are about their forms, of which the reader must read one.
 */
export function aboutShown(
  defs: CompiledDefinitions,
  data: CaseData,
  redactor: Redactor,
  about: EventAbout | undefined,
): boolean {
  if (about?.instance !== undefined) return instanceShown(defs, data, redactor, about.instance);
  const forms = about?.forms ?? [];
  return forms.length === 0 || forms.some((form) => redactor.mayReadForm(form));
}

/** The notices that reach the reader: addressed to their role, about an instance they may read. */
export function noticesFor(defs: CompiledDefinitions, data: CaseData, redactor: Redactor): NotificationRecord[] {
  return data.notifications.filter(
    (notice) => notice.roles.includes(redactor.reader.role) && instanceShown(defs, data, redactor, notice.instance),
  );
}

/** The history entries that reach the reader (an entry stored without what it is about is about the case). */
export function historyFor(
  defs: CompiledDefinitions,
  data: CaseData,
  redactor: Redactor,
  headers: EventHeader[],
): EventHeader[] {
  return headers.filter((header) => aboutShown(defs, data, redactor, header.about));
}
