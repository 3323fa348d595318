// Contract: sign-in attempts taken against limits in one step, given back and purged (issue 24, finding 2).
import { describe, expect, it } from 'vitest';
import type { SignInAttempt } from '../../../engine/store/types.js';
import { minutesIn, type CurrentStore } from './fixtures.js';

const WINDOW_MS = 15 * 60_000;

export function describeSignInAttemptContract(store: CurrentStore): void {
  const take = (at: string, ...limits: [key: string, max: number][]): Promise<SignInAttempt> =>
    store().takeSignInAttempt(
      limits.map(([key, max]) => ({ key, max })),
      at,
      WINDOW_MS,
    );

  describe('#takeSignInAttempt', () => {
    it('should count attempts up to the limit, then refuse naming the limit and when its window ends', async () => {
      expect(await take(minutesIn(0), ['key-a', 2])).toEqual({
        taken: true,
        counts: [{ key: 'key-a', attempts: 1, windowEnds: minutesIn(15) }],
      });
      expect(await take(minutesIn(3), ['key-a', 2])).toEqual({
        taken: true,
        counts: [{ key: 'key-a', attempts: 2, windowEnds: minutesIn(15) }],
      });
      expect(await take(minutesIn(4), ['key-a', 2])).toEqual({ taken: false, key: 'key-a', windowEnds: minutesIn(15) });
      // another key is not held up
      expect(await take(minutesIn(4), ['key-b', 2])).toMatchObject({ taken: true });
    });

    it('should start a new window once the window of the first attempt has ended', async () => {
      await take(minutesIn(0), ['key-a', 1]);
      expect(await take(minutesIn(14), ['key-a', 1])).toMatchObject({ taken: false });
      expect(await take(minutesIn(15), ['key-a', 1])).toEqual({
        taken: true,
        counts: [{ key: 'key-a', attempts: 1, windowEnds: minutesIn(30) }],
      });
    });

    it('should count nothing when any of the limits is used up', async () => {
      await take(minutesIn(0), ['address', 5], ['user-a', 1]);
      // when the second limit refuses, the first does not count the attempt
      expect(await take(minutesIn(1), ['address', 5], ['user-a', 1])).toEqual({
        taken: false,
        key: 'user-a',
        windowEnds: minutesIn(15),
      });
      expect(await take(minutesIn(2), ['address', 5], ['user-b', 1])).toEqual({
        taken: true,
        counts: [
          { key: 'address', attempts: 2, windowEnds: minutesIn(15) },
          { key: 'user-b', attempts: 1, windowEnds: minutesIn(17) },
        ],
      });
    });

    it('should let no more than the limit through when attempts arrive all at once', async () => {
      const attempts = await Promise.all(
        Array.from({ length: 60 }, () => take(minutesIn(0), ['address', 30], ['user-a', 10])),
      );
      expect(attempts.filter((a) => a.taken)).toHaveLength(10);
      // each taker saw a count of its own: none of the refused ones left a count behind in either limit
      const counted = attempts.flatMap((a) => (a.taken ? a.counts.map((c) => `${c.key} ${c.attempts}`) : [])).sort();
      const oneToTen = Array.from({ length: 10 }, (_, i) => i + 1);
      expect(counted).toEqual([...oneToTen.map((n) => `address ${n}`), ...oneToTen.map((n) => `user-a ${n}`)].sort());
    });
  });

  describe('#giveBackSignInAttempt', () => {
    it('should give an attempt back within its window only', async () => {
      await take(minutesIn(0), ['key-a', 1]);
      await store().giveBackSignInAttempt('key-a', minutesIn(15));
      expect(await take(minutesIn(1), ['key-a', 1])).toMatchObject({ taken: true });
      // a window that has ended has nothing to give back to the next one
      await take(minutesIn(20), ['key-b', 1]);
      await store().giveBackSignInAttempt('key-b', minutesIn(15));
      expect(await take(minutesIn(21), ['key-b', 1])).toMatchObject({ taken: false });
    });
  });

  describe('#purgeSignInAttempts', () => {
    it('should forget the windows that have ended and count them', async () => {
      await take(minutesIn(0), ['ended', 1]);
      await take(minutesIn(10), ['open', 1]);
      expect(await store().purgeSignInAttempts(minutesIn(15))).toBe(1);
      expect(await take(minutesIn(16), ['open', 1])).toMatchObject({ taken: false });
    });
  });
}
