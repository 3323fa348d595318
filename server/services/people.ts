// People as the screens and documents name them: by their display name, never their user name. Names are read from
// the store for the people a response mentions (one indexed query) and trusted for ACCOUNT_FRESH_MS, as a signed-in
// account is (users.ts): a renamed account shows everywhere within that time.
import { LRUCache } from 'lru-cache';
import type { CaseStore } from '../../engine/index.js';
import { ACCOUNT_FRESH_MS } from './users.js';

/** A user name that is no account (removed since, or the system) is remembered as such, so it is not asked again. */
const NO_ACCOUNT = Symbol('no account');

/**
 * Worth it: every case response names its people, and under load (the HTTP benchmark, 10 connections sending events)
 * reading their names took 2.8 % of the request thread's CPU, more than any other read of a request.
 */
export class PeopleDirectory {
  private readonly names: LRUCache<string, string | typeof NO_ACCOUNT>;

  constructor(
    private readonly store: CaseStore,
    clock: () => number = () => performance.now(),
  ) {
    this.names = new LRUCache({ max: 10_000, ttl: ACCOUNT_FRESH_MS, ttlResolution: 0, perf: { now: clock } });
  }

  /** Display names of these user names; one that is not an account (removed since, or the system) is left out. */
  async namesOf(usernames: Iterable<string>): Promise<Record<string, string>> {
    const found: Record<string, string> = {};
    const unknown: string[] = [];
    for (const username of new Set(usernames)) {
      const name = this.names.get(username);
      if (name === undefined) unknown.push(username);
      else if (typeof name === 'string') found[username] = name;
    }
    if (unknown.length === 0) return found;
    const read = await this.store.displayNames(unknown);
    for (const username of unknown) {
      const name = read[username];
      this.names.set(username, name ?? NO_ACCOUNT);
      if (name !== undefined) found[username] = name;
    }
    return found;
  }
}
