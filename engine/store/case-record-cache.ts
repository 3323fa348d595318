// The cases this process has stored or read, for a store whose file no other process writes (see owner-lock.ts):
// then the last version this store committed is the latest there is, and reading it again from the database would
// only cost time. A kept record is frozen and handed to every reader as it is, not parsed afresh for each: nobody
// can change what another reads (a change throws), and the case service works on a copy (applyCommand).
// Worth it, measured side by side on the threaded store with a referral 27 events in (18 KB of snapshot JSON): the
// case service's load() took 78 µs from here against 787 µs reading, parsing and restoring it afresh.
import { LRUCache } from 'lru-cache';
import { deepFreeze } from '../util/deep-freeze.js';
import type { CaseRecord } from './types.js';

/** Enough for the cases a team works on at once, counted as JSON text; the least recently used go first. */
export const defaultCaseCacheBytes = 32 * 1024 * 1024;

interface Kept {
  record: CaseRecord;
  bytes: number;
}

export class CaseRecordCache {
  private readonly entries: LRUCache<string, Kept>;

  constructor(maxBytes = defaultCaseCacheBytes) {
    this.entries = new LRUCache({ maxSize: maxBytes, sizeCalculation: (kept) => kept.bytes });
  }

  /** The kept record: its snapshot and summary are frozen and shared; the record around them is the caller's own. */
  get(id: string): CaseRecord | undefined {
    const kept = this.entries.get(id);
    return kept && { ...kept.record };
  }

  /**
   * Keeps a version of a case unless a later one is already kept (replies and reads may cross), and freezes its
   * snapshot and summary. `jsonLength` is the length of their JSON text, which stands for their size.
   */
  remember(record: CaseRecord, jsonLength: number): void {
    const kept = this.entries.peek(record.id);
    if (kept !== undefined && kept.record.version > record.version) return;
    deepFreeze(record.snapshot);
    deepFreeze(record.summary);
    // Two bytes a UTF-16 code unit, as the text would be held; the plain columns are small beside it. A record larger
    // than the whole cache is not kept (and any older version of it goes).
    this.entries.set(record.id, { record: { ...record }, bytes: 2 * jsonLength + 256 });
  }

  forget(id: string): void {
    this.entries.delete(id);
  }

  get size(): number {
    return this.entries.size;
  }
}
