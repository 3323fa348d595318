// The writer thread of the threaded SQLite store: it owns the only write connection and runs every write of the
// store there, with group commit (sqlite-database.ts), so the fsync of each commit never stalls the event loop of
// the thread serving requests. It answers each request only after the COMMIT that made it durable.
import { parentPort, workerData } from 'node:worker_threads';
import { SqlCaseStore } from './sql-case-store.js';
import { SqliteDatabase, type SqliteDatabaseOptions } from './sqlite-database.js';
import { sqliteDialect } from './sqlite-dialect.js';
import { serialiseStoreError, type WriterReply, type WriterRequest, writerMethods } from './sqlite-writer-protocol.js';
import type { StoreOptions } from './types.js';

const { file, options } = workerData as { file: string; options: StoreOptions & SqliteDatabaseOptions };
const store = new SqlCaseStore(new SqliteDatabase(file, sqliteDialect, { ...options, groupCommit: true }), options);
const port = parentPort!;

port.on('message', async (message: string) => {
  const request = JSON.parse(message) as WriterRequest;
  let reply: WriterReply;
  try {
    if (request.method === 'close') {
      await store.close();
      reply = { id: request.id, value: undefined };
    } else {
      if (!writerMethods.includes(request.method)) throw new Error(`the writer has no method ${request.method}`);
      const method = store[request.method] as (...args: unknown[]) => Promise<unknown>;
      reply = { id: request.id, value: await method.apply(store, request.args) };
    }
  } catch (error) {
    reply = { id: request.id, error: serialiseStoreError(error) };
  }
  port.postMessage(JSON.stringify(reply));
  if (request.method === 'close') port.close();
});
