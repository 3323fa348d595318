// Partner safety over HTTP with the protocol's own definitions (issue 26): a DAO case starts a linked partner-safety
// case; the partner's contact details, safety plan, feedback and what she reported are walked past every role on every
// endpoint of both cases, and reach only the partner-safety officer and the Team Manager (cleared for confidential
// information); the DAO case gets the escalation task and the social worker is told, with none of her words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type Client, type TestServer } from '../server/helpers.js';
import {
  caseWithRiskAssessment,
  finaliseRiskAssessment,
  signInProtocolUsers,
  startProtocolServer,
  type ProtocolUser,
} from './protocol-walk.js';

const NAME = 'Jordan PARTNERNAME-9c1d';
const ADDRESS = '22 PARTNERADDRESS-4b7e Lane';
const FEEDBACK = 'PARTNERFEEDBACK-61a0 he is calmer';
const PLAN = 'PARTNERPLAN-d3f2 code word with her sister';
const THREAT = 'PARTNERTHREAT-8e55 threatened to burn the house down';
const SECRETS = [NAME, ADDRESS, FEEDBACK, PLAN, THREAT, 'PARTNERNAME', 'PARTNERADDRESS'];

type Reader = ProtocolUser | 'partner-safety';
let server: TestServer;
let users: Record<Reader, Client>;
let daoCase: string;
let partnerCase: string;
let documents: { id: string; form: string }[];

interface CaseJson {
  version: number;
  state: string;
  values: Record<string, unknown>;
  notifications: { message: string }[];
}

async function send(who: Reader, caseId: string, body: { type?: string; data?: object; forms?: object }) {
  const current = (await users[who].get(`/api/cases/${caseId}`).expect(200)).body as CaseJson;
  const res = await users[who].post(`/api/cases/${caseId}/events`, { expectedVersion: current.version, ...body });
  if (res.status !== 200) throw new Error(`${body.type ?? 'forms'} answered ${res.status}: ${res.text.slice(0, 400)}`);
  return res.body as CaseJson;
}

beforeAll(async () => {
  server = await startProtocolServer();
  users = { ...(await signInProtocolUsers(server)), 'partner-safety': await signIn(server.app, 'partner-safety') };
  ({ caseId: daoCase, documents } = await caseWithRiskAssessment(users));
  await finaliseRiskAssessment(users, daoCase);
  await send('officer-pso', daoCase, { type: 'RECORD_RISK_LEVEL', data: { level: 'high' } });
  await send('officer-pso', daoCase, { type: 'START_PARTNER_SAFETY' });
  const waiting = await users['partner-safety'].get('/api/cases?view=act').expect(200);
  partnerCase = (waiting.body.cases as { id: string; pathway: string }[]).find(
    (c) => c.pathway === 'partner-safety',
  )!.id;
  await send('partner-safety', partnerCase, { type: 'TAKE_ON_PARTNER_SAFETY' });
  const contact = { name: NAME, relationship: 'ex-partner', address: ADDRESS, safeToContact: true };
  await send('partner-safety', partnerCase, {
    type: 'RECORD_CONSENT_TO_CONTACT',
    forms: { 'partner-contact': contact },
  });
  await send('partner-safety', partnerCase, {
    type: 'RECORD_SAFETY_PLAN',
    forms: {
      'safety-plan': { concerns: PLAN, actions: PLAN },
      'risk-checklist': { score: 15, completedOn: '2026-02-20' },
    },
  });
  await send('partner-safety', partnerCase, {
    type: 'RECORD_PARTNER_FEEDBACK',
    forms: { 'partner-feedback': { stage: 'start', feedback: FEEDBACK } },
  });
  await send('partner-safety', partnerCase, { type: 'RECORD_INCIDENT', data: { summary: THREAT } });
  await send('partner-safety', partnerCase, { type: 'RAISE_PARTNER_RISK_ESCALATION', data: { concern: THREAT } });
  await send('partner-safety', partnerCase, { type: 'REFER_TO_MARAC', data: { reason: 'checklist-score' } });
  await users['partner-safety']
    .put(`/api/cases/${partnerCase}/drafts/safety-plan`, { data: { concerns: PLAN } })
    .expect(200);
}, 180_000);
afterAll(async () => server.close());

const PARTNER_FORMS = ['partner-contact', 'safety-plan', 'partner-feedback', 'risk-checklist'];

