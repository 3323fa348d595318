// Child process of sqlite-store.test.ts: read-modify-write on one case with retry on conflict, from
// its own process and connection, starting at a given time so that the writers overlap.
// Usage: contending-writer.ts <sqlite file> <case id> <rounds> <start at, epoch ms>
import { writeSync } from 'node:fs';
import { openSqliteStore } from '../../engine/store/sqlite-store.js';
import { readModifyWrite } from './read-modify-write.js';

const [file, caseId, rounds, startAt] = process.argv.slice(2);
if (file === undefined || caseId === undefined || rounds === undefined || startAt === undefined) {
  throw new Error('usage: contending-writer.ts <sqlite file> <case id> <rounds> <start at, epoch ms>');
}
const store = openSqliteStore(file);
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
// A pause of up to 2 ms between read and write, so that the other process often writes in between.
const randomPause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.random() * 2));
const { conflicts } = await readModifyWrite(store, caseId, Number(rounds), randomPause);
await store.close();
writeSync(1, `${JSON.stringify({ conflicts })}\n`);
