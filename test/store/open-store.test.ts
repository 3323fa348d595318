import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, sqliteFileName } from '../../engine/store/index.js';
import { newCase } from './contract/fixtures.js';

const tempDir = mkdtempSync(join(tmpdir(), 'dao-open-store-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

describe('openStore', () => {
  it('should open a migrated SQLite store in a data folder it creates, when no database URL is given', async () => {
    const dataDir = join(tempDir, 'nested', 'data');
    const store = await openStore({ dataDir });
    await store.createCase(newCase('c1'));
    await store.close();
    expect(existsSync(join(dataDir, sqliteFileName))).toBe(true);
    const reopened = await openStore({ dataDir });
    expect((await reopened.getCase('c1'))?.version).toBe(1);
    await reopened.close();
  });
});
