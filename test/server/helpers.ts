// Test helpers: a server on the test definitions over a real SQLite file (or a given store), and signed-in clients.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../server/app.js';
import { createDao, type Dao, type DaoOptions } from '../../server/create-dao.js';
import { createLogger } from '../../server/logger.js';

export const DEFINITIONS = 'test/server/fixture';
export const PASSWORD = 'correct horse battery staple';
export const USERS = { requester: 'requester-a', officer: 'officer-a', lead: 'lead-a' } as const;
export type RoleName = keyof typeof USERS;

export interface TestServer {
  app: Express;
  dao: Dao;
  /** Every log line written so far. */
  logs: string[];
  dir: string;
  close(): Promise<void>;
}

export async function startServer(options: DaoOptions = {}): Promise<TestServer> {
  const dir = await mkdtemp(join(tmpdir(), 'dao-server-'));
  const logs: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (logs.push(String(chunk)), done()) });
  const dao = await createDao({
    dataDir: dir,
    definitionsDir: DEFINITIONS,
    demo: { password: PASSWORD },
    backgroundJobs: false,
    logger: createLogger({ level: 'info', destination: sink }),
    ...options,
  });
  const app = createApp(dao.services);
  return {
    app,
    dao,
    logs,
    dir,
    close: async () => (await dao.close(), await rm(dir, { recursive: true, force: true })),
  };
}

/** A signed-in person: requests carry their cookie and, for writes, the CSRF token. */
export class Client {
  constructor(
    readonly app: Express,
    readonly base = '',
    readonly cookie?: string,
    readonly csrfToken?: string,
  ) {}

  private with(test: request.Test, write: boolean): request.Test {
    if (this.cookie) test.set('Cookie', this.cookie);
    if (write && this.csrfToken) test.set('X-CSRF-Token', this.csrfToken);
    return test;
  }

  get(path: string) {
    return this.with(request(this.app).get(this.base + path), false);
  }
  post(path: string, body?: object) {
    return this.with(request(this.app).post(this.base + path), true).send(body);
  }
  patch(path: string, body?: object) {
    return this.with(request(this.app).patch(this.base + path), true).send(body);
  }
  put(path: string, body?: object) {
    return this.with(request(this.app).put(this.base + path), true).send(body);
  }
  delete(path: string) {
    return this.with(request(this.app).delete(this.base + path), true);
  }
}

export async function signIn(app: Express, username: string, base = ''): Promise<Client> {
  const res = await request(app).post(`${base}/api/session`).send({ username, password: PASSWORD });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const cookie = (res.headers['set-cookie'] as unknown as string[])[0]!.split(';')[0]!;
  return new Client(app, base, cookie, res.body.csrfToken as string);
}

export async function signInAll(app: Express, base = ''): Promise<Record<RoleName, Client>> {
  return {
    requester: await signIn(app, USERS.requester, base),
    officer: await signIn(app, USERS.officer, base),
    lead: await signIn(app, USERS.lead, base),
  };
}

export const SECRETS = {
  request: 'TOPSECRET-REQUEST-7f3a',
  report: 'TOPSECRET-REPORT-91bc',
  notes: 'TOPSECRET-NOTES-c0de',
};

/** Walks a case through the test pathway: submitted, allocated (a report opens), notes and report written. */
export async function caseWithEverything(users: Record<RoleName, Client>): Promise<{ id: string; report: string }> {
  const opened = await users.requester.post('/api/cases', { pathway: 'flow' }).expect(201);
  const id = opened.body.id as string;
  await users.requester
    .post(`/api/cases/${id}/events`, {
      type: 'SUBMIT',
      expectedVersion: 1,
      forms: { request: { name: 'Sam', urgent: true, secret: SECRETS.request } },
    })
    .expect(200);
  const allocated = await users.lead
    .post(`/api/cases/${id}/events`, { type: 'ALLOCATE', expectedVersion: 2, data: { officer: USERS.officer } })
    .expect(200);
  await users.lead
    .post(`/api/cases/${id}/events`, { expectedVersion: 3, forms: { notes: { text: SECRETS.notes } } })
    .expect(200);
  await users.officer
    .post(`/api/cases/${id}/events`, {
      expectedVersion: 4,
      forms: { report: { summary: 'All well', privateNote: SECRETS.report } },
    })
    .expect(200);
  const report = (allocated.body.documents as { id: string }[])[0]!.id;
  return { id, report };
}

/** A served validator module (self-contained ES module source), imported as the browser would import it. */
export async function importValidatorModule(code: string): Promise<((data: unknown) => boolean) & { errors?: never }> {
  const url = `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`;
  return ((await import(/* @vite-ignore */ url)) as { default: ((data: unknown) => boolean) & { errors?: never } })
    .default;
}
