// Confidentiality with the protocol's own definitions: the Risk Assessment – Confidential Information (a form marked
// confidential as a whole) never reaches a role not cleared for it, nor what is shared with the person referred,
// on any endpoint, in JSON, HTML or print; the cleared roles (team manager, allocated officer) do see it.
// (test/server/redaction.test.ts covers the same on the small test definitions, field by field.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestServer } from '../server/helpers.js';
import {
  caseWithRiskAssessment,
  fillTextFields,
  finaliseRiskAssessment,
  protocolDefinitions,
  signInProtocolUsers,
  startProtocolServer,
  type ProtocolUser,
} from './protocol-walk.js';

const SECRET = 'CONFIDENTIAL-VICTIM-ADDRESS-5e1f';
const DRAFT_SECRET = 'CONFIDENTIAL-DRAFT-77aa';

let server: TestServer;
let users: Record<ProtocolUser, Client>;
let caseId: string;
let documents: { id: string; form: string }[];

beforeAll(async () => {
  server = await startProtocolServer();
  users = await signInProtocolUsers(server);
  const defs = await protocolDefinitions();
  const secret = (form: string, answers: Record<string, unknown>) =>
    form === 'risk-assessment-confidential' ? fillTextFields(defs.forms.get(form)!.schema, answers, SECRET) : answers;
  ({ caseId, documents } = await caseWithRiskAssessment(users, secret));
  // The Risk Assessment final (so shared with the person referred); the confidential part still with the auditor.
  await finaliseRiskAssessment(users, caseId);
  await users['officer-pso']
    .put(`/api/cases/${caseId}/drafts/risk-assessment-confidential`, {
      data: { confidentialInformation: DRAFT_SECRET },
    })
    .expect(200);
}, 120_000);
afterAll(async () => server.close());

function endpoints(): string[] {
  const docs = documents.flatMap((d) => {
    const path = `/api/cases/${caseId}/documents/${d.id}`;
    return [path, `${path}/print`, `${path}?audience=person-referred`, `${path}/print?audience=person-referred`];
  });
  return [
    '/api/session/me',
    '/api/pathways',
    '/api/pathways/referral',
    `/api/pathways/referral/diagram?case=${caseId}`,
    '/api/forms/risk-assessment-confidential',
    '/api/forms/risk-assessment-confidential/validator.js',
    '/api/forms/risk-assessment',
    '/api/cases',
    '/api/cases?filter=mine',
    '/api/cases?filter=waiting',
    '/api/cases?filter=all&includeClosed=true',
    '/api/cases/allocation-queue',
    `/api/cases/${caseId}`,
    ...docs,
    `/api/cases/${caseId}/drafts/risk-assessment-confidential`,
    `/api/cases/${caseId}/drafts/risk-assessment`,
    '/api/definitions',
    '/api/definitions/diff',
    '/api/audit',
    `/api/audit?caseId=${caseId}`,
    '/api/openapi.json',
  ];
}

async function everythingSeenBy(
  who: ProtocolUser,
  filter: (path: string) => boolean = () => true,
): Promise<{ text: string; ok: string[] }> {
  const bodies: string[] = [];
  const ok: string[] = [];
  for (const path of endpoints().filter(filter)) {
    const res = await users[who].get(path);
    expect(res.status, `${who} ${path}`).toBeLessThan(500);
    if (res.status === 200) ok.push(path);
    bodies.push(`${path} ${res.status}\n${res.text}`);
  }
  return { text: bodies.join('\n'), ok };
}

describe('Redaction with the protocol definitions', () => {
  it('should have opened the confidential document with the answers in it', () => {
    expect(documents.map((d) => d.form)).toEqual(
      expect.arrayContaining(['risk-assessment', 'risk-assessment-confidential']),
    );
  });

  it.each(['social-worker', 'service-manager', 'auditor', 'officer-po'] as const)(
    'should never show the confidential information to %s',
    async (who) => {
      const { text } = await everythingSeenBy(who);
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(DRAFT_SECRET);
    },
  );

  it.each(['manager', 'officer-pso'] as const)(
    'should keep it out of everything %s prepares for the person referred',
    async (who) => {
      const { text, ok } = await everythingSeenBy(who, (path) => path.includes('audience=person-referred'));
      expect(ok.length).toBeGreaterThan(0);
      expect(text).not.toContain(SECRET);
    },
  );

  it('should refuse the confidential document itself to the person referred and to roles not cleared', async () => {
    const confidential = documents.find((d) => d.form === 'risk-assessment-confidential')!;
    const path = `/api/cases/${caseId}/documents/${confidential.id}`;
    await users.manager.get(`${path}/print?audience=person-referred`).expect(403);
    for (const who of ['social-worker', 'service-manager', 'auditor'] as const) {
      expect((await users[who].get(`${path}/print`)).status, who).toBe(403);
    }
  });

  it.each(['manager', 'officer-pso'] as const)(
    'should show the cleared %s the confidential information',
    async (who) => {
      const confidential = documents.find((d) => d.form === 'risk-assessment-confidential')!;
      const printed = await users[who].get(`/api/cases/${caseId}/documents/${confidential.id}/print`).expect(200);
      expect(printed.text).toContain(SECRET);
      const audit = await users.manager.get(`/api/audit?caseId=${caseId}`).expect(200);
      expect(audit.text).not.toContain(SECRET);
    },
  );

  it("should keep the officer's confidential draft to the officer", async () => {
    const own = await users['officer-pso'].get(`/api/cases/${caseId}/drafts/risk-assessment-confidential`).expect(200);
    expect(own.text).toContain(DRAFT_SECRET);
    for (const who of ['manager', 'social-worker', 'auditor'] as const) {
      expect((await users[who].get(`/api/cases/${caseId}/drafts/risk-assessment-confidential`)).text).not.toContain(
        DRAFT_SECRET,
      );
    }
  });
});
