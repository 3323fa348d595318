// The cases this process has stored or read, for a store whose file no other process writes (see owner-lock.ts):
// then the last version this store committed is the latest there is, and reading it again from the database would
// only cost time. A kept record is frozen and handed to every reader as it is, not parsed afresh for each: nobody
// can change what another reads (a change throws), and the case service works on a copy (applyCommand).
import { deepFreeze } from '../util/deep-freeze.js';
import type { CaseRecord } from './types.js';

/** Enough for the cases a team works on at once, counted as JSON text; the least recently used go first. */
export const defaultCaseCacheBytes = 32 * 1024 * 1024;

interface Kept {
  record: CaseRecord;
  bytes: number;
}

export class CaseRecordCache {
  private readonly entries = new Map<string, Kept>();
  private bytes = 0;

  constructor(private readonly maxBytes = defaultCaseCacheBytes) {}

  /** The kept record: its snapshot and summary are frozen and shared; the record around them is the caller's own. */
  get(id: string): CaseRecord | undefined {
    const kept = this.entries.get(id);
    if (kept === undefined) return undefined;
    // Most recently used last, so that eviction takes from the front.
    this.entries.delete(id);
    this.entries.set(id, kept);
    return { ...kept.record };
  }

  /**
   * Keeps a version of a case unless a later one is already kept (replies and reads may cross), and freezes its
   * snapshot and summary. `jsonLength` is the length of their JSON text, which stands for their size.
   */
  remember(record: CaseRecord, jsonLength: number): void {
    const id = record.id;
    const kept = this.entries.get(id);
    if (kept !== undefined) {
      if (kept.record.version > record.version) return;
      this.drop(id, kept);
    }
    deepFreeze(record.snapshot);
    deepFreeze(record.summary);
    // Two bytes a UTF-16 code unit, as the text would be held; the plain columns are small beside it.
    const bytes = 2 * jsonLength + 256;
    if (bytes > this.maxBytes) return;
    this.entries.set(id, { record: { ...record }, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.drop(oldest, entry);
    }
  }

  forget(id: string): void {
    const kept = this.entries.get(id);
    if (kept !== undefined) this.drop(id, kept);
  }

  get size(): number {
    return this.entries.size;
  }

  private drop(id: string, entry: Kept): void {
    this.entries.delete(id);
    this.bytes -= entry.bytes;
  }
}
