// The standalone app as npm start serves it (app.listen, server/main.ts), over a real socket: sign in, open a case,
// a stale version, a read, a malformed body and an unknown path each get their answer.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, USERS, startServer, type TestServer } from './helpers.js';

describe('createApp served by app.listen', () => {
  let dao: TestServer;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    dao = await startServer();
    server = dao.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await dao.close();
  });

  it('should answer a signed-in person who opens a case, sends an event, reads it and makes two mistakes', async () => {
    // given
    const credentials = JSON.stringify({ username: USERS.requester, password: PASSWORD });
    const json = { 'content-type': 'application/json' };
    const signIn = await fetch(`${url}/api/session`, { method: 'POST', headers: json, body: credentials });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const headers = { ...json, cookie, 'x-csrf-token': csrfToken };

    // when / then
    const post = (path: string, body: string) => fetch(`${url}${path}`, { method: 'POST', headers, body });
    const opened = await post('/api/cases', JSON.stringify({ pathway: 'flow' }));
    expect(opened.status).toBe(201);
    const { id, version } = (await opened.json()) as { id: string; version: number };
    expect(opened.headers.get('location')).toBe(`/api/cases/${id}`);
    const staleEvent = { type: 'SUBMIT', expectedVersion: version + 5, data: {} };
    const stale = await post(`/api/cases/${id}/events`, JSON.stringify(staleEvent));
    expect(stale.status).toBe(409);
    const read = await fetch(`${url}/api/cases/${id}`, { headers: { cookie } });
    expect(read.status).toBe(200);
    expect(read.headers.get('cache-control')).toBe('no-store');
    expect(((await read.json()) as { id: string }).id).toBe(id);
    const malformed = await post('/api/cases', '{"pathway":');
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await fetch(`${url}/api/nothing-here`, { headers: { cookie } })).status).toBe(404);
  });
});
