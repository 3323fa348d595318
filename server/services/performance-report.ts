// The Team Manager's service performance report: the store's month-by-month figures, the officers' caseloads against
// their capacity, and the tables both the page and the CSV files are made of. Nothing here reads a case.
import {
  capacityOf,
  MAX_REPORT_MONTHS,
  type CaseStore,
  type CompiledDefinitions,
  type PerformanceFigures,
  type PerformanceMeta,
} from '../../engine/index.js';
import { performanceTables, type OfficerCaseload, type PerformanceTable } from './performance-tables.js';

export const DEFAULT_REPORT_MONTHS = 12;

export interface PerformanceReport {
  generatedAt: string;
  months: string[];
  /** The waiting list as it is now. */
  waitingNow: PerformanceFigures['waitingNow'];
  tables: PerformanceTable[];
}

/** The `count` calendar months (UTC) up to and including the month of `now`, oldest first. */
export function monthsUpTo(now: string, count: number): string[] {
  const date = new Date(now);
  return Array.from({ length: count }, (_, i) => {
    const month = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - (count - 1 - i), 1));
    return month.toISOString().slice(0, 7);
  });
}

/** How many months a request asks for: a whole number from 1 to MAX_REPORT_MONTHS, or the default. */
export function monthsAsked(value: unknown): number | undefined {
  if (value === undefined || value === '') return DEFAULT_REPORT_MONTHS;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= MAX_REPORT_MONTHS ? n : undefined;
}

/** The declaration of the pathway that starts cases (the first that declares one). */
export function performanceMeta(defs: CompiledDefinitions): PerformanceMeta {
  for (const pathway of defs.pathways.values()) {
    const meta = (pathway.config.meta ?? {}) as { performance?: PerformanceMeta };
    if (meta.performance) return meta.performance;
  }
  return {};
}

async function caseloads(store: CaseStore, defs: CompiledDefinitions): Promise<OfficerCaseload[]> {
  const officers = defs.settings.officers ?? [];
  const active = await store.countActiveCases(officers.map((o) => o.username));
  return officers.map((o) => ({
    username: o.username,
    name: o.name ?? o.username,
    active: active[o.username] ?? 0,
    capacity: capacityOf(defs.settings, o.username),
  }));
}

export async function performanceReport(
  store: CaseStore,
  defs: CompiledDefinitions,
  now: string,
  monthCount: number,
): Promise<PerformanceReport> {
  const meta = performanceMeta(defs);
  const months = monthsUpTo(now, monthCount);
  const [figures, loads] = await Promise.all([
    // Without a declared assessment its figures are not shown: any target will do.
    store.performanceFigures({ months, now, assessmentTargetDays: meta.assessment?.targetDays ?? 1 }),
    caseloads(store, defs),
  ]);
  return { generatedAt: now, months, waitingNow: figures.waitingNow, tables: performanceTables(figures, meta, loads) };
}
