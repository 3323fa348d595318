// Issue 24, finding 2: sign-in limits that parallel attempts cannot race past, a cap per address over every username,
// failed sign-ins and lock-outs in the audit log, and no production start behind a proxy that would give every
// client one address. Over real HTTP against the real app, behind a trusted proxy (TRUST_PROXY=loopback) so that
// each test's client has an address of its own (X-Forwarded-For).
import { spawn } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { DEFAULT_SIGN_IN_LIMITS } from '../../server/services/sign-in-limiter.js';
import { UNKNOWN_USER } from '../../server/services/sign-in-audit.js';
import { DEFINITIONS, PASSWORD, startServer, USERS, type TestServer } from '../server/helpers.js';

const { perUser, perAddress, windowMs } = DEFAULT_SIGN_IN_LIMITS;

let server: TestServer;
let http: Server;
let url: string;

beforeAll(async () => {
  server = await startServer();
  const app = createApp(server.dao.services, { trustProxy: 'loopback' });
  http = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(async () => {
  http.closeAllConnections();
  await new Promise((resolve) => http.close(resolve));
  await server.close();
});

interface Answer {
  status: number;
  retryAfter: number;
  body: Record<string, unknown>;
}

async function signInFrom(address: string, username: string, password: string): Promise<Answer> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ username, password }),
  });
  return {
    status: res.status,
    retryAfter: Number(res.headers.get('retry-after')),
    body: (await res.json()) as Record<string, unknown>,
  };
}

const statuses = (answers: Answer[]): Record<number, number> => {
  const counted: Record<number, number> = {};
  for (const { status } of answers) counted[status] = (counted[status] ?? 0) + 1;
  return counted;
};

const atOnce = (count: number, attempt: (i: number) => Promise<Answer>): Promise<Answer[]> =>
  Promise.all(Array.from({ length: count }, (_, i) => attempt(i)));

interface Entry {
  userId: string;
  action: string;
  detail: Record<string, unknown> | null;
}

async function auditEntries(): Promise<Entry[]> {
  return (await server.dao.services.store.listAudit({ limit: 1000 })) as Entry[];
}

