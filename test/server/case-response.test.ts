// The case response as text: exactly what JSON.stringify gives for the view, history included, as the case grows.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventHeader } from '../../engine/store/index.js';
import { CaseHistoryJson } from '../../server/services/case-history-json.js';
import { caseWithEverything, signInAll, startServer, type TestServer } from './helpers.js';

const header = (seq: number): EventHeader => ({
  seq,
  type: `E${seq}`,
  userId: 'ann',
  role: 'lead',
  at: `2025-01-0${seq}T09:00:00.000Z`,
});
const asHistory = (headers: EventHeader[], byName = 'Ann') =>
  JSON.stringify(headers.map((h) => ({ seq: h.seq, type: h.type, by: h.userId, byName, role: h.role, at: h.at })));
const names = { ann: 'Ann' };

describe('CaseHistoryJson', () => {
  describe('#text', () => {
    it('should give the JSON of the history as it grows, and of an older, shorter one in between', () => {
      const history = new CaseHistoryJson();
      const headers = [1, 2, 3, 4, 5].map(header);
      expect(history.text('c', [], names)).toBe('[]');
      expect(history.text('c', headers.slice(0, 1), names)).toBe(asHistory(headers.slice(0, 1)));
      expect(history.text('c', headers.slice(0, 3), names)).toBe(asHistory(headers.slice(0, 3)));
      expect(history.text('c', headers.slice(0, 2), names)).toBe(asHistory(headers.slice(0, 2)));
      expect(history.text('c', headers, names)).toBe(asHistory(headers));
      expect(history.text('other', headers.slice(0, 2), names)).toBe(asHistory(headers.slice(0, 2)));
    });

    it('should name each person by their display name, and name them afresh when it has changed', () => {
      const history = new CaseHistoryJson();
      const headers = [1, 2].map(header);
      expect(history.text('c', headers, names)).toBe(asHistory(headers));
      expect(history.text('c', headers, { ann: 'Ann Smith' })).toBe(asHistory(headers, 'Ann Smith'));
    });

    it('should keep at most maxCases cases and still answer for one it dropped', () => {
      const history = new CaseHistoryJson(1);
      const headers = [1, 2].map(header);
      history.text('a', headers.slice(0, 1), names);
      history.text('b', headers, names);
      expect(history.text('a', headers, names)).toBe(asHistory(headers));
    });

    it('should keep the texts of the maxCases cases shown most lately, a case shown again counting as shown lately', () => {
      // given
      const history = new CaseHistoryJson(2);
      const headers = [header(1)];
      history.text('a', headers, names);
      history.text('b', headers, names);
      // when: 'a' is shown again, then a third case
      history.text('a', headers, names);
      history.text('c', headers, names);
      // then: a kept text is used as it is (the log is append-only), so an altered first event shows which were kept
      const altered = [{ ...header(1), type: 'ALTERED' }];
      expect(history.text('a', altered, names)).toBe(asHistory(headers));
      expect(history.text('b', altered, names)).toBe(asHistory(altered));
    });
  });
});

describe('case response', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server.close());

  it('should be the JSON.stringify of the view, history between documents and values, after each change', async () => {
    const users = await signInAll(server.app);
    const { id } = await caseWithEverything(users);
    // An entry reaches only who may read what it is about (issue 21): the confidential notes (seq 4) the lead alone, the
    // report's answers (seq 5) not the requester.
    const seen = [
      [users.lead, [1, 2, 3, 4, 5]],
      [users.officer, [1, 2, 3, 5]],
      [users.requester, [1, 2, 3]],
    ] as const;
    for (const [who, entries] of seen) {
      const res = await who
        .get(`/api/cases/${id}`)
        .expect(200)
        .expect('content-type', 'application/json; charset=utf-8');
      expect(res.text).toBe(JSON.stringify(res.body));
      const keys = Object.keys(res.body);
      expect(keys.slice(keys.indexOf('documents'), keys.indexOf('documents') + 3)).toEqual([
        'documents',
        'history',
        'values',
      ]);
      expect(res.body.history.map((h: { seq: number }) => h.seq)).toEqual(entries);
      expect(res.body.history[2]).toMatchObject({ seq: 3, type: 'ALLOCATE', by: 'lead-a', role: 'lead' });
    }
    const changed = await users.officer
      .post(`/api/cases/${id}/events`, { type: 'FINISH', expectedVersion: 5 })
      .expect(200);
    expect(changed.text).toBe(JSON.stringify(changed.body));
    expect(changed.body.history.map((h: { seq: number; type: string }) => [h.seq, h.type]).slice(-2)).toEqual([
      [5, 'forms.submitted'],
      [6, 'FINISH'],
    ]);
    const opened = await users.requester.post('/api/cases', { pathway: 'flow' }).expect(201);
    expect(opened.text).toBe(JSON.stringify(opened.body));
    expect(opened.body.history).toEqual([expect.objectContaining({ seq: 1, type: 'case.opened', by: 'requester-a' })]);
  });

  it('should be sent with its length in bytes, no ETag (no cache keeps it), and no body for HEAD', async () => {
    const users = await signInAll(server.app);
    const opened = await users.requester.post('/api/cases', { pathway: 'flow' }).expect(201);
    const shown = await users.requester
      .get(`/api/cases/${opened.body.id}`)
      .expect(200)
      .expect('cache-control', 'no-store');
    expect(Number(shown.headers['content-length'])).toBe(Buffer.byteLength(shown.text));
    expect(shown.headers.etag).toBeUndefined();
    const head = await request(server.app)
      .head(`/api/cases/${opened.body.id}`)
      .set('Cookie', users.requester.cookie!)
      .expect(200);
    expect(head.headers['content-length']).toBe(shown.headers['content-length']);
    expect(head.text ?? '').toBe('');
    const stale = await users.requester
      .post(`/api/cases/${opened.body.id}/events`, { type: 'SUBMIT', expectedVersion: 0 })
      .expect(409);
    expect(stale.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(Number(stale.headers['content-length'])).toBe(Buffer.byteLength(stale.text));
  });
});
