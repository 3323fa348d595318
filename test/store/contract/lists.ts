// Contract (issue 19): lists are pages of summaries, found by the store on its columns, with visibility part of every
// query: a reader never receives, counts or finds a case they may not see.
import { describe, expect, it } from 'vitest';
import { StoreQueryError } from '../../../engine/store/errors.js';
import type { CaseQuery, CaseSummary } from '../../../engine/store/types.js';
import { minutesIn, newCase, nextCommit, type CurrentStore } from './fixtures.js';

type Query = Omit<CaseQuery, 'visibleTo'> & { visibleTo?: CaseQuery['visibleTo'] };

/** A summary as the case service writes one (engine/service/case-summary.ts), with what a test sets. */
export function summary(
  fields: Partial<Omit<CaseSummary, 'caseNumber'>> & { name?: string; caseNumber?: string; children?: string[] },
): CaseSummary {
  const { name, caseNumber, children, ...rest } = fields;
  return {
    format: 3,
    state: 'referred.received',
    title: 'Request for Service received',
    referredBy: 'sam',
    allocatedTo: null,
    priority: 0,
    closed: false,
    person: name === undefined ? null : { title: 'Person referred', name, dateOfBirth: '1989-05-21' },
    caseNumber: caseNumber === undefined ? null : { title: 'Mosaic', value: caseNumber },
    people: children ? [{ title: 'Children', names: children }] : [],
    ...rest,
  };
}

