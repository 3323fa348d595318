// The history in a case response — who did what and when, every event of the case — as JSON text. It is sent with
// every response and grows with the case; the event log is append-only, so each event's JSON is kept and only the
// events added since the last response are turned into JSON.
import type { EventHeader } from '../../engine/store/index.js';

export class CaseHistoryJson {
  // A Map iterates in insertion order: the first key is the case shown longest ago.
  private readonly cases = new Map<string, string[]>();

  constructor(private readonly maxCases = 2000) {}

  /** JSON of [{seq, type, by, role, at}, …] for a case's first headers.length events (all of them, in seq order). */
  text(caseId: string, headers: EventHeader[]): string {
    const kept = this.cases.get(caseId);
    // An older version than one shown before (a read that raced a change): built apart, the longer list is kept.
    if (kept && kept.length > headers.length) return joined(entriesJson(headers, []));
    const entries = entriesJson(headers, kept ?? []);
    this.cases.delete(caseId);
    this.cases.set(caseId, entries);
    if (this.cases.size > this.maxCases) this.cases.delete(this.cases.keys().next().value!);
    return joined(entries);
  }
}

function entriesJson(headers: EventHeader[], entries: string[]): string[] {
  for (let i = entries.length; i < headers.length; i++) {
    const e = headers[i]!;
    entries.push(JSON.stringify({ seq: e.seq, type: e.type, by: e.userId, role: e.role, at: e.at }));
  }
  return entries;
}

// One join, not `text += piece` event after event: that makes a string of one piece per event, which V8 walks piece
// by piece each time the response is measured and encoded (most of the cost of sending a long case's view).
function joined(entries: string[]): string {
  return `[${entries.join(',')}]`;
}
