// The cases this process has stored or read, kept as the text the database holds, for a store whose file no other
// process writes (see owner-lock.ts): then the last version this store committed is the latest there is, and reading
// it again from the database would only cost time. Each get parses a new record, so no caller can change another's.
import { fromStoredCase, type StoredCase } from './rows.js';
import type { CaseRecord } from './types.js';

/** Enough for the cases a team works on at once; the least recently used go first. */
export const defaultCaseCacheBytes = 32 * 1024 * 1024;

export class CaseRecordCache {
  private readonly entries = new Map<string, StoredCase>();
  private bytes = 0;

  constructor(private readonly maxBytes = defaultCaseCacheBytes) {}

  get(id: string): CaseRecord | undefined {
    const stored = this.entries.get(id);
    if (stored === undefined) return undefined;
    // Most recently used last, so that eviction takes from the front.
    this.entries.delete(id);
    this.entries.set(id, stored);
    return fromStoredCase(stored);
  }

  /** Keeps a stored version of a case unless a later one is already kept (replies and reads may cross). */
  remember(stored: StoredCase): void {
    const id = stored.head.id;
    const kept = this.entries.get(id);
    if (kept !== undefined) {
      if (kept.head.version > stored.head.version) return;
      this.drop(id, kept);
    }
    const size = sizeOf(stored);
    if (size > this.maxBytes) return;
    this.entries.set(id, stored);
    this.bytes += size;
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

  private drop(id: string, entry: StoredCase): void {
    this.entries.delete(id);
    this.bytes -= sizeOf(entry);
  }
}

/** Two bytes a UTF-16 code unit, as JavaScript holds the text; the plain columns are small beside it. */
function sizeOf(stored: StoredCase): number {
  return 2 * (stored.snapshotJson.length + stored.summaryJson.length) + 256;
}
