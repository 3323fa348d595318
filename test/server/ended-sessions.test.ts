// Sign-out ends a session for every instance sharing the store, not only for the one that served it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openSqliteStore, type CaseStore } from '../../engine/store/index.js';
import { EndedSessions } from '../../server/services/ended-sessions.js';
import { ACCOUNT_FRESH_MS } from '../../server/services/users.js';

// The clocks start after 0: the cache (lru-cache) takes a start of 0 for "no time to live".
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
      let now = 1_000;
      const here = new EndedSessions(store, () => now);
      const elsewhere = new EndedSessions(store, () => now);
      expect(await here.isLive('sid-1')).toBe(true);
      expect(await elsewhere.isLive('sid-1')).toBe(true);
      // when it signs out here
      await here.end('sid-1', 12 * 60 * 60 * 1000);
      // then
      expect(await here.isLive('sid-1')).toBe(false);
      now += ACCOUNT_FRESH_MS;
      expect(await elsewhere.isLive('sid-1')).toBe(true);
      now += 1;
      expect(await elsewhere.isLive('sid-1')).toBe(false);
      expect(await elsewhere.isLive('sid-2')).toBe(true);
      expect(await store.isSessionEnded('sid-1')).toBe(true);
    });

    it('should ask the store about a live session once per ACCOUNT_FRESH_MS, and never again about an ended one', async () => {
      let now = 1_000;
      const asked = vi.spyOn(store, 'isSessionEnded');
      const sessions = new EndedSessions(store, () => now);
      await store.endSession('ended', new Date(Date.now() + 60_000).toISOString());
      for (let i = 0; i < 3; i++) {
        expect(await sessions.isLive('live')).toBe(true);
        expect(await sessions.isLive('ended')).toBe(false);
      }
      expect(asked).toHaveBeenCalledTimes(2);
      now += ACCOUNT_FRESH_MS + 1;
      expect(await sessions.isLive('live')).toBe(true);
      expect(await sessions.isLive('ended')).toBe(false);
      expect(asked).toHaveBeenCalledTimes(3);
    });

    it('should refuse at once a session ended here while the store was being asked about it', async () => {
      // given a store whose answer comes only when let go
      let answer!: (ended: boolean) => void;
      const slow = {
        isSessionEnded: () => new Promise<boolean>((resolve) => (answer = resolve)),
        endSession: async () => {},
      } as unknown as CaseStore;
      const sessions = new EndedSessions(slow, () => 1_000);
      const asking = sessions.isLive('sid-1');
      // when it signs out before the store answers that it was live
      await sessions.end('sid-1', 12 * 60 * 60 * 1000);
      answer(false);
      // then
      expect(await asking).toBe(false);
      expect(await sessions.isLive('sid-1')).toBe(false);
    });
  });
});
