// Contract: deadlines set and cancelled with events, listed, and claimed when due.
import { describe, expect, it } from 'vitest';
import { StoreConflictError } from '../../../engine/store/errors.js';
import type { DeadlineRecord } from '../../../engine/store/types.js';
import { awkwardJson, minutesIn, newCase, nextCommit, type CurrentStore } from './fixtures.js';

export function describeDeadlineContract(store: CurrentStore): void {
  const deadline = (id: string, minutes: number, event: unknown = { type: 'timeout', id }) => ({
    id,
    name: id.split(':')[1] ?? id,
    dueAt: minutesIn(minutes),
    event,
  });

  const caseWithDeadlines = async (caseId: string, ...deadlines: ReturnType<typeof deadline>[]) =>
    store().createCase(newCase(caseId, { setDeadlines: deadlines }));

  const collect = () => {
    const seen: DeadlineRecord[] = [];
    return {
      seen,
      handler: async (d: DeadlineRecord) => {
        seen.push(d);
      },
    };
  };

  describe('#listDeadlines', () => {
    it('should list the unfired deadlines of one case, soonest first, with their JSON event', async () => {
      await caseWithDeadlines('c1', deadline('c1:late', 90, awkwardJson), deadline('c1:soon', 30));
      await caseWithDeadlines('c2', deadline('c2:other', 10));
      expect(await store().listDeadlines('c1')).toEqual([
        {
          id: 'c1:soon',
          caseId: 'c1',
          name: 'soon',
          dueAt: minutesIn(30),
          event: { type: 'timeout', id: 'c1:soon' },
          firedAt: null,
        },
        { id: 'c1:late', caseId: 'c1', name: 'late', dueAt: minutesIn(90), event: awkwardJson, firedAt: null },
      ]);
    });

    it('should store due times in canonical UTC form', async () => {
      await caseWithDeadlines('c1', { id: 'c1:x', name: 'x', dueAt: '2025-01-06T10:30:00+01:00', event: null });
      expect((await store().listDeadlines('c1'))[0]?.dueAt).toBe('2025-01-06T09:30:00.000Z');
    });
  });

  describe('#commitEvent deadlines', () => {
    it('should cancel, then set, the deadlines named in the commit', async () => {
      const created = await caseWithDeadlines('c1', deadline('c1:a', 10), deadline('c1:b', 20));
      await store().commitEvent(
        nextCommit(created, {
          cancelDeadlines: ['c1:a', 'c1:b'],
          setDeadlines: [deadline('c1:b', 40), deadline('c1:c', 30)],
        }),
      );
      expect((await store().listDeadlines('c1')).map((d) => [d.id, d.dueAt])).toEqual([
        ['c1:c', minutesIn(30)],
        ['c1:b', minutesIn(40)],
      ]);
    });

    it('should mark fired deadlines with the event and refuse to fire one twice', async () => {
      const created = await caseWithDeadlines('c1', deadline('c1:a', 10));
      const updated = await store().commitEvent(nextCommit(created, { fireDeadlines: ['c1:a'] }));
      expect(await store().listDeadlines('c1')).toEqual([]);
      const twice = store().commitEvent(nextCommit(updated, { fireDeadlines: ['c1:a'] }));
      await expect(twice).rejects.toBeInstanceOf(StoreConflictError);
      expect((await store().getCase('c1'))?.version).toBe(2);
    });

    it('should refuse a deadline id that belongs to another case', async () => {
      await caseWithDeadlines('c1', deadline('shared', 10));
      const c2 = await store().createCase(newCase('c2'));
      await expect(
        store().commitEvent(nextCommit(c2, { setDeadlines: [deadline('shared', 20)] })),
      ).rejects.toBeInstanceOf(StoreConflictError);
      expect((await store().listDeadlines('c1')).map((d) => d.id)).toEqual(['shared']);
      expect((await store().getCase('c2'))?.version).toBe(1);
    });
  });

  describe('#claimDueDeadlines', () => {
    it('should hand due deadlines to the handler oldest first and mark them fired', async () => {
      await caseWithDeadlines('c1', deadline('c1:b', 20), deadline('c1:later', 120));
      await caseWithDeadlines('c2', deadline('c2:a', 10), deadline('c2:now', 60));
      const { seen, handler } = collect();
      expect(await store().claimDueDeadlines(minutesIn(60), 10, handler)).toBe(3);
      expect(seen.map((d) => d.id)).toEqual(['c2:a', 'c1:b', 'c2:now']);
      expect(seen[0]).toEqual({
        id: 'c2:a',
        caseId: 'c2',
        name: 'a',
        dueAt: minutesIn(10),
        event: { type: 'timeout', id: 'c2:a' },
        firedAt: null,
      });
      expect((await store().listDeadlines('c1')).map((d) => d.id)).toEqual(['c1:later']);
      expect(await store().listDeadlines('c2')).toEqual([]);
    });

    it('should claim each deadline only once', async () => {
      await caseWithDeadlines('c1', deadline('c1:a', 10));
      const first = collect();
      const second = collect();
      await store().claimDueDeadlines(minutesIn(60), 10, first.handler);
      expect(await store().claimDueDeadlines(minutesIn(61), 10, second.handler)).toBe(0);
      expect(first.seen).toHaveLength(1);
      expect(second.seen).toHaveLength(0);
    });

    it('should respect the limit and leave the rest for the next call', async () => {
      await caseWithDeadlines('c1', deadline('c1:a', 1), deadline('c1:b', 2), deadline('c1:c', 3));
      const { seen, handler } = collect();
      expect(await store().claimDueDeadlines(minutesIn(60), 2, handler)).toBe(2);
      expect(await store().claimDueDeadlines(minutesIn(60), 2, handler)).toBe(1);
      expect(seen.map((d) => d.id)).toEqual(['c1:a', 'c1:b', 'c1:c']);
    });

    it('should leave a deadline unfired when its handler throws, and offer it again', async () => {
      await caseWithDeadlines('c1', deadline('c1:a', 10), deadline('c1:b', 20));
      const failing = async (d: DeadlineRecord) => {
        if (d.id === 'c1:a') throw new Error('handler failed');
      };
      expect(await store().claimDueDeadlines(minutesIn(60), 10, failing)).toBe(1);
      expect((await store().listDeadlines('c1')).map((d) => d.id)).toEqual(['c1:a']);
      const { seen, handler } = collect();
      expect(await store().claimDueDeadlines(minutesIn(60), 10, handler)).toBe(1);
      expect(seen.map((d) => d.id)).toEqual(['c1:a']);
    });

    it('should let a handler commit an event that fires the deadline in the same transaction', async () => {
      await caseWithDeadlines('c1', deadline('c1:a', 10));
      const fired = await store().claimDueDeadlines(minutesIn(60), 10, async (d) => {
        const current = await store().getCase(d.caseId);
        await store().commitEvent(nextCommit(current!, { fireDeadlines: [d.id], cancelDeadlines: [] }));
      });
      expect(fired).toBe(1);
      expect(await store().listDeadlines('c1')).toEqual([]);
      expect((await store().getCase('c1'))?.version).toBe(2);
    });

    it('should not hand a deadline to a second claimant while the first one holds it', async () => {
      await caseWithDeadlines('c1', deadline('c1:a', 10));
      const inner = collect();
      await store().claimDueDeadlines(minutesIn(60), 10, async () => {
        expect(await store().claimDueDeadlines(minutesIn(61), 10, inner.handler)).toBe(0);
      });
      expect(inner.seen).toEqual([]);
    });

    it('should offer a claimed deadline again once the claim has lapsed (the claimant died)', async () => {
      await caseWithDeadlines('c1', deadline('c1:a', 10));
      const inner = collect();
      await store().claimDueDeadlines(minutesIn(60), 10, async () => {
        await store().claimDueDeadlines(minutesIn(60 + 6), 10, inner.handler);
      });
      expect(inner.seen.map((d) => d.id)).toEqual(['c1:a']);
      expect(await store().listDeadlines('c1')).toEqual([]);
    });

    it('should not hand out deadlines that are not yet due', async () => {
      await caseWithDeadlines('c1', deadline('c1:a', 10));
      const { seen, handler } = collect();
      expect(await store().claimDueDeadlines(minutesIn(9), 10, handler)).toBe(0);
      expect(seen).toEqual([]);
    });
  });
}
