// The standalone server's HTTP server (server/http-server.ts): requests and responses made with the app's prototypes
// and their final set of properties, serving exactly what app.listen serves.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer } from '../../server/http-server.js';
import { PASSWORD, USERS, startServer, type TestServer } from './helpers.js';

async function listen(server: Server): Promise<{ url: string; close(): Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const stringKeys = (o: object) => Object.keys(Object.getOwnPropertyDescriptors(o));

/** Records, for every request, what its objects were before the app saw them and what was added by the end. */
function watch(server: Server, app: Express) {
  const seen: { path: string; prototypesFromStart: boolean; addedToRequest: string[]; addedToResponse: string[] }[] = [];
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const prototypesFromStart = Object.getPrototypeOf(req) === app.request && Object.getPrototypeOf(res) === app.response;
    const before = { req: new Set(stringKeys(req)), res: new Set(stringKeys(res)) };
    const path = req.url!;
    res.once('close', () => {
      seen.push({
        path,
        prototypesFromStart,
        // _eventsCount is Node's own listener count, written when a stream gains its first listener.
        addedToRequest: stringKeys(req).filter((k) => !before.req.has(k) && k !== '_eventsCount'),
        addedToResponse: stringKeys(res).filter((k) => !before.res.has(k) && k !== '_eventsCount'),
      });
    });
  });
  return seen;
}

describe('createHttpServer', () => {
  describe('serving the DAO app', () => {
    let dao: TestServer;
    let server: Server;
    let running: { url: string; close(): Promise<void> };
    let seen: ReturnType<typeof watch>;

    beforeAll(async () => {
      dao = await startServer();
      server = createHttpServer(dao.app);
      seen = watch(server, dao.app);
      running = await listen(server);
    });
    afterAll(async () => {
      await running.close();
      await dao.close();
    });

    it('should give requests and responses the properties Express adds, and its prototypes, before Express sees them', async () => {
      // given: a signed-in person who opens a case, sends an event, reads it, and makes two mistakes
      const signIn = await fetch(`${running.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: USERS.requester, password: PASSWORD }) });
      expect(signIn.status).toBe(200);
      const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
      const { csrfToken } = (await signIn.json()) as { csrfToken: string };
      const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
      const opened = await fetch(`${running.url}/api/cases`, { method: 'POST', headers, body: JSON.stringify({ pathway: 'flow' }) });
      expect(opened.status).toBe(201);
      const { id, version } = (await opened.json()) as { id: string; version: number };
      const stale = await fetch(`${running.url}/api/cases/${id}/events`, { method: 'POST', headers, body: JSON.stringify({ type: 'SUBMIT', expectedVersion: version + 5, data: {} }) });
      expect(stale.status).toBe(409);
      const read = await fetch(`${running.url}/api/cases/${id}`, { headers: { cookie } });
      expect(read.status).toBe(200);
      expect(((await read.json()) as { id: string }).id).toBe(id);
      const malformed = await fetch(`${running.url}/api/cases`, { method: 'POST', headers, body: '{"pathway":' });
      expect(malformed.status).toBe(400);
      expect((await fetch(`${running.url}/api/nothing-here`, { headers: { cookie } })).status).toBe(404);
      await new Promise((resolve) => setImmediate(resolve));

      // then: every object had the app's prototypes from the start, and nothing was added to its shape on the way
      expect(seen.map((s) => s.path)).toHaveLength(6);
      for (const request of seen) {
        expect(request, request.path).toMatchObject({ prototypesFromStart: true, addedToRequest: [], addedToResponse: [] });
      }
    });
  });

  describe('serving any Express app', () => {
    const app = express();
    app.use(express.json());
    const things = express.Router();
    things.post('/:id', (req, res) => {
      res.locals.seen = req.originalUrl;
      res.status(201).json({ id: req.params.id, baseUrl: req.baseUrl, body: req.body as unknown, seen: res.locals.seen as unknown });
    });
    app.use('/things', things);
    app.get('/plain', (_req, res) => res.send('plain text'));

    async function answers(server: Server) {
      const running = await listen(server);
      try {
        const post = await fetch(`${running.url}/things/7?x=1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":[1,"b"]}' });
        const bad = await fetch(`${running.url}/things/7`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' });
        const head = await fetch(`${running.url}/plain`, { method: 'HEAD' });
        const missing = await fetch(`${running.url}/missing`);
        return [
          [post.status, await post.json()],
          [bad.status, (await bad.text()).includes('SyntaxError')],
          [head.status, head.headers.get('content-length'), await head.text()],
          [missing.status],
        ];
      } finally {
        await running.close();
      }
    }

    it('should answer as app.listen does', async () => {
      const ours = await answers(createHttpServer(app));
      // what app.listen makes
      const plain = await answers(createServer(app));

      expect(ours).toEqual(plain);
      expect(ours[0]).toEqual([201, { id: '7', baseUrl: '/things', body: { a: [1, 'b'] }, seen: '/things/7?x=1' }]);
      expect(ours[2]).toEqual([200, '10', '']);
    });
  });
});
