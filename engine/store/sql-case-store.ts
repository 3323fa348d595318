// The CaseStore over any SqlDatabase: the same statements and the same rules for SQLite and PostgreSQL. The writes are
// inherited from SqlCaseWrites; the reads, and the few methods that wrap a write, are here.
import { cursorAfter, listSql } from './case-query.js';
import { claimDueDeadlines, defaultDeadlineLeaseMs } from './deadline-claims.js';
import { EventHeaderCache } from './event-header-cache.js';
import { listMail } from './mail-outbox.js';
import { performanceFigures } from './performance-figures.js';
import type { PerformanceFigures, PerformanceQuery } from './performance-types.js';
import { getAppointment, getGroup, listAppointments, listGroups } from './appointments.js';
import type { AppointmentFilter, AppointmentRecord, GroupRecord } from './appointment-types.js';
import {
  committedRecord,
  fromStoredCase,
  toAudit,
  toCaseToResummarise,
  toDeadline,
  toDefinitionVersion,
  toDraft,
  toEvent,
  toEventHeader,
  toJson,
  toListItem,
  toStoredCase,
  toUser,
  type CaseHead,
  type StoredCase,
} from './rows.js';
import type { SqlDatabase, SqlParam } from './sql-database.js';
import { SqlCaseWrites } from './sql-case-writes.js';
import {
  totalCap,
  type AuditFilter,
  type AuditRecord,
  type CasePage,
  type CaseQuery,
  type CaseRecord,
  type CaseStore,
  type CaseToResummarise,
  type CommitInput,
  type CommitCasesInput,
  type CreateCaseInput,
  type DeadlineRecord,
  type DefinitionVersionRecord,
  type DraftRecord,
  type EventHeader,
  type EventRecord,
  type MailFilter,
  type MailRecord,
  type NewEvent,
  type StoreOptions,
  type UserRecord,
} from './types.js';

function headersThrough(headers: EventHeader[], throughSeq: number | undefined): EventHeader[] {
  return throughSeq === undefined ? headers : headers.filter((h) => h.seq <= throughSeq);
}

export class SqlCaseStore extends SqlCaseWrites implements CaseStore {
  private readonly deadlineLeaseMs: number;
  private readonly eventHeaders = new EventHeaderCache();

  constructor(db: SqlDatabase, options: StoreOptions = {}) {
    super(db);
    this.deadlineLeaseMs = options.deadlineLeaseMs ?? defaultDeadlineLeaseMs;
  }

  async createCase(input: CreateCaseInput): Promise<CaseRecord> {
    const { snapshot, ...rest } = input;
    const snapshotJson = toJson(snapshot);
    const head = await this.createCaseJson({ ...rest, snapshotJson });
    return this.committed(head, input, snapshotJson);
  }

  async createCases(inputs: CreateCaseInput[]): Promise<void> {
    const json = inputs.map(({ snapshot, ...rest }) => ({ ...rest, snapshotJson: toJson(snapshot) }));
    const heads = await this.createCasesJson(json);
    heads.forEach((head, i) => this.committed(head, inputs[i]!, json[i]!.snapshotJson));
  }

  async commitEvent(input: CommitInput): Promise<CaseRecord> {
    const { snapshot, ...rest } = input;
    const snapshotJson = toJson(snapshot);
    const head = await this.commitEventJson({ ...rest, snapshotJson });
    return this.committed(head, input, snapshotJson);
  }

  async commitCases(input: CommitCasesInput): Promise<CaseRecord[]> {
    const json = <T extends { snapshot: unknown }>({ snapshot, ...rest }: T) => ({
      ...rest,
      snapshotJson: toJson(snapshot),
    });
    const creates = input.creates.map(json);
    const commits = input.commits.map(json);
    const { created, committed } = await this.commitCasesJson(creates, commits);
    return [
      ...created.map((head, i) => this.committed(head, input.creates[i]!, creates[i]!.snapshotJson)),
      ...committed.map((head, i) => this.committed(head, input.commits[i]!, commits[i]!.snapshotJson)),
    ];
  }

  /**
   * The record of a create or commit that has just returned: the event's header needs no reading. `snapshotJson` is
   * the text that was stored, for a subclass that keeps the record (its length stands for its size).
   */
  protected committed(head: CaseHead, input: CreateCaseInput | CommitInput, _snapshotJson: string): CaseRecord {
    this.noteCommittedEvent(head.id, head.version, input.event);
    return committedRecord(head, input);
  }

