// Issue 19 in Chromium: a case page is headed by who the case is about — the person referred as its heading, their
// case number and the children beneath, then the stage — and its tab by the person and case number, never by the
// case's id; a draft nobody is named on yet by its short reference. Its history and the audit log name the case the
// same way and people by their display names. axe finds nothing, at 1280 and at 320 CSS pixels.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseReference } from '../../forms-ui/src/app/core/format.js';
import { AppPage } from './support/app-pages.js';
import { readScenario, seedScenario, stepsThrough } from './support/app-seed.js';
import { ACCOUNTS, startAppServer, type AppServer } from './support/app-server.js';
import { launchChromium } from './support/browser.js';

const PERSON = { name: 'Morgan Ellery-Price', caseNumber: 'MOS-482913' };
let browser: Browser;
let server: AppServer;
let sent: string;
let draft: string;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startAppServer()]);
  const scenario = await readScenario('one-to-one-work-to-closure');
  const until = (send: string) => stepsThrough(scenario, send);
  sent = await seedScenario(server.dao, scenario, until('ACKNOWLEDGE_RECEIPT'), PERSON);
  draft = await seedScenario(server.dao, scenario, 0, PERSON);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The facts under the heading, key → value. */
async function headingFacts(app: AppPage): Promise<Record<string, string>> {
  const rows = await app.page
    .locator('case-page .case-identity__row')
    .evaluateAll((found) =>
      found.map((row) => [row.querySelector('dt')!.textContent!, row.querySelector('dd')!.textContent!]),
    );
  return Object.fromEntries(rows.map(([key, value]) => [key!.trim(), value!.replace(/\s+/g, ' ').trim()]));
}

describe('web app: the head of a case page', () => {
  it.each([['team-manager'], ['social-worker']] as const)(
    'should name the case by the person referred, with the case number and children, for the %s',
    async (role) => {
      const app = await AppPage.open(browser, server.url, { width: 1280 });
      await app.signIn(ACCOUNTS[role]);
      await app.goto(`#/cases/${sent}`);
      const casePage = app.casePage();
      await expect.poll(() => app.heading.textContent()).toBe(PERSON.name);
      expect(await headingFacts(app)).toEqual({
        'Date of birth': '21 May 1989',
        'Local authority case number (Mosaic)': PERSON.caseNumber,
        Children: 'Child A, Child B',
        'Referring social worker': 'Sam Patel',
        Stage: 'Case discussion with the social worker',
      });
      expect(await casePage.stage.textContent()).toBe('Case discussion with the social worker');
      expect(await app.page.title()).toBe(`Summary – ${PERSON.name} (${PERSON.caseNumber}) – DAO Pathways`);
      const head = `${await app.page.title()} ${await app.page.locator('case-page .caption-l').textContent()}`;
      for (const id of [sent, caseReference(sent)]) {
        expect(head).not.toContain(id);
        expect(await app.heading.textContent()).not.toContain(id);
      }
      expect(await app.axe()).toEqual([]);
      await app.page.setViewportSize({ width: 320, height: 800 });
      expect(await app.scrollWidth()).toBeLessThanOrEqual(320);
      expect(await app.axe()).toEqual([]);
      await app.close();
    },
    60_000,
  );

  it('should head a draft nobody is named on yet by its short reference', async () => {
    const app = await AppPage.open(browser, server.url, { width: 1280 });
    await app.signIn(ACCOUNTS['social-worker']);
    await app.goto(`#/cases/${draft}`);
    await expect.poll(() => app.casePage().stage.textContent()).toBe('Request for Service (draft)');
    expect(await app.heading.textContent()).toBe(`Case ${caseReference(draft)}`);
    expect(await app.page.title()).toBe(`Summary – Case ${caseReference(draft)} – DAO Pathways`);
    expect(await app.page.title()).not.toContain(draft);
    expect(await headingFacts(app)).toEqual({
      'Local authority case number (Mosaic)': 'Not given',
      Stage: 'Request for Service (draft)',
    });
    await app.close();
  }, 60_000);

  it('should name the people of its history by display name, and the case in the audit log by its person', async () => {
    const app = await AppPage.open(browser, server.url, { width: 1280 });
    await app.signIn(ACCOUNTS.auditor);
    await app.goto(`#/cases/${sent}/history`);
    const who = app.page.locator('case-history .timeline__by');
    await expect.poll(() => who.count()).toBeGreaterThan(1);
    const names = await who.allTextContents();
    expect(names).toContain('Jo Bennett, Team Manager (Senior Domestic Abuse Officer)');
    expect(names.join(' ')).not.toMatch(/\bsocial-worker\b|\bmanager\b/);
    expect(await app.heading.textContent()).toBe(PERSON.name);

    await app.goto('#/audit');
    const entries = app.page.locator('.audit-list__item').filter({ hasText: 'case.opened' });
    const opened = entries.filter({ has: app.page.getByRole('link', { name: PERSON.name, exact: true }) });
    await expect.poll(() => opened.count()).toBe(1);
    expect(await opened.locator('.audit-list__what').textContent()).toBe('case.opened by Sam Patel');
    expect(await app.page.locator('ol.audit-list').textContent()).not.toContain(`Case ${caseReference(sent)}`);
    expect(await app.axe()).toEqual([]);
    await app.close();
  }, 60_000);
});
