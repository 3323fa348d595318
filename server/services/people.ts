// People as the screens and documents name them: by their display name, never their user name. Names are read from
// the store for exactly the people a response mentions (one indexed query), so a renamed account shows at once.
import type { CaseStore } from '../../engine/index.js';

export class PeopleDirectory {
  constructor(private readonly store: CaseStore) {}

  /** Display names of these user names; one that is not an account (removed since, or the system) is left out. */
  async namesOf(usernames: Iterable<string>): Promise<Record<string, string>> {
    const wanted = [...new Set(usernames)];
    return wanted.length ? this.store.displayNames(wanted) : {};
  }
}
