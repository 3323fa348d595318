// Issue 20 in Chromium: the case page in parts, each with its own address; the pathway drawn as a picture with where
// the case is marked (not by colour alone), on the case page and beside the YAML in the definition editor, whose
// editor scrolls on its own; and a draft that keeps an answer chosen just before the page is reloaded.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './support/app-pages.js';
import { playScenario, readScenario, stepsThrough, type Scenario } from './support/app-seed.js';
import { ACCOUNTS, startAppServer, type AppServer } from './support/app-server.js';
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
  // Allocated, the three-way meeting held: the risk assessment and assessment session 1 have begun.
  caseId = await playScenario(server.url, scenario, stepsThrough(scenario, 'RECORD_THREE_WAY_MEETING'));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The name the scenario's Request for Service gives the person referred. */
function personReferred(scenario: Scenario): string {
  const forms = scenario.steps.find((s) => s.forms?.['request-for-service'])!.forms!;
  return (forms['request-for-service'] as { personReferred: { name: string } }).personReferred.name;
}

const PARTS: [label: string, path: string, shows: string][] = [
  ['Summary', '', 'Next step for you'],
  ['What to do now', '/now', 'Assessment sessions: Session 1'],
  ['Forms', '/forms', 'Forms submitted'],
  ['Documents', '/documents', 'Risk Assessment - Confidential Information'],
  ['History', '/history', 'Record the three-way meeting'],
  ['Where the case is', '/where', 'You are here'],
];

describe('web app: the case page in parts', () => {
  it.each(PARTS)(
    'should show the part "%s" at its own address, and again after a reload',
    async (label, path, shows) => {
      const app = await AppPage.open(browser, server.url, { width: 1280 });
      await app.signIn(ACCOUNTS['dao-pso']);
      await app.goto(`#/cases/${caseId}${path}`);
      const current = app.page.locator('nav.sub-navigation [aria-current="page"]');
      expect(await current.textContent()).toBe(label);
      await expect.poll(() => app.main.textContent(), { timeout: 15_000 }).toContain(shows);
      expect(await app.page.locator('h2.case-part__heading').textContent()).toBe(label);
      // Named by the person referred (this referral gives no case number), never by its id.
      expect(await app.page.title()).toBe(`${label} – ${personReferred(scenario)} – DAO Pathways`);
      await app.page.reload();
      await app.settled();
      expect(await current.textContent()).toBe(label);
      await expect.poll(() => app.main.textContent(), { timeout: 15_000 }).toContain(shows);
      expect(await app.axe()).toEqual([]);
      await app.page.setViewportSize({ width: 320, height: 800 });
      expect(await app.scrollWidth()).toBeLessThanOrEqual(320);
      expect(await app.axe()).toEqual([]);
      await app.close();
    },
    60_000,
  );

  it('should draw where the case is as a picture of its pathways, marked by words and a thick border', async () => {
    const app = await AppPage.open(browser, server.url, { width: 1280 });
    const casePage = app.casePage();
    await app.signIn(ACCOUNTS['dao-pso']);
    await app.goto(`#/cases/${caseId}/where`);
    const graphs = app.page.locator('pathway-graph');
    await expect.poll(() => graphs.count()).toBeGreaterThanOrEqual(3);
    const svg = graphs.first().locator('svg');
    expect(await svg.getAttribute('role')).toBe('img');
    expect(await svg.locator('desc').textContent()).toBe('You are here: Risk assessment.');
    const here = casePage.hereOnDiagram;
    expect(await here.getAttribute('aria-current')).toBe('step');
    expect((await here.textContent())?.trim()).toMatch(/^You are here\s*Risk assessment$/);
    const [current, other] = await Promise.all([
      here.locator('rect').evaluate((r) => getComputedStyle(r).strokeWidth),
      graphs
        .first()
        .locator('.graph__node:not(.graph__node--current) rect')
        .first()
        .evaluate((r) => getComputedStyle(r).strokeWidth),
    ]);
    expect(parseFloat(current)).toBeGreaterThan(parseFloat(other) * 2);
    // Boxes and arrows: every state of the pathway a box, the ways between them arrows with their events' titles.
    expect(await svg.locator('.graph__node').count()).toBeGreaterThan(15);
    expect(await svg.locator('.graph__edge').count()).toBeGreaterThan(15);
    expect(await svg.textContent()).toContain('Record the three-way');
    // The inner pathways are drawn too, each marking where it is.
    expect(await graphs.nth(1).locator('.graph__node--current').count()).toBe(1);
    await app.close();
  }, 60_000);
});

describe('web app: the definition editor', () => {
  it('should show the pathway as a picture beside its YAML, whose editor scrolls on its own', async () => {
    const app = await AppPage.open(browser, server.url, { width: 1280 });
    await app.signIn(ACCOUNTS['team-manager']);
    await app.goto('#/definitions?file=pathways%2Freferral.yaml');
    const editor = app.page.locator('yaml-editor .cm-editor');
    const picture = app.page.locator('.definition-preview pathway-graph svg');
    await picture.waitFor();
    const [editorBox, pictureBox] = await Promise.all([
      editor.boundingBox(),
      app.page.locator('.definition-preview').boundingBox(),
    ]);
    // Side by side: the preview starts to the right of the editor, level with it.
    expect(pictureBox!.x).toBeGreaterThanOrEqual(editorBox!.x + editorBox!.width);
    expect(Math.abs(pictureBox!.y - (editorBox!.y - 80))).toBeLessThan(200);
    // The editor is no taller than the window; its text scrolls inside it.
    expect(editorBox!.height).toBeLessThan(800);
    const scroller = await app.page
      .locator('yaml-editor .cm-scroller')
      .evaluate((el) => ({ scrollHeight: el.scrollHeight, clientHeight: el.clientHeight }));
    expect(scroller.scrollHeight).toBeGreaterThan(scroller.clientHeight * 3);
    expect(await app.axe()).toEqual([]);
    await app.close();
  }, 60_000);
});

describe('web app: drafts keep every answer', () => {
  it('should keep an answer chosen just before the page is reloaded', async () => {
    const app = await AppPage.open(browser, server.url, { width: 1280 });
    const casePage = app.casePage();
    await app.signIn(ACCOUNTS['dao-pso']);
    await app.goto(`#/cases/${caseId}/now`);
    let form = await casePage.openFormFromTask(
      casePage.step('Assessment sessions: Session 1'),
      'Why am I engaging? Questionnaire',
    );
    const choice = form.form.locator('input[name="f-avoidTrouble"]').nth(6);
    await choice.check();
    // At once — well within 300 ms, before the draft is saved by the clock — the page is reloaded.
    await app.page.reload();
    await app.settled();
    form = await casePage.openFormFromTask(
      casePage.step('Assessment sessions: Session 1'),
      'Why am I engaging? Questionnaire',
    );
    await expect
      .poll(() => form.form.evaluate((el) => (el as unknown as { data: Record<string, unknown> }).data))
      .toEqual({ avoidTrouble: 7 });
    expect(await form.form.locator('input[name="f-avoidTrouble"]').nth(6).isChecked()).toBe(true);
    await app.close();
  }, 60_000);
});
