// Issue 20 over HTTP with the protocol's definitions: a document reaches the social worker only once final (as
// report.yaml shares it); sign-offs are recorded with display names and shown on the document, its print view and
// PDF; each audited document has its own Audit Tool; the Team Manager's comments reach the author; the next step that
// is not possible yet says why.
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestServer } from './helpers.js';
import {
  caseWithRiskAssessment,
  finaliseRiskAssessment,
  sendStep,
  signInProtocolUsers,
  startProtocolServer,
  walkReferral,
  type ProtocolUser,
} from '../security/protocol-walk.js';

interface Doc {
  id: string;
  form: string;
  state: string;
  signOffs: { label: string; by: string; role: string; at: string; final: boolean }[];
  comments: { by: string; text: string }[];
  ownForms: Record<string, { data: Record<string, unknown> }>;
}

let server: TestServer;
let users: Record<ProtocolUser, Client>;
let caseId: string;
let docs: Record<string, string>;
let names: Record<string, string>;

async function pdfText(client: Client, path: string): Promise<string> {
  const res = await client
    .get(path)
    .buffer(true)
    .parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    });
  expect(res.status, path).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(res.body as Buffer)), { mergePages: true });
  // The PDF writes "Label: value" where the HTML has a definition list.
  return text.replace(/\s+/g, ' ').replace(/: /g, ' ');
}

function textOf(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_m, c: string) => String.fromCharCode(Number(c)))
    .replace(/\s+/g, ' ');
}

const auditOf = (form: string) => encodeURIComponent(docs[form]!);
const documentsOf = async (who: ProtocolUser) =>
  (await users[who].get(`/api/cases/${caseId}`).expect(200)).body.documents as Doc[];

beforeAll(async () => {
  server = await startProtocolServer();
  users = await signInProtocolUsers(server);
  const walked = await caseWithRiskAssessment(users);
  caseId = walked.caseId;
  docs = Object.fromEntries(walked.documents.map((d) => [d.form, d.id]));
  names = Object.fromEntries((await server.dao.services.store.listUsers()).map((u) => [u.username, u.displayName]));
}, 120_000);
afterAll(async () => server?.close());

