// The writer thread of the threaded SQLite store: it owns the only write connection and runs every write of the
// store there (the methods of SqlCaseWrites, on the same SqlCaseStore as any other), with group commit
// (sqlite-database.ts), so the fsync of each commit never stalls the event loop of the thread serving requests. It
// answers each request only after the COMMIT that made it durable.
import { parentPort, workerData } from 'node:worker_threads';
import { SqlCaseStore } from './sql-case-store.js';
import { writeMethods } from './sql-case-writes.js';
import { SqliteDatabase, type SqliteDatabaseOptions } from './sqlite-database.js';
import { sqliteDialect } from './sqlite-dialect.js';
import { serialiseStoreError, type WriterReply, type WriterRequest } from './sqlite-writer-protocol.js';
import type { StoreOptions } from './types.js';

/**
 * The server's writer lets the WAL grow to 10,000 pages (about 40 MB, reused rather than grown once it has reached that
 * size) before a commit copies it back, instead of SQLite's 1,000. The copy runs inside that commit and ends with an
 * fsync of the database file (about 5 ms here) while every commit of every request waits: at 1,000 pages, several
 * times a second under load. Side by side under load: about 10 % more events per second. Every commit is still
 * fsynced to the WAL before it is answered, so nothing acknowledged depends on the copy. (One caller at a time, as
 * the inline store serves, waits for no one else's copy, and there the smaller WAL is reused sooner.)
 */
const SERVER_WAL_AUTOCHECKPOINT_PAGES = 10_000;

const { file, options } = workerData as { file: string; options: StoreOptions & SqliteDatabaseOptions };
const database = new SqliteDatabase(file, sqliteDialect, {
  walAutocheckpointPages: SERVER_WAL_AUTOCHECKPOINT_PAGES,
  ...options,
  groupCommit: true,
});
const store = new SqlCaseStore(database, options);
const port = parentPort!;

async function serve(request: WriterRequest): Promise<WriterReply> {
  try {
    if (!writeMethods.includes(request.method as never)) throw new Error(`the store has no write ${request.method}`);
    const method = store[request.method as (typeof writeMethods)[number]] as (...args: unknown[]) => Promise<unknown>;
    return { id: request.id, value: await method.apply(store, request.args) };
  } catch (error) {
    return { id: request.id, error: serialiseStoreError(error) };
  }
}

/** Closing waits for the writes sent before it, so that each of them is answered (committed or refused) first. */
async function close(id: number, before: Promise<void>[]): Promise<void> {
  await Promise.all(before);
  let reply: WriterReply = { id, value: undefined };
  try {
    await store.close();
  } catch (error) {
    reply = { id, error: serialiseStoreError(error) };
  }
  port.postMessage(reply);
  port.close();
}

const inFlight = new Set<Promise<void>>();

port.on('message', (request: WriterRequest) => {
  if (request.method === 'close') {
    void close(request.id, [...inFlight]);
    return;
  }
  const answered = serve(request).then((reply) => port.postMessage(reply));
  inFlight.add(answered);
  void answered.finally(() => inFlight.delete(answered));
});
