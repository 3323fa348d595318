import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openStore, sqliteFileName, StoreInUseError, type CaseStore } from '../../engine/store/index.js';
import { newCase } from './contract/fixtures.js';
import { collectOutput, exited, runTsx } from './run-tsx.js';

const tempDir = mkdtempSync(join(tmpdir(), 'dao-owner-lock-'));
let folderNumber = 0;
const freshDataDir = (): string => join(tempDir, `data-${++folderNumber}`);
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

/** A child process holding the store of dataDir; resolves once it says whether it holds it. */
async function holdInChild(dataDir: string) {
  const child = runTsx('./lock-holder.ts', [dataDir]);
  const output = collectOutput(child);
  const said = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      if (output.stdout.includes('\n')) resolve(output.stdout.trim());
    });
    child.once('exit', (code) => reject(new Error(`the lock holder exited with ${code}: ${output.stderr}`)));
  });
  return { child, said };
}

describe('openStore (SQLite)', () => {
  const opened: CaseStore[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  it('should refuse a second store on the same file in the same process, naming the file, and keep the first working', async () => {
    // given
    const dataDir = freshDataDir();
    const first = await openStore({ dataDir });
    opened.push(first);
    // when
    const second = openStore({ dataDir });
    // then
    await expect(second).rejects.toBeInstanceOf(StoreInUseError);
    await expect(second).rejects.toThrow(`${join(dataDir, sqliteFileName)} is in use by another DAO Pathways server`);
    await first.createCase(newCase('c1'));
    expect((await first.getCase('c1'))?.version).toBe(1);
  });

  it('should refuse another process while one holds the file, and let it in once the holder has closed it', async () => {
    // given
    const dataDir = freshDataDir();
    const holder = await openStore({ dataDir });
    // when
    const refused = await holdInChild(dataDir);
    // then
    expect(refused.said).toMatch(/^refused: .* is in use by another DAO Pathways server/);
    expect((await exited(refused.child)).code).toBe(3);
    // when the holder closes
    await holder.close();
    const admitted = await holdInChild(dataDir);
    // then
    expect(admitted.said).toBe('holding');
    admitted.child.stdin.end();
    expect((await exited(admitted.child)).code).toBe(0);
  });

  it('should be free again at once after the process holding it was killed', async () => {
    // given a holder that dies without closing anything
    const dataDir = freshDataDir();
    const holder = await holdInChild(dataDir);
    expect(holder.said).toBe('holding');
    await expect(openStore({ dataDir })).rejects.toBeInstanceOf(StoreInUseError);
    // when
    holder.child.kill('SIGKILL');
    await exited(holder.child);
    // then
    const store = await openStore({ dataDir });
    opened.push(store);
    await store.createCase(newCase('c1'));
    expect((await store.getCase('c1'))?.version).toBe(1);
  });
});
