// Issue 24, finding 7: no secret in the database. Without SESSION_SECRET the session key is a file in the data folder
// (0600, created atomically), never a record of the users table; a key an earlier version kept there is deleted and
// not reused; in production the server will not start without SESSION_SECRET or that file, and says so. The data
// folder is created 0700 and the SQLite files (WAL and shared memory included) 0600. Signed session payloads are
// checked strictly, and the cookie is Secure in production whatever the request says.
import { createHmac } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore, sqliteFileName } from '../../engine/store/index.js';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { createDao, type DaoOptions } from '../../server/create-dao.js';
import { createLogger } from '../../server/logger.js';
import { LEGACY_SESSION_SECRET_RECORD, SESSION_KEY_FILE } from '../../server/services/session-secret.js';
import { SESSION_COOKIE, SESSION_TTL_MS } from '../../server/services/session-tokens.js';
import { DEFINITIONS, PASSWORD, startServer, USERS, type TestServer } from '../server/helpers.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dao-secrets-'));
});
afterAll(async () => rm(root, { recursive: true, force: true }));

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

function dao(dataDir: string, options: DaoOptions = {}) {
  return createDao({
    dataDir,
    definitionsDir: DEFINITIONS,
    demo: { password: PASSWORD },
    backgroundJobs: false,
    logger: createLogger({ level: 'silent' }),
    ...options,
  });
}

async function signInCookie(app: Parameters<typeof request>[0]): Promise<{ cookie: string; setCookie: string }> {
  const res = await request(app).post('/api/session').send({ username: USERS.lead, password: PASSWORD }).expect(200);
  const setCookie = (res.headers['set-cookie'] as unknown as string[])[0]!;
  return { cookie: setCookie.split(';')[0]!, setCookie };
}

describe('The session key', () => {
  it('should be a 0600 key file in the data folder, not a users record; its sessions outlive a restart', async () => {
    const dataDir = join(root, 'key-file');
    const first = await dao(dataDir);
    const { cookie } = await signInCookie(createApp(first.services));
    expect(await first.services.store.getUser(LEGACY_SESSION_SECRET_RECORD)).toBeUndefined();
    expect((await first.services.store.listUsers()).filter((u) => u.username.startsWith('$'))).toEqual([]);
    await first.close();
    const keyFile = join(dataDir, SESSION_KEY_FILE);
    expect(await modeOf(keyFile)).toBe(0o600);
    expect((await readFile(keyFile, 'utf8')).trim().length).toBeGreaterThanOrEqual(32);
    expect((await readdir(dataDir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const second = await dao(dataDir);
    try {
      await request(createApp(second.services)).get('/api/session/me').set('Cookie', cookie).expect(200);
    } finally {
      await second.close();
    }
  });

  it('should delete a key an earlier version kept in the users table, and refuse sessions it signed', async () => {
    const dataDir = join(root, 'legacy');
    const legacyKey = 'a-session-key-kept-in-the-database-by-an-earlier-version';
    const old = openSqliteStore(join(dataDir, sqliteFileName));
    await old.migrate();
    await old.upsertUser({
      username: LEGACY_SESSION_SECRET_RECORD,
      displayName: 'session signing key',
      role: '',
      passwordHash: legacyKey,
      demo: false,
    });
    await old.close();
    const started = await dao(dataDir);
    try {
      expect(await started.services.store.getUser(LEGACY_SESSION_SECRET_RECORD)).toBeUndefined();
      expect((await readFile(join(dataDir, SESSION_KEY_FILE), 'utf8')).trim()).not.toBe(legacyKey);
      const forged = signedToken(legacyKey, { sid: 'A'.repeat(22), username: USERS.lead, exp: Date.now() + 60_000 });
      await request(createApp(started.services))
        .get('/api/session/me')
        .set('Cookie', `${SESSION_COOKIE}=${forged}`)
        .expect(401);
    } finally {
      await started.close();
    }
  });

  it('should not start in production without SESSION_SECRET or a key file, saying what is missing', async () => {
    const dataDir = join(root, 'production');
    await expect(dao(dataDir, { production: true, demo: false })).rejects.toThrow(
      /Missing env var SESSION_SECRET, and there is no session key file at .*session\.key/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir })).toThrow(
      /Missing env var SESSION_SECRET, and there is no session key file/,
    );
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, SESSION_KEY_FILE), 'k'.repeat(40), { mode: 0o600 });
    expect(loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir }).sessionSecret).toBeUndefined();
    const started = await dao(dataDir, { production: true, demo: false });
    await started.close();
  });

  it('should refuse a key file too short to be a key', async () => {
    const dataDir = join(root, 'short-key');
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, SESSION_KEY_FILE), 'short\n', { mode: 0o600 });
    await expect(dao(dataDir)).rejects.toThrow(/at least 32 characters/);
  });
});