  private noteCommittedEvent(caseId: string, seq: number, event: NewEvent): void {
    const { type, userId, role, at, about } = event;
    this.eventHeaders.append(caseId, { seq, type, userId, role, at, ...(about ? { about } : {}) });
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

  async listCases(query: CaseQuery): Promise<CasePage> {
    const { page, count, limit, sort } = listSql(query, this.db.dialect, totalCap);
    const [rows, counted] = await Promise.all([
      this.db.all(page.sql, page.params),
      count && this.db.all(count.sql, count.params),
    ]);
    const more = rows.length > limit;
    const shown = more ? rows.slice(0, limit) : rows;
    const result: CasePage = { cases: shown.map(toListItem), next: more ? cursorAfter(shown.at(-1)!, sort) : null };
    if (counted) {
      const n = Number(counted[0]?.n ?? 0);
      result.total = Math.min(n, totalCap);
      if (n > totalCap) result.totalCapped = true;
    }
    return result;
  }

  async countActiveCases(usernames: string[]): Promise<Record<string, number>> {
    if (usernames.length === 0) return {};
    const rows = await this.db.all(
      `SELECT allocated_to, count(*) AS n FROM cases
       WHERE active_case AND allocated_to IN (${usernames.map(() => '?').join(', ')})
       GROUP BY allocated_to`,
      usernames,
    );
    return Object.fromEntries(rows.map((row) => [String(row.allocated_to), Number(row.n)]));
  }

  performanceFigures(query: PerformanceQuery): Promise<PerformanceFigures> {
    return performanceFigures(this.db, query);
  }

  async displayNames(usernames: string[]): Promise<Record<string, string>> {
    const wanted = [...new Set(usernames)];
    if (wanted.length === 0) return {};
    const rows = await this.db.all(
      `SELECT username, display_name FROM users WHERE username IN (${wanted.map(() => '?').join(', ')})`,
      wanted,
    );
    return Object.fromEntries(rows.map((row) => [String(row.username), String(row.display_name)]));
  }

  async casesToResummarise(format: number, limit: number, afterId = ''): Promise<CaseToResummarise[]> {
    const rows = await this.db.all(
      `SELECT id, version, definition_version, snapshot, created_by, created_at FROM cases
       WHERE summary_format < ? AND id > ? ORDER BY id LIMIT ?`,
      [format, afterId, Math.max(1, Math.trunc(limit))],
    );
    return rows.map(toCaseToResummarise);
  }

  async listEvents(caseId: string): Promise<EventRecord[]> {
    const rows = await this.db.all('SELECT * FROM events WHERE case_id = ? ORDER BY seq', [caseId]);
    return rows.map(toEvent);
  }

  async listEventHeaders(caseId: string, throughSeq?: number): Promise<EventHeader[]> {
    const known = this.eventHeaders.lastSeq(caseId);
    // Everything asked for is already known: committed events never change, so there is nothing to read.
    if (throughSeq !== undefined && known >= throughSeq) {
      return headersThrough(this.eventHeaders.extend(caseId, [])!, throughSeq);
    }
    const sql = 'SELECT seq, type, user_id, role, at, about FROM events WHERE case_id = ? AND seq > ? ORDER BY seq';
    const all =
      this.eventHeaders.extend(caseId, (await this.db.all(sql, [caseId, known])).map(toEventHeader)) ??
      (await this.db.all(sql, [caseId, 0])).map(toEventHeader);
    return headersThrough(all, throughSeq);
  }

  async countEvents(): Promise<number> {
    const [row] = await this.db.all('SELECT count(*) AS n FROM events');
    return Number(row?.n ?? 0);
  }

  async getDraft(caseId: string, formId: string, userId: string): Promise<DraftRecord | undefined> {
    const [row] = await this.db.all('SELECT * FROM drafts WHERE case_id = ? AND form_id = ? AND user_id = ?', [
      caseId,
      formId,
      userId,
    ]);
    return row && toDraft(row);
  }

  claimDueDeadlines(now: string, limit: number, handler: (deadline: DeadlineRecord) => Promise<void>): Promise<number> {
    return claimDueDeadlines(this, { now, limit, leaseMs: this.deadlineLeaseMs }, handler);
  }

  async listDeadlines(caseId: string): Promise<DeadlineRecord[]> {
    const rows = await this.db.all(
      'SELECT * FROM deadlines WHERE case_id = ? AND fired_at IS NULL ORDER BY due_at, id',
      [caseId],
    );
    return rows.map(toDeadline);
  }

  listMail(filter: MailFilter = {}): Promise<MailRecord[]> {
    return listMail(this.db, filter);
  }

  getAppointment(id: string): Promise<AppointmentRecord | undefined> {
    return getAppointment(this.db, id);
  }

  listAppointments(filter: AppointmentFilter): Promise<AppointmentRecord[]> {
    return listAppointments(this.db, filter);
  }

  getGroup(id: string): Promise<GroupRecord | undefined> {
    return getGroup(this.db, id);
  }

  listGroups(limit?: number): Promise<GroupRecord[]> {
    return listGroups(this.db, limit);
  }

  async listAudit(filter: AuditFilter = {}): Promise<AuditRecord[]> {
    const conditions: string[] = [];
    const params: SqlParam[] = [];
    if (filter.caseId !== undefined) {
      conditions.push('case_id = ?');
      params.push(filter.caseId);
    }
    if (filter.userId !== undefined) {
      conditions.push('user_id = ?');
      params.push(filter.userId);
    }
    const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
    const limit = filter.limit === undefined ? '' : ' LIMIT ?';
    if (filter.limit !== undefined) params.push(Math.max(0, Math.floor(filter.limit)));
    const rows = await this.db.all(`SELECT * FROM audit ${where} ORDER BY id DESC${limit}`, params);
    return rows.map(toAudit);
  }

  async getUser(username: string): Promise<UserRecord | undefined> {
    const [row] = await this.db.all('SELECT * FROM users WHERE username = ?', [username]);
    return row && toUser(row);
  }

  async listUsers(): Promise<UserRecord[]> {
    return (await this.db.all('SELECT * FROM users ORDER BY username')).map(toUser);
  }

  async isSessionEnded(sessionId: string): Promise<boolean> {
    return (await this.db.all('SELECT 1 AS found FROM ended_sessions WHERE session_id = ?', [sessionId])).length > 0;
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
