// Fuzz over real HTTP, the server in this process on a real SQLite file and the protocol's definitions: random and
// hostile form answers (wrong types, strings up to just under 1 MB, deep nesting, __proto__ / constructor keys,
// control characters, right-to-left and emoji text) and malformed bodies. Never a 5xx, never invalid answers
// stored, never a changed prototype; accepted text is stored exactly as sent.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIO_STEPS } from '../security/protocol-walk.js';
import {
  call,
  deepJson,
  expectPrototypesUntouched,
  expectStoredCaseValid,
  hostileValue,
  mutate,
  pollution,
  startLiveServer,
  type LiveServer,
} from './live-server.js';

const FORMS = ['request-for-service', 'screening', 'consent'];
const VALID = SCENARIO_STEPS[0]!.forms! as Record<string, Record<string, unknown>>;

let live: LiveServer;
let caseId: string;
let version: number;

beforeAll(async () => {
  live = await startLiveServer();
  const opened = await call(live, 'POST', '/api/cases', live.sessions['social-worker'], { pathway: 'referral' });
  caseId = opened.body.id as string;
  version = opened.body.version as number;
}, 60_000);
afterAll(async () => live.close());

/** Submits answers to the draft referral as the social worker, at its current version. */
async function submit(forms: Record<string, unknown>) {
  const res = await call(live, 'POST', `/api/cases/${caseId}/events`, live.sessions['social-worker'], {
    expectedVersion: version,
    forms,
  });
  if (res.status === 200) version = res.body.version as number;
  return res;
}

async function submitRaw(body: string | Uint8Array, type = 'application/json') {
  return call(live, 'POST', `/api/cases/${caseId}/events`, live.sessions['social-worker'], undefined, { body, type });
}

describe('HTTP fuzz: form answers', () => {
  it('should answer hostile answers with 200 or a 4xx, and store only valid ones', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...FORMS),
        fc.oneof(hostileValue, fc.dictionary(fc.string(), hostileValue)),
        async (form, answers) => {
          const res = await submit({ [form]: answers });
          if (res.status === 200) expect(live.defs.forms.get(form)!.validator.validate(answers).valid).toBe(true);
          else expect(res.body.code, res.text.slice(0, 300)).toMatch(/^(form-invalid|bad-request|bad-json|too-large)$/);
          expectPrototypesUntouched();
        },
      ),
      { numRuns: 150 },
    );
    await expectStoredCaseValid(live, caseId);
  });

  it('should refuse with 422 an answer of the wrong type that a computed answer reads (bug: 500 definition-error)', async () => {
    // screening.yaml's x-compute of `outcome` compares q1ProbationSupervision with == (json-logic-engine threw on an object).
    for (const wrong of [{}, [], 1, ['no']]) {
      const res = await submit({ screening: { ...VALID.screening, q1ProbationSupervision: wrong } });
      expect(`${JSON.stringify(wrong)} → ${res.status} ${String(res.body.code)}`).toBe(
        `${JSON.stringify(wrong)} → 422 form-invalid`,
      );
      expect(res.body.errors).toHaveProperty(['q1ProbationSupervision']);
    }
  });

  it('should refuse valid answers with one leaf made hostile unless they are still valid', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...FORMS),
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        hostileValue,
        async (form, path, replacement) => {
          const answers = mutate(VALID[form], path, replacement);
          const res = await submit({ [form]: answers });
          expect(res.status === 200).toBe(live.defs.forms.get(form)!.validator.validate(answers).valid);
          expectPrototypesUntouched();
        },
      ),
      { numRuns: 150 },
    );
    await expectStoredCaseValid(live, caseId);
  });

  it('should store long right-to-left, emoji and control-character text exactly, or refuse it when the body passes 1 MB', async () => {
    const alphabets = ['x', 'é', 'ש', '\u202E', '👩‍👩‍👧', '\u0001', '"\\', '\uD83D'];
    let stored = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 100_000, max: 990_000 }),
        fc.constantFrom(...alphabets),
        async (length, unit) => {
          const text = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
          const answers = {
            ...VALID['request-for-service'],
            reasons: { ...(VALID['request-for-service']!.reasons as object), keyIssues: text },
          };
          const bytes = Buffer.byteLength(
            JSON.stringify({ expectedVersion: version, forms: { 'request-for-service': answers } }),
          );
          const res = await submit({ 'request-for-service': answers });
          if (bytes > 1024 * 1024) expect(res.status).toBe(413);
          else if (res.status === 200) {
            const kept = (await live.server.dao.services.store.getCase(caseId))!.snapshot as {
              forms: Record<string, { data: { reasons: { keyIssues: string } } }>;
            };
            expect(kept.forms['request-for-service']!.data.reasons.keyIssues === text).toBe(true);
            stored++;
          } else expect(res.status, res.text.slice(0, 300)).toBe(422);
          expectPrototypesUntouched();
        },
      ),
      {
        numRuns: 12,
        examples: [
          [990_000, 'x'],
          [400_000, 'ש'],
          [300_000, '👩‍👩‍👧'],
        ],
      },
    );
    expect(stored).toBeGreaterThan(0);
    await expectStoredCaseValid(live, caseId);
  });

  it('should refuse deep nesting and prototype-polluting JSON without harm', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...FORMS),
        fc.oneof(deepJson, pollution),
        fc.boolean(),
        async (form, json, asForm) => {
          const body = asForm
            ? `{"expectedVersion": ${version}, "forms": {"${form}": ${json}}}`
            : `{"expectedVersion": ${version}, "type": "SUBMIT_REQUEST", "data": ${json}}`;
          const res = await submitRaw(body);
          expect(res.status).not.toBe(200);
          expectPrototypesUntouched();
        },
      ),
      { numRuns: 40 },
    );
    await expectStoredCaseValid(live, caseId);
  });

  it('should refuse malformed bodies with a 4xx', async () => {
    const malformed = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.uint8Array({ maxLength: 200 }),
      fc.constantFrom(
        '',
        '{',
        '{"expectedVersion": 1,}',
        '\uFEFF{"expectedVersion": 1}',
        '{"expectedVersion": 1e999999}',
        '[1,2,3]',
        'null',
        '"string"',
        '{"expectedVersion": "1"}',
        '{"forms": null, "expectedVersion": 1}',
      ),
      fc.constant(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])),
    );
    await fc.assert(
      fc.asyncProperty(
        malformed,
        fc.constantFrom(
          'application/json',
          'application/json; charset=utf-16',
          'application/json; charset=latin1',
          'text/plain',
          'application/x-www-form-urlencoded',
        ),
        async (body, type) => {
          const res = await submitRaw(body, type);
          expect(res.status).toBeGreaterThanOrEqual(400);
          expectPrototypesUntouched();
        },
      ),
      { numRuns: 100 },
    );
    await expectStoredCaseValid(live, caseId);
  });
});
