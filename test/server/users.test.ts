import { describe, expect, it } from 'vitest';
import type { CompiledDefinitions } from '../../engine/definitions/check.js';
import type { CaseStore, UserRecord } from '../../engine/store/index.js';
import { ACCOUNT_FRESH_MS, UserService } from '../../server/services/users.js';

const defs = { roles: { roles: { requester: {}, lead: {} } } } as unknown as CompiledDefinitions;

/** Just the user table of a store, counting reads. */
function userTable(users: UserRecord[]) {
  const table = new Map(users.map((u) => [u.username, u]));
  let reads = 0;
  const store = {
    getUser: async (username: string) => (reads++, table.get(username)),
    upsertUser: async (user: UserRecord) => void table.set(user.username, user),
  } as unknown as CaseStore;
  return { store, table, reads: () => reads };
}

const ann: UserRecord = { username: 'ann', displayName: 'Ann', role: 'requester', passwordHash: 'x', demo: false };

describe('UserService', () => {
  describe('#findSignedIn', () => {
    it('should ask the store again once the account it read is ACCOUNT_FRESH_MS old, and then refuse a removed account', async () => {
      // given
      let now = 0;
      const { store, table, reads } = userTable([ann]);
      const users = new UserService(store, () => now);
      expect(await users.findSignedIn('ann', defs)).toEqual(ann);
      expect(await users.findSignedIn('ann', defs)).toEqual(ann);
      expect(reads()).toBe(1);
      // when: an operator removes the account
      table.delete('ann');
      now += ACCOUNT_FRESH_MS;
      // then
      expect(await users.findSignedIn('ann', defs)).toBeUndefined();
      expect(reads()).toBe(2);
      now += 1;
      expect(await users.findSignedIn('ann', defs)).toBeUndefined();
      expect(reads()).toBe(3);
    });

    it('should follow a role change made elsewhere within ACCOUNT_FRESH_MS, and refuse a role the definitions do not know at once', async () => {
      let now = 0;
      const { store, table } = userTable([ann]);
      const users = new UserService(store, () => now);
      await users.findSignedIn('ann', defs);
      table.set('ann', { ...ann, role: 'lead' });
      now += ACCOUNT_FRESH_MS;
      expect((await users.findSignedIn('ann', defs))?.role).toBe('lead');
      const withoutLead = { roles: { roles: { requester: {} } } } as unknown as CompiledDefinitions;
      expect(await users.findSignedIn('ann', withoutLead)).toBeUndefined();
    });

    it('should never answer for a system record, and read the store for sign-in every time', async () => {
      const { store, reads } = userTable([ann, { ...ann, username: '$session-secret' }]);
      const users = new UserService(store, () => 0);
      expect(await users.findSignedIn('$session-secret', defs)).toBeUndefined();
      await users.find('ann', defs);
      await users.find('ann', defs);
      expect(reads()).toBe(2);
    });
  });
});