describe('Sign-in limits (issue 24, finding 2)', () => {
  it('should check no more than the limit of 60 wrong passwords sent at once, and then refuse the right one', async () => {
    // when 60 wrong passwords for one user arrive together
    const wrong = await atOnce(60, (i) => signInFrom('203.0.113.10', USERS.officer, `wrong-${i}`));
    // then only the limit's worth is checked, and the rest wait for the window to end
    expect(statuses(wrong)).toEqual({ 401: perUser, 429: 60 - perUser });
    for (const refused of wrong.filter((a) => a.status === 429)) {
      expect(refused.retryAfter).toBeGreaterThan(0);
      expect(refused.retryAfter).toBeLessThanOrEqual(windowMs / 1000);
      expect(refused.body.code).toBe('too-many-attempts');
    }
    // and 60 right passwords after them, at once, are all refused: none succeeds once the user is locked
    const right = await atOnce(60, () => signInFrom('203.0.113.10', USERS.officer, PASSWORD));
    expect(statuses(right)).toEqual({ 429: 60 });
  });

  it('should never check more wrong passwords than the limit when the right one is sent among them', async () => {
    // when 59 wrong passwords and then the right one arrive together
    const answers = await atOnce(60, (i) => signInFrom('203.0.113.11', USERS.lead, i < 59 ? `wrong-${i}` : PASSWORD));
    const counted = statuses(answers);
    // then at most the limit's worth of wrong passwords is checked; the right one succeeds only if it came before
    // the limit was used up (a success counts no failure, so one more attempt may then be checked)
    expect(counted[401]).toBeLessThanOrEqual(perUser);
    expect(counted[401]! + (counted[200] ?? 0)).toBeGreaterThanOrEqual(perUser);
    expect(counted[401]! + (counted[200] ?? 0)).toBeLessThanOrEqual(perUser + 1);
    expect(counted[429]).toBe(60 - counted[401]! - (counted[200] ?? 0));
    if (counted[401] === perUser) {
      expect((await signInFrom('203.0.113.11', USERS.lead, PASSWORD)).status).toBe(429);
    }
  });

  it('should cap failures from one address over every username with 429 and Retry-After', async () => {
    // given 45 wrong passwords over five usernames, known and unknown, from one address, fewer than the limit each
    const usernames = [USERS.officer, USERS.lead, USERS.requester, 'nobody-1', 'nobody-2'];
    const answers = await atOnce(45, (i) => signInFrom('198.51.100.20', usernames[i % 5]!, `wrong-${i}`));
    // then the address's cap refuses those past it
    expect(statuses(answers)).toEqual({ 401: perAddress, 429: 45 - perAddress });
    for (const refused of answers.filter((a) => a.status === 429)) {
      expect(refused.retryAfter).toBeGreaterThan(0);
      expect(refused.retryAfter).toBeLessThanOrEqual(windowMs / 1000);
    }
    // and the address stays refused, for a username it has not tried too, while another address is not held up
    expect((await signInFrom('198.51.100.20', 'nobody-3', PASSWORD)).status).toBe(429);
    expect((await signInFrom('198.51.100.21', USERS.requester, PASSWORD)).status).toBe(200);
    // and the cap, once used up, is audited as a lock-out of the address, once
    const lockOuts = (await auditEntries()).filter(
      (e) => e.detail?.address === '198.51.100.20' && e.action === 'sign-in.locked-out',
    );
    expect(lockOuts.map((e) => e.detail!.limit)).toEqual(['address']);
  });

  it('should not count a right password against the address, so one account cannot wipe the failures of others', async () => {
    // given failures from one address just short of its cap, with sign-ins that succeed between them
    for (let i = 0; i < perAddress - 1; i++) {
      expect((await signInFrom('198.51.100.30', `guess-${i % 3}`, `wrong-${i}`)).status).toBe(401);
      if (i % 10 === 0) expect((await signInFrom('198.51.100.30', USERS.requester, PASSWORD)).status).toBe(200);
    }
    // then one more failure uses up the cap, the successes having wiped nothing
    expect((await signInFrom('198.51.100.30', 'guess-x', 'wrong')).status).toBe(401);
    expect((await signInFrom('198.51.100.30', USERS.requester, PASSWORD)).status).toBe(429);
  });

  it('should audit failed sign-ins and lock-outs, naming only known accounts and never what was typed', async () => {
    // given a known user locked out at an address, and a password typed into the username box
    const typedAsUsername = 'Tr0ub4dor&3-in-the-wrong-box';
    const passwords = Array.from({ length: perUser }, (_, i) => `typed-password-${i}`);
    for (const password of passwords) await signInFrom('192.0.2.40', USERS.requester, password);
    await signInFrom('192.0.2.41', typedAsUsername, 'another-typed-password');
    // then
    const entries = await auditEntries();
    const at40 = entries.filter((e) => e.detail?.address === '192.0.2.40');
    expect(at40.filter((e) => e.action === 'sign-in.failed')).toHaveLength(perUser);
    expect(at40.every((e) => e.userId === USERS.requester)).toBe(true);
    const lockOuts = at40.filter((e) => e.action === 'sign-in.locked-out');
    expect(lockOuts).toHaveLength(1);
    expect(lockOuts[0]!.detail!).toMatchObject({ limit: 'user-at-address', address: '192.0.2.40' });
    expect(Date.parse(String(lockOuts[0]!.detail!.until))).toBeGreaterThan(Date.now());
    const unknown = entries.filter((e) => e.detail?.address === '192.0.2.41');
    expect(unknown).toEqual([expect.objectContaining({ userId: UNKNOWN_USER, action: 'sign-in.failed' })]);
    const everything = JSON.stringify(entries);
    for (const typed of [typedAsUsername, 'another-typed-password', ...passwords])
      expect(everything).not.toContain(typed);
  });
});

describe('Production start behind a proxy (issue 24, finding 2)', () => {
  const startInProduction = (env: Record<string, string>) =>
    new Promise<{ code: number | null; output: string }>((resolve) => {
      const { TRUST_PROXY: _ignored, ...inherited } = process.env;
      const child = spawn('npm', ['start', '--silent'], {
        env: {
          ...inherited,
          NODE_ENV: 'production',
          SESSION_SECRET: 's'.repeat(32),
          DEMO_MODE: 'false',
          PORT: '0',
          DATA_DIR: join(server.dir, 'production'),
          DEFINITIONS_DIR: DEFINITIONS,
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      let output = '';
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        // A server that starts after all is stopped at once (npm passes no signal on: the whole group is killed).
        if (output.includes('listening')) process.kill(-child.pid!, 'SIGKILL');
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.on('exit', (code) => resolve({ code, output }));
    });

  it('should refuse to start without TRUST_PROXY, or with a loopback HOST that no proxy is trusted for', async () => {
    const [unset, loopback] = await Promise.all([
      startInProduction({ HOST: '0.0.0.0' }),
      startInProduction({ HOST: '127.0.0.1', TRUST_PROXY: 'false' }),
    ]);
    expect(unset.code).toBe(1);
    expect(unset.output).toContain('Missing env var TRUST_PROXY');
    expect(loopback.code).toBe(1);
    expect(loopback.output).toContain('TRUST_PROXY=false with HOST=127.0.0.1');
    // a clear message, not a stack trace, and no server listening
    for (const { output } of [unset, loopback]) {
      expect(output).not.toMatch(/^\s+at /m);
      expect(output).not.toContain('listening');
    }
  }, 120_000);
});
