import { describe, expect, it } from 'vitest';
import type { CompiledDefinitions } from '../../engine/definitions/check.js';
import type { CaseStore, UserRecord } from '../../engine/store/index.js';
import { ACCOUNT_FRESH_MS, UserService } from '../../server/services/users.js';

const defs = {
  roles: { roles: { requester: {}, lead: {} } },
  settings: { demoUsers: [{ username: 'ann', role: 'lead', name: 'Ann Demo' }] },
} as unknown as CompiledDefinitions;

/** Just the user table of a store, counting reads; `duringRead` runs while a read is under way. */
function userTable(users: UserRecord[], duringRead: () => void = () => {}) {
  const table = new Map(users.map((u) => [u.username, u]));
  let reads = 0;
  const store = {
    getUser: async (username: string) => (reads++, duringRead(), table.get(username)),
    upsertUser: async (user: UserRecord) => void table.set(user.username, user),
  } as unknown as CaseStore;
  return { store, table, reads: () => reads };
}

const ann: UserRecord = { username: 'ann', displayName: 'Ann', role: 'requester', passwordHash: 'x', demo: true };

// The clocks start after 0: the cache (lru-cache) takes a start of 0 for "no time to live".
describe('UserService', () => {
  describe('#findSignedIn', () => {
    it('should ask the store again once the account it read is older than ACCOUNT_FRESH_MS, and then refuse a removed account', async () => {
      // given
      let now = 1_000;
      const { store, table, reads } = userTable([ann]);
      const users = new UserService(store, () => now);
      expect(await users.findSignedIn('ann', defs)).toEqual(ann);
      now += ACCOUNT_FRESH_MS;
      expect(await users.findSignedIn('ann', defs)).toEqual(ann);
      expect(reads()).toBe(1);
      // when: an operator removes the account
      table.delete('ann');
      now += 1;
      // then
      expect(await users.findSignedIn('ann', defs)).toBeUndefined();
      expect(reads()).toBe(2);
      expect(await users.findSignedIn('ann', defs)).toBeUndefined();
      expect(reads()).toBe(3);
    });

    it('should count the time an account is trusted from when its read began', async () => {
      let now = 1_000;
      const { store, reads } = userTable([ann], () => (now += 600));
      const users = new UserService(store, () => now);
      await users.findSignedIn('ann', defs);
      now += ACCOUNT_FRESH_MS - 600;
      await users.findSignedIn('ann', defs);
      expect(reads()).toBe(1);
      now += 1;
      await users.findSignedIn('ann', defs);
      expect(reads()).toBe(2);
    });

    it('should follow a role change made elsewhere within ACCOUNT_FRESH_MS, and refuse a role the definitions do not know at once', async () => {
      let now = 1_000;
      const { store, table } = userTable([ann]);
      const users = new UserService(store, () => now);
      await users.findSignedIn('ann', defs);
      table.set('ann', { ...ann, role: 'lead' });
      now += ACCOUNT_FRESH_MS + 1;
      expect((await users.findSignedIn('ann', defs))?.role).toBe('lead');
      const withoutLead = { roles: { roles: { requester: {} } } } as unknown as CompiledDefinitions;
      expect(await users.findSignedIn('ann', withoutLead)).toBeUndefined();
    });

    it('should read afresh at once an account changed through seedDemoAccounts', async () => {
      const { store, reads } = userTable([ann]);
      const users = new UserService(store, () => 1_000);
      expect((await users.findSignedIn('ann', defs))?.role).toBe('requester');
      await users.seedDemoAccounts(defs, 'a demo password');
      const seeded = await users.findSignedIn('ann', defs);
      expect(seeded).toMatchObject({ role: 'lead', displayName: 'Ann Demo' });
      expect(reads()).toBe(3);
    });

    it('should never answer for a system record, and read the store for sign-in every time', async () => {
      const { store, reads } = userTable([ann, { ...ann, username: '$session-secret' }]);
      const users = new UserService(store, () => 1_000);
      expect(await users.findSignedIn('$session-secret', defs)).toBeUndefined();
      await users.findSignedIn('ann', defs);
      await users.find('ann', defs);
      await users.find('ann', defs);
      expect(reads()).toBe(3);
    });
  });
});
