// How a case is named and described on lists: by who it is about (the pathway's meta.identity), never by its id; its
// urgency ("1 of 2 endorsements") and its next deadline in words. Pure: no DOM.
import { caseReference, formatDate } from './format.js';
import type { CaseIdentity, CaseSummary } from './types.js';

type Named = Partial<Pick<CaseIdentity, 'person' | 'caseNumber'>>;

/** The person the case is about, else its case number. */
function identityName(c: Named): string | undefined {
  if (c.person?.name) return c.person.name;
  if (c.caseNumber?.value) return `${c.caseNumber.title ?? 'Case number'} ${c.caseNumber.value}`;
  return undefined;
}

/** The person the case is about, else its case number, else when it was opened (a draft nobody is named on yet). */
export function caseLabel(c: Pick<CaseSummary, 'person' | 'caseNumber' | 'createdAt'>): string {
  return identityName(c) ?? `Nobody named yet (opened ${formatDate(c.createdAt)})`;
}

/** A case's heading: the person it is about, else its case number, else its short reference ("Case F92C0BCF"). */
export function caseName(identity: Named | undefined, id: string): string {
  return (identity && identityName(identity)) ?? `Case ${caseReference(id)}`;
}

/** A case in a page's title: the person and their case number ("Alex Taylor (MOS-12345)"), or its heading. */
export function caseTitle(identity: Named | undefined, id: string): string {
  const name = caseName(identity, id);
  const number = identity?.caseNumber?.value;
  return identity?.person?.name && number ? `${name} (${number})` : name;
}

export interface UrgencyWords {
  /** A GOV.UK tag, where the case is urgent or urgency was asked for. */
  tag?: { text: string; colour: 'red' | 'yellow' };
  text: string;
}

/** "Urgent" once prioritised, "Urgency requested" until then, each with "1 of 2 endorsements"; else "Not urgent". */
export function urgencyWords(c: Pick<CaseSummary, 'urgency' | 'priority'>): UrgencyWords | undefined {
  const urgency = c.urgency;
  if (!urgency) return c.priority > 0 ? { tag: { text: 'Urgent', colour: 'red' }, text: '' } : undefined;
  const endorsements =
    urgency.needed > 0
      ? `${urgency.endorsements} of ${urgency.needed} endorsement${urgency.needed === 1 ? '' : 's'}`
      : '';
  if (c.priority > 0) return { tag: { text: 'Urgent', colour: 'red' }, text: endorsements };
  if (urgency.requested) return { tag: { text: 'Urgency requested', colour: 'yellow' }, text: endorsements };
  return { text: 'Not urgent' };
}

/** "Risk assessment due 14 January 2027". */
export function deadlineWords(c: Pick<CaseSummary, 'nextDeadline' | 'nextDeadlineLabel'>): string | undefined {
  if (!c.nextDeadline) return undefined;
  return `${c.nextDeadlineLabel ?? 'Next deadline'} due ${formatDate(c.nextDeadline)}`;
}
