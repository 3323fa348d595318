// Issue 20 in Chromium, as each user would: sign-offs recorded by name, role and time and shown on the document, its
// print view and PDF, and the history; confirmation before a sign-off or what cannot be undone, the next step as the
// one primary button and the rest under "Other actions"; documents shared only once final; each document audited with
// its own Audit Tool; the Team Manager's comments reaching the author of a returned document.
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage, DaoFormDriver } from './support/app-pages.js';
import { ApiUser, playScenario, readScenario, stepsThrough, type Scenario } from './support/app-seed.js';
import { ACCOUNTS, startAppServer, type AppServer } from './support/app-server.js';
import { launchChromium } from './support/browser.js';

let browser: Browser;
let server: AppServer;
let ownAudit: Scenario;
let straight: Scenario;
let names: Record<string, string>;

beforeAll(async () => {
  [browser, server, ownAudit, straight] = await Promise.all([
    launchChromium(),
    startAppServer(),
    readScenario('confidential-information-own-audit'),
    readScenario('one-to-one-work-to-closure'),
  ]);
  names = Object.fromEntries((await server.dao.services.store.listUsers()).map((u) => [u.username, u.displayName]));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A case of the scenario "The Confidential Information cannot be passed without its own Audit Tool", after `count`
 * steps. */
const caseAfter = (count: number) => playScenario(server.url, ownAudit, count);
const auditAnswers = () =>
  ownAudit.steps.find((s) => s.send === 'PASS_AUDIT' && s.forms)!.forms!['risk-assessment-audit'] as Record<
    string,
    unknown
  >;

describe('web app: sign-offs and documents fit to share', () => {
  it('should audit each document with its own Audit Tool, confirm sign-offs, share it only once final', async () => {
    // Both the Risk Assessment and the Confidential Information are with the Team Manager for audit.
    const caseId = await caseAfter(8);
    const worker = await AppPage.open(browser, server.url, { width: 1280 });
    await worker.signIn(ACCOUNTS['social-worker']);
    await worker.nav('Your cases');
    const shared = worker.page.locator('my-cases-page case-documents');
    expect(await shared.count()).toBe(0);
    expect(await worker.main.textContent()).toContain('No documents have been shared with you yet.');

    const app = await AppPage.open(browser, server.url, { width: 1280 });
    const casePage = app.casePage();
    await app.signIn(ACCOUNTS['team-manager']);
    await app.goto(`#/cases/${caseId}/documents`);
    const ra = casePage.document('Risk Assessment');
    const rac = casePage.document(/Confidential Information/);
    expect(await ra.locator('.sign-offs').textContent()).toContain(`Submitted for audit by ${names['officer-pso']}`);

    // The Risk Assessment's own Audit Tool, filled in on its card.
    await ra.locator('details.document-form > summary').click();
    const form = new DaoFormDriver(app.page, ra.locator('details[open] dao-form'));
    await form.form.locator('form').waitFor();
    await form.fill(await form.schema(), auditAnswers());
    await form.submit();
    await expect.poll(() => app.banner.textContent()).toContain('Risk Assessment Audit Tool: submitted.');
    await app.settled();

    // Passing the Risk Assessment is its next step; it is confirmed first, in the Team Manager's name.
    const pass = ra.getByRole('button', { name: 'Pass the audit', exact: true });
    expect(await pass.getAttribute('class')).not.toMatch(/button--(secondary|warning)/);
    await pass.click();
    const confirm = ra.locator('.confirm-panel');
    expect(await confirm.textContent()).toContain(
      `It will be recorded now as signed off by ${names.manager}, Team Manager (Senior Domestic Abuse Officer).`,
    );
    await casePage.confirm('Pass the audit', ra);
    await expect.poll(() => app.banner.textContent()).toContain('Pass the audit: done.');
    await app.settled();

    // The Confidential Information is not passed by that audit: it says so, in the pathway's words.
    expect(await rac.getByRole('button', { name: 'Pass the audit', exact: true }).count()).toBe(0);
    expect(await rac.locator('.not-yet').textContent()).toMatch(
      new RegExp(
        "Pass the audit\\s*is not possible yet: this document's own Risk Assessment Audit Tool must be completed " +
          'with the outcome “passed”',
      ),
    );

    // The author is a Probation Service Officer: the Team Manager countersigns, and it becomes final.
    await casePage.act('Countersign', undefined, ra);
    await expect.poll(() => ra.locator('.document-list__state').textContent()).toContain('Final');
    const lines = (await ra.locator('.sign-offs li').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Submitted for audit by ${names['officer-pso']}, Domestic Abuse Officer \\(Probation Service Officer\\), ` +
            'on \\d{1,2} \\w+ \\d{4} at',
        ),
      ),
      expect.stringMatching(/^Audit passed by .* on \d{1,2} \w+ \d{4} at \d{1,2}:\d{2}[ap]m$/),
      expect.stringMatching(/^Countersigned by .* on \d{1,2} \w+ \d{4} at \d{1,2}:\d{2}[ap]m Made final$/),
    ]);

    // The print view and the PDF of the document carry the same records.
    const print = await app.page.request.get(
      (await ra.getByRole('link', { name: /^Print view of the Risk Assessment \(/ }).getAttribute('href')) as string,
    );
    expect(print.status()).toBe(200);
    expect(await print.text()).toContain(`Countersigned by ${names.manager}`);
    const pdf = await app.page.request.get(
      (await ra.getByRole('link', { name: /^PDF of the Risk Assessment \(/ }).getAttribute('href')) as string,
    );
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // The history names people and marks sign-offs.
    await casePage.part('History');
    const history = app.page.locator('case-history');
    expect(await history.locator('.timeline__item', { hasText: 'Countersign' }).first().textContent()).toMatch(
      /Countersign\s*Sign-off/,
    );
    expect(await history.textContent()).toContain(names['officer-pso']!);
    expect(await history.textContent()).not.toMatch(/\(dao-pso\)|officer-pso|\(team-manager\)/);
    expect(await app.axe()).toEqual([]);
    await app.close();

    // Now final, the Risk Assessment is shared with the social worker, with its sign-offs; the other is not.
    await worker.page.reload();
    await worker.settled();
    await expect.poll(() => shared.count()).toBe(1);
    const card = shared.locator('.document-card');
    expect(await card.count()).toBe(1);
    expect(await card.locator('h4').textContent()).toBe('Risk Assessment');
    expect(await card.locator('.sign-offs').textContent()).toContain(`Countersigned by ${names.manager}`);
    expect(await worker.axe()).toEqual([]);
    await worker.close();
  }, 120_000);

  it('should have the officer confirm sending the Risk Assessment for audit, shown as their sign-off', async () => {
    const caseId = await playScenario(server.url, straight, stepsThrough(straight, 'RECORD_THREE_WAY_MEETING'));
    const officer = await ApiUser.signIn(server.url, ACCOUNTS['dao-pso']);
    const { version } = await officer.call<{ version: number }>('GET', `api/cases/${caseId}`);
    const answers = straight.steps.find((s) => s.send === 'SUBMIT_FOR_AUDIT')!.forms!['risk-assessment'];
    await officer.call('POST', `api/cases/${caseId}/events`, {
      expectedVersion: version,
      forms: { 'risk-assessment': answers },
    });

    const app = await AppPage.open(browser, server.url, { width: 1280 });
    const casePage = app.casePage();
    await app.signIn(ACCOUNTS['dao-pso']);
    await app.goto(`#/cases/${caseId}/now`);
    const step = casePage.step('Risk Assessment: Draft');
    await step.getByRole('button', { name: 'Submit to the Team Manager for audit', exact: true }).click();
    const confirm = step.locator('.confirm-panel');
    expect(await confirm.textContent()).toContain('The document will go to the Team Manager for audit.');
    expect(await confirm.textContent()).toContain(
      `It will be recorded now as signed off by ${names['officer-pso']}, Domestic Abuse Officer`,
    );
    expect(await app.axe()).toEqual([]);
    await casePage.confirm('Submit to the Team Manager for audit', step);
    await expect.poll(() => app.banner.textContent()).toContain('Submit to the Team Manager for audit: done.');
    await casePage.part('Documents');
    expect(await casePage.document('Risk Assessment').locator('.sign-offs').textContent()).toContain(
      `Submitted for audit by ${names['officer-pso']}`,
    );
    await app.close();
  }, 60_000);

  it('should make the next step primary, the rest Other actions, and warn before the irreversible', async () => {
    // The referral waits for the Team Manager's decision.
    const caseId = await caseAfter(3);
    const app = await AppPage.open(browser, server.url, { width: 1280 });
    const casePage = app.casePage();
    await app.signIn(ACCOUNTS['team-manager']);
    await app.goto(`#/cases/${caseId}/now`);
    const step = casePage.step('Decision on the referral');
    const visible = step.locator('.case-actions > .button-list button');
    const texts = async (buttons: Locator) => (await buttons.allTextContents()).map((t) => t.trim());
    expect(await texts(visible)).toEqual(['Accept the referral']);
    expect(await visible.getAttribute('class')).not.toMatch(/button--(secondary|warning)/);
    const others = step.locator('details.other-actions');
    expect(await others.getAttribute('open')).toBeNull();
    await others.locator('summary').click();
    const decline = others.getByRole('button', { name: 'Decline the referral' });
    expect(await decline.getAttribute('class')).toContain('button--warning');
    expect(await texts(others.getByRole('button'))).toEqual(
      expect.arrayContaining([
        'Decline the referral',
        'Signpost to a more appropriate route',
        'Raise a risk escalation',
      ]),
    );
    await app.close();

    // A social worker's draft: sending is not possible yet, and says why; withdrawing asks first, and can be cancelled.
    const draft = await caseAfter(0);
    const worker = await AppPage.open(browser, server.url, { width: 320 });
    const draftPage = worker.casePage();
    await worker.signIn(ACCOUNTS['social-worker']);
    await worker.goto(`#/cases/${draft}/now`);
    const request = draftPage.step('Request for Service (draft)');
    expect(await request.locator('.not-yet').textContent()).toMatch(
      new RegExp(
        'Send the Request for Service\\s*is not possible yet: ' +
          '“Request for Service - Domestic Abuse Officer \\(Probation\\)” has not been submitted',
      ),
    );
    const withdraw = await draftPage.actionButton('Withdraw the draft Request for Service', request);
    expect(await withdraw.getAttribute('class')).toContain('button--warning');
    await withdraw.click();
    const confirm = request.locator('.confirm-panel');
    expect(await confirm.textContent()).toContain(
      'The draft Request for Service will be withdrawn and the case closed.',
    );
    expect(await confirm.locator('.warning-text').textContent()).toContain('This cannot be undone.');
    expect(
      await confirm.getByRole('button', { name: 'Yes, withdraw the draft Request for Service' }).getAttribute('class'),
    ).toContain('button--warning');
    expect(await worker.scrollWidth()).toBeLessThanOrEqual(320);
    expect(await worker.axe()).toEqual([]);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await confirm.count()).toBe(0);
    expect(await draftPage.stage.textContent()).toBe('Request for Service (draft)');
    await draftPage.act('Withdraw the draft Request for Service', undefined, request);
    await expect.poll(() => draftPage.stage.textContent()).toBe('Request for Service withdrawn');
    await worker.close();
  }, 60_000);

  it("should show the Team Manager's comments to the author of the returned document", async () => {
    const caseId = await caseAfter(8);
    const comments = 'Please add where the disclosure about the previous relationship came from.';
    const manager = await AppPage.open(browser, server.url, { width: 1280 });
    const managerPage = manager.casePage();
    await manager.signIn(ACCOUNTS['team-manager']);
    await manager.goto(`#/cases/${caseId}/documents`);
    await managerPage.act(
      'Return to the DAO with comments',
      { comments },
      managerPage.document(/Confidential Information/),
    );
    await manager.close();

    const app = await AppPage.open(browser, server.url, { width: 1280 });
    const casePage = app.casePage();
    await app.signIn(ACCOUNTS['dao-pso']);
    await app.goto(`#/cases/${caseId}/now`);
    const returned = casePage.step(/Confidential Information: Draft/);
    expect(await returned.locator('.document-comments').textContent()).toContain(`Returned with comments: ${comments}`);
    expect(await returned.locator('.document-comments').textContent()).toContain(names.manager!);
    await casePage.part('Documents');
    expect(
      await casePage
        .document(/Confidential Information/)
        .locator('.document-comments')
        .textContent(),
    ).toContain(comments);
    expect(await app.axe()).toEqual([]);
    await app.close();
  }, 60_000);
});
