// The service performance figures as aggregate SQL over the milestone columns of `cases` (the same `?` SQL for both
// databases): each query counts or averages within a range of one indexed column and returns a row per month, never
// a row per case. Months are calendar months in UTC, compared as the text of canonical ISO instants.
import { StoreQueryError } from './errors.js';
import type {
  AllocationMonth,
  AssessmentMonth,
  GroupMonth,
  MonthCount,
  OutcomeMonth,
  PerformanceFigures,
  PerformanceQuery,
  WaitingNow,
} from './performance-types.js';
import type { Row, SqlSession } from './sql-database.js';

const DAY_MS = 86_400_000;
/** At most three years a page, which keeps the waiting-list query's one sum per month within reason. */
export const MAX_REPORT_MONTHS = 36;

function monthStart(month: string): string {
  return `${month}-01T00:00:00.000Z`;
}

function nextMonthStart(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 1)).toISOString();
}

function checkMonths(months: string[]): void {
  if (months.length === 0 || months.length > MAX_REPORT_MONTHS)
    throw new StoreQueryError(`months names 1 to ${MAX_REPORT_MONTHS} months`, 'months');
  months.forEach((month, i) => {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
      throw new StoreQueryError(`'${month}' is not a YYYY-MM month`, 'months');
    if (i > 0 && nextMonthStart(months[i - 1]!) !== monthStart(month))
      throw new StoreQueryError('months follow one another, oldest first', 'months');
  });
}

