import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../engine/store/sqlite-store.js';
import { exited, runTsx } from './run-tsx.js';

const tempDir = mkdtempSync(join(tmpdir(), 'dao-crash-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

describe.each(['inline', 'thread'] as const)('SqliteStore with the %s writer', (writer) => {
  describe('#commitEvent', () => {
    it('should keep every acknowledged commit when the writing process is killed with SIGKILL', async () => {
      // given a child committing as fast as it can, killed 1.5 s after its first acknowledgement
      const file = join(tempDir, `crash-${writer}.sqlite`);
      const child = runTsx('./crash-writer.ts', [file, 'crash-case', writer]);
      let output = '';
      let errors = '';
      child.stderr.on('data', (chunk: Buffer) => {
        errors += chunk.toString();
      });
      child.stdout.on('data', (chunk: Buffer) => {
        if (output === '') setTimeout(() => child.kill('SIGKILL'), 1500);
        output += chunk.toString();
      });
      const { signal } = await exited(child);
      expect(signal, `the writer should have been killed, not stopped by itself: ${errors}`).toBe('SIGKILL');

      // when the store is opened again
      const acknowledged = output.split('\n').slice(0, -1).map(Number); // a last line without \n was never complete
      const store = openSqliteStore(file);
      await store.migrate();
      const stored = await store.getCase('crash-case');
      const events = await store.listEvents('crash-case');
      await store.close();

      // then every acknowledged seq survived, and the case version matches its event log
      expect(acknowledged.length).toBeGreaterThan(10);
      const storedSeqs = new Set(events.map((e) => e.seq));
      expect(acknowledged.filter((seq) => !storedSeqs.has(seq))).toEqual([]);
      expect(events.map((e) => e.seq)).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));
      expect(stored?.version).toBe(events.length);
      expect(stored?.snapshot).toEqual(
        events.length === 1 ? { value: 'start', context: { count: 0 } } : { counter: events.length - 1 },
      );
    });
  });
});
