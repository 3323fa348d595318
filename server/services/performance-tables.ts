// The service performance figures as titled tables: what the page shows beside each chart and what each CSV file
// holds, made once here so that the screen and the download cannot differ. The words for the assessment, the group
// programme and the outcomes come from the pathway's meta.performance.
import type { PerformanceFigures, PerformanceMeta } from '../../engine/index.js';

export type Cell = string | number | null;

export interface PerformanceTable {
  /** Also the CSV file's name: /api/reports/performance/<id>.csv. */
  id: string;
  title: string;
  description: string;
  columns: { key: string; title: string }[];
  rows: Cell[][];
  /** The columns a chart draws, one line each, against the first column. */
  chart: { series: string[]; unit: string };
}

export interface OfficerCaseload {
  username: string;
  name: string;
  active: number;
  capacity: number;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-03` as "Mar 2026". */
export function monthTitle(month: string): string {
  const [year, m] = month.split('-');
  return `${MONTH_NAMES[Number(m) - 1]} ${year}`;
}

const percent = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((100 * part) / whole));

function referralsTable(figures: PerformanceFigures): PerformanceTable {
  return {
    id: 'referrals',
    title: 'Referrals, allocations and the waiting list',
    description: 'Referrals sent in and cases allocated in each month, and cases on the waiting list at its end.',
    columns: [
      { key: 'month', title: 'Month' },
      { key: 'referrals', title: 'Referrals' },
      { key: 'allocated', title: 'Allocated' },
      { key: 'waiting', title: 'On the waiting list at month end' },
    ],
    rows: figures.months.map((month, i) => [
      monthTitle(month),
      figures.referrals[i]!.cases,
      figures.allocations[i]!.allocated,
      figures.waitingAtMonthEnd[i]!.cases,
    ]),
    chart: { series: ['referrals', 'allocated', 'waiting'], unit: 'cases' },
  };
}

function waitingTimesTable(figures: PerformanceFigures): PerformanceTable {
  return {
    id: 'waiting-times',
    title: 'Time from referral to allocation',
    description: 'Mean days, for the cases allocated in each month.',
    columns: [
      { key: 'month', title: 'Month' },
      { key: 'allocated', title: 'Allocated' },
      { key: 'fromReferral', title: 'Mean days from referral to allocation' },
      { key: 'waiting', title: 'Mean days on the waiting list' },
    ],
    rows: figures.allocations.map((a) => [monthTitle(a.month), a.allocated, a.meanDaysFromReferral, a.meanDaysWaiting]),
    chart: { series: ['fromReferral', 'waiting'], unit: 'days' },
  };
}

function assessmentsTable(figures: PerformanceFigures, meta: PerformanceMeta): PerformanceTable | undefined {
  const declared = meta.assessment;
  if (!declared) return undefined;
  const within = declared.target ?? `${declared.targetDays} days`;
  const title = declared.title ?? 'Assessments';
  return {
    id: 'assessments',
    title: `${title} final within ${within}`,
    description: `For the cases allocated in each month: whether the ${title.toLowerCase()} was final within ${within} of allocation.`,
    columns: [
      { key: 'month', title: 'Month allocated' },
      { key: 'allocated', title: 'Allocated' },
      { key: 'onTime', title: `Final within ${within}` },
      { key: 'late', title: 'Final later' },
      { key: 'overdue', title: `Not final after ${within}` },
      { key: 'notYetDue', title: `Not final, ${within} not yet passed` },
      { key: 'onTimePercent', title: `% final within ${within} (of those due)` },
    ],
    rows: figures.assessments.map((a) => [
      monthTitle(a.month),
      a.allocated,
      a.finalOnTime,
      a.finalLate,
      a.overdue,
      a.notYetDue,
      percent(a.finalOnTime, a.finalOnTime + a.finalLate + a.overdue),
    ]),
    chart: { series: ['onTime', 'late', 'overdue'], unit: 'cases' },
  };
}

function outcomesTable(figures: PerformanceFigures, meta: PerformanceMeta): PerformanceTable {
  const titles = meta.outcome?.titles ?? {};
  const outcomes = [...new Set(figures.outcomes.map((o) => o.outcome))].sort((a, b) =>
    (titles[a] ?? a).localeCompare(titles[b] ?? b),
  );
  const keyOf = (outcome: string) => `outcome:${outcome}`;
  const cases = new Map(figures.outcomes.map((o) => [`${o.month} ${o.outcome}`, o.cases]));
  return {
    id: 'outcomes',
    title: 'Outcomes at closure',
    description: 'Cases closed in each month, by the reason recorded at closure.',
    columns: [
      { key: 'month', title: 'Month closed' },
      ...outcomes.map((o) => ({ key: keyOf(o), title: titles[o] ?? (o || 'No reason recorded') })),
      { key: 'total', title: 'Closed' },
    ],
    rows: figures.months.map((month) => {
      const counts = outcomes.map((o) => cases.get(`${month} ${o}`) ?? 0);
      return [monthTitle(month), ...counts, counts.reduce((a, b) => a + b, 0)];
    }),
    chart: { series: outcomes.map(keyOf), unit: 'cases' },
  };
}

function groupTable(figures: PerformanceFigures, meta: PerformanceMeta): PerformanceTable | undefined {
  const declared = meta.group;
  if (!declared) return undefined;
  const title = declared.title ?? 'Group programme';
  const of = declared.sessions ? ` (of ${declared.sessions})` : '';
  return {
    id: 'group',
    title: `${title}: completion and sessions attended`,
    description: `Members of ${title} whose case closed in each month: how many completed it, and the sessions they attended.`,
    columns: [
      { key: 'month', title: 'Month closed' },
      { key: 'members', title: 'Members' },
      { key: 'completed', title: 'Completed' },
      { key: 'completedPercent', title: '% completed' },
      { key: 'sessions', title: 'Sessions attended' },
      { key: 'meanSessions', title: `Mean sessions attended per member${of}` },
    ],
    rows: figures.group.map((g) => [
      monthTitle(g.month),
      g.members,
      g.completed,
      percent(g.completed, g.members),
      g.sessionsAttended,
      g.members === 0 ? null : Math.round((10 * g.sessionsAttended) / g.members) / 10,
    ]),
    chart: { series: ['members', 'completed'], unit: 'people' },
  };
}

function caseloadsTable(caseloads: OfficerCaseload[]): PerformanceTable {
  return {
    id: 'caseloads',
    title: 'Caseload per officer against capacity',
    description: 'Active cases each officer holds now, against the capacity in the team settings.',
    columns: [
      { key: 'officer', title: 'Officer' },
      { key: 'active', title: 'Active cases' },
      { key: 'capacity', title: 'Capacity' },
      { key: 'percent', title: '% of capacity' },
    ],
    rows: caseloads.map((c) => [c.name, c.active, c.capacity, percent(c.active, c.capacity)]),
    chart: { series: ['active', 'capacity'], unit: 'cases' },
  };
}

export function performanceTables(
  figures: PerformanceFigures,
  meta: PerformanceMeta,
  caseloads: OfficerCaseload[],
): PerformanceTable[] {
  return [
    referralsTable(figures),
    waitingTimesTable(figures),
    caseloadsTable(caseloads),
    assessmentsTable(figures, meta),
    groupTable(figures, meta),
    outcomesTable(figures, meta),
  ].filter((table): table is PerformanceTable => table !== undefined);
}
