// Child process of crash.test.ts: commits events to one case as fast as it can and prints each seq
// only after its commit returned, until it is killed. Usage: crash-writer.ts <sqlite file> <case id> [inline|thread]
import { writeSync } from 'node:fs';
import { openSqliteStore } from '../../engine/store/sqlite-store.js';
import { newCase, nextCommit } from './contract/fixtures.js';

const [file, caseId, writer = 'inline'] = process.argv.slice(2);
if (file === undefined || caseId === undefined) throw new Error('usage: crash-writer.ts <sqlite file> <case id>');

const store = openSqliteStore(file, { writer: writer === 'thread' ? 'thread' : 'inline' });
await store.migrate();
let current = await store.createCase(newCase(caseId));
// writeSync, not console.log: the line must leave the process before the next commit starts.
writeSync(1, `${current.version}\n`);
for (;;) {
  current = await store.commitEvent(nextCommit(current, { snapshot: { counter: current.version } }));
  writeSync(1, `${current.version}\n`);
}
