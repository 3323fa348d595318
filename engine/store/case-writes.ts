// The writes that change a case: create it, and commit an event to it, each in one transaction with its summary
// columns, the lists it is on, and the deadlines and audit entries that go with it, so all of it lands or none; and
// the summary replaced alone when its format changes.
import { insertMail } from './mail-outbox.js';
import { StoreConflictError, StoreNotFoundError, caseVersionConflict } from './errors.js';
import {
  caseHeadColumns,
  caseLists,
  summaryColumnNames,
  summaryColumns,
  toCaseHead,
  toInstant,
  toJson,
  toOptionalJson,
  type CaseHead,
} from './rows.js';
import type { SqlDatabase, SqlParam, SqlSession } from './sql-database.js';
import type { CaseSideEffects, CaseSummary, CommitInput, CreateCaseInput, NewAudit, NewEvent } from './types.js';

// The snapshot arrives as the JSON text to store: whoever made it keeps it (to parse its own copy, or to cache it),
// and a writer thread stores what it is sent without parsing and serialising it again. Only the plain columns come
// back, since the caller already has the rest.

/** CreateCaseInput with the snapshot already JSON text. */
export type JsonCreateCaseInput = Omit<CreateCaseInput, 'snapshot'> & { snapshotJson: string };

/** CommitInput with the snapshot already JSON text. */
export type JsonCommitInput = Omit<CommitInput, 'snapshot'> & { snapshotJson: string };

export function createCase(db: SqlDatabase, input: JsonCreateCaseInput): Promise<CaseHead> {
  return db.transaction((tx) => insertCase(tx, input));
}

/** Many cases in one transaction (an import, a benchmark's seed): all of them are stored, or none. */
export function createCases(db: SqlDatabase, inputs: JsonCreateCaseInput[]): Promise<CaseHead[]> {
  return db.transaction(async (tx) => {
    const heads: CaseHead[] = [];
    for (const input of inputs) heads.push(await insertCase(tx, input));
    return heads;
  });
}

async function insertCase(tx: SqlSession, input: JsonCreateCaseInput): Promise<CaseHead> {
  const columns = summaryColumnNames.join(', ');
  const rows = await tx.all(
    `INSERT INTO cases (id, pathway_id, definition_version, version, snapshot, summary, ${columns},
       created_by, created_at, updated_at)
     VALUES (?, ?, ?, 1, ?, ?, ${summaryColumnNames.map(() => '?').join(', ')}, ?, ?, ?)
     ON CONFLICT (id) DO NOTHING
     RETURNING ${caseHeadColumns}`,
    [
      input.id,
      input.pathwayId,
      input.definitionVersion,
      input.snapshotJson,
      toJson(input.summary),
      ...summaryColumns(input.summary),
      input.createdBy,
      input.at,
      input.at,
    ],
  );
  if (rows[0] === undefined) {
    throw new StoreConflictError(`case '${input.id}' already exists`, { entity: 'case', key: input.id });
  }
  await appendEvent(tx, input.id, 1, input.event);
  await writeCaseLists(tx, input.id, [], caseLists(input.summary));
  await applySideEffects(tx, input.id, input.at, input);
  return toCaseHead(rows[0]);
}

export function commitEvent(db: SqlDatabase, input: JsonCommitInput): Promise<CaseHead> {
  return db.transaction((tx) => updateCase(tx, input));
}

/** Linked cases changed together (store types: CaseStore.commitCases): new cases first, then commits, all or none. */
export function commitCases(
  db: SqlDatabase,
  creates: JsonCreateCaseInput[],
  commits: JsonCommitInput[],
): Promise<{ created: CaseHead[]; committed: CaseHead[] }> {
  return db.transaction(async (tx) => {
    const created: CaseHead[] = [];
    for (const input of creates) created.push(await insertCase(tx, input));
    const committed: CaseHead[] = [];
    for (const input of commits) committed.push(await updateCase(tx, input));
    return { created, committed };
  });
}

async function updateCase(tx: SqlSession, input: JsonCommitInput): Promise<CaseHead> {
  // The version check and the write are one statement: a concurrent writer either sees our
  // new version or we see theirs, and the loser changes no row.
  const { sql, params } = caseUpdate(input);
  const rows = await tx.all(sql, params);
  if (rows[0] === undefined) throw await missedVersionError(tx, input.caseId, input.expectedVersion);
  const updated = toCaseHead(rows[0]);
  await appendEvent(tx, input.caseId, updated.version, input.event);
  const before = input.previousSummary ? caseLists(input.previousSummary) : undefined;
  await writeCaseLists(tx, input.caseId, before, caseLists(input.summary));
  for (const deadlineId of input.fireDeadlines ?? []) await fireDeadline(tx, input.caseId, deadlineId, input.event.at);
  await applySideEffects(tx, input.caseId, input.event.at, input);
  return updated;
}

/** A case's summary replaced without an event (its summary columns and lists with it), if it is still at `version`. */
export function replaceSummary(
  db: SqlDatabase,
  caseId: string,
  version: number,
  summary: CaseSummary,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const sets = summaryColumnNames.map((column) => `${column} = ?`).join(', ');
    const changed = await tx.run(`UPDATE cases SET summary = ?, ${sets} WHERE id = ? AND version = ?`, [
      toJson(summary),
      ...summaryColumns(summary),
      caseId,
      version,
    ]);
    if (changed === 0) return false;
    await writeCaseLists(tx, caseId, undefined, caseLists(summary));
    return true;
  });
}

