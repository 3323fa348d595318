// The SQLite CaseStore as the server runs it: the same SqlCaseStore, reading on this thread through a connection that
// sees committed data only, with every write (each method of SqlCaseWrites) sent by name to a writer thread
// (sqlite-writer-thread.ts) that runs it on its own SqlCaseStore and group-commits it. A write's promise settles when
// the writer says its COMMIT returned, so what is acknowledged is on disk; the fsync never blocks this thread.
import { Worker } from 'node:worker_threads';
import { CaseRecordCache } from './case-record-cache.js';
import { ownerLockFile, takeOwnerLock, type OwnerLock } from './owner-lock.js';
import { preparePrivateFile } from './private-files.js';
import { fromStoredCase, type CaseHead } from './rows.js';
import { SqlCaseStore } from './sql-case-store.js';
import { writeMethods, type SqlCaseWrites, type WriteMethod } from './sql-case-writes.js';
import { SqliteReader, type SqliteDatabaseOptions } from './sqlite-database.js';
import { sqliteDialect } from './sqlite-dialect.js';
import { rebuildStoreError, type WriterReply, type WriterRequest } from './sqlite-writer-protocol.js';
import type { CaseRecord, CommitCasesInput, CommitInput, CreateCaseInput, StoreOptions } from './types.js';

export interface ThreadedSqliteOptions extends StoreOptions, SqliteDatabaseOptions {
  /**
   * This process alone writes the file (owner-lock.ts): a second one fails to open it. Then the cases it stores
   * and reads are kept in memory, frozen, since no one else can change them (case-record-cache.ts). The server's
   * store (openStore) is exclusive.
   */
  exclusive?: boolean;
}

type Write<M extends WriteMethod> = (...args: Parameters<SqlCaseWrites[M]>) => ReturnType<SqlCaseWrites[M]>;

export class ThreadedSqliteStore extends SqlCaseStore {
  private readonly writer: WriterThread;
  private readonly ownerLock: OwnerLock | undefined;
  /** Only when exclusive: otherwise another process may have changed any case since. */
  private readonly cases: CaseRecordCache | undefined;

  constructor(file: string, options: ThreadedSqliteOptions = {}) {
    preparePrivateFile(file);
    if (options.exclusive) preparePrivateFile(ownerLockFile(file));
    const ownerLock = options.exclusive ? takeOwnerLock(file) : undefined;
    let reader: SqliteReader;
    // Opened first, so that a new file is already in WAL mode when the writer opens it.
    try {
      reader = new SqliteReader(file, sqliteDialect, options);
    } catch (error) {
      ownerLock?.release();
      throw error;
    }
    super(reader, options);
    this.ownerLock = ownerLock;
    if (options.exclusive) this.cases = new CaseRecordCache();
    this.writer = new WriterThread(file, options);
    // Each write of SqlCaseWrites, in place of the inherited one, goes to the writer thread under its own name.
    const forward =
      <M extends WriteMethod>(method: M): Write<M> =>
      (...args) =>
        this.writer.call(method, args);
    Object.assign(this, Object.fromEntries(writeMethods.map((method) => [method, forward(method)])));
  }

  override async getCase(id: string): Promise<CaseRecord | undefined> {
    if (!this.cases) return super.getCase(id);
    const kept = this.cases.get(id);
    if (kept) return kept;
    const stored = await this.getStoredCase(id);
    if (!stored) return undefined;
    const record = fromStoredCase(stored);
    this.cases.remember(record, stored.snapshotJson.length + stored.summaryJson.length);
    return record;
  }

  override async commitEvent(input: CommitInput): Promise<CaseRecord> {
    try {
      return await super.commitEvent(input);
    } catch (error) {
      // Nothing was written; reading the case afresh costs little and leaves nothing to doubt.
      this.cases?.forget(input.caseId);
      throw error;
    }
  }

  override async commitCases(input: CommitCasesInput): Promise<CaseRecord[]> {
    try {
      return await super.commitCases(input);
    } catch (error) {
      for (const commit of input.commits) this.cases?.forget(commit.caseId);
      throw error;
    }
  }

  protected override committed(head: CaseHead, input: CreateCaseInput | CommitInput, snapshotJson: string): CaseRecord {
    const record = super.committed(head, input, snapshotJson);
    // The text just stored gives the size; serialising the snapshot again cost 2 % of a request's CPU under load.
    this.cases?.remember(record, snapshotJson.length + JSON.stringify(record.summary).length);
    return record;
  }

  override async close(): Promise<void> {
    await this.writer.close();
    await super.close();
    this.ownerLock?.release();
  }
}

/**
 * The writer thread and the writes waiting for its answer. Run from the compiled JavaScript (the production build),
 * the thread starts from the compiled module beside this one, with no loader. Run from the TypeScript source (tests,
 * `tsx server/main.ts`), it starts from the .ts module with tsx's loader given as a Node flag (`--import`).
 */
class WriterThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private nextId = 1;
  /** Set once the writer is gone (closed or failed): every later write fails with it. */
  private stopped: Error | undefined;

  constructor(file: string, options: ThreadedSqliteOptions) {
    const fromSource = import.meta.url.endsWith('.ts');
    const entry = new URL(`./sqlite-writer-thread.${fromSource ? 'ts' : 'js'}`, import.meta.url);
    this.worker = new Worker(entry, {
      workerData: { file, options },
      ...(fromSource ? { execArgv: [...process.execArgv, '--import', typeScriptLoader()] } : {}),
    });
    // An idle writer must not keep the process alive; one with writes under way does (see call()).
    this.worker.unref();
    this.worker.on('message', (reply: WriterReply) => this.settle(reply));
    this.worker.on('error', (error) => this.stop(error));
    this.worker.on('exit', (code) => this.stop(new Error(`the SQLite writer thread stopped (exit code ${code})`)));
  }

  call<M extends WriteMethod>(method: M, args: Parameters<SqlCaseWrites[M]>): ReturnType<SqlCaseWrites[M]> {
    return this.send({ id: this.nextId++, method, args } as WriterRequest) as ReturnType<SqlCaseWrites[M]>;
  }

  async close(): Promise<void> {
    if (this.stopped) return;
    await this.send({ id: this.nextId++, method: 'close', args: [] });
    this.stop(new Error('the store is closed'));
    await this.worker.terminate();
  }

  private send(request: WriterRequest): Promise<unknown> {
    if (this.stopped) return Promise.reject(this.stopped);
    if (this.waiting.size === 0) this.worker.ref();
    const reply = new Promise((resolve, reject) => this.waiting.set(request.id, { resolve, reject }));
    this.worker.postMessage(request);
    return reply;
  }

  private settle(reply: WriterReply): void {
    const waiting = this.waiting.get(reply.id);
    if (!waiting) return;
    this.waiting.delete(reply.id);
    if (this.waiting.size === 0) this.worker.unref();
    if (reply.error) waiting.reject(rebuildStoreError(reply.error));
    else waiting.resolve(reply.value);
  }

  private stop(error: Error): void {
    this.stopped ??= error;
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}

/**
 * tsx's documented register() as a preloaded module. The plain `--import tsx` would do, but before Node 22.22 / 24.11
 * tsx's loader entry registers itself in the main thread only, and a worker given that flag cannot load a .ts file.
 */
function typeScriptLoader(): string {
  const api = import.meta.resolve('tsx/esm/api');
  return `data:text/javascript,${encodeURIComponent(`import { register } from ${JSON.stringify(api)}; register();`)}`;
}
