// Definition files read before, kept in a folder (the server's data folder) by content: the value `yaml` gave for
// exactly this text, read back at the next start instead of parsed again. Worth it because reading YAML is most of a
// cold load: the protocol's 66 files (415 KB) took 1,100 ms of CPU to parse in a fresh process and 13 ms to read back
// (side by side, on a loaded 2-core machine). Nothing is cached without a folder: a fresh clone parses everything.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';

export interface ParseCache {
  /** The value read before from exactly this text, or undefined when there is none (or it cannot be trusted). */
  read(text: string): { value: unknown } | undefined;
  /** Keeps the value of a text that was read without problems. Best effort: written later, never throws. */
  keep(text: string, value: unknown): void;
}

const CHECKSUM_BYTES = 32;

function sha256(...parts: (string | Uint8Array)[]): Buffer {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

/**
 * A cache in `dir`, one file per text: named by the hash of the text and of `reading` (what gave the value: the
 * parser's version and options), holding a checksum and the value in V8's serialisation, which keeps what JSON would
 * lose (-0, NaN, .inf, a value shared by an alias, an own `__proto__` key). A file that is unreadable, truncated or
 * altered fails its checksum or its deserialisation and is ignored; files are written whole (temp file + rename).
 */
export function folderParseCache(dir: string, reading: string): ParseCache {
  // V8's serialisation is read back by the V8 that wrote it.
  const salt = `${reading}\0v8 ${process.versions.v8}\0`;
  const pathOf = (text: string) => join(dir, `${sha256(salt, text).toString('hex')}.v8`);
  return {
    read(text) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(pathOf(text));
      } catch {
        return undefined;
      }
      const payload = bytes.subarray(CHECKSUM_BYTES);
      if (bytes.length <= CHECKSUM_BYTES || !sha256(payload).equals(bytes.subarray(0, CHECKSUM_BYTES)))
        return undefined;
      try {
        const kept = deserialize(payload) as { value?: unknown } | null;
        return kept && typeof kept === 'object' && 'value' in kept ? { value: kept.value } : undefined;
      } catch {
        return undefined;
      }
    },
    keep(text, value) {
      // Serialised now, as the value is at this moment; written after the load has gone on.
      let payload: Buffer;
      try {
        payload = serialize({ value });
      } catch {
        return;
      }
      const path = pathOf(text);
      const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
      void (async () => {
        try {
          // Only the cache's own folder is made: a data folder that is gone (a test's, removed) is not made again.
          await mkdir(dir, { mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
            if (error.code !== 'EEXIST') throw error;
          });
          await writeFile(temp, Buffer.concat([sha256(payload), payload]), { mode: 0o600 });
          await rename(temp, path);
        } catch {
          // A cache that cannot be written (read-only folder, full disk) only means parsing again next time.
          await rm(temp, { force: true }).catch(() => undefined);
        }
      })();
    },
  };
}