function endpoints(): string[] {
  const docs = documents.flatMap((d) => {
    const path = `/api/cases/${daoCase}/documents/${d.id}`;
    return [path, `${path}/print`, `${path}?audience=person-referred`, `${path}/print?audience=person-referred`];
  });
  const partnerForms = PARTNER_FORMS.flatMap((form) => [
    `/api/cases/${partnerCase}/forms/${form}/print`,
    `/api/cases/${partnerCase}/forms/${form}/print?audience=person-referred`,
    `/api/cases/${partnerCase}/drafts/${form}`,
  ]);
  return [
    '/api/cases?view=all',
    '/api/cases?view=mine',
    '/api/cases?view=act',
    '/api/cases?view=all&includeClosed=true',
    `/api/cases?q=Jordan`,
    '/api/cases/allocation-queue',
    `/api/cases/${daoCase}`,
    ...docs,
    `/api/cases/${partnerCase}`,
    ...partnerForms,
    '/api/audit',
    `/api/audit?caseId=${partnerCase}`,
    `/api/audit?caseId=${daoCase}`,
  ];
}

/** What a reader is sent by every endpoint (the bodies only: the paths asked for name the cases). */
async function everythingSeenBy(who: Reader, only: (path: string) => boolean = () => true) {
  const bodies: string[] = [];
  const ok: string[] = [];
  for (const path of endpoints().filter(only)) {
    const res = await users[who].get(path);
    expect(res.status, `${who} ${path}`).toBeLessThan(500);
    if (res.status === 200) ok.push(path);
    bodies.push(res.text);
  }
  return { text: bodies.join('\n'), ok };
}

describe('Partner safety across linked cases', () => {
  it.each(['social-worker', 'service-manager', 'auditor', 'officer-po', 'officer-pso'] as const)(
    'should never show %s the partner, her case, her address or her feedback',
    async (who) => {
      const { text, ok } = await everythingSeenBy(who);
      for (const secret of SECRETS) expect(text, `${who} saw ${secret}`).not.toContain(secret);
      expect(ok.some((path) => path.startsWith(`/api/cases/${partnerCase}`))).toBe(false);
      expect(text).not.toContain(partnerCase);
    },
  );

  it.each(['manager', 'officer-pso', 'partner-safety'] as const)(
    'should keep all of it out of what %s is shown for the person referred',
    async (who) => {
      const { text } = await everythingSeenBy(who, (path) => path.includes('audience=person-referred'));
      for (const secret of SECRETS) expect(text).not.toContain(secret);
    },
  );

  it('should give the DAO case its escalation task and tell the social worker, with none of her words', async () => {
    const dao = (await users['officer-pso'].get(`/api/cases/${daoCase}`).expect(200)).body as CaseJson;
    expect(dao.state).toBe('escalated');
    expect(dao.notifications.map((n) => n.message)).toEqual(
      expect.arrayContaining([
        "The partner's safety plan has changed",
        'The partner-safety officer has raised a risk escalation',
      ]),
    );
    const told = (await users['social-worker'].get(`/api/cases/${daoCase}`).expect(200)).body as CaseJson;
    expect(told.notifications.map((n) => n.message)).toContain(
      'Risk escalation raised; the safety of continuing the DAO intervention is being considered',
    );
  });

  it("should show the partner-safety officer her case and the DAO case's risk level, not the DAO case", async () => {
    const own = await users['partner-safety'].get(`/api/cases/${partnerCase}`).expect(200);
    expect(own.text).toContain(THREAT);
    expect((own.body as CaseJson).values.linkedCaseRiskLevel).toBe('high');
    expect((own.body as CaseJson).values.marac).toMatchObject({ reason: 'checklist-score', checklistScore: 15 });
    const printed = await users['partner-safety'].get(`/api/cases/${partnerCase}/forms/partner-contact/print`);
    expect(printed.status).toBe(200);
    expect(printed.text).toContain(ADDRESS);
    await users['partner-safety'].get(`/api/cases/${daoCase}`).expect(404);
    const mine = await users['partner-safety'].get('/api/cases?view=mine').expect(200);
    expect((mine.body.cases as { id: string }[]).map((c) => c.id)).toEqual([partnerCase]);
  });

  it('should audit every disclosure of her confidential forms, without their content', async () => {
    const audit = await users.manager.get(`/api/audit?caseId=${partnerCase}`).expect(200);
    const reads = (audit.body.entries ?? audit.body) as { action: string; userId: string }[];
    expect(reads.some((e) => e.action === 'confidential.read' && e.userId === 'partner-safety')).toBe(true);
    // The Team Manager is cleared, so the audit names the case by her name; nothing she said or wrote is in it.
    for (const content of [ADDRESS, FEEDBACK, PLAN, THREAT]) expect(audit.text).not.toContain(content);
  });
});
