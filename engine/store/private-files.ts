// The SQLite files hold every case: readable and writable by the server's user alone. The folder is created 0700;
// the file is created 0600 before SQLite opens it (or tightened to 0600 when an earlier version made it wider), and
// SQLite gives its WAL, shared-memory and journal files the database file's permissions.
import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

const SIDE_FILES = ['-wal', '-shm', '-journal'];

/** Creates the file (and its folder) for this user only, or takes group's and others' rights off an existing one. */
export function preparePrivateFile(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  for (const path of [file, ...SIDE_FILES.map((suffix) => file + suffix)]) ownerOnly(path);
}

function ownerOnly(path: string): void {
  try {
    const { mode } = statSync(path);
    if ((mode & 0o077) !== 0) chmodSync(path, mode & 0o700);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
