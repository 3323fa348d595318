// Issue 24, finding 8: every refused attempt to read confidential content is audited (`confidential.refused`): who,
// when, which case, which form and through what — never the content. Uses the protocol's Risk Assessment –
// Confidential Information, a form confidential as a whole, which only the team manager and the allocated officer
// may read, and which nothing shared with the person referred may hold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestServer } from '../server/helpers.js';
import {
  caseWithRiskAssessment,
  fillTextFields,
  protocolDefinitions,
  signInProtocolUsers,
  startProtocolServer,
  type ProtocolUser,
} from './protocol-walk.js';

const SECRET = 'CONFIDENTIAL-REFUSAL-TEXT-41d9';
const FORM = 'risk-assessment-confidential';

interface AuditEntry {
  at: string;
  userId: string;
  caseId: string | null;
  action: string;
  detail: Record<string, unknown> | null;
}

let server: TestServer;
let users: Record<ProtocolUser, Client>;
let caseId: string;
let documentPath: string;

beforeAll(async () => {
  server = await startProtocolServer();
  users = await signInProtocolUsers(server);
  const defs = await protocolDefinitions();
  const secret = (form: string, answers: Record<string, unknown>) =>
    form === FORM ? fillTextFields(defs.forms.get(form)!.schema, answers, SECRET) : answers;
  const walked = await caseWithRiskAssessment(users, secret);
  caseId = walked.caseId;
  documentPath = `/api/cases/${caseId}/documents/${walked.documents.find((d) => d.form === FORM)!.id}`;
}, 120_000);
afterAll(async () => server.close());

async function refusals(): Promise<AuditEntry[]> {
  const { entries } = (await users.manager.get(`/api/audit?caseId=${caseId}&limit=1000`).expect(200)).body as {
    entries: AuditEntry[];
  };
  return entries.filter((e) => e.action === 'confidential.refused');
}

describe('Refused reads of confidential content', () => {
  it.each(['social-worker', 'service-manager', 'auditor'] as const)(
    'should audit the refusal of the confidential document to %s, as JSON and in print',
    async (who) => {
      const before = (await refusals()).length;
      const startedAt = new Date().toISOString();
      expect((await users[who].get(documentPath)).status).toBe(403);
      expect((await users[who].get(`${documentPath}/print`)).status).toBe(403);
      const added = (await refusals()).slice(0, (await refusals()).length - before);
      expect(added.map((e) => ({ userId: e.userId, caseId: e.caseId, via: e.detail?.via }))).toEqual([
        { userId: who, caseId, via: 'print document' },
        { userId: who, caseId, via: 'GET document' },
      ]);
      for (const entry of added) {
        expect(entry.detail).toMatchObject({ forms: [FORM] });
        expect(entry.detail?.role).toEqual(expect.any(String));
        expect(entry.at >= startedAt).toBe(true);
      }
    },
  );

  it('should audit the refusal of the confidential document as a PDF and of its form in print', async () => {
    const before = (await refusals()).length;
    const pdf = await users['social-worker'].get(`${documentPath}/pdf`);
    expect(pdf.status).toBe(403);
    const form = await users['social-worker'].get(`/api/cases/${caseId}/forms/${FORM}/print`);
    expect(form.status).toBe(404);
    expect(form.text).not.toContain(SECRET);
    const added = (await refusals()).slice(0, (await refusals()).length - before);
    expect(added.map((e) => ({ userId: e.userId, forms: e.detail?.forms, via: e.detail?.via }))).toEqual([
      { userId: 'social-worker', forms: [FORM], via: 'print form' },
      { userId: 'social-worker', forms: [FORM], via: 'pdf document' },
    ]);
  });

  it('should audit a cleared reader refused for an audience, naming the audience', async () => {
    const before = (await refusals()).length;
    expect((await users.manager.get(`${documentPath}/print?audience=person-referred`)).status).toBe(403);
    const added = (await refusals()).slice(0, (await refusals()).length - before);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      userId: 'manager',
      caseId,
      detail: { forms: [FORM], audience: 'person-referred', via: 'print document' },
    });
  });

  it('should audit a refused draft of a confidential form (left from before the role lost the right)', async () => {
    await server.dao.services.store.saveDraft({
      caseId,
      formId: FORM,
      userId: 'social-worker',
      data: { confidentialInformation: SECRET },
      savedAt: new Date().toISOString(),
    });
    const before = (await refusals()).length;
    const res = await users['social-worker'].get(`/api/cases/${caseId}/drafts/${FORM}`);
    expect(res.status).toBe(403);
    expect(res.text).not.toContain(SECRET);
    const added = (await refusals()).slice(0, (await refusals()).length - before);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ userId: 'social-worker', caseId, detail: { forms: [FORM], via: 'GET draft' } });
  });

  it('should audit no refusal when a cleared reader is given it, and never hold the confidential text', async () => {
    const before = (await refusals()).length;
    expect((await users.manager.get(documentPath)).status).toBe(200);
    expect((await refusals()).length).toBe(before);
    const everything = await users.manager.get(`/api/audit?caseId=${caseId}&limit=1000`).expect(200);
    expect(everything.text).not.toContain(SECRET);
    expect(everything.text).toContain('confidential.read');
  });
});
