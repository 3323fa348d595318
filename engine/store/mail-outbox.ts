// The mail outbox: emails written in the same transaction as the event whose notices they carry, then sent by
// whichever server claims them. A claim reserves due rows for one sender for a lease, so two servers never send the
// same row at once; a sender that dies loses its claim when the lease ends. What became of a send is settled by the
// claimant alone (its claim token), and the retry policy (when to try again, when to give up) is the caller's.
import { toInstant } from './rows.js';
import type { Row, SqlDatabase, SqlParam, SqlSession } from './sql-database.js';
import type { MailFilter, MailOutcome, MailRecord, MailStatus, NewMail } from './types.js';

export function insertMail(tx: SqlSession, caseId: string, at: string, mail: NewMail): Promise<number> {
  return tx.run(
    `INSERT INTO mail_outbox (id, case_id, recipient, address, subject, body, link, created_at, status, attempts,
       next_attempt_at, last_error, sent_at, claim_token, claimed_until)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, NULL, NULL, NULL, NULL)`,
    [mail.id, caseId, mail.recipient, mail.address, mail.subject, mail.body, mail.link, toInstant(at), toInstant(at)],
  );
}

export async function claimMail(
  db: SqlDatabase,
  now: string,
  limit: number,
  claimToken: string,
  leaseMs: number,
): Promise<MailRecord[]> {
  const at = toInstant(now);
  const claimedUntil = new Date(Date.parse(at) + leaseMs).toISOString();
  const rows = await db.transaction((tx) =>
    tx.all(
      `UPDATE mail_outbox SET claim_token = ?, claimed_until = ?
       WHERE id IN (
         SELECT id FROM mail_outbox
         WHERE status = 'pending' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)
         ORDER BY next_attempt_at, id
         LIMIT ?${db.dialect.skipLockedRows}
       )
       RETURNING *`,
      [claimToken, claimedUntil, at, at, Math.max(0, Math.floor(limit))],
    ),
  );
  return rows.map(toMail).sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt) || a.id.localeCompare(b.id));
}

/** Returns false, changing nothing, when the claim was no longer this claimant's (its lease ended and was taken). */
export async function settleMail(
  db: SqlDatabase,
  id: string,
  claimToken: string,
  outcome: MailOutcome,
  now: string,
): Promise<boolean> {
  const at = toInstant(now);
  const release = 'claim_token = NULL, claimed_until = NULL, attempts = attempts + 1';
  const where = 'WHERE id = ? AND claim_token = ?';
  if (outcome.sent) {
    return (
      (await db.run(`UPDATE mail_outbox SET status = 'sent', sent_at = ?, last_error = NULL, ${release} ${where}`, [
        at,
        id,
        claimToken,
      ])) > 0
    );
  }
  const status: MailStatus = outcome.retryAt === null ? 'failed' : 'pending';
  const retryAt = outcome.retryAt === null ? at : toInstant(outcome.retryAt);
  return (
    (await db.run(`UPDATE mail_outbox SET status = ?, last_error = ?, next_attempt_at = ?, ${release} ${where}`, [
      status,
      outcome.error,
      retryAt,
      id,
      claimToken,
    ])) > 0
  );
}

export async function listMail(db: SqlDatabase, filter: MailFilter): Promise<MailRecord[]> {
  const conditions: string[] = [];
  const params: SqlParam[] = [];
  if (filter.status !== undefined) {
    conditions.push(filter.status.length ? `status IN (${filter.status.map(() => '?').join(', ')})` : '1 = 0');
    params.push(...filter.status);
  }
  if (filter.caseId !== undefined) {
    conditions.push('case_id = ?');
    params.push(filter.caseId);
  }
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  params.push(Math.max(0, Math.floor(filter.limit ?? 100)));
  const rows = await db.all(`SELECT * FROM mail_outbox ${where} ORDER BY created_at DESC, id LIMIT ?`, params);
  return rows.map(toMail);
}

function toMail(row: Row): MailRecord {
  const optional = (value: unknown) => (value === null || value === undefined ? null : String(value));
  return {
    id: String(row.id),
    caseId: String(row.case_id),
    recipient: String(row.recipient),
    address: String(row.address),
    subject: String(row.subject),
    body: String(row.body),
    link: String(row.link),
    createdAt: String(row.created_at),
    status: String(row.status) as MailStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: String(row.next_attempt_at),
    lastError: optional(row.last_error),
    sentAt: optional(row.sent_at),
  };
}
