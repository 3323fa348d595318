// Signed-out sessions. A session token stays correctly signed until it expires, so signing out records the session
// as ended in the store, which every instance asks before trusting a token; a copy of the cookie is refused at once
// here and within ACCOUNT_FRESH_MS on any other instance.
import type { CaseStore } from '../../engine/index.js';
import { ACCOUNT_FRESH_MS } from './users.js';

const MAX_REMEMBERED = 10_000;

export class EndedSessions {
  // An ended session never comes back, so that answer is kept; a live one is asked again after ACCOUNT_FRESH_MS.
  private readonly ended = new Set<string>();
  private readonly liveCheckedAt = new Map<string, number>();

  constructor(
    private readonly store: CaseStore,
    private readonly clock: () => number = Date.now,
  ) {}

  async isLive(sessionId: string): Promise<boolean> {
    if (this.ended.has(sessionId)) return false;
    const checkedAt = this.liveCheckedAt.get(sessionId);
    if (checkedAt !== undefined && this.clock() - checkedAt < ACCOUNT_FRESH_MS) return true;
    const readAt = this.clock();
    if (await this.store.isSessionEnded(sessionId)) {
      this.noteEnded(sessionId);
      return false;
    }
    if (this.liveCheckedAt.size >= MAX_REMEMBERED) this.liveCheckedAt.clear();
    this.liveCheckedAt.set(sessionId, readAt);
    return true;
  }

  /** Ends the session for every instance; `expiresAt` is when its token would have expired anyway. */
  async end(sessionId: string, expiresAt: number): Promise<void> {
    this.noteEnded(sessionId);
    await this.store.endSession(sessionId, new Date(expiresAt).toISOString());
  }

  private noteEnded(sessionId: string): void {
    this.liveCheckedAt.delete(sessionId);
    // The store keeps every ended session; this set only saves asking it, so emptying it loses nothing.
    if (this.ended.size >= MAX_REMEMBERED) this.ended.clear();
    this.ended.add(sessionId);
  }
}