/**
 * Brings a case's rows in case_lists from `before` (undefined: not known, so all are replaced) to `after`. Most
 * events change no list, and then nothing is written.
 */
async function writeCaseLists(
  tx: SqlSession,
  caseId: string,
  before: string[] | undefined,
  after: string[],
): Promise<void> {
  if (before === undefined) await tx.run('DELETE FROM case_lists WHERE case_id = ?', [caseId]);
  for (const list of before ?? []) {
    if (!after.includes(list)) await tx.run('DELETE FROM case_lists WHERE list = ? AND case_id = ?', [list, caseId]);
  }
  for (const list of after) {
    if (before?.includes(list)) continue;
    await tx.run('INSERT INTO case_lists (list, case_id) VALUES (?, ?) ON CONFLICT DO NOTHING', [list, caseId]);
  }
}

/**
 * The UPDATE of a commit. A summary column the event leaves as it was is not set, since SQLite rewrites an index
 * entry for every column set, changed or not: fewer pages to write at each commit. Each distinct statement is
 * prepared once (sqlite-database.ts keeps them).
 */
function caseUpdate(input: JsonCommitInput): { sql: string; params: SqlParam[] } {
  const next = summaryColumns(input.summary);
  const before = input.previousSummary && summaryColumns(input.previousSummary);
  const sets = ['snapshot = ?', 'summary = ?'];
  const params: SqlParam[] = [input.snapshotJson, toJson(input.summary)];
  for (let i = 0; i < summaryColumnNames.length; i++) {
    if (before && before[i] === next[i]) continue;
    sets.push(`${summaryColumnNames[i]} = ?`);
    params.push(next[i]);
  }
  const sql = `UPDATE cases SET ${sets.join(', ')}, definition_version = COALESCE(?, definition_version),
       version = version + 1, updated_at = ? WHERE id = ? AND version = ? RETURNING ${caseHeadColumns}`;
  params.push(input.definitionVersion ?? null, input.event.at, input.caseId, input.expectedVersion);
  return { sql, params };
}

async function missedVersionError(tx: SqlSession, caseId: string, expectedVersion: number): Promise<Error> {
  const [current] = await tx.all('SELECT version FROM cases WHERE id = ?', [caseId]);
  if (current === undefined) return new StoreNotFoundError('case', caseId);
  return caseVersionConflict(caseId, expectedVersion, Number(current.version));
}

function appendEvent(tx: SqlSession, caseId: string, seq: number, event: NewEvent): Promise<number> {
  return tx.run(
    `INSERT INTO events (case_id, seq, type, user_id, role, at, definition_version, data, about)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      caseId,
      seq,
      event.type,
      event.userId,
      event.role,
      event.at,
      event.definitionVersion,
      toJson(event.data),
      toOptionalJson(event.about),
    ],
  );
}

async function fireDeadline(tx: SqlSession, caseId: string, deadlineId: string, at: string): Promise<void> {
  const changed = await tx.run('UPDATE deadlines SET fired_at = ? WHERE id = ? AND case_id = ? AND fired_at IS NULL', [
    at,
    deadlineId,
    caseId,
  ]);
  if (changed === 0) {
    throw new StoreConflictError(`deadline '${deadlineId}' of case '${caseId}' has already fired or was cancelled`, {
      entity: 'deadline',
      key: deadlineId,
    });
  }
}

async function applySideEffects(tx: SqlSession, caseId: string, at: string, effects: CaseSideEffects): Promise<void> {
  for (const deadlineId of effects.cancelDeadlines ?? []) {
    await tx.run('DELETE FROM deadlines WHERE id = ? AND case_id = ?', [deadlineId, caseId]);
  }
  for (const deadline of effects.setDeadlines ?? []) {
    const changed = await tx.run(
      `INSERT INTO deadlines (id, case_id, name, due_at, event, fired_at, claim_token, claimed_until)
       VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, due_at = excluded.due_at,
         event = excluded.event, fired_at = NULL, claim_token = NULL, claimed_until = NULL
       WHERE deadlines.case_id = excluded.case_id`,
      [deadline.id, caseId, deadline.name, toInstant(deadline.dueAt), toJson(deadline.event)],
    );
    if (changed === 0) {
      throw new StoreConflictError(`deadline '${deadline.id}' belongs to another case`, {
        entity: 'deadline',
        key: deadline.id,
      });
    }
  }
  for (const entry of effects.audit ?? []) await insertAudit(tx, entry);
  for (const mail of effects.mail ?? []) await insertMail(tx, caseId, at, mail);
}

export function insertAudit(tx: SqlSession, entry: NewAudit): Promise<number> {
  return tx.run('INSERT INTO audit (at, user_id, case_id, action, detail) VALUES (?, ?, ?, ?, ?)', [
    entry.at,
    entry.userId,
    entry.caseId,
    entry.action,
    toOptionalJson(entry.detail),
  ]);
}
