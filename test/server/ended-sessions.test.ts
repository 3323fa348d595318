// Sign-out ends a session for every instance sharing the store, not only for the one that served it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type CaseStore } from '../../engine/store/index.js';
import { EndedSessions } from '../../server/services/ended-sessions.js';
import { ACCOUNT_FRESH_MS } from '../../server/services/users.js';

describe('EndedSessions', () => {
  let dir: string;
  let store: CaseStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dao-ended-sessions-'));
    store = openSqliteStore(join(dir, 'dao.sqlite'));
    await store.migrate();
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  describe('#isLive', () => {
    it('should refuse a session another instance ended once ACCOUNT_FRESH_MS has passed, and at once on the instance that ended it', async () => {
      // given two instances over one store, both having seen the session live
      let now = 0;
      const here = new EndedSessions(store, () => now);
      const elsewhere = new EndedSessions(store, () => now);
      expect(await here.isLive('sid-1')).toBe(true);
      expect(await elsewhere.isLive('sid-1')).toBe(true);
      // when it signs out here
      await here.end('sid-1', 12 * 60 * 60 * 1000);
      // then
      expect(await here.isLive('sid-1')).toBe(false);
      now += ACCOUNT_FRESH_MS;
      expect(await elsewhere.isLive('sid-1')).toBe(false);
      expect(await elsewhere.isLive('sid-2')).toBe(true);
      expect(await store.isSessionEnded('sid-1')).toBe(true);
    });
  });
});
