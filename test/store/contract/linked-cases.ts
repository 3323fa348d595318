// Contract: cases changed together (CaseStore.commitCases), and visibility that withholds whole pathways.
import { describe, expect, it } from 'vitest';
import { StoreConflictError } from '../../../engine/store/errors.js';
import { minutesIn, newCase, nextCommit, type CurrentStore } from './fixtures.js';

export function describeLinkedCasesContract(store: CurrentStore): void {
  describe('#commitCases', () => {
    it('should create the new cases and commit to the others in one go, returning their records in order', async () => {
      // given
      const origin = await store().createCase(newCase('dao'));
      // when
      const records = await store().commitCases({
        creates: [newCase('partner', { pathwayId: 'pathway-b', at: minutesIn(2) })],
        commits: [nextCommit(origin, { snapshot: { linked: 'partner' } })],
      });
      // then
      expect(records.map((r) => [r.id, r.version])).toEqual([
        ['partner', 1],
        ['dao', 2],
      ]);
      expect((await store().getCase('dao'))?.snapshot).toEqual({ linked: 'partner' });
      expect((await store().getCase('partner'))?.pathwayId).toBe('pathway-b');
      expect((await store().listEvents('dao')).map((e) => e.seq)).toEqual([1, 2]);
    });

    it('should write nothing at all when one commit is stale', async () => {
      const a = await store().createCase(newCase('a'));
      const b = await store().createCase(newCase('b'));
      await store().commitEvent(nextCommit(b));
      const both = store().commitCases({
        creates: [newCase('c')],
        commits: [nextCommit(a, { snapshot: { changed: true } }), nextCommit(b)],
      });
      await expect(both).rejects.toBeInstanceOf(StoreConflictError);
      expect((await store().getCase('a'))?.version).toBe(1);
      expect(await store().getCase('c')).toBeUndefined();
      expect(await store().listEvents('a')).toHaveLength(1);
    });
  });

  describe('#listCases except', () => {
    it('should leave out the cases of the pathways withheld, whatever the rule within admits', async () => {
      await store().createCases([
        newCase('a'),
        newCase('b', { pathwayId: 'pathway-b' }),
        newCase('c', { pathwayId: 'pathway-c', summary: { state: 'open', referredBy: 'tia' } }),
      ]);
      const ids = async (visibleTo: Parameters<ReturnType<CurrentStore>['listCases']>[0]['visibleTo']) =>
        (await store().listCases({ visibleTo, count: true })).cases.map((c) => c.id).sort();
      expect(await ids({ except: { pathways: ['pathway-b'] }, within: { all: true } })).toEqual(['a', 'c']);
      expect(await ids({ except: { pathways: ['pathway-b', 'pathway-c'] }, within: { referredBy: 'ann' } })).toEqual([
        'a',
      ]);
      const page = await store().listCases({
        visibleTo: { except: { pathways: ['a', 'pathway-b'] }, within: { all: true } },
        count: true,
      });
      expect(page.total).toBe(2);
    });
  });
}
