// Issue 24, finding 6: every error response's `type` is one of this product's problem types (server/problem-types.ts),
// whatever failed underneath: a body that does not inflate (zlib's Z_DATA_ERROR), an unknown encoding or charset,
// JSON that does not parse, an address that does not decode, an unknown route.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_CODES, PROBLEM_TYPES, problemType, type ProblemCode } from '../../server/problem-types.js';
import { signIn, startServer, USERS, type Client, type TestServer } from '../server/helpers.js';

let server: TestServer;
let requester: Client;
let http: Server;
let url: string;

beforeAll(async () => {
  server = await startServer();
  requester = await signIn(server.app, USERS.requester);
  http = await new Promise((resolve) => {
    const listening = server.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => http.close(resolve));
  await server.close();
});

const KNOWN_TYPES = PROBLEM_CODES.map(problemType);

/**
 * A write as the signed-in requester with a raw body and headers, as a hostile or broken client sends it (over real
 * HTTP with fetch: supertest would serialise a Buffer as JSON when the type is JSON).
 */
async function rawPost(path: string, body: Buffer | string, headers: Record<string, string>): Promise<Answer> {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { cookie: requester.cookie!, 'x-csrf-token': requester.csrfToken!, ...headers },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    text,
    body: JSON.parse(text) as Record<string, unknown>,
    headers: { 'content-type': res.headers.get('content-type') ?? '' },
  };
}

interface Answer {
  status: number;
  text: string;
  body: Record<string, unknown>;
  headers: Record<string, string>;
}

function expectOwnProblem(res: Answer, status: number): void {
  expect(res.status, res.text.slice(0, 300)).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(KNOWN_TYPES, res.text.slice(0, 300)).toContain(res.body.type);
  expect(problemType(res.body.code as ProblemCode)).toBe(res.body.type);
}

describe('Problem types', () => {
  it("should answer a gzip body that does not inflate with bad-request, not zlib's error code", async () => {
    const res = await rawPost('/api/cases', Buffer.from('this is not gzip at all'), {
      'Content-Type': 'application/json',
      'Content-Encoding': 'gzip',
    });
    expectOwnProblem(res, 400);
    expect(res.body.code).toBe('bad-request');
    expect(res.text).not.toMatch(/Z_DATA_ERROR|incorrect header check/);
  });

  it('should answer a deflate body cut short, and a gzip body of bad JSON, with our types', async () => {
    const gzipped = gzipSync(Buffer.from('{"pathway": "flow"}'));
    expectOwnProblem(
      await rawPost('/api/cases', gzipped.subarray(0, gzipped.length - 6), {
        'Content-Type': 'application/json',
        'Content-Encoding': 'gzip',
      }),
      400,
    );
    expectOwnProblem(
      await rawPost('/api/cases', Buffer.from([0x78, 0x9c, 0xff, 0x00]), {
        'Content-Type': 'application/json',
        'Content-Encoding': 'deflate',
      }),
      400,
    );
    const badJson = await rawPost('/api/cases', gzipSync(Buffer.from('{"pathway":')), {
      'Content-Type': 'application/json',
      'Content-Encoding': 'gzip',
    });
    expectOwnProblem(badJson, 400);
    expect(badJson.body.code).toBe('bad-json');
  });

  it('should answer an unknown content encoding or charset with 415 and our type', async () => {
    expectOwnProblem(
      await rawPost('/api/cases', '{"pathway": "flow"}', {
        'Content-Type': 'application/json',
        'Content-Encoding': 'br-unknown',
      }),
      415,
    );
    expectOwnProblem(
      await rawPost('/api/cases', '{"pathway": "flow"}', { 'Content-Type': 'application/json; charset=klingon' }),
      415,
    );
  });

  it('should answer a body over 1 MB, a malformed address and an unknown route with our types', async () => {
    expectOwnProblem(
      await rawPost('/api/cases', `{"pathway": "${'x'.repeat(1024 * 1024)}"}`, { 'Content-Type': 'application/json' }),
      413,
    );
    for (const [path, status] of [
      ['/api/cases/%E0%A4%A', 400],
      ['/api/no-such-thing', 404],
    ] as const) {
      const res = await requester.get(path);
      expectOwnProblem(
        {
          status: res.status,
          text: res.text,
          body: res.body as Record<string, unknown>,
          headers: { 'content-type': res.headers['content-type'] ?? '' },
        },
        status,
      );
    }
  });

  it('should give every code of the table its own type, and name a title for each', () => {
    for (const [code, title] of Object.entries(PROBLEM_TYPES)) {
      expect(problemType(code as keyof typeof PROBLEM_TYPES)).toBe(`urn:dao-pathways:problem:${code}`);
      expect(title.length).toBeGreaterThan(0);
    }
  });
});