const monthOf = (column: string) => `substr(${column}, 1, 7)`;
const count = (condition: string) => `sum(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
const numberOr = (value: unknown, absent: number | null = 0) =>
  value === null || value === undefined ? absent : Number(value);
const rounded = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/** One entry per month, in order, from rows keyed by `month` (a month with no row gets `empty`). */
function byMonth<T>(months: string[], rows: Row[], entry: (row: Row | undefined, month: string) => T): T[] {
  const found = new Map(rows.map((row) => [String(row.month), row]));
  return months.map((month) => entry(found.get(month), month));
}

export async function performanceFigures(db: SqlSession, query: PerformanceQuery): Promise<PerformanceFigures> {
  const { months } = query;
  checkMonths(months);
  const range = [monthStart(months[0]!), nextMonthStart(months.at(-1)!)];
  const [referrals, waitingAtMonthEnd, waitingNow, { allocations, assessments }, { outcomes, group }] =
    await Promise.all([
      monthlyReferrals(db, months, range),
      waitingAtMonthEnds(db, months, query.now),
      waitingListNow(db, query.now),
      monthlyAllocations(db, months, range, query),
      monthlyClosures(db, months, range),
    ]);
  return { months, referrals, waitingAtMonthEnd, waitingNow, allocations, assessments, outcomes, group };
}

async function monthlyReferrals(db: SqlSession, months: string[], range: string[]): Promise<MonthCount[]> {
  const rows = await db.all(
    `SELECT ${monthOf('referred_at')} AS month, count(*) AS n FROM cases
     WHERE referred_at >= ? AND referred_at < ? GROUP BY ${monthOf('referred_at')}`,
    range,
  );
  return byMonth(months, rows, (row, month) => ({ month, cases: numberOr(row?.n)! }));
}

/**
 * On the list from joining it until allocated or closed: one conditional sum per month end. Read in two parts, each
 * from an index that holds what it reads: the cases allocated since the first month end, and those never allocated.
 * A case allocated before the first month end was on no list at any of them.
 */
async function waitingAtMonthEnds(db: SqlSession, months: string[], now: string): Promise<MonthCount[]> {
  const ends = months.map((month) => (nextMonthStart(month) < now ? nextMonthStart(month) : now));
  const onListAt =
    '(waitlisted_at < ? AND (allocated_at IS NULL OR allocated_at >= ?) AND (closed_at IS NULL OR closed_at >= ?))';
  const sums = ends.map((_, i) => `${count(onListAt)} AS m${i}`).join(', ');
  const sumParams = ends.flatMap((end) => [end, end, end]);
  const earliest = ends.reduce((a, b) => (a < b ? a : b));
  const latest = ends.reduce((a, b) => (a > b ? a : b));
  const [allocated, unallocated] = await Promise.all([
    db.all(`SELECT ${sums} FROM cases WHERE allocated_at >= ? AND waitlisted_at < ?`, [...sumParams, earliest, latest]),
    db.all(
      `SELECT ${sums} FROM cases WHERE allocated_at IS NULL AND waitlisted_at IS NOT NULL
         AND waitlisted_at < ? AND (closed_at IS NULL OR closed_at >= ?)`,
      [...sumParams, latest, earliest],
    ),
  ]);
  return months.map((month, i) => ({
    month,
    cases: numberOr(allocated[0]?.[`m${i}`])! + numberOr(unallocated[0]?.[`m${i}`])!,
  }));
}

/** Days waiting are whole calendar days (UTC) since the day a case joined the list, counted per day joined. */
async function waitingListNow(db: SqlSession, now: string): Promise<WaitingNow> {
  const rows = await db.all(
    `SELECT substr(waiting_since, 1, 10) AS day, count(*) AS n FROM cases
     WHERE waiting AND NOT closed GROUP BY substr(waiting_since, 1, 10)`,
  );
  const today = Date.parse(now.slice(0, 10));
  let cases = 0;
  let totalDays = 0;
  let longestDays: number | null = null;
  for (const row of rows) {
    const n = Number(row.n);
    const days = row.day === null ? 0 : Math.max(0, Math.round((today - Date.parse(String(row.day))) / DAY_MS));
    cases += n;
    totalDays += n * days;
    longestDays = Math.max(longestDays ?? 0, days);
  }
  return { cases, meanDays: cases === 0 ? null : rounded(totalDays / cases), longestDays };
}

/**
 * Allocations, and the assessment target counted from them, by the month of allocation: one pass over the allocation
 * index for both.
 */
async function monthlyAllocations(
  db: SqlSession,
  months: string[],
  range: string[],
  query: PerformanceQuery,
): Promise<{ allocations: AllocationMonth[]; assessments: AssessmentMonth[] }> {
  const target = query.assessmentTargetDays;
  const targetPassedIfAllocatedBefore = new Date(Date.parse(query.now) - target * DAY_MS).toISOString();
  const rows = await db.all(
    `SELECT ${monthOf('allocated_at')} AS month, count(*) AS n,
       avg(days_to_allocation) AS from_referral, avg(days_waiting) AS waiting,
       ${count('days_to_assessment <= ?')} AS on_time, ${count('days_to_assessment > ?')} AS late,
       ${count('assessed_at IS NULL AND allocated_at < ?')} AS overdue
     FROM cases WHERE allocated_at >= ? AND allocated_at < ? GROUP BY ${monthOf('allocated_at')}`,
    [target, target, targetPassedIfAllocatedBefore, ...range],
  );
  const allocations = byMonth(months, rows, (row, month) => ({
    month,
    allocated: numberOr(row?.n)!,
    meanDaysFromReferral: rounded(numberOr(row?.from_referral, null)),
    meanDaysWaiting: rounded(numberOr(row?.waiting, null)),
  }));
  const assessments = byMonth(months, rows, (row, month) => {
    const allocated = numberOr(row?.n)!;
    const finalOnTime = numberOr(row?.on_time)!;
    const finalLate = numberOr(row?.late)!;
    const overdue = numberOr(row?.overdue)!;
    const notYetDue = allocated - finalOnTime - finalLate - overdue;
    return { month, allocated, finalOnTime, finalLate, overdue, notYetDue };
  });
  return { allocations, assessments };
}

/**
 * Outcomes at closure, and the group members among those closed, by the month of closure: one pass over the closure
 * index for both (whether members completed the programme, and the sessions they attended).
 */
async function monthlyClosures(
  db: SqlSession,
  months: string[],
  range: string[],
): Promise<{ outcomes: OutcomeMonth[]; group: GroupMonth[] }> {
  const rows = await db.all(
    `SELECT ${monthOf('closed_at')} AS month, outcome, count(*) AS n, ${count('group_member')} AS members,
       ${count('group_member AND group_completed')} AS completed,
       sum(CASE WHEN group_member THEN sessions_attended ELSE 0 END) AS sessions
     FROM cases WHERE closed_at >= ? AND closed_at < ? GROUP BY ${monthOf('closed_at')}, outcome`,
    range,
  );
  const outcomes = rows
    .map((row) => ({
      month: String(row.month),
      outcome: row.outcome === null ? '' : String(row.outcome),
      cases: Number(row.n),
    }))
    .sort((a, b) => a.month.localeCompare(b.month) || b.cases - a.cases || a.outcome.localeCompare(b.outcome));
  const group = months.map((month) => {
    const ofMonth = rows.filter((row) => String(row.month) === month);
    const total = (column: string) => ofMonth.reduce((sum, row) => sum + numberOr(row[column])!, 0);
    return { month, members: total('members'), completed: total('completed'), sessionsAttended: total('sessions') };
  });
  return { outcomes, group };
}
