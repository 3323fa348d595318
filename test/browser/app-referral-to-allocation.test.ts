// Issue 7: a referral goes from the social worker's Request for Service (with the Screening and Consent forms) to
// allocation through three people's screens — the social worker, the team manager and the officer — on the real
// server, with the answers and the order of events of definitions/scenarios/one-to-one-work-to-closure.yaml.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './support/app-pages.js';
import { readScenario, type Scenario } from './support/app-seed.js';
import { startAppServer, type AppServer } from './support/app-server.js';
import { launchChromium } from './support/browser.js';

let browser: Browser;
let server: AppServer;
let scenario: Scenario;

beforeAll(async () => {
  [browser, server, scenario] = await Promise.all([
    launchChromium(),
    startAppServer(),
    readScenario('one-to-one-work-to-closure'),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function step(send: string) {
  return scenario.steps.find((s) => s.send === send)!;
}

describe('web app: a referral from request to allocation', () => {
  it('should go from the social worker through the team manager to the officer', async () => {
    const app = await AppPage.open(browser, server.url);
    const page = app.page;
    const casePage = app.casePage();

    // --- The social worker starts a Request for Service, fills its three forms and sends it.
    await app.signIn('social-worker');
    await expect.poll(() => app.heading.textContent()).toBe('Waiting for you');
    await app.nav('Your cases');
    await page.getByRole('button', { name: /^Start a new case: Domestic Abuse Officer referral/ }).click();
    await app.settled();
    await expect.poll(() => casePage.stage.textContent()).toBe('Request for Service (draft)');
    await casePage.part('Where the case is');
    expect(await casePage.hereOnDiagram.textContent()).toMatch(/You are here\s*Request for Service \(draft\)/);
    await casePage.part('What to do now');
    const draft = casePage.step('Request for Service (draft)');
    expect(await draft.locator('task-checklist li').allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Complete the Request for Service'),
        expect.stringContaining('Complete the Screening form'),
      ]),
    );
    const answers = step('SUBMIT_REQUEST').forms!;
    const tasks: [string | RegExp, string][] = [
      ['Complete the Request for Service', 'request-for-service'],
      ['Complete the Screening form', 'screening'],
      [/Consent Form/, 'consent'],
    ];
    const submittedTags = async () =>
      (await draft.locator('task-checklist .tag').allTextContents()).filter((t) => t === 'Submitted').length;
    for (const [index, [task, formId]] of tasks.entries()) {
      const form = await casePage.openFormFromTask(draft, task);
      await form.fill(await form.schema(), answers[formId] as Record<string, unknown>);
      await form.submit();
      // The banner may still be the previous form's ("…: submitted."): the checklist says when this one is in.
      await expect.poll(submittedTags).toBe(index + 1);
      expect(await app.banner.textContent()).toContain('submitted');
      await app.settled();
    }
    expect(await draft.locator('task-checklist .tag').allTextContents()).toEqual([
      'Submitted',
      'Submitted',
      'Submitted',
    ]);
    await casePage.act('Send the Request for Service', undefined, draft);
    await expect.poll(() => casePage.stage.textContent()).toBe('Request for Service received');
    // Named from now on by the person referred, as the Request for Service gives them, never by the case's id.
    const person = (answers['request-for-service'] as { personReferred: { name: string } }).personReferred.name;
    expect(await app.heading.textContent()).toBe(person);
    await app.nav('Your cases');
    const referral = page.locator('case-list .summary-card').first();
    expect(await referral.textContent()).toContain('Request for Service received');
    const caseId = await app.caseIdFromCard(referral);
    await app.signOut();

    // --- The team manager sees it in the referrals inbox with its screening outcome, triages it and allocates it.
    await app.signIn('manager');
    await expect.poll(() => app.heading.textContent()).toBe('Waiting for you');
    await app.nav('Referrals');
    const inbox = app.caseCard(caseId);
    expect(await inbox.textContent()).toMatch(
      /screening form – Outcome:\s*Green\s*If you have ticked only green boxes/,
    );
    await inbox.getByRole('link').first().click();
    await app.settled();
    await casePage.part('What to do now');
    await casePage.act(
      'Acknowledge receipt and inform the social worker of next steps',
      step('ACKNOWLEDGE_RECEIPT').data,
    );
    await expect.poll(() => casePage.stage.textContent()).toBe('Case discussion with the social worker');
    await casePage.act('Record the case discussion with the social worker', step('RECORD_CASE_DISCUSSION').data);
    await casePage.act('Accept the referral', {});
    await expect.poll(() => casePage.stage.textContent()).toBe('Waiting list');

    await app.nav('Allocation');
    expect(await page.locator('allocation-page h2').nth(1).textContent()).toBe('Waiting list');
    const officer = page.locator('.officer-list__item[data-officer="officer-pso"]');
    expect(await officer.locator('.officer-load').textContent()).toBe('0 of 15 active cases');
    const waiting = app.caseCard(caseId);
    expect(await waiting.textContent()).toContain('Position 1 on the waiting list');
    await casePage.act('Allocate to a Domestic Abuse Officer', step('ALLOCATE').data, waiting);
    expect(await app.banner.textContent()).toContain('Allocate to a Domestic Abuse Officer: done.');
    expect(await officer.locator('.officer-load').textContent()).toBe('1 of 15 active cases');
    expect(await app.listStatus.textContent()).toBe('No cases are waiting to be allocated.');
    await app.signOut();

    // --- The officer finds it on their caseload, with its next step, and records the three-way meeting.
    await app.signIn('officer-pso');
    await expect.poll(() => app.heading.textContent()).toBe('Waiting for you');
    await app.nav('Your cases');
    expect(await page.locator('.caseload-count').textContent()).toContain(
      'You hold 1 active case of your capacity of 15',
    );
    const held = page.locator('case-list .summary-card').first();
    expect(await held.textContent()).toContain(
      'Next step: Liaise with the allocated social worker and arrange a consultation',
    );
    await held.getByRole('link').first().click();
    await app.settled();
    await expect.poll(() => casePage.stage.textContent()).toBe('Consultation and three-way meeting');
    await casePage.part('Where the case is');
    expect(await casePage.hereOnDiagram.textContent()).toContain('Consultation and three-way meeting');
    await casePage.part('What to do now');
    await casePage.act(
      'Record the three-way meeting (or the multi-agency meeting)',
      step('RECORD_THREE_WAY_MEETING').data,
    );
    await expect.poll(() => casePage.stage.textContent()).toBe('Risk assessment');
    expect(await casePage.step('Assessment sessions: Session 1').count()).toBe(1);
    await casePage.part('Summary');
    expect(await page.locator('main').textContent()).toContain('Risk assessment (in the region of six weeks)');
    await app.close();
  }, 120_000);
});
