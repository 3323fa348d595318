// What the service performance figures are made of: a case's milestones (kept in columns, milestone-columns.ts), the
// question a report asks the store, and the figures it answers with, month by month.

/**
 * When a case passed the milestones a service is measured by, as its pathway's meta.performance declares
 * (engine/service/case-milestones.ts). Times are canonical ISO instants.
 */
export interface CaseMilestones {
  referredAt: string | null;
  /** Joined the waiting list (kept after allocation, unlike the summary's waitingSince). */
  waitingSince: string | null;
  allocatedAt: string | null;
  /** The assessment the service is measured by became final. */
  assessedAt: string | null;
  closedAt: string | null;
  /** Why the case closed (a value the pathway records). */
  outcome: string | null;
  /** Took part in the group programme. */
  groupMember: boolean;
  groupCompleted: boolean;
  sessionsAttended: number | null;
}

export interface PerformanceQuery {
  /** Calendar months (UTC) `YYYY-MM`, oldest first, one after another. */
  months: string[];
  now: string;
  /** The assessment counts as on time when final within this many days of allocation. */
  assessmentTargetDays: number;
}

export interface MonthCount {
  month: string;
  cases: number;
}

export interface AllocationMonth {
  month: string;
  allocated: number;
  /** Mean days from referral to allocation, of the cases allocated this month that have both. */
  meanDaysFromReferral: number | null;
  /** Mean days on the waiting list, of the cases allocated this month that were on it. */
  meanDaysWaiting: number | null;
}

export interface AssessmentMonth {
  month: string;
  /** Cases allocated this month. */
  allocated: number;
  finalOnTime: number;
  finalLate: number;
  /** Not final, and the target has passed. */
  overdue: number;
  /** Not final, and the target has not passed yet. */
  notYetDue: number;
}

export interface OutcomeMonth {
  month: string;
  outcome: string;
  cases: number;
}

export interface GroupMonth {
  month: string;
  /** Group members whose case closed this month. */
  members: number;
  completed: number;
  sessionsAttended: number;
}

export interface WaitingNow {
  cases: number;
  meanDays: number | null;
  longestDays: number | null;
}

export interface PerformanceFigures {
  months: string[];
  referrals: MonthCount[];
  /** Cases on the waiting list at the end of each month (at `now` for the current one). */
  waitingAtMonthEnd: MonthCount[];
  waitingNow: WaitingNow;
  allocations: AllocationMonth[];
  assessments: AssessmentMonth[];
  outcomes: OutcomeMonth[];
  group: GroupMonth[];
}
