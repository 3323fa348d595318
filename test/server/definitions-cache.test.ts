// The server keeps the values of the definition files it read in its data folder (DATA_DIR/definitions-cache), one
// file per text, and starts again from them (issue 22: a fresh clone parses everything; a restart need not).
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';
import { DEFINITIONS, startServer } from './helpers.js';

const keptValues = async (dir: string) => (await readdir(dir).catch(() => [])).filter((name) => name.endsWith('.v8'));

describe('the definitions cache in the data folder', () => {
  it('should keep one value per definition file read at start, and start again from them', async () => {
    // given a server started on an empty data folder (which reads every definition file but the scenarios)
    const files = Object.keys(await readDefinitionFiles(DEFINITIONS)).filter((path) => !path.startsWith('scenarios/'));
    const first = await startServer();
    const cache = join(first.dir, 'definitions-cache');
    try {
      // then every file's value is kept there once written
      await expect.poll(async () => (await keptValues(cache)).length).toBe(files.length);
      // when a second server starts on the same folder, then it loads the same version and keeps nothing new
      await first.dao.close();
      const second = await startServer({ dataDir: first.dir });
      try {
        expect(second.dao.definitionVersion).toBe(first.dao.definitionVersion);
      } finally {
        await second.close();
      }
      expect(await keptValues(cache)).toHaveLength(files.length);
    } finally {
      await rm(first.dir, { recursive: true, force: true });
    }
  });
});
