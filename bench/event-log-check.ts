// After a load run: the stored event log, opened directly once the server has stopped, against what the server
// acknowledged. Every acknowledged (case, seq, type) must be there; an event no client was told about is either one
// the server wrote itself (timers, by "system") or one whose answer was lost when the server was killed.
import { openSqliteStore } from '../engine/store/sqlite-store.js';
import type { CaseStore } from '../engine/store/types.js';
import type { LoadReport } from './simulated-officers.js';

async function everyCaseId(store: CaseStore): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  do {
    const query = { visibleTo: { all: true }, includeClosed: true, limit: 100, ...(after ? { after } : {}) } as const;
    const page = await store.listCases(query);
    ids.push(...page.cases.map((c) => c.id));
    after = page.next ?? undefined;
  } while (after);
  return ids;
}

export interface EventLogComparison {
  logged: number;
  acknowledged: number;
  /** Acknowledged events missing from the log, or stored with another type. */
  missing: string[];
  /** Events of signed-in people stored without an acknowledgement and not found in a re-read after a lost answer. */
  unacknowledged: string[];
  /** Stored events whose answer was lost (the server died): found by a re-read, or a case opened by an unanswered POST. */
  storedUnanswered: number;
  bySystem: number;
}

export async function compareWithEventLog(file: string, report: LoadReport): Promise<EventLogComparison> {
  const store = openSqliteStore(file);
  try {
    const result: EventLogComparison = {
      logged: 0,
      acknowledged: 0,
      missing: [],
      unacknowledged: [],
      storedUnanswered: 0,
      bySystem: 0,
    };
    let unansweredOpens = report.unansweredOpens;
    const caseIds = new Set([...(await everyCaseId(store)), ...report.acknowledged.keys()]);
    for (const caseId of caseIds) {
      const events = new Map((await store.listEvents(caseId)).map((e) => [e.seq, e]));
      const acknowledged = report.acknowledged.get(caseId) ?? new Map<number, string>();
      const unanswered = report.storedUnanswered.get(caseId) ?? new Set<number>();
      result.logged += events.size;
      result.acknowledged += acknowledged.size;
      for (const [seq, type] of acknowledged) {
        const stored = events.get(seq);
        if (!stored || stored.type !== type)
          result.missing.push(`${caseId}#${seq} ${type}${stored ? ` (stored as ${stored.type})` : ''}`);
      }
      for (const [seq, event] of events) {
        if (acknowledged.has(seq)) continue;
        if (event.userId === 'system') result.bySystem++;
        else if (unanswered.has(seq)) result.storedUnanswered++;
        else if (seq === 1 && events.size === 1 && !report.acknowledged.has(caseId) && unansweredOpens > 0) {
          unansweredOpens--;
          result.storedUnanswered++;
        } else result.unacknowledged.push(`${caseId}#${seq} ${event.type} by ${event.userId}`);
      }
    }
    return result;
  } finally {
    await store.close();
  }
}
