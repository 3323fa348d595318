// The CaseStore over any SqlDatabase: the same statements and the same rules for SQLite and PostgreSQL.
import { caseFilterClause } from './case-filter.js';
import { commitEvent, createCase, insertAudit, type JsonCommitInput, type JsonCreateCaseInput } from './case-writes.js';
import { claimDeadlines, claimDueDeadlines, defaultDeadlineLeaseMs, settleDeadlineClaim, type DeadlineClaimWrites } from './deadline-claims.js';
import { StoreConflictError } from './errors.js';
import { EventHeaderCache } from './event-header-cache.js';
import {
  committedRecord, fromStoredCase, toAudit, toCase, toDeadline, toDefinitionVersion, toDraft, toEvent, toEventHeader, toInstant, toJson, toStoredCase,
  toUser, type CaseHead, type StoredCase,
} from './rows.js';
import { runMigrations } from './run-migrations.js';
import { giveBackSignInAttempt, purgeSignInAttempts, takeSignInAttempt } from './sign-in-attempts.js';
import type { SqlDatabase, SqlParam } from './sql-database.js';
import type {
  AuditFilter, AuditRecord, CaseFilter, CaseRecord, CaseStore, CommitInput, CreateCaseInput, DeadlineRecord,
  DefinitionVersionRecord, DraftRecord, EventHeader, EventRecord, NewAudit, NewEvent, SignInAttempt, SignInLimit,
  StoreOptions, UserRecord,
} from './types.js';

function headersThrough(headers: EventHeader[], throughSeq: number | undefined): EventHeader[] {
  return throughSeq === undefined ? headers : headers.filter((h) => h.seq <= throughSeq);
}

export class SqlCaseStore implements CaseStore, DeadlineClaimWrites {
  private readonly deadlineLeaseMs: number;
  private readonly eventHeaders = new EventHeaderCache();

  constructor(private readonly db: SqlDatabase, options: StoreOptions = {}) {
    this.deadlineLeaseMs = options.deadlineLeaseMs ?? defaultDeadlineLeaseMs;
  }

  migrate(): Promise<void> {
    return runMigrations(this.db);
  }

  async createCase(input: CreateCaseInput): Promise<CaseRecord> {
    return committedRecord(await this.createCaseJson({ ...input, snapshotJson: toJson(input.snapshot) }), input);
  }

  /** createCase with the snapshot already JSON text; only the plain columns come back. */
  async createCaseJson(input: JsonCreateCaseInput): Promise<CaseHead> {
    const head = await createCase(this.db, input);
    this.noteCommittedEvent(head.id, head.version, input.event);
    return head;
  }

  async getCase(id: string): Promise<CaseRecord | undefined> {
    const stored = await this.getStoredCase(id);
    return stored && fromStoredCase(stored);
  }

  /** The case as stored, its JSON columns still text. */
  async getStoredCase(id: string): Promise<StoredCase | undefined> {
    const [row] = await this.db.all('SELECT * FROM cases WHERE id = ?', [id]);
    return row && toStoredCase(row);
  }

  async listCases(filter: CaseFilter = {}): Promise<CaseRecord[]> {
    const { where, params } = caseFilterClause(filter);
    const rows = await this.db.all(`SELECT * FROM cases ${where} ORDER BY created_at, id`, params);
    return rows.map(toCase);
  }

  async commitEvent(input: CommitInput): Promise<CaseRecord> {
    return committedRecord(await this.commitEventJson({ ...input, snapshotJson: toJson(input.snapshot) }), input);
  }

  /** commitEvent with the snapshot already JSON text; only the plain columns come back. */
  async commitEventJson(input: JsonCommitInput): Promise<CaseHead> {
    const head = await commitEvent(this.db, input);
    this.noteCommittedEvent(head.id, head.version, input.event);
    return head;
  }

  /** An event committed (the transaction has ended) by this store or on its behalf: its header needs no reading. */
  noteCommittedEvent(caseId: string, seq: number, event: NewEvent): void {
    this.eventHeaders.append(caseId, { seq, type: event.type, userId: event.userId, role: event.role, at: event.at });
  }

  async listEvents(caseId: string): Promise<EventRecord[]> {
    const rows = await this.db.all('SELECT * FROM events WHERE case_id = ? ORDER BY seq', [caseId]);
    return rows.map(toEvent);
  }

  async listEventHeaders(caseId: string, throughSeq?: number): Promise<EventHeader[]> {
    const known = this.eventHeaders.lastSeq(caseId);
    // Everything asked for is already known: committed events never change, so there is nothing to read.
    if (throughSeq !== undefined && known >= throughSeq) return headersThrough(this.eventHeaders.extend(caseId, [])!, throughSeq);
    const newer = await this.db.all('SELECT seq, type, user_id, role, at FROM events WHERE case_id = ? AND seq > ? ORDER BY seq', [caseId, known]);
    const all = this.eventHeaders.extend(caseId, newer.map(toEventHeader))
      ?? (await this.db.all('SELECT seq, type, user_id, role, at FROM events WHERE case_id = ? ORDER BY seq', [caseId])).map(toEventHeader);
    return headersThrough(all, throughSeq);
  }

  async countEvents(): Promise<number> {
    const [row] = await this.db.all('SELECT count(*) AS n FROM events');
    return Number(row?.n ?? 0);
  }

