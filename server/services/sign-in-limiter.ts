// Slows password guessing: after `max` failed sign-ins for one address and username within the window, further
// attempts are refused until the oldest failure leaves the window. Kept in memory, per instance.

export class SignInLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly max = 10,
    private readonly windowMs = 15 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  private key(ip: string, username: string): string {
    return `${ip}|${username.toLowerCase()}`;
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Seconds to wait before trying again, or 0 when an attempt is allowed now. */
  retryAfter(ip: string, username: string): number {
    const list = this.recent(this.key(ip, username));
    if (list.length < this.max) return 0;
    return Math.max(1, Math.ceil((list[list.length - this.max]! + this.windowMs - this.now()) / 1000));
  }

  fail(ip: string, username: string): void {
    const key = this.key(ip, username);
    this.failures.set(key, [...this.recent(key), this.now()]);
    if (this.failures.size > 10_000) for (const k of [...this.failures.keys()]) this.recent(k);
  }

  succeed(ip: string, username: string): void {
    this.failures.delete(this.key(ip, username));
  }
}
