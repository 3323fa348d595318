// Issue 24, finding 1: a case value copied from a confidential answer through a `var` whose path is worked out when
// the expression runs ({var: {cat: [...]}}) reached every reader. The lint now refuses such a read where it could reach
// confidential information, and the server withholds what it cannot prove clean, also under a version published by
// an older server (which did not know the rule): the value is kept from readers not cleared, and a cleared reader's
// read of it is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';
import {
  Client,
  DEFINITIONS,
  signInAll,
  startServer,
  USERS,
  type RoleName,
  type TestServer,
} from '../server/helpers.js';

const SECRET = 'DYNAMIC-PATH-SECRET-6b20';
const LITERAL_COPY = '      - { type: assign, params: { path: secretCopy, expr: { var: forms.request.secret } } }\n';
const DYNAMIC_COPY =
  "      - { type: assign, params: { path: secretCopy, expr: { var: { cat: ['forms.req', 'uest.secret'] } } } }\n";

const ALLOCATE = '          - { type: assign, params: { path: allocatedTo, expr: { var: event.data.officer } } }\n';
const HIDDEN_COPY =
  `${ALLOCATE}          - { type: assign, params: ` +
  '{ path: hiddenCopy, expr: { var: { cat: [forms.request, .secret] } } } }\n';

let server: TestServer;
let users: Record<RoleName, Client>;

async function dynamicCopyFiles() {
  const files = await readDefinitionFiles(DEFINITIONS);
  expect(files['pathways/flow.yaml']).toContain(LITERAL_COPY);
  files['pathways/flow.yaml'] = files['pathways/flow.yaml']!.replace(LITERAL_COPY, DYNAMIC_COPY);
  return files;
}

beforeAll(async () => {
  server = await startServer();
  users = await signInAll(server.app);
});
afterAll(async () => server.close());

describe('a case value copied through a var path built at run time', () => {
  it('should be refused by the definitions check, at the var, with file, line and column', async () => {
    const files = await dynamicCopyFiles();
    const line = files['pathways/flow.yaml']!.split('\n').findIndex((l) => l === DYNAMIC_COPY.trimEnd()) + 1;
    const checked = (await users.lead.post('/api/definitions/validate', { files }).expect(200)).body;
    expect(checked.valid).toBe(false);
    expect(checked.problems).toEqual([
      expect.objectContaining({
        file: 'pathways/flow.yaml',
        line,
        col: DYNAMIC_COPY.indexOf('{ cat') + 1,
        code: 'confidential-dynamic-read',
        message: expect.stringContaining('could read confidential information'),
      }),
    ]);
    await users.lead.post('/api/definitions/publish', { files }).expect(422);
  });

  it('should be withheld from the uncleared, audited for the cleared, under an older server’s version', async () => {
    // given a case opened on the first version
    const opened = (await users.requester.post('/api/cases', { pathway: 'flow' }).expect(201)).body;
    // and a version with the dynamic copy, stored as an older server (which did not refuse it) would have stored it
    const { store } = server.dao.services;
    const latest = (await store.latestDefinitionVersion())!;
    const files = await dynamicCopyFiles();
    await store.saveDefinitionVersion({
      version: latest.version + 1,
      files,
      publishedBy: USERS.lead,
      publishedAt: new Date().toISOString(),
    });
    // and the case moved onto it, then submitted so that the copy runs there
    const moved = (await users.lead.post('/api/definitions/migrate', { caseIds: [opened.id] }).expect(200)).body;
    expect(moved.moved).toEqual([opened.id]);
    const migrated = (await users.lead.get(`/api/cases/${opened.id}`).expect(200)).body;
    expect(migrated.definitionVersion).toBe(latest.version + 1);
    await users.requester
      .post(`/api/cases/${opened.id}/events`, {
        type: 'SUBMIT',
        expectedVersion: migrated.version,
        forms: { request: { name: 'Ash', urgent: true, secret: SECRET } },
      })
      .expect(200);

    // when each reads the case, then the requester (not cleared) is not given the copy
    const requesterView = await users.requester.get(`/api/cases/${opened.id}`).expect(200);
    expect(requesterView.text).not.toContain(SECRET);
    expect(requesterView.body.values).not.toHaveProperty('secretCopy');
    expect(requesterView.body.values).toHaveProperty('urgent', true);
    // and the lead (cleared) is, and that read is audited, without the content
    const leadView = await users.lead.get(`/api/cases/${opened.id}`).expect(200);
    expect(leadView.body.values.secretCopy).toBe(SECRET);
    const audit = await users.lead.get(`/api/audit?caseId=${opened.id}`).expect(200);
    const reads = (audit.body.entries as { action: string; userId: string; detail: { forms: string[] } }[]).filter(
      (e) => e.action === 'confidential.read' && e.userId === USERS.lead,
    );
    expect(reads.some((e) => e.detail.forms.includes('case values'))).toBe(true);
    expect(audit.text).not.toContain(SECRET);
  });

  it('should stay withheld after the case moves on to a version that no longer records it', async () => {
    // given a case submitted under the first version (which copies nothing into "hiddenCopy")
    const opened = (await users.requester.post('/api/cases', { pathway: 'flow' }).expect(201)).body;
    const answers = { name: 'Ash', urgent: false, secret: SECRET };
    const submit = { type: 'SUBMIT', expectedVersion: opened.version, forms: { request: answers } };
    const submitted = await users.requester.post(`/api/cases/${opened.id}/events`, submit).expect(200);
    // and moved onto a version, stored as an older server would have, that copies the secret when it is allocated
    const { store } = server.dao.services;
    const first = await readDefinitionFiles(DEFINITIONS);
    const copying = { ...first, 'pathways/flow.yaml': first['pathways/flow.yaml']!.replace(ALLOCATE, HIDDEN_COPY) };
    const version = (await store.latestDefinitionVersion())!.version + 1;
    const publishedAt = new Date().toISOString();
    await store.saveDefinitionVersion({ version, files: copying, publishedBy: USERS.lead, publishedAt });
    await users.lead.post('/api/definitions/migrate', { toVersion: version, caseIds: [opened.id] }).expect(200);
    const data = { officer: USERS.officer };
    const allocate = { type: 'ALLOCATE', expectedVersion: submitted.body.version + 1, data };
    const allocated = (await users.lead.post(`/api/cases/${opened.id}/events`, allocate).expect(200)).body;
    expect(allocated.values.hiddenCopy).toBe(SECRET);
    // when the case moves on to a version that records no such copy (the answers were collected under neither)
    const later = (await users.lead.post('/api/definitions/publish', { files: first }).expect(200)).body.version;
    await users.lead.post('/api/definitions/migrate', { toVersion: later, caseIds: [opened.id] }).expect(200);
    // then the value recorded under the version in between is still withheld from the requester
    const requesterView = await users.requester.get(`/api/cases/${opened.id}`).expect(200);
    expect(requesterView.body.definitionVersion).toBe(later);
    expect(requesterView.text).not.toContain(SECRET);
    expect((await users.lead.get(`/api/cases/${opened.id}`).expect(200)).body.values.hiddenCopy).toBe(SECRET);
  });
});
