// What every screen is given by the app shell (properties down): the API client, the definitions catalogue and who
// is signed in.
import type { ApiClient } from './api-client.js';
import type { Catalogue } from './catalogue.js';
import type { User } from './types.js';

export interface AppContext {
  api: ApiClient;
  catalogue: Catalogue;
  user: User;
}

export interface NavItem {
  route: string;
  hash: string;
  text: string;
}

/** A screen's text as the team's settings word it, or the product's own wording where the settings say nothing. */
export function screenText(user: User, screen: string, key: string, fallback: string): string {
  return user.screens?.[screen]?.[key] ?? fallback;
}

/** The screens a person's abilities open to them, in the order of the navigation. */
export function navigationFor(user: User): NavItem[] {
  const items: NavItem[] = [];
  // First, so that signing in lands on it: what the role must act on now.
  if (user.landing) items.push({ route: 'to-do', hash: '#/to-do', text: user.landing.title });
  if (!user.abilities.seesAllCases) items.push({ route: 'my-cases', hash: '#/my-cases', text: 'Your cases' });
  if (user.abilities.seesAllCases) {
    items.push(
      { route: 'referrals', hash: '#/referrals', text: screenText(user, 'referrals', 'title', 'Referrals') },
      { route: 'allocation', hash: '#/allocation', text: screenText(user, 'allocation', 'title', 'Allocation') },
      { route: 'documents', hash: '#/documents', text: screenText(user, 'documents', 'title', 'Documents') },
      { route: 'all-cases', hash: '#/all-cases', text: 'All cases' },
    );
  }
  if (user.abilities.readPerformance)
    items.push({ route: 'performance', hash: '#/performance', text: 'Service performance' });
  if (user.abilities.runGroups) items.push({ route: 'groups', hash: '#/groups', text: 'Groups' });
  if (user.abilities.readAudit) items.push({ route: 'audit', hash: '#/audit', text: 'Audit log' });
  if (user.abilities.manageDefinitions)
    items.push({ route: 'definitions', hash: '#/definitions', text: 'Definitions' });
  return items;
}
