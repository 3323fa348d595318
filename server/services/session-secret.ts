// The key that signs session cookies: SESSION_SECRET when it is set, otherwise a key file in the data folder
// (`session.key`, readable by the server's user alone), created at the first start outside production. Never in the
// database: whoever has a copy or a backup of it must not be able to forge a session. Earlier versions kept the key
// in the users table; that record is deleted at start and its key not reused, since every backup holds it.
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CaseStore } from '../../engine/index.js';

export const SESSION_KEY_FILE = 'session.key';
export const MIN_SESSION_SECRET_LENGTH = 32;
/** Where earlier versions kept the key: a users-table record no one can sign in with. */
export const LEGACY_SESSION_SECRET_RECORD = '$session-secret';

export function isSystemRecord(username: string): boolean {
  return username.startsWith('$');
}

export function sessionKeyFile(dataDir: string): string {
  return join(dataDir, SESSION_KEY_FILE);
}

export class MissingSessionSecretError extends Error {
  readonly code = 'missing-session-secret' as const;

  constructor(readonly keyFile: string) {
    super(
      `Missing env var SESSION_SECRET, and there is no session key file at ${keyFile}: one of them is required when ` +
        `NODE_ENV=production. Set SESSION_SECRET to ${MIN_SESSION_SECRET_LENGTH} or more random characters (the same ` +
        "on every instance), or put them in that file, readable only by the server's user (chmod 600).",
    );
    this.name = 'MissingSessionSecretError';
  }
}

export interface ResolvedSessionSecret {
  secret: string;
  source: 'SESSION_SECRET' | 'key file' | 'new key file';
  /** The key file is readable or writable by others than its owner. */
  keyFileTooOpen?: boolean;
}

async function readKeyFile(file: string): Promise<ResolvedSessionSecret | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const secret = text.trim();
  if (secret.length < MIN_SESSION_SECRET_LENGTH)
    throw new Error(`The session key file ${file} must hold at least ${MIN_SESSION_SECRET_LENGTH} characters`);
  return { secret, source: 'key file', keyFileTooOpen: ((await stat(file)).mode & 0o077) !== 0 };
}

/**
 * Writes a new key to a file of its own (0600) and links it into place, which fails if the key file appeared
 * meanwhile: two instances starting together on one folder end up with the one key that was linked first.
 */
async function createKeyFile(file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(`${randomBytes(32).toString('base64url')}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temporary);
  }
}

export async function resolveSessionSecret(options: {
  configured?: string;
  keyFile: string;
  production: boolean;
}): Promise<ResolvedSessionSecret> {
  if (options.configured) return { secret: options.configured, source: 'SESSION_SECRET' };
  const existing = await readKeyFile(options.keyFile);
  if (existing) return existing;
  if (options.production) throw new MissingSessionSecretError(options.keyFile);
  await createKeyFile(options.keyFile);
  return { ...(await readKeyFile(options.keyFile))!, source: 'new key file' };
}

/** Deletes the key an earlier version kept in the users table; true when there was one. */
export async function retireStoredSessionSecret(store: CaseStore): Promise<boolean> {
  if (!(await store.getUser(LEGACY_SESSION_SECRET_RECORD))) return false;
  await store.deleteUser(LEGACY_SESSION_SECRET_RECORD);
  return true;
}
