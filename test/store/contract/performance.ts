// Contract (issue 25): the service performance figures are aggregate queries over the cases' milestone columns, and
// they equal a hand count of a small seeded service (the counts are worked out in the comments, case by case).
import { describe, expect, it } from 'vitest';
import { StoreQueryError } from '../../../engine/store/errors.js';
import { NO_MILESTONES } from '../../../engine/store/milestone-columns.js';
import type { CaseMilestones } from '../../../engine/store/performance-types.js';
import type { CaseSummary } from '../../../engine/store/types.js';
import { newCase, type CurrentStore } from './fixtures.js';

const NOW = '2026-03-15T12:00:00.000Z';
const MONTHS = ['2026-01', '2026-02', '2026-03'];

function milestones(fields: Partial<CaseMilestones>): CaseMilestones {
  return { ...NO_MILESTONES, ...fields };
}

const at = (day: string, time = '00:00') => `${day}T${time}:00.000Z`;

/** The seeded service: what each case went through. */
const SEEDED: Record<string, { milestones?: CaseMilestones; summary?: Partial<CaseSummary> }> = {
  // Referred Jan, allocated Jan after 15 days (14 waiting), assessed 31 days on, closed in March having completed the
  // group with 12 sessions.
  a: {
    milestones: milestones({
      referredAt: at('2026-01-05', '10:00'),
      waitingSince: at('2026-01-06', '10:00'),
      allocatedAt: at('2026-01-20', '10:00'),
      assessedAt: at('2026-02-20', '10:00'),
      closedAt: at('2026-03-01', '10:00'),
      outcome: 'work-completed',
      groupMember: true,
      groupCompleted: true,
      sessionsAttended: 12,
    }),
    summary: { closed: true },
  },
  // Waiting at the end of January; allocated in February after 31 days (30 waiting), assessed 32 days on; still open
  // in the group (not counted in the group figures until it closes).
  b: {
    milestones: milestones({
      referredAt: at('2026-01-10'),
      waitingSince: at('2026-01-11'),
      allocatedAt: at('2026-02-10'),
      assessedAt: at('2026-03-14'),
      groupMember: true,
      sessionsAttended: 5,
    }),
  },
  // Allocated in January after 10 days (9 waiting), never assessed (overdue), closed in February after leaving the
  // group with 3 sessions.
  c: {
    milestones: milestones({
      referredAt: at('2026-01-15'),
      waitingSince: at('2026-01-16'),
      allocatedAt: at('2026-01-25'),
      closedAt: at('2026-02-15'),
      outcome: 'risk-escalation',
      groupMember: true,
      sessionsAttended: 3,
    }),
    summary: { closed: true },
  },
  // Referred in December (outside the months), allocated 2 January after 13 days (12 waiting), assessed 58 days on.
  d: {
    milestones: milestones({
      referredAt: at('2025-12-20'),
      waitingSince: at('2025-12-21'),
      allocatedAt: at('2026-01-02'),
      assessedAt: at('2026-03-01'),
    }),
  },
  // Referred in February and waiting since 4 February: 39 days on 15 March.
  e: {
    milestones: milestones({ referredAt: at('2026-02-03'), waitingSince: at('2026-02-04') }),
    summary: { waiting: true, waitingSince: at('2026-02-04') },
  },
  // Referred and declined in February.
  f: {
    milestones: milestones({ referredAt: at('2026-02-20'), closedAt: at('2026-02-22'), outcome: 'declined' }),
    summary: { closed: true },
  },
  // Referred in March, allocated after 8 days (6 days 16 hours waiting): its six weeks have not passed.
  g: {
    milestones: milestones({
      referredAt: at('2026-03-02'),
      waitingSince: at('2026-03-03', '08:00'),
      allocatedAt: at('2026-03-10'),
    }),
  },
  // Referred in January, closed on 31 January while still waiting.
  h: {
    milestones: milestones({
      referredAt: at('2026-01-03'),
      waitingSince: at('2026-01-04'),
      closedAt: at('2026-01-31'),
      outcome: 'other',
    }),
    summary: { closed: true },
  },
  // A summary stored before milestones were kept: counted nowhere.
  i: {},
  // Referred in March and waiting since 6 March: 9 days on 15 March.
  j: {
    milestones: milestones({ referredAt: at('2026-03-05'), waitingSince: at('2026-03-06') }),
    summary: { waiting: true, waitingSince: at('2026-03-06') },
  },
  // Closed before the months asked for.
  k: {
    milestones: milestones({ referredAt: at('2025-10-01'), closedAt: at('2025-11-01'), outcome: 'other' }),
    summary: { closed: true },
  },
};

