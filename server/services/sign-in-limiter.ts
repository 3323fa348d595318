// Slows password guessing with two limits: failed sign-ins of one username from one address, and failed sign-ins
// from one address whatever the username. An attempt is taken from both before the password is checked, in one step
// of the store (sign-in-attempts.ts), so parallel attempts cannot slip past: once a limit is used up every attempt
// is refused, the right password too, until the window that began with its first attempt ends. Counts live in the
// store, so every instance sharing it counts the same attempts; they are kept under hashes, not addresses or names.
import { createHash } from 'node:crypto';
import type { CaseStore, SignInCount } from '../../engine/index.js';

export interface SignInLimits {
  /** Failed sign-ins of one username (in any spelling of its case) from one address. */
  perUser: number;
  /** Failed sign-ins from one address over every username. */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { perUser: 10, perAddress: 30, windowMs: 15 * 60 * 1000 };

export type SignInLimitName = 'user-at-address' | 'address';

interface CountedLimit extends SignInCount {
  limit: SignInLimitName;
  max: number;
}

/** An attempt taken from both limits: settle it with succeeded() or failed(). */
export interface SignInTicket {
  counts: CountedLimit[];
}

export type SignInStart =
  { allowed: true; ticket: SignInTicket } | { allowed: false; limit: SignInLimitName; retryAfterSeconds: number };

/** A limit that a failed attempt has used up: attempts are refused until `until`. */
export interface SignInLockOut {
  limit: SignInLimitName;
  until: string;
}

function hashed(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('base64url');
}

export class SignInLimiter {
  readonly limits: SignInLimits;

  constructor(
    private readonly store: CaseStore,
    limits: Partial<SignInLimits> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.limits = { ...DEFAULT_SIGN_IN_LIMITS, ...limits };
  }

  /** Takes an attempt from the address's limit and the username's at that address, or says how long to wait. */
  async begin(address: string, username: string): Promise<SignInStart> {
    // Always the address first: every taker locks the rows in one order, so none waits on another in a circle.
    const userKey = hashed('user', address, username.toLowerCase());
    const limits = [
      { limit: 'address' as const, key: hashed('address', address), max: this.limits.perAddress },
      { limit: 'user-at-address' as const, key: userKey, max: this.limits.perUser },
    ];
    const at = this.now();
    const attempt = await this.store.takeSignInAttempt(
      limits.map(({ key, max }) => ({ key, max })),
      new Date(at).toISOString(),
      this.limits.windowMs,
    );
    if (!attempt.taken) {
      const limit = limits.find((l) => l.key === attempt.key)!.limit;
      const retryAfterSeconds = Math.max(1, Math.ceil((Date.parse(attempt.windowEnds) - at) / 1000));
      return { allowed: false, limit, retryAfterSeconds };
    }
    const counts = attempt.counts.map((count, i) => ({ ...count, limit: limits[i]!.limit, max: limits[i]!.max }));
    return { allowed: true, ticket: { counts } };
  }

  /**
   * The password was right: the attempt is given back to both limits, which count failures only. Nothing is wiped:
   * signing in to one's own account from an address must not reset the failures of others guessing from it.
   */
  async succeeded(ticket: SignInTicket): Promise<void> {
    for (const count of ticket.counts) await this.store.giveBackSignInAttempt(count.key, count.windowEnds);
  }

  /** The password was wrong: the attempt stays counted. Returns the limits this failure used up. */
  failed(ticket: SignInTicket): SignInLockOut[] {
    return ticket.counts.filter((c) => c.attempts === c.max).map((c) => ({ limit: c.limit, until: c.windowEnds }));
  }

  /** Forgets windows that have ended (the background jobs call it). */
  purge(): Promise<number> {
    return this.store.purgeSignInAttempts(new Date(this.now()).toISOString());
  }
}