describe('Data folder permissions', () => {
  it('should create the data folder 0700 and the database, its WAL, shared memory and lock files 0600', async () => {
    const dataDir = join(root, 'fresh', 'data');
    const started = await dao(dataDir);
    try {
      await started.services.store.appendAudit({
        at: new Date().toISOString(),
        userId: 'x',
        caseId: null,
        action: 'test',
        detail: null,
      });
      expect(await modeOf(dataDir)).toBe(0o700);
      const files = await readdir(dataDir);
      expect(files).toEqual(
        expect.arrayContaining([
          sqliteFileName,
          `${sqliteFileName}-wal`,
          `${sqliteFileName}-shm`,
          `${sqliteFileName}.lock`,
          SESSION_KEY_FILE,
        ]),
      );
      // Files 0600; a folder of the data folder's own (the definitions cache) 0700, like the data folder.
      for (const entry of await readdir(dataDir, { withFileTypes: true })) {
        const want = entry.isDirectory() ? '700' : '600';
        expect(`${entry.name} ${(await modeOf(join(dataDir, entry.name))).toString(8)}`).toBe(`${entry.name} ${want}`);
      }
    } finally {
      await started.close();
    }
  });

  it("should take other users' rights off database files an earlier version left readable", async () => {
    const dataDir = join(root, 'loose');
    await (await dao(dataDir)).close();
    for (const file of await readdir(dataDir)) await chmod(join(dataDir, file), 0o644);
    const started = await dao(dataDir);
    try {
      for (const file of [sqliteFileName, `${sqliteFileName}-wal`, `${sqliteFileName}-shm`])
        expect(await modeOf(join(dataDir, file))).toBe(0o600);
    } finally {
      await started.close();
    }
  });
});

/** A token signed with `key` exactly as session-tokens.ts signs one, holding whatever payload is given. */
function signedToken(key: string, payload: unknown): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `v1.${body}.${createHmac('sha256', key).update(`session.${body}`).digest('base64url')}`;
}

describe('Session payloads', () => {
  const key = 'a-session-secret-of-at-least-32-characters';
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ auth: { sessionSecret: key } });
  });
  afterAll(async () => server.close());

  const me = (payload: unknown) =>
    request(server.app)
      .get('/api/session/me')
      .set('Cookie', `${SESSION_COOKIE}=${signedToken(key, payload)}`);
  const sid = 'B'.repeat(22);
  const soon = () => Date.now() + 60_000;

  it('should accept a well-formed payload signed with the key', async () => {
    await me({ sid, username: USERS.lead, exp: soon() }).expect(200);
  });

  it('should refuse signed payloads of any other shape', async () => {
    const refused: unknown[] = [
      { sid, username: USERS.lead, exp: '9999999999999' },
      { sid, username: USERS.lead, exp: String(soon()) },
      { username: USERS.lead, exp: soon() },
      { sid: 42, username: USERS.lead, exp: soon() },
      { sid: '', username: USERS.lead, exp: soon() },
      { sid, username: [USERS.lead], exp: soon() },
      { sid, username: '', exp: soon() },
      { sid, username: USERS.lead, exp: soon() + 0.5 },
      { sid, username: USERS.lead, exp: Date.now() + SESSION_TTL_MS + 24 * 60 * 60 * 1000 },
      { sid, username: USERS.lead, exp: soon(), role: 'lead' },
      [sid, USERS.lead, soon()],
      null,
    ];
    for (const payload of refused) expect((await me(payload)).status, JSON.stringify(payload)).toBe(401);
  });
});

describe('The session cookie', () => {
  it('should be Secure in production, even over plain HTTP without a trusted proxy', async () => {
    const production = await startServer({ production: true, auth: { sessionSecret: 'x'.repeat(32) } });
    try {
      const { setCookie } = await signInCookie(production.app);
      expect(setCookie).toMatch(/; Secure/);
    } finally {
      await production.close();
    }
  });
});
