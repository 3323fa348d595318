// Script and HTML typed into every text field of the protocol's forms come back escaped in the print view, for every
// reader and audience: the printed page has only the tags the print view itself writes.
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

const ATTACK = '<script>alert(1)</script><img src=x onerror=alert(1)>';
const ESCAPED = '&#60;script&#62;alert(1)&#60;/script&#62;&#60;img src=x onerror=alert(1)&#62;';
/** Every tag renderPrintView writes; anything else in a printed page came from an answer. */
const PRINT_VIEW_TAGS = new Set(
  ['html', 'head', 'meta', 'title', 'style', 'body', 'main', 'h1', 'h2', 'p', 'dl', 'dt', 'dd', 'ul', 'li'].concat([
    'span',
    'br',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ]),
);

let server: TestServer;
let users: Record<ProtocolUser, Client>;
let caseId: string;
let documents: { id: string; form: string }[];

beforeAll(async () => {
  server = await startProtocolServer();
  users = await signInProtocolUsers(server);
  const defs = await protocolDefinitions();
  const walked = await caseWithRiskAssessment(users, (form, answers) => {
    const filled = fillTextFields(defs.forms.get(form)!.schema, answers, ATTACK);
    // The attack must be accepted as answers for the test to mean anything.
    expect(defs.forms.get(form)!.validator.validate(filled), form).toEqual({ valid: true, errors: {} });
    return filled;
  });
  caseId = walked.caseId;
  documents = walked.documents.filter((d) => d.hasAnswers);
  // Final, so that it is shared with the social worker and the person referred, and printed for them too.
  await finaliseRiskAssessment(users, caseId);
}, 120_000);
afterAll(async () => server.close());

function unexpectedTags(html: string): string[] {
  return [...html.matchAll(/<\/?([a-zA-Z][\w:-]*)/g)]
    .map((m) => m[1]!.toLowerCase())
    .filter((tag) => !PRINT_VIEW_TAGS.has(tag));
}

describe('Print view', () => {
  it('should have documents with hostile answers to print', () => {
    expect(documents.map((d) => d.form).sort()).toEqual(['risk-assessment', 'risk-assessment-confidential']);
  });

  it.each([
    ['officer-pso', ''],
    ['manager', ''],
    ['manager', '?audience=person-referred'],
    ['officer-pso', '?audience=person-referred'],
    ['service-manager', ''],
    ['social-worker', ''],
    ['auditor', ''],
  ] as const)('should escape every answer for %s%s', async (who, query) => {
    let printed = 0;
    for (const doc of documents) {
      const res = await users[who].get(`/api/cases/${caseId}/documents/${doc.id}/print${query}`);
      expect(res.status, `${doc.form}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
      if (res.status !== 200) continue;
      printed++;
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(unexpectedTags(res.text), doc.form).toEqual([]);
      expect(res.text).not.toMatch(/<script|<img/i);
      // The answers were printed (escaped), not left out.
      expect(res.text).toContain(ESCAPED);
    }
    expect(printed).toBeGreaterThan(0);
  });

  it('should send case JSON as JSON that a browser will not sniff as HTML', async () => {
    const res = await users.manager.get(`/api/cases/${caseId}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.text).toContain(ATTACK);
  });
});
