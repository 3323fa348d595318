// People as the screens and documents name them: by their display name, never their user name. The accounts are read
// once every few seconds, not once per response: a name changed by another instance shows within that time.
import type { CaseStore } from '../../engine/store/index.js';

const FRESH_MS = 5000;

export class PeopleDirectory {
  private names: Promise<Map<string, string>> | undefined;
  private readAt = 0;

  constructor(
    private readonly store: CaseStore,
    private readonly clock: () => number = Date.now,
  ) {}

  private all(): Promise<Map<string, string>> {
    if (!this.names || this.clock() - this.readAt > FRESH_MS) {
      this.readAt = this.clock();
      this.names = this.store.listUsers().then(
        (users) => new Map(users.map((u) => [u.username, u.displayName])),
        (error: unknown) => {
          this.names = undefined;
          throw error;
        },
      );
    }
    return this.names;
  }

  /** Display names of these user names; one that is not an account (removed since, or the system) is left out. */
  async namesOf(usernames: Iterable<string>): Promise<Record<string, string>> {
    const all = await this.all();
    const out: Record<string, string> = {};
    for (const name of usernames) {
      const known = all.get(name);
      if (known) out[name] = known;
    }
    return out;
  }
}
