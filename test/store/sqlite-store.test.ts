import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../engine/store/sqlite-store.js';
import type { CaseStore } from '../../engine/store/types.js';
import { itCommitsConcurrently } from './concurrent-commits.js';
import { runStoreContract } from './contract.js';
import { newCase } from './contract/fixtures.js';
import { collectOutput, exited, runTsx } from './run-tsx.js';

const tempDir = mkdtempSync(join(tmpdir(), 'dao-sqlite-store-'));
let fileNumber = 0;
const freshFile = (): string => join(tempDir, `store-${++fileNumber}`, 'dao.sqlite');
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

runStoreContract('SqliteStore', async () => openSqliteStore(freshFile()));
runStoreContract('SqliteStore (writer thread)', async () => openSqliteStore(freshFile(), { writer: 'thread' }));
runStoreContract('SqliteStore (writer thread, exclusive: cases kept in memory)', async () =>
  openSqliteStore(freshFile(), { writer: 'thread', exclusive: true }),
);

describe('SqliteStore', () => {
  const opened: CaseStore[] = [];
  const openTwice = async (): Promise<[CaseStore, CaseStore]> => {
    const file = freshFile();
    const first = openSqliteStore(file);
    await first.migrate();
    const second = openSqliteStore(file);
    await second.migrate();
    opened.push(first, second);
    return [first, second];
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  describe('#commitEvent', () => {
    itCommitsConcurrently('connections', openTwice);
    itCommitsConcurrently('writer threads', async () => {
      const file = freshFile();
      const first = openSqliteStore(file, { writer: 'thread' });
      await first.migrate();
      const second = openSqliteStore(file, { writer: 'thread' });
      await second.migrate();
      opened.push(first, second);
      return [first, second];
    });

    it('should lose no update when two processes read, modify and write with retries', async () => {
      const file = freshFile();
      const setup = openSqliteStore(file);
      await setup.migrate();
      await setup.createCase(newCase('c1'));
      await setup.close();
      const rounds = 100;
      const startAt = String(Date.now() + 2000); // after both have loaded, so that they overlap
      const writers = [1, 2].map(() => runTsx('./contending-writer.ts', [file, 'c1', String(rounds), startAt]));
      const output = writers.map((child) => collectOutput(child));
      const results = await Promise.all(writers.map(exited));
      expect(
        results.map((r) => r.code),
        output.map((o) => o.stderr).join('\n'),
      ).toEqual([0, 0]);
      const conflicts = output.map((o) => (JSON.parse(o.stdout) as { conflicts: number }).conflicts);
      expect(conflicts[0]! + conflicts[1]!, 'the writers should have collided').toBeGreaterThan(0);
      const store = openSqliteStore(file);
      opened.push(store);
      expect((await store.getCase('c1'))?.version).toBe(1 + 2 * rounds);
      expect(await store.countEvents()).toBe(1 + 2 * rounds);
    });
  });
});
