// Sign-in attempts counted so that parallel attempts cannot slip past a limit. Each limit is one row, and an attempt
// is taken by one upsert that counts it only while attempts are left: SQLite runs every write on one connection in
// turn, and PostgreSQL holds the row's lock until the transaction ends, so no two takers of any instance see the same
// count. An attempt is taken before the password is checked, so a hundred parallel guesses get `max` checks at most.
// rate-limiter-flexible (11.4.0) makes the same upsert, but its SQLite limiter would need a write connection of its
// own on the request thread beside the store's writer thread, its PostgreSQL one the store's private pool, and its
// limiters are taken one by one, where an attempt here is taken from both limits in one transaction or from neither.
import { toInstant } from './rows.js';
import type { SqlDatabase, SqlSession } from './sql-database.js';
import type { SignInAttempt, SignInCount, SignInLimit } from './types.js';

const TAKE = `
INSERT INTO sign_in_attempts (attempt_key, attempts, window_ends) VALUES (?, 1, ?)
ON CONFLICT (attempt_key) DO UPDATE SET
  attempts = CASE WHEN sign_in_attempts.window_ends <= ? THEN 1 ELSE sign_in_attempts.attempts + 1 END,
  window_ends = CASE WHEN sign_in_attempts.window_ends <= ? THEN excluded.window_ends
                     ELSE sign_in_attempts.window_ends END
WHERE sign_in_attempts.window_ends <= ? OR sign_in_attempts.attempts < ?
RETURNING attempts, window_ends`;

export function takeSignInAttempt(
  db: SqlDatabase,
  limits: SignInLimit[],
  at: string,
  windowMs: number,
): Promise<SignInAttempt> {
  const now = toInstant(at);
  const newWindowEnds = new Date(Date.parse(now) + windowMs).toISOString();
  return db.transaction(async (tx): Promise<SignInAttempt> => {
    const counts: SignInCount[] = [];
    // Limits are taken in the caller's order (the same for every attempt), so two takers never wait on each other
    // in a circle.
    for (const { key, max } of limits) {
      const [row] = await tx.all(TAKE, [key, newWindowEnds, now, now, now, max]);
      if (!row) {
        await giveBack(tx, counts);
        const [held] = await tx.all('SELECT window_ends FROM sign_in_attempts WHERE attempt_key = ?', [key]);
        return { taken: false, key, windowEnds: String(held!.window_ends) };
      }
      counts.push({ key, attempts: Number(row.attempts), windowEnds: String(row.window_ends) });
    }
    return { taken: true, counts };
  });
}

/** Undoes, in the same transaction, what was taken before a later limit refused. */
async function giveBack(tx: SqlSession, counts: SignInCount[]): Promise<void> {
  for (const { key } of counts) {
    await tx.run('UPDATE sign_in_attempts SET attempts = attempts - 1 WHERE attempt_key = ?', [key]);
  }
}

export async function giveBackSignInAttempt(db: SqlDatabase, key: string, windowEnds: string): Promise<void> {
  await db.run(
    'UPDATE sign_in_attempts SET attempts = attempts - 1 WHERE attempt_key = ? AND window_ends = ? AND attempts > 0',
    [key, toInstant(windowEnds)],
  );
}

export function purgeSignInAttempts(db: SqlDatabase, at: string): Promise<number> {
  return db.run('DELETE FROM sign_in_attempts WHERE window_ends <= ?', [toInstant(at)]);
}
