// The SQLite CaseStore as the server runs it: reads on this thread through a connection that sees committed data
// only, writes on a writer thread (sqlite-writer-thread.ts) that group-commits them. A write's promise settles when
// the writer says its COMMIT returned, so what is acknowledged is on disk; the fsync never blocks this thread.
import { Worker } from 'node:worker_threads';
import type { JsonCommitInput, JsonCreateCaseInput } from './case-writes.js';
import { CaseRecordCache } from './case-record-cache.js';
import { claimDueDeadlines } from './deadline-claims.js';
import { ownerLockFile, takeOwnerLock, type OwnerLock } from './owner-lock.js';
import { preparePrivateFile } from './private-files.js';
import { committedRecord, fromStoredCase, toJson, type CaseHead } from './rows.js';
import { SqlCaseStore } from './sql-case-store.js';
import { SqliteReader, type SqliteDatabaseOptions } from './sqlite-database.js';
import { sqliteDialect } from './sqlite-dialect.js';
import { rebuildStoreError, toWriterMessage, type WriterMethod, type WriterReply, type WriterRequest } from './sqlite-writer-protocol.js';
import type {
  AuditFilter, AuditRecord, CaseFilter, CaseRecord, CaseStore, CommitInput, CreateCaseInput, DeadlineRecord,
  DefinitionVersionRecord, DraftRecord, EventHeader, EventRecord, NewAudit, SignInAttempt, SignInLimit, StoreOptions,
  UserRecord,
} from './types.js';
import { defaultDeadlineLeaseMs } from './deadline-claims.js';

const bootUrl = new URL('./sqlite-writer-boot.mjs', import.meta.url);
const writerUrl = new URL('./sqlite-writer-thread.ts', import.meta.url);

interface Waiting {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export interface ThreadedSqliteOptions extends StoreOptions, SqliteDatabaseOptions {
  /**
   * This process alone writes the file (owner-lock.ts): a second one fails to open it. Then the cases it stores
   * and reads are kept in memory, frozen, since no one else can change them (case-record-cache.ts). The server's
   * store (openStore) is exclusive.
   */
  exclusive?: boolean;
}

export class ThreadedSqliteStore implements CaseStore {
  private readonly reads: SqlCaseStore;
  private readonly ownerLock: OwnerLock | undefined;
  /** Only when exclusive: otherwise another process may have changed any case since. */
  private readonly cases: CaseRecordCache | undefined;
  private readonly writer: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private readonly deadlineLeaseMs: number;
  private nextId = 1;
  /** Set once the writer is gone (closed or failed): every later write fails with it. */
  private stopped: Error | undefined;

  constructor(file: string, options: ThreadedSqliteOptions = {}) {
    preparePrivateFile(file);
    if (options.exclusive) {
      preparePrivateFile(ownerLockFile(file));
      this.ownerLock = takeOwnerLock(file);
      this.cases = new CaseRecordCache();
    }
    this.deadlineLeaseMs = options.deadlineLeaseMs ?? defaultDeadlineLeaseMs;
    // Opened first, so that a new file is already in WAL mode when the writer opens it.
    try {
      this.reads = new SqlCaseStore(new SqliteReader(file, sqliteDialect, options), options);
    } catch (error) {
      this.ownerLock?.release();
      throw error;
    }
    this.writer = new Worker(bootUrl, { workerData: { entry: writerUrl.href, file, options } });
    // An idle writer must not keep the process alive; one with writes under way does (see write()).
    this.writer.unref();
    this.writer.on('message', (reply: string) => this.settle(JSON.parse(reply) as WriterReply));
    this.writer.on('error', (error) => this.stop(error));
    this.writer.on('exit', (code) => this.stop(new Error(`the SQLite writer thread stopped (exit code ${code})`)));
  }

  migrate(): Promise<void> {
    return this.write('migrate', []);
  }

  async createCase(input: CreateCaseInput): Promise<CaseRecord> {
    const { snapshot, ...rest } = input;
    const snapshotJson = toJson(snapshot);
    const head = await this.write<CaseHead>('createCaseJson', [rest satisfies Omit<JsonCreateCaseInput, 'snapshotJson'>], snapshotJson);
    return this.stored(head, snapshotJson, input);
  }

  async commitEvent(input: CommitInput): Promise<CaseRecord> {
    const { snapshot, ...rest } = input;
    const snapshotJson = toJson(snapshot);
    let head: CaseHead;
    try {
      head = await this.write<CaseHead>('commitEventJson', [rest satisfies Omit<JsonCommitInput, 'snapshotJson'>], snapshotJson);
    } catch (error) {
      // Nothing was written; reading the case afresh costs little and leaves nothing to doubt.
      this.cases?.forget(input.caseId);
      throw error;
    }
    return this.stored(head, snapshotJson, input);
  }

  /** Notes the committed event and keeps the case (see CaseRecordCache); returns what committedRecord() gives. */
  private stored(head: CaseHead, snapshotJson: string, input: CreateCaseInput | CommitInput): CaseRecord {
    this.reads.noteCommittedEvent(head.id, head.version, input.event);
    const record = committedRecord(head, input);
    this.cases?.remember(record, snapshotJson.length);
    return record;
  }

