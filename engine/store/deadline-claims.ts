// Firing stored deadlines without two instances firing the same one. A claim reserves due deadlines
// for one claimant for a lease; the handlers run outside that transaction (they commit events
// through other connections, which must not wait on our row locks), then each deadline is marked
// fired, or released at once if its handler threw. A claimant that dies loses its claim when the lease ends.
import { randomUUID } from 'node:crypto';
import { toDeadline, toInstant } from './rows.js';
import type { SqlDatabase } from './sql-database.js';
import type { DeadlineRecord } from './types.js';

export const defaultDeadlineLeaseMs = 5 * 60_000;

/** The two writes of a claim, apart from the handlers, so that a store may run them elsewhere (another thread). */
export interface DeadlineClaimWrites {
  claimDeadlines(now: string, limit: number, claimToken: string, leaseMs: number): Promise<DeadlineRecord[]>;
  /** Marks a claimed deadline fired (its handler succeeded) or offers it again (its handler threw). */
  settleDeadlineClaim(deadlineId: string, claimToken: string, fired: boolean, now: string): Promise<void>;
}

export async function claimDueDeadlines(
  writes: DeadlineClaimWrites,
  request: { now: string; limit: number; leaseMs: number },
  handler: (deadline: DeadlineRecord) => Promise<void>,
): Promise<number> {
  const now = toInstant(request.now);
  const claimToken = randomUUID();
  const claimed = await writes.claimDeadlines(now, request.limit, claimToken, request.leaseMs);
  let fired = 0;
  for (const deadline of claimed) {
    try {
      await handler(deadline);
    } catch {
      // The handler reports its own failure; the store's part is to offer the deadline again.
      await writes.settleDeadlineClaim(deadline.id, claimToken, false, now);
      continue;
    }
    await writes.settleDeadlineClaim(deadline.id, claimToken, true, now);
    fired += 1;
  }
  return fired;
}

export async function claimDeadlines(
  db: SqlDatabase,
  now: string,
  limit: number,
  claimToken: string,
  leaseMs: number,
): Promise<DeadlineRecord[]> {
  const claimedUntil = new Date(Date.parse(now) + leaseMs).toISOString();
  const rows = await db.transaction((tx) =>
    tx.all(
      `UPDATE deadlines SET claim_token = ?, claimed_until = ?
     WHERE id IN (
       SELECT id FROM deadlines
       WHERE fired_at IS NULL AND due_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)
       ORDER BY due_at, id
       LIMIT ?${db.dialect.skipLockedRows}
     )
     RETURNING *`,
      [claimToken, claimedUntil, now, now, Math.max(0, Math.floor(limit))],
    ),
  );
  return rows.map(toDeadline).sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id));
}

export async function settleDeadlineClaim(
  db: SqlDatabase,
  deadlineId: string,
  claimToken: string,
  fired: boolean,
  now: string,
): Promise<void> {
  if (fired) {
    await db.run(
      `UPDATE deadlines SET fired_at = COALESCE(fired_at, ?), claim_token = NULL, claimed_until = NULL
       WHERE id = ? AND claim_token = ?`,
      [now, deadlineId, claimToken],
    );
  } else {
    await db.run('UPDATE deadlines SET claim_token = NULL, claimed_until = NULL WHERE id = ? AND claim_token = ?', [
      deadlineId,
      claimToken,
    ]);
  }
}
