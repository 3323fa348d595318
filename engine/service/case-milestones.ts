// When a case passed the milestones the service is measured by, read from its answers and values as the pathway
// declares (meta.performance): JSON Logic over `case` (the case's values) and `forms` (last submitted answers). Which
// stage or value counts as referred, allocated, assessed or closed is the pathway's to say, never the engine's.
import { evaluateLogic } from '../expressions/logic.js';
import type { CaseData } from '../runtime/model.js';
import type { CaseMilestones } from '../store/performance-types.js';

export interface PerformanceMeta {
  referredAt?: unknown;
  waitingSince?: unknown;
  allocatedAt?: unknown;
  /** The assessment the service answers for, and in how many days of allocation it should be final. */
  assessment?: { title?: string; finalAt: unknown; targetDays: number; target?: string };
  closedAt?: unknown;
  /** Why a case closed, and the words for each value. */
  outcome?: { value: unknown; titles?: Record<string, string> };
  /** A group programme: who takes part, who completed it, the sessions each attended (a number, or a list). */
  group?: { title?: string; member: unknown; completed?: unknown; sessionsAttended?: unknown; sessions?: number };
}

function valueOf(expression: unknown, source: object): unknown {
  if (expression === undefined) return undefined;
  try {
    return evaluateLogic(expression, source);
  } catch {
    // The lint checks the expressions when definitions load; a value a case lacks is simply no milestone.
    return undefined;
  }
}

/** A time as a canonical instant, or null when the value is none. */
function instant(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  const millis = Date.parse(value);
  return Number.isNaN(millis) ? null : new Date(millis).toISOString();
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function sessionCount(value: unknown): number | null {
  if (Array.isArray(value)) return value.length;
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.trunc(value)) : null;
}

export function milestonesOf(
  meta: PerformanceMeta | undefined,
  data: CaseData,
  values: Record<string, unknown>,
): CaseMilestones | null {
  if (!meta) return null;
  const source = { forms: Object.fromEntries(Object.entries(data.forms).map(([id, s]) => [id, s.data])), case: values };
  const member = meta.group ? valueOf(meta.group.member, source) === true : false;
  return {
    referredAt: instant(valueOf(meta.referredAt, source)),
    waitingSince: instant(valueOf(meta.waitingSince, source)),
    allocatedAt: instant(valueOf(meta.allocatedAt, source)),
    assessedAt: instant(valueOf(meta.assessment?.finalAt, source)),
    closedAt: instant(valueOf(meta.closedAt, source)),
    outcome: text(valueOf(meta.outcome?.value, source)),
    groupMember: member,
    groupCompleted: member && Boolean(valueOf(meta.group?.completed, source)),
    sessionsAttended: member ? sessionCount(valueOf(meta.group?.sessionsAttended, source)) : null,
  };
}
