// Fuzz over real HTTP, the server in this process on a real SQLite file and the protocol's definitions (issue 24,
// findings 4 and 5): drafts nested past the one JSON depth limit are refused with a problem naming the limit and
// nothing is stored, hostile drafts that are accepted read back as sent, a draft stored before the limit existed
// never makes a read fail; and a session cookie that cannot be decoded is ignored (signed out), never a 400.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSON_LIMITS } from '../../engine/util/json-limits.js';
import { PASSWORD } from '../server/helpers.js';
import {
  call,
  deepJson,
  expectPrototypesUntouched,
  hostileValue,
  startLiveServer,
  type LiveServer,
  type Session,
} from './live-server.js';

const FORM = 'request-for-service';

let live: LiveServer;
let caseId: string;
let draftPath: string;

beforeAll(async () => {
  live = await startLiveServer();
  const opened = await call(live, 'POST', '/api/cases', live.sessions['social-worker'], { pathway: 'referral' });
  caseId = opened.body.id as string;
  draftPath = `/api/cases/${caseId}/drafts/${FORM}`;
}, 60_000);
afterAll(async () => live.close());

const storedDraft = () => live.server.dao.services.store.getDraft(caseId, FORM, 'social-worker');

/** JSON text of `depth` nested objects or arrays, built as text since JSON.stringify would overflow first. */
const nested = (depth: number, arrays: boolean) =>
  arrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

describe('HTTP fuzz: drafts', () => {
  it('should accept a draft nested to the limit, and refuse one level more with a problem naming it', async () => {
    const atLimit = await call(live, 'PUT', draftPath, live.sessions['social-worker'], undefined, {
      body: `{"data": ${nested(JSON_LIMITS.depth, false)}}`,
      type: 'application/json',
    });
    expect(atLimit.status).toBe(200);
    const before = await storedDraft();
    const over = await call(live, 'PUT', draftPath, live.sessions['social-worker'], undefined, {
      body: `{"data": ${nested(JSON_LIMITS.depth + 1, false)}}`,
      type: 'application/json',
    });
    expect([413, 422]).toContain(over.status);
    expect(String(over.body.detail)).toContain(`${JSON_LIMITS.depth} levels`);
    expect(await storedDraft()).toEqual(before);
  });

  it('should refuse deep drafts (to 100,000 levels) with 413 or 422, store nothing, keep reads working', async () => {
    await fc.assert(
      fc.asyncProperty(deepJson, async (json) => {
        const before = await storedDraft();
        const res = await call(live, 'PUT', draftPath, live.sessions['social-worker'], undefined, {
          body: `{"data": ${json}}`,
          type: 'application/json',
        });
        const depth = json.startsWith('[') ? json.length / 2 : (json.length - 1) / 6;
        if (depth > JSON_LIMITS.depth) {
          expect([413, 422], res.text.slice(0, 300)).toContain(res.status);
          expect(await storedDraft()).toEqual(before);
        }
        expect([200, 404]).toContain((await call(live, 'GET', draftPath, live.sessions['social-worker'])).status);
        expectPrototypesUntouched();
      }),
      {
        numRuns: 40,
        examples: [['{"a":'.repeat(5000) + '1' + '}'.repeat(5000)], ['['.repeat(3000) + ']'.repeat(3000)]],
      },
    );
  });

  it('should read back every accepted hostile draft exactly as it was sent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string(), hostileValue, { maxKeys: 6 }), async (data) => {
        const saved = await call(live, 'PUT', draftPath, live.sessions['social-worker'], { data });
        if (saved.status !== 200) return;
        const read = await call(live, 'GET', draftPath, live.sessions['social-worker']);
        expect(read.status).toBe(200);
        // Keys named __proto__ are dropped (never set as a prototype); everything else comes back as it was sent.
        expect(read.body.data).toEqual(
          JSON.parse(JSON.stringify(data), (key, value: unknown) => (key === '__proto__' ? undefined : value)),
        );
        expectPrototypesUntouched();
      }),
      { numRuns: 60 },
    );
  });

  it('should answer a draft stored deeper than the limit (before it existed) with a 404, never a 500', async () => {
    // As deep as the store itself can write (JSON.stringify overflows the stack a few thousand levels down).
    for (const [depth, arrays] of [
      [JSON_LIMITS.depth + 1, true],
      [JSON_LIMITS.depth + 2, false],
      [2000, true],
    ] as const) {
      const data = JSON.parse(`{"a": ${nested(depth - 1, arrays)}}`) as unknown;
      await live.server.dao.services.store.saveDraft({
        caseId,
        formId: FORM,
        userId: 'social-worker',
        data,
        savedAt: new Date().toISOString(),
      });
      const read = await call(live, 'GET', draftPath, live.sessions['social-worker']);
      expect(read.status, `depth ${depth}`).toBe(404);
      expect(String(read.body.detail)).toContain(`${JSON_LIMITS.depth} levels`);
      const saved = await call(live, 'PUT', draftPath, live.sessions['social-worker'], { data: { fresh: true } });
      expect(saved.status).toBe(200);
    }
  });
});

/** Values a browser or a hostile client may send as the session cookie, including percent-signs that do not decode. */
const cookieValue = fc.oneof(
  fc.constantFrom(
    '%',
    '%%',
    '%E0%A4%A',
    '%zz',
    '%C0%80',
    '%ED%A0%80',
    '%FF',
    'v1.%',
    'v1..',
    '=',
    '"%"',
    'v1.e30.%',
    '%u0041',
  ),
  fc.string({ unit: fc.constantFrom(...'%aZ09.=-_+/" \t'.split('')), maxLength: 30 }),
  fc
    .string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 })
    .filter((s) => !s.includes(';')),
);

async function send(method: string, path: string, cookie: string, body?: unknown) {
  const res = await fetch(live.url + path, {
    method,
    headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, text: await res.text() };
}

describe('HTTP fuzz: session cookies', () => {
  it('should treat an undecodable session cookie as signed out everywhere, and let the person sign in', async () => {
    await fc.assert(
      fc.asyncProperty(cookieValue, fc.boolean(), async (value, withOthers) => {
        const cookie = withOthers ? `theme=dark; dao_session=${value}; other=%` : `dao_session=${value}`;
        expect((await send('GET', '/', cookie)).status).toBe(200);
        expect((await send('GET', '/api/health', cookie)).status).toBe(200);
        expect((await send('GET', '/api/session/me', cookie)).status).toBe(401);
        expect((await send('GET', `/api/cases/${caseId}`, cookie)).status).toBe(401);
        const signIn = await send('POST', '/api/session', cookie, { username: 'auditor', password: PASSWORD });
        expect(signIn.status, signIn.text.slice(0, 300)).toBe(200);
        expectPrototypesUntouched();
      }),
      {
        numRuns: 30,
        examples: [
          ['%', false],
          ['%', true],
          ['%E0%A4%A', false],
        ],
      },
    );
  });

  it('should still find the real session cookie after an undecodable one of the same name', async () => {
    const real: Session = live.sessions.auditor;
    const res = await send('GET', '/api/session/me', `dao_session=%; ${real.cookie}`);
    expect(res.status).toBe(200);
  });
});
