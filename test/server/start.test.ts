// `npm start` as a child process: builds (prestart) and runs the compiled server, prints its URL, serves the API and
// the web app, keeps an acknowledged case across SIGKILL and a restart, writes its request log within a second,
// prints a generated demo password once, and stops cleanly on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFINITIONS, PASSWORD, USERS } from './helpers.js';

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
}

let dir: string;
const children: ChildProcess[] = [];

/**
 * `npm start`; with `built`, without its prestart (`--ignore-scripts` skips only pre- and post-scripts), so that one
 * build serves the starts after the first.
 */
function start(env: Record<string, string>, options: { built?: boolean } = {}): Promise<Running> {
  const args = ['start', '--silent', ...(options.built ? ['--ignore-scripts'] : [])];
  const child = spawn('npm', args, {
    env: { ...process.env, DATA_DIR: dir, PORT: '0', DEFINITIONS_DIR: DEFINITIONS, LOG_LEVEL: 'warn', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    // The first start builds (tsc and the bundles) before it listens.
    const timer = setTimeout(() => reject(new Error(`no URL printed within 180 s:\n${output}`)), 180_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DAO Pathways listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, output: () => output });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.on('exit', () => resolve()),
  );
}

/** SIGTERM to the whole group (npm does not pass it on through its shell), then wait for the server's last line. */
async function terminate(running: Running): Promise<void> {
  process.kill(-running.child.pid!, 'SIGTERM');
  const until = Date.now() + 15_000;
  while (!running.output().includes('DAO Pathways stopped') && Date.now() < until)
    await new Promise((r) => setTimeout(r, 100));
  expect(running.output()).toContain('DAO Pathways stopped');
}

async function call(url: string, method: string, body?: object, session?: { cookie: string; csrf: string }) {
  const res = await fetch(url, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json().catch(() => null)) as Record<string, unknown>,
  };
}

async function signIn(url: string, password: string) {
  const res = await call(`${url}/api/session`, 'POST', { username: USERS.requester, password });
  expect(res.status).toBe(200);
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: res.body.csrfToken as string };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dao-start-'));
  // For a test run alone: the starts without a build need one (the first test's npm start makes it otherwise).
  if (!existsSync('build/server/main.js')) {
    const build = spawn('npm', ['run', 'build', '--silent'], { stdio: 'ignore' });
    expect(await new Promise((resolve) => build.once('exit', resolve))).toBe(0);
  }
}, 300_000);
afterAll(async () => {
  for (const child of children) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // the group has already gone
    }
  }
  await rm(dir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('should keep an acknowledged case across SIGKILL and a restart, and stop cleanly on SIGTERM', async () => {
    const first = await start({ DEMO_PASSWORD: PASSWORD });
    expect((await call(`${first.url}/api/health`, 'GET')).status).toBe(200);
    const page = await fetch(`${first.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<base href="/" />');
    expect((await fetch(`${first.url}/app/app.js`)).headers.get('content-type')).toMatch(/javascript/);
    expect(first.output()).not.toContain(PASSWORD);
    const session = await signIn(first.url, PASSWORD);
    const opened = await call(`${first.url}/api/cases`, 'POST', { pathway: 'flow' }, session);
    expect(opened.status).toBe(201);
    const id = opened.body.id as string;
    const moved = await call(
      `${first.url}/api/cases/${id}/events`,
      'POST',
      { type: 'SUBMIT', expectedVersion: 1, forms: { request: { name: 'Sam', urgent: true } } },
      session,
    );
    expect(moved.status).toBe(200);
    process.kill(-first.child.pid!, 'SIGKILL');
    await exited(first.child);

    const second = await start({ DEMO_PASSWORD: PASSWORD }, { built: true });
    const again = await signIn(second.url, PASSWORD);
    const kept = await call(`${second.url}/api/cases/${id}`, 'GET', undefined, again);
    expect(kept.body).toMatchObject({ id, version: 2, state: 'waiting' });
    await terminate(second);
  }, 300_000);

  it("should write a request's log line within a second even when no more requests come", async () => {
    const running = await start({ DEMO_PASSWORD: PASSWORD, LOG_LEVEL: 'info' }, { built: true });
    expect((await call(`${running.url}/api/health?probe=log`, 'GET')).status).toBe(200);
    const until = Date.now() + 1_000;
    while (!running.output().includes('"path":"/api/health"') && Date.now() < until)
      await new Promise((r) => setTimeout(r, 50));
    expect(running.output()).toContain('"path":"/api/health"');
    await terminate(running);
  }, 90_000);

  it('should print a generated demo password once when DEMO_PASSWORD is not set', async () => {
    const running = await start({ DEMO_PASSWORD: '' }, { built: true });
    const printed = /password \(generated for this run\): (\S+)/.exec(running.output());
    expect(printed).not.toBeNull();
    expect(running.output().split(printed![1]!).length - 1).toBe(1);
    await signIn(running.url, printed![1]!);
    await terminate(running);
  }, 90_000);
});
