// The request log: one line per request saying method, path, status, time and who — nothing a person sent.
import { once } from 'node:events';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startServer, USERS, type TestServer } from './helpers.js';

interface RequestLine {
  level: number;
  msg: string;
  reqId: number;
  req: { id: number; method: string; path: string };
  res: { status: number };
  responseTime: number;
  user?: string;
  role?: string;
  demo?: boolean;
}

describe('request log', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server.close());

  const requestLines = (): RequestLine[] =>
    server.logs
      .flatMap((chunk) => chunk.split('\n'))
      .filter(Boolean)
      .map((line) => JSON.parse(line) as RequestLine)
      .filter((line) => line.req !== undefined);

  it('should write one line per request with method, path without query, status, time and who', async () => {
    // given
    const requester = await signIn(server.app, USERS.requester);
    const before = requestLines().length;
    // when
    const opened = await requester.post('/api/cases?from=test', { pathway: 'flow' }).expect(201);
    await requester.post(`/api/cases/${opened.body.id}/events`, { type: 'SUBMIT', expectedVersion: 99 }).expect(409);
    await request(server.app).get('/api/cases').expect(401);
    // then
    const lines = requestLines().slice(before);
    expect(lines.map((l) => [l.req.method, l.req.path, l.res.status, l.user ?? null])).toEqual([
      ['POST', '/api/cases', 201, USERS.requester],
      ['POST', `/api/cases/${opened.body.id}/events`, 409, USERS.requester],
      ['GET', '/api/cases', 401, null],
    ]);
    for (const line of lines) {
      expect(line).toMatchObject({ level: 30, msg: 'request completed' });
      expect(line.reqId).toBe(line.req.id);
      expect(line.responseTime).toBeGreaterThanOrEqual(0);
    }
    expect(lines[0]!.role).toBe('requester');
    expect(new Set(lines.map((l) => l.req.id)).size).toBe(3);
    const text = server.logs.join('');
    expect(text).not.toContain(requester.cookie!.split('=')[1]);
    expect(text).not.toContain(requester.csrfToken);
    expect(text).not.toContain('"pathway"');
  });

  it('should write one line, "request aborted", for a request the client gives up on', async () => {
    // given a client that sends part of a body and hangs up
    const listening = server.app.listen(0, '127.0.0.1');
    await once(listening, 'listening');
    const before = requestLines().length;
    const half = httpRequest({
      port: (listening.address() as AddressInfo).port,
      host: '127.0.0.1',
      method: 'POST',
      path: '/api/session',
      headers: { 'content-type': 'application/json', 'content-length': '100' },
    });
    half.on('error', () => undefined);
    half.write('{"username');
    await new Promise((resolve) => setTimeout(resolve, 100));
    // when
    half.destroy();
    const until = Date.now() + 2_000;
    while (requestLines().length === before && Date.now() < until)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 100)); // time for a second line, which must not come
    listening.close();
    // then
    expect(requestLines().slice(before)).toEqual([
      expect.objectContaining({
        msg: 'request aborted',
        req: expect.objectContaining({ method: 'POST', path: '/api/session' }),
      }),
    ]);
  });
});
