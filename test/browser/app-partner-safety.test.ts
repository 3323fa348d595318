// Issue 26 in Chromium: the Domestic Abuse Safety Officer's caseload is their partner-safety cases, and a case's summary
// shows the linked DAO case's risk level and nothing else of that case (which does not open for them); the social
// worker's lists never show the partner's case.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseData } from '../../engine/runtime/model.js';
import { AppPage } from './support/app-pages.js';
import { readScenario, seedScenario } from './support/app-seed.js';
import { ACCOUNTS, startAppServer, type AppServer } from './support/app-server.js';
import { launchChromium } from './support/browser.js';

const PARTNER = 'Robin Marsh-Okafor';
let browser: Browser;
let server: AppServer;
let daoCase: string;
let partnerCase: string;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startAppServer()]);
  const scenario = await readScenario('partner-safety-threat');
  const started = scenario.steps.findIndex((s) => s.send === 'START_PARTNER_SAFETY') + 1;
  daoCase = await seedScenario(server.dao, scenario, started, { name: 'Alex Taylor' });
  const cases = server.dao.services.cases;
  const dao = await cases.load(daoCase, { id: ACCOUNTS['dao-pso'], role: 'dao-pso' });
  partnerCase = Object.values((dao.record.snapshot as CaseData).links ?? {})[0]!.caseId!;
  const officer = { id: ACCOUNTS['partner-safety-officer'], role: 'partner-safety-officer' };
  await cases.change(partnerCase, officer, { expectedVersion: 1, type: 'TAKE_ON_PARTNER_SAFETY' });
  await cases.change(partnerCase, officer, {
    expectedVersion: 2,
    type: '',
    forms: { 'partner-contact': { name: PARTNER, relationship: 'ex-partner', safeToContact: true } },
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('web app: partner safety', () => {
  it("should list the officer's partner-safety cases and show the DAO case's risk level only", async () => {
    const app = await AppPage.open(browser, server.url, { width: 1280 });
    await app.signIn(ACCOUNTS['partner-safety-officer']);
    await app.goto('#/my-cases');
    await expect.poll(() => app.caseIdsShown()).toEqual([partnerCase]);
    await app.goto(`#/cases/${partnerCase}`);
    await expect.poll(() => app.heading.textContent()).toBe(PARTNER);
    const summary = app.page.locator('case-page dl.summary-list').first();
    await expect.poll(async () => (await app.cardRows(summary))['Risk level on the DAO case']).toBe('high');
    expect((await app.cardRows(summary))['Risk level (partner safety)']).toBe('Not recorded');
    await app.goto(`#/cases/${daoCase}`);
    await expect.poll(() => app.page.locator('case-page').textContent()).toMatch(/no such case|not one of yours/i);
  });

  it("should never show the social worker the partner's case", async () => {
    const app = await AppPage.open(browser, server.url, { width: 1280 });
    await app.signIn(ACCOUNTS['social-worker']);
    await app.goto('#/my-cases');
    await expect.poll(() => app.caseIdsShown()).toEqual([daoCase]);
    expect(await app.page.content()).not.toContain(PARTNER);
  });
});