  async saveDraft(draft: DraftRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO drafts (case_id, form_id, user_id, data, saved_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (case_id, form_id, user_id) DO UPDATE SET data = excluded.data, saved_at = excluded.saved_at`,
      [draft.caseId, draft.formId, draft.userId, toJson(draft.data), toInstant(draft.savedAt)],
    );
  }

  async getDraft(caseId: string, formId: string, userId: string): Promise<DraftRecord | undefined> {
    const [row] = await this.db.all(
      'SELECT * FROM drafts WHERE case_id = ? AND form_id = ? AND user_id = ?', [caseId, formId, userId],
    );
    return row && toDraft(row);
  }

  async deleteDraft(caseId: string, formId: string, userId: string): Promise<void> {
    await this.db.run('DELETE FROM drafts WHERE case_id = ? AND form_id = ? AND user_id = ?', [caseId, formId, userId]);
  }

  purgeDrafts(olderThan: string): Promise<number> {
    return this.db.run('DELETE FROM drafts WHERE saved_at < ?', [toInstant(olderThan)]);
  }

  claimDueDeadlines(now: string, limit: number, handler: (deadline: DeadlineRecord) => Promise<void>): Promise<number> {
    return claimDueDeadlines(this, { now, limit, leaseMs: this.deadlineLeaseMs }, handler);
  }

  claimDeadlines(now: string, limit: number, claimToken: string, leaseMs: number): Promise<DeadlineRecord[]> {
    return claimDeadlines(this.db, now, limit, claimToken, leaseMs);
  }

  settleDeadlineClaim(deadlineId: string, claimToken: string, fired: boolean, now: string): Promise<void> {
    return settleDeadlineClaim(this.db, deadlineId, claimToken, fired, now);
  }

  async listDeadlines(caseId: string): Promise<DeadlineRecord[]> {
    const rows = await this.db.all(
      'SELECT * FROM deadlines WHERE case_id = ? AND fired_at IS NULL ORDER BY due_at, id', [caseId],
    );
    return rows.map(toDeadline);
  }

  async appendAudit(entry: NewAudit): Promise<void> {
    await insertAudit(this.db, entry);
  }

  async listAudit(filter: AuditFilter = {}): Promise<AuditRecord[]> {
    const conditions: string[] = [];
    const params: SqlParam[] = [];
    if (filter.caseId !== undefined) { conditions.push('case_id = ?'); params.push(filter.caseId); }
    if (filter.userId !== undefined) { conditions.push('user_id = ?'); params.push(filter.userId); }
    const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
    const limit = filter.limit === undefined ? '' : ' LIMIT ?';
    if (filter.limit !== undefined) params.push(Math.max(0, Math.floor(filter.limit)));
    const rows = await this.db.all(`SELECT * FROM audit ${where} ORDER BY id DESC${limit}`, params);
    return rows.map(toAudit);
  }

  async upsertUser(user: UserRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO users (username, display_name, role, password_hash, demo) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (username) DO UPDATE SET display_name = excluded.display_name, role = excluded.role,
         password_hash = excluded.password_hash, demo = excluded.demo`,
      [user.username, user.displayName, user.role, user.passwordHash, user.demo],
    );
  }

  async getUser(username: string): Promise<UserRecord | undefined> {
    const [row] = await this.db.all('SELECT * FROM users WHERE username = ?', [username]);
    return row && toUser(row);
  }

  async deleteUser(username: string): Promise<void> {
    await this.db.run('DELETE FROM users WHERE username = ?', [username]);
  }

  async listUsers(): Promise<UserRecord[]> {
    return (await this.db.all('SELECT * FROM users ORDER BY username')).map(toUser);
  }

  async endSession(sessionId: string, expiresAt: string): Promise<void> {
    await this.db.run('INSERT INTO ended_sessions (session_id, expires_at) VALUES (?, ?) ON CONFLICT (session_id) DO NOTHING', [sessionId, toInstant(expiresAt)]);
  }

  async isSessionEnded(sessionId: string): Promise<boolean> {
    return (await this.db.all('SELECT 1 AS found FROM ended_sessions WHERE session_id = ?', [sessionId])).length > 0;
  }

  purgeEndedSessions(before: string): Promise<number> {
    return this.db.run('DELETE FROM ended_sessions WHERE expires_at < ?', [toInstant(before)]);
  }

  takeSignInAttempt(limits: SignInLimit[], at: string, windowMs: number): Promise<SignInAttempt> {
    return takeSignInAttempt(this.db, limits, at, windowMs);
  }

  giveBackSignInAttempt(key: string, windowEnds: string): Promise<void> {
    return giveBackSignInAttempt(this.db, key, windowEnds);
  }

  purgeSignInAttempts(at: string): Promise<number> {
    return purgeSignInAttempts(this.db, at);
  }

  async saveDefinitionVersion(record: DefinitionVersionRecord): Promise<void> {
    const inserted = await this.db.run(
      `INSERT INTO definition_versions (version, files, published_by, published_at, note) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (version) DO NOTHING`,
      [record.version, toJson(record.files), record.publishedBy, record.publishedAt, record.note ?? null],
    );
    if (inserted === 0) {
      throw new StoreConflictError(
        `definition version ${record.version} is already published and cannot change: publish a new version`,
        { entity: 'definition version', key: String(record.version) },
      );
    }
  }

  async getDefinitionVersion(version: number): Promise<DefinitionVersionRecord | undefined> {
    const [row] = await this.db.all('SELECT * FROM definition_versions WHERE version = ?', [version]);
    return row && toDefinitionVersion(row);
  }

  async latestDefinitionVersion(): Promise<DefinitionVersionRecord | undefined> {
    const [row] = await this.db.all('SELECT * FROM definition_versions ORDER BY version DESC LIMIT 1');
    return row && toDefinitionVersion(row);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
