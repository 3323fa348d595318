// A case as lists send it: its summary (who it is about, stage, urgency, officer, next deadline), never its snapshot,
// with the display name beside every user name, and who it is about as the reader may see it.
import type { CaseListItem, CasePage, CaseStore } from '../../engine/index.js';
import { identitiesShownTo, type CaseIdentity } from './case-identity.js';
import type { DefinitionsAt } from './collected-answers.js';

export function usersNamedIn(items: CaseListItem[]): string[] {
  return items
    .flatMap((item) => [item.summary.referredBy, item.summary.allocatedTo, item.createdBy])
    .filter((u): u is string => Boolean(u));
}

export function caseListItem(item: CaseListItem, identity: CaseIdentity, names: Record<string, string>, today: string) {
  const s = item.summary;
  const nameOf = (user: string | null | undefined) => (user ? (names[user] ?? user) : null);
  return {
    id: item.id,
    pathway: item.pathwayId,
    version: item.version,
    definitionVersion: item.definitionVersion,
    state: s.state,
    title: s.title ?? s.state,
    ...identity,
    referredBy: s.referredBy ?? null,
    referredByName: nameOf(s.referredBy),
    allocatedTo: s.allocatedTo ?? null,
    allocatedToName: nameOf(s.allocatedTo),
    priority: s.priority ?? 0,
    urgency: s.urgency ?? null,
    waiting: s.waiting === true,
    waitingSince: s.waitingSince ?? null,
    closed: s.closed === true,
    activeCase: s.activeCase === true,
    nextDeadline: s.nextDeadline ?? null,
    nextDeadlineLabel: s.nextDeadlineLabel ?? null,
    overdue: typeof s.nextDeadline === 'string' && s.nextDeadline.slice(0, 10) < today,
    worklists: s.worklists ?? [],
    actors: s.actors ?? [],
    createdBy: item.createdBy,
    createdByName: nameOf(item.createdBy),
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}

/**
 * A page as JSON for a reader in `role`: its cases with display names, the cursor of the next page and the count when
 * made.
 */
export async function casePageJson(store: CaseStore, page: CasePage, now: string, role: string, at: DefinitionsAt) {
  const [names, identities] = await Promise.all([
    store.displayNames(usersNamedIn(page.cases)),
    identitiesShownTo(page.cases, role, at),
  ]);
  return {
    cases: page.cases.map((item) => caseListItem(item, identities.get(item.id)!, names, now.slice(0, 10))),
    next: page.next,
    ...(page.total !== undefined ? { total: page.total } : {}),
    ...(page.totalCapped ? { totalCapped: true } : {}),
  };
}