describe('Documents shared at their stage', () => {
  it('should refuse the social worker the Risk Assessment while it is with the auditor', async () => {
    expect((await documentsOf('social-worker')).map((d) => d.form)).not.toContain('risk-assessment');
    const body = (await users['social-worker'].get(`/api/cases/${caseId}`).expect(200)).body as {
      forms: Record<string, unknown>;
      formsSubmitted: string[];
    };
    expect(Object.keys(body.forms)).not.toContain('risk-assessment');
    expect(body.formsSubmitted).not.toContain('risk-assessment');
    const path = `/api/cases/${caseId}/documents/${docs['risk-assessment']}`;
    for (const suffix of ['', '/print', '/pdf']) {
      const res = await users['social-worker'].get(`${path}${suffix}`);
      expect(res.status, suffix).toBe(403);
      expect(res.body.code, suffix).toBe('not-shared');
    }
    await users['social-worker'].get(`/api/cases/${caseId}/forms/risk-assessment/print`).expect(403);
    await users.manager.get(`${path}/print?audience=person-referred`).expect(403);
  });

  it("should keep each document's Audit Tool to itself: one document's audit does not pass the other", async () => {
    const submitted = await sendStep(users, caseId, {
      as: 'dao-pso',
      send: 'SUBMIT_FOR_AUDIT',
      to: { document: 'risk-assessment-confidential' },
    });
    expect(submitted.status, submitted.text).toBe(200);
    await finaliseRiskAssessment(users, caseId);
    const { version } = (await users.manager.get(`/api/cases/${caseId}`).expect(200)).body as { version: number };
    const refused = await users.manager
      .post(`/api/cases/${caseId}/events`, {
        expectedVersion: version,
        type: 'PASS_AUDIT',
        instance: docs['risk-assessment-confidential'],
      })
      .expect(422);
    expect(refused.body.code).toBe('guard-failed');
    expect(refused.body.detail).toContain('Risk Assessment Audit Tool');
    const managerDocs = await documentsOf('manager');
    const ra = managerDocs.find((d) => d.form === 'risk-assessment')!;
    expect(ra.ownForms['risk-assessment-audit']?.data.outcome).toBe('passed');
    expect(managerDocs.find((d) => d.form === 'risk-assessment-confidential')!.ownForms).toEqual({});
    const body = (await users.manager.get(`/api/cases/${caseId}`).expect(200)).body as {
      forms: Record<string, unknown>;
    };
    expect(Object.keys(body.forms)).not.toContain('risk-assessment-audit');
  });

  it('should share the final Risk Assessment with the social worker, signed off by name, role and time', async () => {
    const ra = (await documentsOf('social-worker')).find((d) => d.form === 'risk-assessment')!;
    expect(ra.state).toBe('final');
    expect(ra.signOffs.map((s) => [s.label, s.by, s.final])).toEqual([
      ['Submitted for audit', names['officer-pso'], false],
      ['Audit passed', names.manager, false],
      ['Countersigned', names.manager, true],
    ]);
    expect(ra.signOffs[2]!.role).toBe('Team Manager (Senior Domestic Abuse Officer)');
    // The Team Manager's comments are for the team, not for those the document is shared with.
    expect(ra.comments).toEqual([]);
  });

  it('should print the shared Risk Assessment as HTML and PDF alike, with the people and sign-offs', async () => {
    const path = `/api/cases/${caseId}/documents/${docs['risk-assessment']}`;
    const html = textOf((await users['social-worker'].get(`${path}/print`).expect(200)).text);
    const pdf = await pdfText(users['social-worker'], `${path}/pdf`);
    for (const [kind, text] of [
      ['HTML', html],
      ['PDF', pdf],
    ] as const) {
      expect(text, kind).toContain('Person referred Alex Taylor');
      expect(text, kind).toContain('Date of birth 21 May 1989');
      expect(text, kind).toContain(`Submitted for audit by ${names['officer-pso']}`);
      expect(text, kind).toContain(`Audit passed by ${names.manager}`);
      expect(text, kind).toContain(`Countersigned by ${names.manager}`);
      expect(text, kind).toContain('the document became final');
      expect(text, kind).toMatch(/Countersigned \(as applicable\) by:? \S/);
      expect(text, kind).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
      expect(text, kind).not.toMatch(/\b(knownAdult|riskOfSeriousHarm|officer-pso|medium)\b/);
      expect(text, kind).not.toMatch(/(?<![\w-])manager(?![\w-])/);
    }
    const forPerson = textOf((await users.manager.get(`${path}/print?audience=person-referred`).expect(200)).text);
    expect(forPerson).toContain('Prepared for The person referred.');
  });

  it('should print a form of the case with the sign-off that sent it', async () => {
    const html = textOf(
      (await users['social-worker'].get(`/api/cases/${caseId}/forms/request-for-service/print`).expect(200)).text,
    );
    expect(html).toContain(`Sent by ${names['social-worker']}`);
    expect(html).toContain('21 May 1989');
    const pdf = await pdfText(users['social-worker'], `/api/cases/${caseId}/forms/request-for-service/pdf`);
    expect(pdf).toContain(`Sent by ${names['social-worker']}`);
    const audit = textOf(
      (
        await users.manager
          .get(`/api/cases/${caseId}/forms/risk-assessment-audit/print?instance=${auditOf('risk-assessment')}`)
          .expect(200)
      ).text,
    );
    expect(audit).toContain(`Audit passed by ${names.manager}`);
    await users.manager
      .get(`/api/cases/${caseId}/forms/risk-assessment-audit/print?instance=${auditOf('risk-assessment-confidential')}`)
      .expect(404);
  });

  it("should show the Team Manager's comments to the author of a returned document", async () => {
    const { version } = (await users.manager.get(`/api/cases/${caseId}`).expect(200)).body as { version: number };
    const comments = 'Please say where the information about the police callout came from.';
    await users.manager
      .post(`/api/cases/${caseId}/events`, {
        expectedVersion: version,
        type: 'RETURN_WITH_COMMENTS',
        instance: docs['risk-assessment-confidential'],
        data: { comments },
      })
      .expect(200);
    const returned = (await documentsOf('officer-pso')).find((d) => d.form === 'risk-assessment-confidential')!;
    expect(returned.state).toBe('draft');
    expect(returned.comments).toEqual([
      expect.objectContaining({ by: names.manager, text: `Returned with comments: ${comments}` }),
    ]);
    const single = (
      await users['officer-pso']
        .get(`/api/cases/${caseId}/documents/${docs['risk-assessment-confidential']}`)
        .expect(200)
    ).body as Doc;
    expect(single.comments[0]!.text).toContain(comments);
  });
});

describe('The next step', () => {
  it('should say why completing assessment session 1 is not possible yet', async () => {
    const { caseId: id } = await walkReferral(users, (step) => step.send === 'COMPLETE_SESSION');
    const body = (await users['officer-pso'].get(`/api/cases/${id}`).expect(200)).body as {
      instances: { pathway: string; nextStep?: { type: string; possible: boolean; reasons: string[] } }[];
    };
    const sessions = body.instances.find((i) => i.pathway === 'assessment')!;
    expect(sessions.nextStep).toEqual({
      type: 'COMPLETE_SESSION',
      title: 'Complete this session',
      possible: false,
      reasons: ['“Why Am I Engaging? Questionnaire” has not been submitted'],
    });
  });
});
