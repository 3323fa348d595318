// Fuzz over real HTTP with the protocol's definitions: random sequences of events on a referral, from every role,
// mixing the scenario's own steps (to reach deep states: allocation, sessions, documents) with hostile ones — unknown
// and misplaced event types, hostile data, made-up instances, stale and absurd versions, forms and drafts from
// the wrong people. Never a 5xx; afterwards every stored answer and event datum is valid, the event log is complete
// and replays to the stored case, and no prototype has changed.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTOR, PROTOCOL_USERS, SCENARIO_STEPS, stepInstance, type ProtocolUser } from '../security/protocol-walk.js';
import {
  call,
  expectPrototypesUntouched,
  expectStoredCaseValid,
  hostileText,
  hostileValue,
  startLiveServer,
  type LiveServer,
} from './live-server.js';

let live: LiveServer;
let eventTypes: string[];
let formIds: string[];

beforeAll(async () => {
  live = await startLiveServer();
  eventTypes = [...new Set([...live.defs.pathways.values()].flatMap((p) => Object.keys(p.meta.events)))];
  formIds = [...live.defs.forms.keys()];
}, 60_000);
afterAll(async () => live.close());

type Command =
  | { kind: 'step' }
  | {
      kind: 'event';
      who: ProtocolUser;
      type: string;
      data: unknown;
      instance: number | string | undefined;
      version: 'current' | 'stale' | 'ahead' | unknown;
      forms?: Record<string, unknown>;
    }
  | { kind: 'forms'; who: ProtocolUser; form: string; answers: unknown }
  | { kind: 'draft'; who: ProtocolUser; form: string; answers: unknown };

const who = fc.constantFrom(...PROTOCOL_USERS);
const commands = () =>
  fc.array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constant<Command>({ kind: 'step' }) },
      {
        weight: 3,
        arbitrary: fc.record({
          kind: fc.constant('event' as const),
          who,
          type: fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom(...eventTypes) },
            { weight: 1, arbitrary: hostileText },
          ),
          data: fc.oneof(fc.constant({}), hostileValue),
          instance: fc.oneof(fc.constant(undefined), fc.nat(20), hostileText),
          version: fc.oneof(
            { weight: 4, arbitrary: fc.constant('current') },
            fc.constantFrom('stale', 'ahead'),
            hostileValue,
          ),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('forms' as const),
          who,
          form: fc.oneof(fc.constantFrom(...formIds), hostileText),
          answers: hostileValue,
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('draft' as const),
          who,
          form: fc.oneof(fc.constantFrom(...formIds), hostileText),
          answers: hostileValue,
        }),
      },
    ),
    { minLength: 5, maxLength: 40 },
  );

/** A path segment: the text percent-encoded (lone surrogates made well-formed first), or a raw malformed encoding. */
const segment = (text: string) =>
  encodeURIComponent(
    text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
  ) || 'x';

interface Walk {
  caseId: string;
  step: number;
}

async function current(walk: Walk) {
  const res = await call(live, 'GET', `/api/cases/${walk.caseId}`, live.sessions.manager);
  return res.body as {
    version: number;
    instances: { id: string; kind: string; form?: string; pathway: string; done: boolean }[];
  };
}

async function run(walk: Walk, command: Command): Promise<void> {
  const path = `/api/cases/${walk.caseId}/events`;
  const view = await current(walk);
  if (command.kind === 'step') {
    const step = SCENARIO_STEPS[walk.step];
    if (!step) return;
    const instance = step.send ? stepInstance(view.instances, step.to) : undefined;
    const res = await call(live, 'POST', path, live.sessions[ACTOR[step.as]], {
      expectedVersion: view.version,
      ...(step.send ? { type: step.send } : {}),
      ...(step.data ? { data: step.data } : {}),
      ...(step.forms ? { forms: step.forms } : {}),
      ...(instance ? { instance } : {}),
    });
    // A hostile command before it may have changed the case (withdrawn it, say); the walk then just stops there.
    if (res.status === 200 || step.expectError) walk.step++;
    return;
  }
  if (command.kind === 'event') {
    const expectedVersion =
      command.version === 'current'
        ? view.version
        : command.version === 'stale'
          ? view.version - 1
          : command.version === 'ahead'
            ? view.version + 1
            : command.version;
    const instance =
      typeof command.instance === 'number'
        ? view.instances[command.instance % view.instances.length]?.id
        : command.instance;
    const res = await call(live, 'POST', path, live.sessions[command.who], {
      type: command.type,
      expectedVersion,
      data: command.data,
      ...(instance !== undefined ? { instance } : {}),
    });
    if (res.status === 200) expect(command.version).toBe('current');
    return;
  }
  if (command.kind === 'forms') {
    const res = await call(live, 'POST', path, live.sessions[command.who], {
      expectedVersion: view.version,
      forms: { [command.form]: command.answers },
    });
    if (res.status === 200)
      expect(live.defs.forms.get(command.form)?.validator.validate(command.answers).valid).toBe(true);
    return;
  }
  await call(live, 'PUT', `/api/cases/${walk.caseId}/drafts/${segment(command.form)}`, live.sessions[command.who], {
    data: command.answers,
  });
}

describe('HTTP fuzz: event sequences', () => {
  it('should never answer 5xx nor store anything invalid, whatever the order and origin of events', async () => {
    let deepest = 0;
    await fc.assert(
      fc.asyncProperty(commands(), async (sequence) => {
        const opened = await call(live, 'POST', '/api/cases', live.sessions['social-worker'], { pathway: 'referral' });
        const walk: Walk = { caseId: opened.body.id as string, step: 0 };
        for (const command of sequence) await run(walk, command);
        deepest = Math.max(deepest, walk.step);
        await expectStoredCaseValid(live, walk.caseId);
        expectPrototypesUntouched();
      }),
      { numRuns: 40 },
    );
    // Some sequences got past allocation into the officer's work, documents and inner pathways.
    expect(deepest).toBeGreaterThan(SCENARIO_STEPS.findIndex((s) => s.send === 'RECORD_THREE_WAY_MEETING'));
  }, 120_000);

  it("should answer a path parameter with a malformed percent-encoding with 400 (regression: 500 from the router's URIError)", async () => {
    for (const path of ['/api/cases/%', '/api/cases/%E0%A4%A/events', '/api/forms/%ff%', '/api/pathways/%']) {
      const res = await fetch(live.url + path, { headers: { cookie: live.sessions.manager.cookie } });
      expect(`${path} → ${res.status}`).toBe(`${path} → 400`);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    }
  });

  it('should refuse an unknown case, a hostile case id and a hostile form id in paths with a 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          hostileText.map(segment),
          fc.constantFrom('%', '%E0%A4%A', '%ff%fe', '..%2f..%2fetc', '%00', '%2e%2e', '__proto__', 'constructor'),
        ),
        who,
        async (id, user) => {
          await call(live, 'GET', `/api/cases/${id}`, live.sessions[user]);
          await call(live, 'POST', `/api/cases/${id}/events`, live.sessions[user], {
            type: 'SUBMIT_REQUEST',
            expectedVersion: 1,
          });
          await call(live, 'GET', `/api/forms/${id}`, live.sessions[user]);
          await call(live, 'GET', `/api/cases/${id}/documents/${id}/print?audience=${id}`, live.sessions[user]);
          await call(live, 'PUT', `/api/cases/${id}/drafts/${id}`, live.sessions[user], { data: {} });
          expectPrototypesUntouched();
        },
      ),
      { numRuns: 60 },
    );
  });
});
