// One server process per SQLite file, held by an exclusive SQLite lock on a file beside it. The operating system
// drops the lock when the process ends, however it ends, so a killed server never leaves a stale lock behind. While
// it is held, no other process writes the database, which is what lets the server keep the cases it wrote in memory.
import Database from 'better-sqlite3';

export class StoreInUseError extends Error {
  readonly code = 'store-in-use' as const;

  constructor(readonly file: string) {
    super(
      `${file} is in use by another DAO Pathways server. One server runs on one SQLite file: stop the other one, ` +
        'or give this one its own DATA_DIR. To run several servers on the same cases, use PostgreSQL (DATABASE_URL).',
    );
    this.name = 'StoreInUseError';
  }
}

export interface OwnerLock {
  readonly file: string;
  release(): void;
}

export function ownerLockFile(databaseFile: string): string {
  return `${databaseFile}.lock`;
}

/** Takes the lock at once or throws StoreInUseError; it never waits for another process. */
export function takeOwnerLock(databaseFile: string): OwnerLock {
  const file = ownerLockFile(databaseFile);
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 0');
    // In EXCLUSIVE locking mode the connection keeps the lock of its first write until it closes.
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('CREATE TABLE IF NOT EXISTS held_since (at TEXT NOT NULL)');
    db.exec('DELETE FROM held_since');
    db.prepare('INSERT INTO held_since (at) VALUES (?)').run(new Date().toISOString());
    db.exec('COMMIT');
  } catch (error) {
    db.close();
    if (error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY'))
      throw new StoreInUseError(databaseFile);
    throw error;
  }
  return {
    file,
    release: () => {
      if (db.open) db.close();
    },
  };
}
