// Every write of the SQL store, and nothing else: the methods of this class are what a writer thread runs for the
// threaded SQLite store (sqlite-threaded-store.ts forwards each of them by name), so a new write is written here once.
// Arguments and results are plain data (JSON values, strings, numbers), so they cross a thread unchanged.
import {
  commitCases,
  commitEvent,
  createCase,
  createCases,
  insertAudit,
  replaceSummary,
  type JsonCommitInput,
  type JsonCreateCaseInput,
} from './case-writes.js';
import { saveAppointment, saveGroup } from './appointments.js';
import type { AppointmentRecord, GroupRecord } from './appointment-types.js';
import { claimDeadlines, settleDeadlineClaim } from './deadline-claims.js';
import { StoreConflictError } from './errors.js';
import { claimMail, settleMail } from './mail-outbox.js';
import { toInstant, toJson, type CaseHead } from './rows.js';
import { runMigrations } from './run-migrations.js';
import { giveBackSignInAttempt, purgeSignInAttempts, takeSignInAttempt } from './sign-in-attempts.js';
import type { SqlDatabase } from './sql-database.js';
import type {
  CaseSummary,
  DefinitionVersionRecord,
  DraftRecord,
  MailOutcome,
  MailRecord,
  NewAudit,
  SignInAttempt,
  SignInLimit,
  UserRecord,
} from './types.js';

export class SqlCaseWrites {
  constructor(protected readonly db: SqlDatabase) {}

  /** Applies the numbered migrations not yet recorded in schema_migrations; harmless to repeat. */
  migrate(): Promise<void> {
    return runMigrations(this.db);
  }

  /** createCase with the snapshot already JSON text; only the plain columns come back. */
  createCaseJson(input: JsonCreateCaseInput): Promise<CaseHead> {
    return createCase(this.db, input);
  }

  /** createCases with the snapshots already JSON text. */
  createCasesJson(inputs: JsonCreateCaseInput[]): Promise<CaseHead[]> {
    return createCases(this.db, inputs);
  }

  /** commitEvent with the snapshot already JSON text; only the plain columns come back. */
  commitEventJson(input: JsonCommitInput): Promise<CaseHead> {
    return commitEvent(this.db, input);
  }

  /** commitCases with the snapshots already JSON text. */
  commitCasesJson(creates: JsonCreateCaseInput[], commits: JsonCommitInput[]) {
    return commitCases(this.db, creates, commits);
  }

  /** See CaseStore.replaceSummary. */
  replaceSummary(caseId: string, version: number, summary: CaseSummary): Promise<boolean> {
    return replaceSummary(this.db, caseId, version, summary);
  }

  async saveDraft(draft: DraftRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO drafts (case_id, form_id, user_id, data, saved_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (case_id, form_id, user_id) DO UPDATE SET data = excluded.data, saved_at = excluded.saved_at`,
      [draft.caseId, draft.formId, draft.userId, toJson(draft.data), toInstant(draft.savedAt)],
    );
  }

  async deleteDraft(caseId: string, formId: string, userId: string): Promise<void> {
    await this.db.run('DELETE FROM drafts WHERE case_id = ? AND form_id = ? AND user_id = ?', [caseId, formId, userId]);
  }

  purgeDrafts(olderThan: string): Promise<number> {
    return this.db.run('DELETE FROM drafts WHERE saved_at < ?', [toInstant(olderThan)]);
  }

  /** The first half of claimDueDeadlines (deadline-claims.ts): reserves due deadlines for one claimant. */
  claimDeadlines(now: string, limit: number, claimToken: string, leaseMs: number) {
    return claimDeadlines(this.db, now, limit, claimToken, leaseMs);
  }

  /** The second half: marks a claimed deadline fired, or offers it again. */
  settleDeadlineClaim(deadlineId: string, claimToken: string, fired: boolean, now: string): Promise<void> {
    return settleDeadlineClaim(this.db, deadlineId, claimToken, fired, now);
  }

  /** See CaseStore.claimMail. */
  claimMail(now: string, limit: number, claimToken: string, leaseMs: number): Promise<MailRecord[]> {
    return claimMail(this.db, now, limit, claimToken, leaseMs);
  }

  /** See CaseStore.settleMail. */
  settleMail(id: string, claimToken: string, outcome: MailOutcome, now: string): Promise<boolean> {
    return settleMail(this.db, id, claimToken, outcome, now);
  }

  /** See CaseStore.saveAppointment. */
  saveAppointment(record: AppointmentRecord, expectedVersion?: number): Promise<void> {
    return saveAppointment(this.db, record, expectedVersion);
  }

  /** See CaseStore.saveGroup. */
  saveGroup(record: GroupRecord, expectedVersion?: number): Promise<void> {
    return saveGroup(this.db, record, expectedVersion);
  }

  async appendAudit(entry: NewAudit): Promise<void> {
    await insertAudit(this.db, entry);
  }

  async upsertUser(user: UserRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO users (username, display_name, role, password_hash, demo, email) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (username) DO UPDATE SET display_name = excluded.display_name, role = excluded.role,
         password_hash = excluded.password_hash, demo = excluded.demo, email = excluded.email`,
      [user.username, user.displayName, user.role, user.passwordHash, user.demo, user.email ?? null],
    );
  }

  async deleteUser(username: string): Promise<void> {
    await this.db.run('DELETE FROM users WHERE username = ?', [username]);
  }

  async endSession(sessionId: string, expiresAt: string): Promise<void> {
    await this.db.run(
      'INSERT INTO ended_sessions (session_id, expires_at) VALUES (?, ?) ON CONFLICT (session_id) DO NOTHING',
      [sessionId, toInstant(expiresAt)],
    );
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
}

/** The name of a write. */
export type WriteMethod = keyof SqlCaseWrites;

/** Every write, read from the class itself: a write added above is forwarded to a writer thread with no other edit. */
export const writeMethods: readonly WriteMethod[] = Object.getOwnPropertyNames(SqlCaseWrites.prototype).filter(
  (name) => name !== 'constructor',
) as WriteMethod[];
