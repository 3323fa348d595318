// Child process of owner-lock.test.ts: opens the server's store on a data folder (taking the file's owner lock),
// says so on stdout, and holds it until it is killed or its stdin closes.
// Usage: lock-holder.ts <data folder>
import { writeSync } from 'node:fs';
import { openStore } from '../../engine/store/index.js';

const [dataDir] = process.argv.slice(2);
if (dataDir === undefined) throw new Error('usage: lock-holder.ts <data folder>');
try {
  const store = await openStore({ dataDir });
  writeSync(1, 'holding\n');
  process.stdin.resume();
  process.stdin.once('end', () => void store.close().then(() => process.exit(0)));
} catch (error) {
  writeSync(1, `refused: ${(error as Error).message}\n`);
  process.exit(3);
}
