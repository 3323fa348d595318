// Issue 24, finding 1, as a property: whatever a definitions edit does to copy a confidential answer — through any
// expression form the vocabulary allows, into case values (copies of copies included), notes, computed answers, what
// identifies a case or a document header — no reader not cleared for it ever receives it. Each generated version is
// stored as an older server would have stored it (the lint may refuse it: the server must hold the line alone), a case
// is moved onto it and walked over real HTTP, and every response those readers get is searched for the secret.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDefinitions } from '../../engine/definitions/check.js';
import { GUARDED_AT_RUN_TIME } from '../../engine/definitions/lint/confidential-flow.js';
import { Client, signInAll, startServer, USERS, type RoleName, type TestServer } from '../server/helpers.js';
import {
  definitionsFor,
  EXAMPLES,
  formsUsed,
  MARK,
  MARKERS,
  programs,
  SCORE,
  type Program,
} from './confidential-copies.js';

let server: TestServer;
let users: Record<RoleName, Client>;
const verdicts = { refused: 0, accepted: 0 };

beforeAll(async () => {
  server = await startServer();
  users = await signInAll(server.app);
});
afterAll(async () => server.close());

/** Stores the program's definitions as the next version, as a server that did not know the lint's rule would. */
async function publishUnchecked(program: Program): Promise<number> {
  const files = await definitionsFor(program);
  const problems = checkDefinitions(files, 'generated').problems;
  // Only problems the server guards at run time: anything else would be a mistake of the generator.
  expect(problems.filter((p) => !GUARDED_AT_RUN_TIME.has(p.code))).toEqual([]);
  verdicts[problems.length ? 'refused' : 'accepted']++;
  const { store } = server.dao.services;
  const version = (await store.latestDefinitionVersion())!.version + 1;
  await store.saveDefinitionVersion({ version, files, publishedBy: USERS.lead, publishedAt: new Date().toISOString() });
  return version;
}

/** A case opened, moved onto `version`, submitted with the secret and allocated (which opens the report). */
async function walkedCase(version: number): Promise<string> {
  const { id } = (await users.requester.post('/api/cases', { pathway: 'flow' }).expect(201)).body as { id: string };
  await users.lead.post('/api/definitions/migrate', { toVersion: version, caseIds: [id] }).expect(200);
  const moved = (await users.lead.get(`/api/cases/${id}`).expect(200)).body;
  expect(moved.definitionVersion).toBe(version);
  const answers = { name: 'Robin', urgent: true, secret: MARK, score: SCORE };
  const submitted = await users.requester
    .post(`/api/cases/${id}/events`, { type: 'SUBMIT', expectedVersion: moved.version, forms: { request: answers } })
    .expect(200);
  await users.lead
    .post(`/api/cases/${id}/events`, {
      type: 'ALLOCATE',
      expectedVersion: submitted.body.version,
      data: { officer: USERS.officer },
    })
    .expect(200);
  return id;
}

/** Everything the readers not cleared are sent about the case, as text. */
async function whatUnclearedReadersGet(id: string): Promise<Record<string, string>> {
  const received: Record<string, string> = {};
  for (const role of ['requester', 'officer'] as const) {
    received[`${role}: case`] = (await users[role].get(`/api/cases/${id}`).expect(200)).text;
    received[`${role}: list`] = (await users[role].get('/api/cases?view=all&includeClosed=true').expect(200)).text;
  }
  received['requester: print'] = (await users.requester.get(`/api/cases/${id}/forms/request/print`).expect(200)).text;
  const forPerson = `/api/cases/${id}/forms/request/print?audience=person-referred`;
  received['lead, for the person referred: print'] = (await users.lead.get(forPerson).expect(200)).text;
  return received;
}

const holdsSecret = (text: string) => MARKERS.some((marker) => text.includes(marker));

describe('confidential answers copied by any expression', () => {
  it('should never reach a reader not cleared for them, whatever the definitions do', async () => {
    await fc.assert(
      fc.asyncProperty(programs, async (program) => {
        const id = await walkedCase(await publishUnchecked(program));
        // The copies really hold the secret (a cleared reader is given them), so their absence below means something.
        const lead = (await users.lead.get(`/api/cases/${id}`).expect(200)).body;
        program.assigns.forEach((_, i) => expect(holdsSecret(JSON.stringify(lead.values[`copy${i}`]))).toBe(true));
        if (program.note) expect(holdsSecret(JSON.stringify(lead.documents[0].comments))).toBe(true);
        if (program.computed) expect(holdsSecret(String(lead.forms.request.data.copied))).toBe(true);

        const received = await whatUnclearedReadersGet(id);
        const leaked = Object.entries(received).filter(([, text]) => holdsSecret(text));
        expect(leaked.map(([where]) => `${where} (${formsUsed(program).join(', ')})`)).toEqual([]);
      }),
      { numRuns: 40, examples: EXAMPLES.map((example) => [example]) },
    );
    // Both kinds of version were tried: those the lint refuses (a path built at run time, a note reading a secret) and
    // those it accepts (the server withholds what it knows to be copied).
    expect(verdicts.refused).toBeGreaterThan(0);
    expect(verdicts.accepted).toBeGreaterThan(0);
  }, 600_000);
});