  saveDraft(draft: DraftRecord): Promise<void> {
    return this.write('saveDraft', [draft]);
  }

  deleteDraft(caseId: string, formId: string, userId: string): Promise<void> {
    return this.write('deleteDraft', [caseId, formId, userId]);
  }

  purgeDrafts(olderThan: string): Promise<number> {
    return this.write('purgeDrafts', [olderThan]);
  }

  claimDueDeadlines(now: string, limit: number, handler: (deadline: DeadlineRecord) => Promise<void>): Promise<number> {
    return claimDueDeadlines({
      claimDeadlines: (...args) => this.write('claimDeadlines', args),
      settleDeadlineClaim: (...args) => this.write('settleDeadlineClaim', args),
    }, { now, limit, leaseMs: this.deadlineLeaseMs }, handler);
  }

  appendAudit(entry: NewAudit): Promise<void> {
    return this.write('appendAudit', [entry]);
  }

  upsertUser(user: UserRecord): Promise<void> {
    return this.write('upsertUser', [user]);
  }

  deleteUser(username: string): Promise<void> {
    return this.write('deleteUser', [username]);
  }

  endSession(sessionId: string, expiresAt: string): Promise<void> {
    return this.write('endSession', [sessionId, expiresAt]);
  }

  purgeEndedSessions(before: string): Promise<number> {
    return this.write('purgeEndedSessions', [before]);
  }

  takeSignInAttempt(limits: SignInLimit[], at: string, windowMs: number): Promise<SignInAttempt> {
    return this.write('takeSignInAttempt', [limits, at, windowMs]);
  }

  giveBackSignInAttempt(key: string, windowEnds: string): Promise<void> {
    return this.write('giveBackSignInAttempt', [key, windowEnds]);
  }

  purgeSignInAttempts(at: string): Promise<number> {
    return this.write('purgeSignInAttempts', [at]);
  }

  isSessionEnded(sessionId: string): Promise<boolean> {
    return this.reads.isSessionEnded(sessionId);
  }

  saveDefinitionVersion(version: DefinitionVersionRecord): Promise<void> {
    return this.write('saveDefinitionVersion', [version]);
  }

  async getCase(id: string): Promise<CaseRecord | undefined> {
    if (!this.cases) return this.reads.getCase(id);
    const kept = this.cases.get(id);
    if (kept) return kept;
    const stored = await this.reads.getStoredCase(id);
    if (!stored) return undefined;
    const record = fromStoredCase(stored);
    this.cases.remember(record, stored.snapshotJson.length + stored.summaryJson.length);
    return record;
  }

  listCases(filter?: CaseFilter): Promise<CaseRecord[]> {
    return this.reads.listCases(filter);
  }

  listEvents(caseId: string): Promise<EventRecord[]> {
    return this.reads.listEvents(caseId);
  }

  listEventHeaders(caseId: string, throughSeq?: number): Promise<EventHeader[]> {
    return this.reads.listEventHeaders(caseId, throughSeq);
  }

  countEvents(): Promise<number> {
    return this.reads.countEvents();
  }

  getDraft(caseId: string, formId: string, userId: string): Promise<DraftRecord | undefined> {
    return this.reads.getDraft(caseId, formId, userId);
  }

  listDeadlines(caseId: string): Promise<DeadlineRecord[]> {
    return this.reads.listDeadlines(caseId);
  }

  listAudit(filter?: AuditFilter): Promise<AuditRecord[]> {
    return this.reads.listAudit(filter);
  }

  getUser(username: string): Promise<UserRecord | undefined> {
    return this.reads.getUser(username);
  }

  listUsers(): Promise<UserRecord[]> {
    return this.reads.listUsers();
  }

  getDefinitionVersion(version: number): Promise<DefinitionVersionRecord | undefined> {
    return this.reads.getDefinitionVersion(version);
  }

  latestDefinitionVersion(): Promise<DefinitionVersionRecord | undefined> {
    return this.reads.latestDefinitionVersion();
  }

  async close(): Promise<void> {
    if (!this.stopped) {
      await this.write('close', []);
      this.stop(new Error('the store is closed'));
      await this.writer.terminate();
    }
    await this.reads.close();
    this.ownerLock?.release();
  }

  private write<T>(method: WriterMethod | 'close', args: unknown[], snapshotJson?: string): Promise<T> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    if (this.waiting.size === 0) this.writer.ref();
    const request: WriterRequest = { id, method, args };
    const reply = new Promise<T>((resolve, reject) => this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject }));
    // As JSON text: cheaper to pass than a structured clone of the snapshot, and exactly what the store keeps of it.
    this.writer.postMessage(toWriterMessage(request, snapshotJson));
    return reply;
  }

  private settle(reply: WriterReply): void {
    const waiting = this.waiting.get(reply.id);
    if (!waiting) return;
    this.waiting.delete(reply.id);
    if (this.waiting.size === 0) this.writer.unref();
    if (reply.error) waiting.reject(rebuildStoreError(reply.error));
    else waiting.resolve(reply.value);
  }

  private stop(error: Error): void {
    this.stopped ??= error;
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}