export function describePerformanceContract(store: CurrentStore): void {
  describe('#performanceFigures', () => {
    async function seed(): Promise<void> {
      for (const [id, seeded] of Object.entries(SEEDED)) {
        const summary: CaseSummary = {
          state: 'somewhere',
          closed: false,
          ...seeded.summary,
          ...(seeded.milestones ? { milestones: seeded.milestones } : {}),
        };
        await store().createCase(newCase(id, { summary }));
      }
    }

    it('should equal a hand count of the seeded cases, month by month', async () => {
      // given
      await seed();
      // when
      const figures = await store().performanceFigures({ months: MONTHS, now: NOW, assessmentTargetDays: 42 });
      // then
      expect(figures.months).toEqual(MONTHS);
      // a, b, c, h in January (d in December); e, f in February; g, j in March.
      expect(figures.referrals).toEqual([
        { month: '2026-01', cases: 4 },
        { month: '2026-02', cases: 2 },
        { month: '2026-03', cases: 2 },
      ]);
      // End of January: b (h closed on the 31st); end of February: e; now: e and j (g allocated on the 10th).
      expect(figures.waitingAtMonthEnd).toEqual([
        { month: '2026-01', cases: 1 },
        { month: '2026-02', cases: 1 },
        { month: '2026-03', cases: 2 },
      ]);
      // e 39 days and j 9 days.
      expect(figures.waitingNow).toEqual({ cases: 2, meanDays: 24, longestDays: 39 });
      // January: a (15, 14), c (10, 9), d (13, 12); February: b (31, 30); March: g (8, 6⅔).
      expect(figures.allocations).toEqual([
        { month: '2026-01', allocated: 3, meanDaysFromReferral: 12.7, meanDaysWaiting: 11.7 },
        { month: '2026-02', allocated: 1, meanDaysFromReferral: 31, meanDaysWaiting: 30 },
        { month: '2026-03', allocated: 1, meanDaysFromReferral: 8, meanDaysWaiting: 6.7 },
      ]);
      // January: a on time (31 days), d late (58), c not final with six weeks passed; February: b on time (32);
      // March: g not yet due.
      expect(figures.assessments).toEqual([
        { month: '2026-01', allocated: 3, finalOnTime: 1, finalLate: 1, overdue: 1, notYetDue: 0 },
        { month: '2026-02', allocated: 1, finalOnTime: 1, finalLate: 0, overdue: 0, notYetDue: 0 },
        { month: '2026-03', allocated: 1, finalOnTime: 0, finalLate: 0, overdue: 0, notYetDue: 1 },
      ]);
      // h in January; c and f in February; a in March (k before the months).
      expect(figures.outcomes).toEqual([
        { month: '2026-01', outcome: 'other', cases: 1 },
        { month: '2026-02', outcome: 'declined', cases: 1 },
        { month: '2026-02', outcome: 'risk-escalation', cases: 1 },
        { month: '2026-03', outcome: 'work-completed', cases: 1 },
      ]);
      // c left the group in February (3 sessions), a completed it in March (12); b is still open.
      expect(figures.group).toEqual([
        { month: '2026-01', members: 0, completed: 0, sessionsAttended: 0 },
        { month: '2026-02', members: 1, completed: 0, sessionsAttended: 3 },
        { month: '2026-03', members: 1, completed: 1, sessionsAttended: 12 },
      ]);
    });

    it('should follow a case whose milestones change at a commit', async () => {
      // given: e, waiting, is allocated on 2 March after 26 days on the list
      await seed();
      const e = (await store().getCase('e'))!;
      const allocated = milestones({ ...SEEDED.e!.milestones, allocatedAt: at('2026-03-02') });
      await store().replaceSummary('e', e.version, { state: 'somewhere', closed: false, milestones: allocated });
      // when
      const figures = await store().performanceFigures({ months: ['2026-03'], now: NOW, assessmentTargetDays: 42 });
      // then: March has g and e allocated; only j waits now
      expect(figures.allocations[0]).toMatchObject({ allocated: 2, meanDaysWaiting: 16.3 });
      expect(figures.waitingAtMonthEnd).toEqual([{ month: '2026-03', cases: 1 }]);
    });

    it('should refuse months that are not consecutive YYYY-MM months', async () => {
      const ask = (months: string[]) => store().performanceFigures({ months, now: NOW, assessmentTargetDays: 42 });
      await expect(ask(['2026-13'])).rejects.toThrow(StoreQueryError);
      await expect(ask(['2026-01', '2026-03'])).rejects.toThrow(StoreQueryError);
      await expect(ask([])).rejects.toThrow(StoreQueryError);
    });
  });
}
