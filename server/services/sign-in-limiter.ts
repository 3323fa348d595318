// Slows password guessing: after `max` failed sign-ins for one address and username within the window, further
// attempts are refused until the oldest of them leaves the window. Failures are kept in the store, so every instance
// of the server counts the same ones (several instances do not multiply the attempts), under a hash of address and
// username rather than the address itself.
import { createHash } from 'node:crypto';
import type { CaseStore } from '../../engine/store/index.js';

export class SignInLimiter {
  constructor(
    private readonly store: CaseStore,
    private readonly max = 10,
    private readonly windowMs = 15 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  private key(ip: string, username: string): string {
    return createHash('sha256').update(`${ip}\n${username.toLowerCase()}`).digest('base64url');
  }

  /** Seconds to wait before trying again, or 0 when an attempt is allowed now. */
  async retryAfter(ip: string, username: string): Promise<number> {
    const failures = await this.store.signInFailuresSince(this.key(ip, username), new Date(this.now() - this.windowMs).toISOString());
    if (failures.length < this.max) return 0;
    const oldestCounted = Date.parse(failures[failures.length - this.max]!);
    return Math.max(1, Math.ceil((oldestCounted + this.windowMs - this.now()) / 1000));
  }

  async fail(ip: string, username: string): Promise<void> {
    await this.store.recordSignInFailure(this.key(ip, username), new Date(this.now()).toISOString());
  }

  async succeed(ip: string, username: string): Promise<void> {
    await this.store.clearSignInFailures(this.key(ip, username));
  }

  /** Forgets failures that have left the window (the background jobs call it). */
  purge(): Promise<number> {
    return this.store.purgeSignInFailures(new Date(this.now() - this.windowMs).toISOString());
  }
}
