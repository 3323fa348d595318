// For the HTTP fuzz suites: the server on the protocol's definitions and a real SQLite file, listening on 127.0.0.1 in
// this process (so a polluted prototype would show here), hostile value generators, and the checks run after each
// case: never a 5xx, every stored answer valid for its form, every stored event's data valid for its event, the case
// rebuilt from its event log equal to the stored one, and Object.prototype untouched.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { CompiledDefinitions } from '../../engine/definitions/check.js';
import { createFormAjv } from '../../engine/forms/ajv.js';
import type { CaseData } from '../../engine/runtime/model.js';
import type { TestServer } from '../server/helpers.js';
import {
  protocolDefinitions,
  signInProtocolUsers,
  startProtocolServer,
  type ProtocolUser,
} from '../security/protocol-walk.js';

/** Every status the API may answer a hostile request with; anything else (above all a 5xx) is a failure. */
export const EXPECTED_STATUSES = [200, 201, 400, 403, 404, 409, 413, 415, 422];

export interface Session {
  cookie: string;
  csrfToken: string;
}

export interface LiveServer {
  server: TestServer;
  url: string;
  defs: CompiledDefinitions;
  sessions: Record<ProtocolUser, Session>;
  close(): Promise<void>;
}

export async function startLiveServer(): Promise<LiveServer> {
  const server = await startProtocolServer();
  const users = await signInProtocolUsers(server);
  const sessions = Object.fromEntries(
    Object.entries(users).map(([who, c]) => [who, { cookie: c.cookie!, csrfToken: c.csrfToken! }]),
  ) as Record<ProtocolUser, Session>;
  const http: Server = await new Promise((resolve) => {
    // Served as npm start serves it.
    const listening = server.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return {
    server,
    url,
    defs: await protocolDefinitions(),
    sessions,
    close: async () => {
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
      await server.close();
    },
  };
}

/** A request over real HTTP; `raw` sends the body as it is. */
export async function call(
  live: LiveServer,
  method: string,
  path: string,
  session: Session | undefined,
  body?: unknown,
  raw?: { body: string | Uint8Array; type: string },
) {
  const res = await fetch(live.url + path, {
    method,
    headers: {
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
      ...(raw ? { 'content-type': raw.type } : body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(raw
      ? { body: typeof raw.body === 'string' ? raw.body : Buffer.from(raw.body) }
      : body !== undefined
        ? { body: JSON.stringify(body) }
        : {}),
  });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON
  }
  expect(EXPECTED_STATUSES, `${method} ${path} → ${res.status} ${text.slice(0, 300)}`).toContain(res.status);
  return { status: res.status, body: json, text };
}

// --- hostile values -------------------------------------------------------------------------------------------

export const hostileKey = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', 'valueOf'),
);

export const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '\u0000\u0007\u001b[31m\r\n\t',
    '\u202Eevil\u202C\u2066x\u2069',
    '\u200F\u061Cمرحبا بالعالم',
    'שלום עולם',
    '👩‍👩‍👧‍👦🔥🏳️‍🌈',
    '\uD800',
    '\uDFFF\uD800',
    '<script>alert(1)</script>',
    "'; DROP TABLE cases; --",
    '{{constructor.constructor("return process")()}}',
    '${process.exit(1)}',
    '../../../etc/passwd',
    '%00',
    '\uFEFF',
  ),
);

export const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileText,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -0, 1e308),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileKey, tie('value'), { maxKeys: 5 }),
  ),
})).value;

/** JSON nested `depth` levels deep (objects or arrays), as text, since JSON.stringify of it would overflow first. */
export const deepJson = fc
  .tuple(fc.integer({ min: 20, max: 100_000 }), fc.boolean())
  .map(([depth, arrays]) =>
    arrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
  );

export const pollution = fc.constantFrom(
  '{"__proto__": {"polluted": true}}',
  '{"constructor": {"prototype": {"polluted": true}}}',
  '{"a": {"__proto__": {"polluted": true}}, "__proto__": [1, 2]}',
);

/** A valid answer with one leaf replaced by something hostile. */
export function mutate(answers: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || answers === null || typeof answers !== 'object') return replacement;
  const keys = Object.keys(answers);
  if (keys.length === 0) return replacement;
  const key = keys[path[0]! % keys.length]!;
  const copy = (Array.isArray(answers) ? [...answers] : { ...answers }) as Record<string, unknown>;
  copy[key] = mutate(copy[key], path.slice(1), replacement);
  return copy;
}

// --- checks ---------------------------------------------------------------------------------------------------

const prototypes = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
const pristine = prototypes.map((p) => Object.getOwnPropertyNames(p).sort().join());

export function expectPrototypesUntouched(): void {
  expect(prototypes.map((p) => Object.getOwnPropertyNames(p).sort().join())).toEqual(pristine);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

const ajv = createFormAjv();
const eventSchemas = new Map<object, ReturnType<typeof ajv.compile>>();

/** Everything stored for the case is valid: answers for their forms, event data for its event, and the log replays to the record. */
export async function expectStoredCaseValid(live: LiveServer, caseId: string): Promise<void> {
  const { store } = live.server.dao.services;
  const record = await store.getCase(caseId);
  if (!record) return;
  const data = record.snapshot as CaseData;
  for (const [form, submission] of Object.entries(data.forms)) {
    const result = live.defs.forms.get(form)!.validator.validate(submission.data);
    expect(result.errors, `stored answers of ${form}`).toEqual({});
  }
  for (const instance of Object.values(data.instances)) {
    if (!instance.answers) continue;
    const form = (instance as { form?: string }).form ?? '';
    const validator = live.defs.forms.get(form)?.validator;
    if (validator)
      expect(validator.validate(instance.answers.data).errors, `stored answers of document ${instance.id}`).toEqual({});
  }
  const events = await store.listEvents(caseId);
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  expect(record.version).toBe(events.length);
  for (const event of events) {
    for (const command of (
      event.data as { commands: { kind: string; type?: string; instance?: string; data?: unknown }[] }
    ).commands) {
      if (command.kind !== 'send') continue;
      const pathway = data.instances[command.instance ?? 'case']?.pathway ?? record.pathwayId;
      const schema = live.defs.pathways.get(pathway)?.meta.events[command.type!]?.data;
      if (!schema) continue;
      let validate = eventSchemas.get(schema);
      if (!validate) eventSchemas.set(schema, (validate = ajv.compile(schema)));
      expect(validate(command.data ?? {}), `stored data of ${command.type}: ${JSON.stringify(validate.errors)}`).toBe(
        true,
      );
    }
  }
  expect(await live.server.dao.services.cases.replay(caseId)).toEqual(record.snapshot);
}
