// Issue 7: an officer completes assessment session 1 from the task checklist — opens the session's form from its task,
// leaves it half done (the draft is saved on the server and comes back after a reload), finishes and submits it, and
// completes the session; the case moves on to session 2. The case is brought to session 1 through the API first.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './support/app-pages.js';
import { ApiUser, playScenario, readFormTitle, readScenario, stepsThrough, type Scenario } from './support/app-seed.js';
import { startAppServer, type AppServer } from './support/app-server.js';
import { launchChromium } from './support/browser.js';

let browser: Browser;
let server: AppServer;
let scenario: Scenario;
let caseId: string;

beforeAll(async () => {
  [browser, server, scenario] = await Promise.all([
    launchChromium(),
    startAppServer(),
    readScenario('one-to-one-work-to-closure'),
  ]);
  // Up to and including the three-way meeting: the risk assessment and assessment session 1 have begun.
  caseId = await playScenario(server.url, scenario, stepsThrough(scenario, 'RECORD_THREE_WAY_MEETING'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('web app: assessment session 1', () => {
  it('should be completed by the officer from the task checklist, with the form autosaved as a draft', async () => {
    const app = await AppPage.open(browser, server.url);
    const casePage = app.casePage();
    await app.signIn('officer-pso');
    await app.goto(`#/cases/${caseId}/now`);
    await expect.poll(() => casePage.stage.textContent()).toBe('Risk assessment');

    const session = casePage.step('Assessment sessions: Session 1');
    expect(await session.textContent()).toContain('Objective: Develop understanding and create motivation');
    const tasks = await session.locator('task-checklist li').allTextContents();
    expect(tasks.map((t) => t.replace(/\s+/g, ' ').trim())).toEqual(
      expect.arrayContaining([
        'Consent Form/ Introduction',
        'Why am I engaging? Questionnaire To do',
        'Expectations & Goals To do',
      ]),
    );
    // The session cannot be completed before its questionnaire is in, and the step says so.
    expect(await session.getByRole('button', { name: 'Complete this session' }).count()).toBe(0);
    expect(await session.locator('.not-yet').textContent()).toMatch(
      /Complete this session\s*is not possible yet: “Why Am I Engaging\? Questionnaire” has not been submitted/,
    );

    const answers = scenario.steps.find((s) => s.send === 'COMPLETE_SESSION')!.forms!['why-am-i-engaging'] as Record<
      string,
      number | string
    >;
    const { referralReason, ...scores } = answers;
    let form = await casePage.openFormFromTask(session, 'Why am I engaging? Questionnaire');
    const schema = await form.schema();
    await form.fill(schema, scores);
    // Autosaved: leaving the form saves the draft on the server.
    await app.page.locator('main h1').focus();
    await expect
      .poll(() => app.page.locator('case-form .case-form__status').textContent(), { timeout: 15_000 })
      .toContain('Draft saved');

    await app.page.reload();
    await app.settled();
    form = await casePage.openFormFromTask(
      casePage.step('Assessment sessions: Session 1'),
      'Why am I engaging? Questionnaire',
    );
    const restored = await form.form.evaluate((el) => (el as unknown as { data: Record<string, unknown> }).data);
    expect(restored).toEqual(scores);
    await form.fill(schema, { referralReason });
    await form.submit();
    const formTitle = await readFormTitle('why-am-i-engaging');
    await expect.poll(() => app.banner.textContent()).toContain(`${formTitle}: submitted.`);
    await app.settled();

    const after = casePage.step('Assessment sessions: Session 1');
    expect(
      (await after.locator('task-checklist li').filter({ hasText: 'Why am I engaging?' }).textContent())?.replace(
        /\s+/g,
        ' ',
      ),
    ).toContain('Submitted');
    await casePage.act('Complete this session', undefined, after);
    expect(await casePage.step('Assessment sessions: Session 2 – Check In').count()).toBe(1);
    await casePage.part('History');
    expect(await app.page.locator('case-history').textContent()).toContain('Complete this session');
    await app.close();
  });

  it('should tell the officer when the case changed since they read it, and show it as it is now', async () => {
    const app = await AppPage.open(browser, server.url);
    const casePage = app.casePage();
    await app.signIn('officer-pso');
    await app.goto(`#/cases/${caseId}/now`);
    const session = casePage.step('Assessment sessions: Session 2 – Check In');
    expect(await session.count()).toBe(1);
    // Meanwhile, in another tab, the Check In is submitted.
    const elsewhere = await ApiUser.signIn(server.url, 'officer-pso');
    const { version } = await elsewhere.call<{ version: number }>('GET', `api/cases/${caseId}`);
    const checkIn = scenario.steps.find((s) => s.send === 'RECORD_CHECK_IN')!.forms!;
    await elsewhere.call('POST', `api/cases/${caseId}/events`, { expectedVersion: version, forms: checkIn });

    await (await casePage.actionButton('End the assessment sessions', session)).click();
    const form = session.locator('.event-form dao-form');
    await form.locator('[id="f-reason"]').fill('The person has stopped attending.');
    await form.locator('button[type=submit]').click();
    // It cannot be undone: it is confirmed first.
    await casePage.confirm('End the assessment sessions', session);
    const summary = session.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain(
      'Someone else changed this case while you were looking at it. It has been reloaded',
    );
    await expect
      .poll(() =>
        casePage
          .step('Assessment sessions: Session 2 – Check In')
          .locator('task-checklist li')
          .filter({ hasText: 'Check In' })
          .first()
          .textContent(),
      )
      .toContain('Submitted');
    await app.close();
  });
});
