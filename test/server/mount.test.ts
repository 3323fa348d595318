// A host portal mounts the router under /dao in its own Express app and completes a case through it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/logger.js';
import { createRouter, type DaoRouter } from '../../server/router.js';
import { DEFINITIONS, PASSWORD, signIn, USERS } from './helpers.js';

let dir: string;
let router: DaoRouter;
const host = express();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dao-mount-'));
  router = await createRouter({
    dataDir: dir,
    definitionsDir: DEFINITIONS,
    demo: { password: PASSWORD },
    logger: createLogger({ level: 'silent' }),
  });
  host.get('/', (_req, res) => res.send('portal home'));
  host.use('/dao', router);
  host.get('/after', (_req, res) => res.send('portal page after the mount'));
});
afterAll(async () => {
  await router.close();
  await rm(dir, { recursive: true, force: true });
});

describe('createRouter mounted under /dao', () => {
  it('should complete a case through the mounted API', async () => {
    const requester = await signIn(host, USERS.requester, '/dao');
    const lead = await signIn(host, USERS.lead, '/dao');
    const officer = await signIn(host, USERS.officer, '/dao');
    expect(requester.cookie).toBeDefined();
    const opened = await requester.post('/api/cases', { pathway: 'flow' }).expect(201);
    expect(opened.headers.location).toBe(`/dao/api/cases/${opened.body.id}`);
    const id = opened.body.id as string;
    await requester
      .post(`/api/cases/${id}/events`, {
        type: 'SUBMIT',
        expectedVersion: 1,
        forms: { request: { name: 'Sam', urgent: true } },
      })
      .expect(200);
    await lead
      .post(`/api/cases/${id}/events`, { type: 'ALLOCATE', expectedVersion: 2, data: { officer: USERS.officer } })
      .expect(200);
    const done = await officer.post(`/api/cases/${id}/events`, { type: 'FINISH', expectedVersion: 3 }).expect(200);
    expect(done.body).toMatchObject({ state: 'done', done: true, version: 4 });
    expect(done.body.history.map((h: { type: string }) => h.type)).toEqual([
      'case.opened',
      'SUBMIT',
      'ALLOCATE',
      'FINISH',
    ]);
  });

  it('should scope its cookie to the mount path and describe itself there', async () => {
    const res = await request(host)
      .post('/dao/api/session')
      .send({ username: USERS.lead, password: PASSWORD })
      .expect(200);
    expect(String(res.headers['set-cookie'])).toMatch(/Path=\/dao/);
    const spec = await request(host).get('/dao/api/openapi.json').expect(200);
    expect(spec.body.openapi).toBe('3.1.0');
    expect(spec.body.servers).toEqual([{ url: '/dao' }]);
  });

  it('should leave the host its own routes and answer unknown API paths with a problem', async () => {
    expect((await request(host).get('/').expect(200)).text).toBe('portal home');
    expect((await request(host).get('/after').expect(200)).text).toBe('portal page after the mount');
    const missing = await request(host).get('/dao/api/missing').expect(404);
    expect(missing.headers['content-type']).toMatch(/problem\+json/);
  });
});
