// The columns a case's milestones are kept in (migration 11), for the service performance figures to count and
// average with aggregate queries: the times as stored, and the spans between them in days, worked out here once per
// commit so that no query needs a database's own date arithmetic.
import type { SqlParam } from './sql-database.js';
import type { CaseMilestones } from './performance-types.js';

export const milestoneColumnNames = [
  'referred_at',
  'waitlisted_at',
  'allocated_at',
  'assessed_at',
  'closed_at',
  'outcome',
  'days_to_allocation',
  'days_waiting',
  'days_to_assessment',
  'group_member',
  'group_completed',
  'sessions_attended',
] as const;

/** A case that has passed no milestone (yet): what a summary's milestones start from. */
export const NO_MILESTONES: Readonly<CaseMilestones> = Object.freeze({
  referredAt: null,
  waitingSince: null,
  allocatedAt: null,
  assessedAt: null,
  closedAt: null,
  outcome: null,
  groupMember: false,
  groupCompleted: false,
  sessionsAttended: null,
});

const DAY_MS = 86_400_000;

/** Days from one time to a later one, to the minute; null when either is unknown. */
export function daysBetween(from: string | null, to: string | null): number | null {
  if (from === null || to === null) return null;
  return Math.round((Date.parse(to) - Date.parse(from)) / 60_000) / (DAY_MS / 60_000);
}

export function milestoneColumns(milestones: CaseMilestones | null | undefined): SqlParam[] {
  const m = milestones ?? undefined;
  const referredAt = m?.referredAt ?? null;
  const waitingSince = m?.waitingSince ?? null;
  const allocatedAt = m?.allocatedAt ?? null;
  const assessedAt = m?.assessedAt ?? null;
  return [
    referredAt,
    waitingSince,
    allocatedAt,
    assessedAt,
    m?.closedAt ?? null,
    m?.outcome ?? null,
    daysBetween(referredAt, allocatedAt),
    daysBetween(waitingSince, allocatedAt),
    daysBetween(allocatedAt, assessedAt),
    m?.groupMember === true,
    m?.groupMember === true && m.groupCompleted === true,
    m?.sessionsAttended ?? null,
  ];
}