export function describeListContract(store: CurrentStore): void {
  const list = (query: Query) => store().listCases({ visibleTo: { all: true }, ...query });
  const ids = async (query: Query): Promise<string[]> => (await list(query)).cases.map((c) => c.id);
  const create = (id: string, minute: number, fields: Parameters<typeof summary>[0] = {}, createdBy = 'sam') =>
    store().createCase(newCase(id, { at: minutesIn(minute), summary: summary(fields), createdBy }));

  /** Every page of a query, following `next`, and the ids in the order seen. */
  async function allPages(query: Query): Promise<{ pages: string[][]; totals: (number | undefined)[] }> {
    const pages: string[][] = [];
    const totals: (number | undefined)[] = [];
    let after: string | undefined;
    do {
      const page = await list({ ...query, ...(after ? { after } : {}) });
      pages.push(page.cases.map((c) => c.id));
      totals.push(page.total);
      after = page.next ?? undefined;
    } while (after && pages.length < 20);
    return { pages, totals };
  }

  describe('#listCases', () => {
    it(
      'should give pages of 25 by default, oldest first, each following on from the last with no gap and no ' +
        'repeat',
      async () => {
        // given 60 cases made in a shuffled order
        const order = Array.from({ length: 60 }, (_, i) => i).sort((a, b) => ((a * 37) % 60) - ((b * 37) % 60));
        await Promise.all(order.map((i) => create(`c${String(i).padStart(2, '0')}`, i)));
        // when every page is read
        const { pages, totals } = await allPages({ count: true });
        // then
        expect(pages.map((p) => p.length)).toEqual([25, 25, 10]);
        expect(pages.flat()).toEqual(Array.from({ length: 60 }, (_, i) => `c${String(i).padStart(2, '0')}`));
        expect(totals[0]).toBe(60);
      },
    );

    it('should never give more than 100 cases in a page, whatever is asked', async () => {
      await Promise.all(Array.from({ length: 120 }, (_, i) => create(`c${i}`, i)));
      const page = await list({ limit: 500 });
      expect(page.cases).toHaveLength(100);
      expect(page.next).not.toBeNull();
      expect((await list({ limit: 0 })).cases).toHaveLength(25);
    });

    it('should carry on from where a page ended even when cases are added before or after it meanwhile', async () => {
      await Promise.all(Array.from({ length: 30 }, (_, i) => create(`c${String(i).padStart(2, '0')}`, 10 + i)));
      const first = await list({ limit: 10 });
      // when a case older than all, and one newer than all, arrive between the two pages
      await create('older', 0);
      await create('newer', 100);
      const second = await list({ limit: 10, after: first.next! });
      expect(second.cases.map((c) => c.id)).toEqual(Array.from({ length: 10 }, (_, i) => `c${10 + i}`));
    });

    it('should page through every order without a gap or a repeat', async () => {
      // given cases with ties on every sort key but the id
      await Promise.all(
        Array.from({ length: 37 }, (_, i) =>
          create(`c${String(i).padStart(2, '0')}`, i % 3, {
            name: ['Ann Baker', 'Zoe Adams', 'Bob Clark'][i % 3]!,
            nextDeadline: i % 4 === 0 ? null : `2026-02-0${(i % 4) + 1}`,
            priority: i % 2,
            waiting: true,
            waitingSince: minutesIn(i % 5),
          }),
        ),
      );
      for (const sort of ['oldest', 'newest', 'waiting', 'deadline', 'name'] as const) {
        const { pages } = await allPages({ sort, limit: 7 });
        const seen = pages.flat();
        expect(new Set(seen).size, sort).toBe(37);
        expect(seen, sort).toHaveLength(37);
      }
    });

    it('should sort by family name, no deadline last, and the waiting list by priority then waiting time', async () => {
      await create('a', 1, {
        name: 'Zoe Adams',
        nextDeadline: '2026-03-01',
        priority: 0,
        waiting: true,
        waitingSince: minutesIn(1),
      });
      await create('b', 2, {
        name: 'Ann Clark',
        nextDeadline: null,
        priority: 1,
        waiting: true,
        waitingSince: minutesIn(5),
      });
      await create('c', 3, {
        name: 'Bob Baker',
        nextDeadline: '2026-02-01',
        priority: 0,
        waiting: true,
        waitingSince: minutesIn(0),
      });
      await create('d', 4, {});
      expect(await ids({ sort: 'name' })).toEqual(['a', 'c', 'b', 'd']);
      expect(await ids({ sort: 'deadline' })).toEqual(['c', 'a', 'b', 'd']);
      expect(await ids({ sort: 'newest' })).toEqual(['d', 'c', 'b', 'a']);
      expect(await ids({ sort: 'waiting', waiting: true })).toEqual(['b', 'c', 'a']);
    });

    it(
      'should filter by stage (a state and the states inside it), pathway, urgency, priority, officer and ' +
        'referrer',
      async () => {
        await create('a', 1, { state: 'referred.received', referredBy: 'sam' });
        await create('b', 2, {
          state: 'referred.waitingList',
          waiting: true,
          urgency: { requested: true, endorsements: 1, needed: 2 },
        });
        await create('c', 3, { state: 'active.riskAssessment', allocatedTo: 'olu', priority: 1, referredBy: 'tia' });
        await store().createCase(
          newCase('d', { at: minutesIn(4), pathwayId: 'pathway-b', summary: summary({ state: 'referredElsewhere' }) }),
        );
        expect(await ids({ states: ['referred'] })).toEqual(['a', 'b']);
        expect(await ids({ states: ['referred.received', 'active'] })).toEqual(['a', 'c']);
        expect(await ids({ states: [] })).toEqual([]);
        expect(await ids({ pathwayId: 'pathway-b' })).toEqual(['d']);
        expect(await ids({ urgent: true })).toEqual(['b']);
        expect(await ids({ urgent: false })).toEqual(['a', 'c', 'd']);
        expect(await ids({ minPriority: 1 })).toEqual(['c']);
        expect(await ids({ allocatedTo: 'olu' })).toEqual(['c']);
        expect(await ids({ allocatedTo: null })).toEqual(['a', 'b', 'd']);
        expect(await ids({ referredBy: 'tia' })).toEqual(['c']);
        expect(await ids({ involving: 'olu' })).toEqual(['c']);
        expect(await ids({ involving: 'sam' })).toEqual(['a', 'b', 'd']);
        expect(await ids({ waiting: true })).toEqual(['b']);
        expect(await ids({ states: ['referred'], urgent: false, referredBy: 'sam' })).toEqual(['a']);
      },
    );

    it('should keep only cases due before a date, and leave closed cases out unless asked', async () => {
      await create('soon', 1, { nextDeadline: '2026-02-02' });
      await create('later', 2, { nextDeadline: '2026-03-02' });
      await create('none', 3, { nextDeadline: null });
      await create('closed', 4, { closed: true, state: 'closed', nextDeadline: '2026-01-02' });
      expect(await ids({ dueBefore: '2026-03-01' })).toEqual(['soon']);
      expect(await ids({ dueBefore: '2026-02-02' })).toEqual([]);
      expect(await ids({ dueBefore: '2026-03-01', includeClosed: true })).toEqual(['soon', 'closed']);
      expect(await ids({})).toEqual(['soon', 'later', 'none']);
      expect(await ids({ includeClosed: true })).toEqual(['soon', 'later', 'none', 'closed']);
    });

    it('should find cases by surname, first name, the start of a word, a child, and the case number', async () => {
      await create('alex', 1, { name: 'Alex Taylor', caseNumber: 'MOS-12345', children: ['Child A', 'Ruby Taylor'] });
      await create('jo', 2, { name: 'Jo Tayler-Smith', caseNumber: 'MOS-99881' });
      await create('sam', 3, { name: 'Sam Patel' });
      expect(await ids({ q: 'Taylor' })).toEqual(['alex']);
      expect(await ids({ q: 'tay' })).toEqual(['alex', 'jo']);
      expect(await ids({ q: 'smith' })).toEqual(['jo']);
      expect(await ids({ q: 'alex taylor' })).toEqual(['alex']);
      expect(await ids({ q: 'ALEX   patel' })).toEqual([]);
      expect(await ids({ q: 'ruby' })).toEqual(['alex']);
      expect(await ids({ q: '12345' })).toEqual(['alex']);
      expect(await ids({ q: 'MOS-99881' })).toEqual(['jo']);
      expect(await ids({ q: 'mos' })).toEqual(['alex', 'jo']);
      expect(await ids({ q: 'nobody' })).toEqual([]);
      // words only: text with no letter or digit searches nothing, and every case is listed
      expect(await ids({ q: '"*:&|!' })).toEqual(['alex', 'jo', 'sam']);
    });

    it('should find names whatever their accents and case, and follow a name that changes', async () => {
      const zoe = await create('zoe', 1, { name: 'Zoë Ångström' });
      expect(await ids({ q: 'zoe angstrom' })).toEqual(['zoe']);
      expect(await ids({ q: 'ÅNGSTRÖM' })).toEqual(['zoe']);
      await store().commitEvent(
        nextCommit(zoe, { summary: summary({ name: 'Zoë Smith' }), previousSummary: zoe.summary }),
      );
      expect(await ids({ q: 'angstrom' })).toEqual([]);
      expect(await ids({ q: 'smith' })).toEqual(['zoe']);
    });

    it('should list the cases on a worklist, and those a role must act on, following their commits', async () => {
      const a = await create('a', 1, { worklists: ['referrals'], actors: ['team-manager'] });
      await create('b', 2, { worklists: [], actors: ['team-manager', 'service-manager'] });
      await create('c', 3, { worklists: ['referrals'], actors: [], closed: true });
      expect(await ids({ list: 'referrals' })).toEqual(['a']);
      expect(await ids({ list: 'act:service-manager' })).toEqual(['b']);
      expect(await ids({ list: 'act:team-manager' })).toEqual(['a', 'b']);
      // when a is decided: off the referrals list, and nothing asks the team manager any more
      await store().commitEvent(
        nextCommit(a, {
          summary: summary({ state: 'referred.waitingList', worklists: [], actors: [] }),
          previousSummary: a.summary,
        }),
      );
      expect(await ids({ list: 'referrals' })).toEqual([]);
      expect(await ids({ list: 'act:team-manager' })).toEqual(['b']);
    });

    it('should never give, count or find a case the reader may not see', async () => {
      // given cases referred by sam, opened by sam for tia, and allocated to olu
      await create('mine', 1, { name: 'Alex Taylor', referredBy: 'sam' });
      await create('opened', 2, { name: 'Ann Taylor', referredBy: 'tia' }, 'sam');
      await create('theirs', 3, { name: 'Bea Taylor', referredBy: 'tia', allocatedTo: 'olu' }, 'tia');
      const as = (visibleTo: CaseQuery['visibleTo'], query: Query = {}) => list({ ...query, visibleTo, count: true });
      // then a referrer sees what they referred or opened, and an officer what is allocated to them
      const sam = await as({ referredBy: 'sam' });
      expect([sam.cases.map((c) => c.id), sam.total]).toEqual([['mine', 'opened'], 2]);
      const olu = await as({ allocatedTo: 'olu' }, { q: 'taylor' });
      expect([olu.cases.map((c) => c.id), olu.total]).toEqual([['theirs'], 1]);
      const oluElsewhere = await as({ allocatedTo: 'olu' }, { q: 'alex' });
      expect([oluElsewhere.cases, oluElsewhere.total]).toEqual([[], 0]);
      const tia = await as({ referredBy: 'tia' }, { q: 'taylor', referredBy: 'sam' });
      expect([tia.cases, tia.total]).toEqual([[], 0]);
      const nobody = await as({ none: true });
      expect([nobody.cases, nobody.total, nobody.next]).toEqual([[], 0, null]);
      const everyone = await as({ all: true }, { q: 'taylor' });
      expect(everyone.total).toBe(3);
    });

    it('should give only the cases named by id, of those the reader may see, and at most a page of them', async () => {
      await create('a', 1, { name: 'Alex Taylor' });
      await create('b', 2, { referredBy: 'tia' }, 'tia');
      await create('c', 3, { closed: true, state: 'closed' });
      expect(await ids({ ids: ['c', 'a', 'unknown'], includeClosed: true })).toEqual(['a', 'c']);
      expect(await ids({ ids: [] })).toEqual([]);
      expect(await ids({ ids: ['a', 'b'], visibleTo: { referredBy: 'tia' } })).toEqual(['b']);
      const tooMany = Array.from({ length: 101 }, (_, i) => `x${i}`);
      await expect(list({ ids: tooMany })).rejects.toBeInstanceOf(StoreQueryError);
    });

    it('should give each case its summary and never its snapshot', async () => {
      await create('a', 1, { name: 'Alex Taylor' });
      const [item] = (await list({})).cases;
      expect(item).toEqual({
        id: 'a',
        pathwayId: 'pathway-a',
        definitionVersion: 1,
        version: 1,
        summary: summary({ name: 'Alex Taylor' }),
        createdBy: 'sam',
        createdAt: minutesIn(1),
        updatedAt: minutesIn(1),
      });
      expect(item).not.toHaveProperty('snapshot');
    });

    it('should refuse a cursor it did not make, or one of another order', async () => {
      await Promise.all(Array.from({ length: 3 }, (_, i) => create(`c${i}`, i)));
      const page = await list({ limit: 1 });
      await expect(list({ after: 'not-a-cursor' })).rejects.toBeInstanceOf(StoreQueryError);
      await expect(list({ after: page.next!, sort: 'name' })).rejects.toMatchObject({
        code: 'bad-query',
        parameter: 'after',
      });
    });

    it('should follow each summary column a commit changes, given the summary before, and keep the rest', async () => {
      // given
      const b = await create('b', 2, { referredBy: 'bob', allocatedTo: 'cat', state: 'working' });
      // when only the allocation changes
      const moved = await store().commitEvent(
        nextCommit(b, { summary: { ...b.summary, allocatedTo: 'dan' }, previousSummary: b.summary }),
      );
      // then
      expect(await ids({ allocatedTo: 'cat' })).toEqual([]);
      expect(await ids({ allocatedTo: 'dan' })).toEqual(['b']);
      expect(await ids({ states: ['working'], referredBy: 'bob' })).toEqual(['b']);
      // when state, referrer and closed change and the allocation does not
      await store().commitEvent(
        nextCommit(moved, {
          summary: { ...moved.summary, state: 'done', referredBy: 'eve', closed: true },
          previousSummary: moved.summary,
        }),
      );
      // then
      expect(await ids({ allocatedTo: 'dan' })).toEqual([]);
      expect(await ids({ allocatedTo: 'dan', includeClosed: true })).toEqual(['b']);
      expect(await ids({ referredBy: 'eve', states: ['done'], includeClosed: true })).toEqual(['b']);
      // and without the previous summary every column is written
      const current = (await store().getCase('b'))!;
      await store().commitEvent(nextCommit(current, { summary: summary({ state: 'reopened', referredBy: 'fay' }) }));
      expect(await ids({ referredBy: 'fay', states: ['reopened'] })).toEqual(['b']);
    });
  });

  describe('#countActiveCases', () => {
    it("should count each officer's active open cases in one go", async () => {
      await create('a', 1, { allocatedTo: 'olu', activeCase: true });
      await create('b', 2, { allocatedTo: 'olu', activeCase: true });
      await create('c', 3, { allocatedTo: 'olu', activeCase: false });
      await create('d', 4, { allocatedTo: 'olu', activeCase: true, closed: true });
      await create('e', 5, { allocatedTo: 'pat', activeCase: true });
      expect(await store().countActiveCases(['olu', 'pat', 'quin'])).toEqual({ olu: 2, pat: 1 });
      expect(await store().countActiveCases([])).toEqual({});
    });
  });

  describe('#displayNames', () => {
    it('should give the display names of the users asked for', async () => {
      await store().upsertUser({
        username: 'olu',
        displayName: 'Olu Ade',
        role: 'officer',
        passwordHash: 'x',
        demo: false,
      });
      await store().upsertUser({
        username: 'pat',
        displayName: 'Pat Lee',
        role: 'officer',
        passwordHash: 'x',
        demo: false,
      });
      expect(await store().displayNames(['olu', 'nobody', 'olu'])).toEqual({ olu: 'Olu Ade' });
    });
  });

  describe('#casesToResummarise', () => {
    it('should give the cases whose summary is older than a format, in batches, until each is replaced', async () => {
      // given two cases stored by an older version (summaries with no format) and one of the current format
      await store().createCase(newCase('old1', { summary: { state: 'open' } }));
      const old2 = await store().createCase(newCase('old2', { summary: { state: 'open' } }));
      await create('new', 1);
      // when
      const first = await store().casesToResummarise(2, 1);
      const second = await store().casesToResummarise(2, 1, first[0]!.id);
      // then
      expect([...first, ...second].map((c) => c.id)).toEqual(['old1', 'old2']);
      expect(first[0]).toEqual({
        id: 'old1',
        version: 1,
        definitionVersion: 1,
        snapshot: newCase('old1').snapshot,
        createdBy: 'ann',
        createdAt: minutesIn(0),
      });
      expect(await store().casesToResummarise(2, 10, 'old2')).toEqual([]);
      // when one is replaced, and the other changed since it was read
      expect(await store().replaceSummary('old1', 1, summary({ name: 'Alex Taylor' }))).toBe(true);
      await store().commitEvent(nextCommit(old2, { summary: summary({ name: 'Bea Taylor' }) }));
      expect(await store().replaceSummary('old2', 1, summary({ name: 'Stale' }))).toBe(false);
      // then both are current, found by their new columns, and keep their versions
      expect(await store().casesToResummarise(2, 10)).toEqual([]);
      expect(await ids({ q: 'taylor' })).toEqual(['old1', 'old2']);
      expect((await store().getCase('old1'))?.version).toBe(1);
      expect(await ids({ q: 'stale' })).toEqual([]);
    });
  });
}
