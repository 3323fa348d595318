// Issue 7: every screen of the web app has no axe-core violations (WCAG 2.0, 2.1 and 2.2 A and AA rules), reflows at
// 320 CSS pixels with no horizontal scrolling (WCAG 1.4.10), and can be tabbed through with a visible focus and no
// trap; and a task is done by keyboard alone, from signing in to allocating a case.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './support/app-pages.js';
import { ApiUser, playScenario, readScenario, stepsThrough } from './support/app-seed.js';
import { ACCOUNTS, startAppServer, type AppServer } from './support/app-server.js';
import { launchChromium } from './support/browser.js';

let browser: Browser;
let server: AppServer;
const cases: Record<'draft' | 'referred' | 'waiting' | 'inAudit' | 'urgent', string> = {
  draft: '',
  referred: '',
  waiting: '',
  inAudit: '',
  urgent: '',
};

interface Screen {
  name: string;
  as?: string;
  /** The screen's address; a function where it names a case made before the tests run. */
  hash: string | (() => string);
  /** Brings up the screen's optional parts (an open form, an error summary) before it is checked. */
  prepare?: (app: AppPage) => Promise<void>;
}

const openFirstForm = async (app: AppPage) => {
  await app.page
    .locator('details > summary')
    .filter({ has: app.page.locator('.tag') })
    .first()
    .click();
  await app.page.locator('details[open] dao-form form').first().waitFor();
};

const openEventForm = (title: string) => async (app: AppPage) => {
  await (await app.casePage().actionButton(title)).click();
  await app.page.locator('.event-form dao-form form').waitFor();
};

/** The confirmation step of an action that needs one (a sign-off, or what cannot be undone). */
const openConfirmation = (title: string) => async (app: AppPage) => {
  await (await app.casePage().actionButton(title)).click();
  await app.page.locator('.confirm-panel').waitFor();
};

const openDocumentForm = async (app: AppPage) => {
  await app.page.locator('.document-card details.document-form > summary').first().click();
  await app.page.locator('.document-card details[open] dao-form form').first().waitFor();
};

function screens(): Screen[] {
  return [
    { name: 'sign-in', hash: '#/sign-in' },
    {
      name: 'sign-in with errors',
      hash: '#/sign-in',
      prepare: async (app) =>
        app.page
          .getByRole('button', { name: 'Sign in' })
          .click()
          .then(() => app.page.locator('.error-summary').waitFor()),
    },
    { name: "social worker's cases", as: ACCOUNTS['social-worker'], hash: '#/my-cases' },
    {
      name: 'draft Request for Service with a form open',
      as: ACCOUNTS['social-worker'],
      hash: () => `#/cases/${cases.draft}/now`,
      prepare: openFirstForm,
    },
    {
      name: 'withdrawing a draft: its confirmation step',
      as: ACCOUNTS['social-worker'],
      hash: () => `#/cases/${cases.draft}/now`,
      prepare: openConfirmation('Withdraw the draft Request for Service'),
    },
    { name: "officer's caseload", as: ACCOUNTS['dao-pso'], hash: '#/my-cases' },
    {
      name: "officer's case with an action open",
      as: ACCOUNTS['dao-pso'],
      hash: () => `#/cases/${cases.inAudit}/now`,
      prepare: openEventForm('Raise a risk escalation'),
    },
    { name: "officer's case: summary", as: ACCOUNTS['dao-pso'], hash: () => `#/cases/${cases.inAudit}` },
    { name: "officer's case: forms", as: ACCOUNTS['dao-pso'], hash: () => `#/cases/${cases.inAudit}/forms` },
    { name: "officer's case: where", as: ACCOUNTS['dao-pso'], hash: () => `#/cases/${cases.inAudit}/where` },
    {
      name: "team manager's case: documents with an Audit Tool open",
      as: ACCOUNTS['team-manager'],
      hash: () => `#/cases/${cases.inAudit}/documents`,
      prepare: openDocumentForm,
    },
    { name: "manager's case: history", as: ACCOUNTS['team-manager'], hash: () => `#/cases/${cases.inAudit}/history` },
    { name: 'referrals inbox', as: ACCOUNTS['team-manager'], hash: '#/referrals' },
    {
      name: 'allocation with the allocation form open',
      as: ACCOUNTS['team-manager'],
      hash: '#/allocation',
      prepare: openEventForm('Allocate to a Domestic Abuse Officer'),
    },
    { name: "team manager's landing: waiting for you", as: ACCOUNTS['team-manager'], hash: '#/to-do' },
    {
      name: "service manager's landing: urgent referrals to endorse",
      as: ACCOUNTS['service-manager'],
      hash: '#/to-do',
    },
    { name: 'audit and countersign', as: ACCOUNTS['team-manager'], hash: '#/documents' },
    { name: 'all cases', as: ACCOUNTS.auditor, hash: '#/all-cases' },
    { name: 'audit log', as: ACCOUNTS['team-manager'], hash: '#/audit' },
    { name: 'waiting case', as: ACCOUNTS['team-manager'], hash: () => `#/cases/${cases.waiting}` },
    { name: 'definition editor: settings', as: ACCOUNTS['team-manager'], hash: '#/definitions' },
    {
      name: 'definition editor: a form and its preview',
      as: ACCOUNTS['team-manager'],
      hash: '#/definitions?file=forms%2Fconsent.yaml',
    },
    {
      name: 'definition editor: a pathway and its diagram',
      as: ACCOUNTS['team-manager'],
      hash: '#/definitions?file=pathways%2Fassessment.yaml',
    },
    { name: 'page not found', as: ACCOUNTS['team-manager'], hash: '#/nowhere' },
  ];
}

async function show(screen: Screen, width = 1024): Promise<AppPage> {
  const app = await AppPage.open(browser, server.url, { width });
  if (screen.as) await app.signIn(screen.as);
  await app.goto(typeof screen.hash === 'function' ? screen.hash() : screen.hash);
  await app.heading.waitFor();
  await app.settled();
  await screen.prepare?.(app);
  return app;
}

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startAppServer()]);
  const straight = await readScenario('one-to-one-work-to-closure');
  const urgent = await readScenario('urgent-endorsed-by-both');
  const until = (send: string) => stepsThrough(straight, send);
  cases.draft = await playScenario(server.url, straight, 0);
  cases.referred = await playScenario(server.url, straight, until('SUBMIT_REQUEST'));
  cases.waiting = await playScenario(server.url, straight, until('ACCEPT'));
  cases.inAudit = await playScenario(server.url, straight, until('SUBMIT_FOR_AUDIT'));
  cases.urgent = await playScenario(server.url, urgent, 1);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('web app accessibility', () => {
  const all = () => screens().map((s) => [s.name, s] as const);
  it.each(all())('should have no axe violations at 1280 px: %s', async (_name, screen) => {
    const app = await show(screen, 1280);
    expect(await app.axe()).toEqual([]);
    await app.close();
  });

  it.each(screens().map((s) => [s.name, s] as const))(
    'should reflow at 320 px wide with no horizontal scrolling: %s',
    async (_name, screen) => {
      const app = await show(screen, 320);
      expect(await app.scrollWidth()).toBeLessThanOrEqual(320);
      expect(await app.axe()).toEqual([]);
      await app.close();
    },
  );

  it.each([
    ['a document', (documents: { id: string }[]) => `documents/${documents[0]!.id}/print`],
    ['a form of the case', () => 'forms/request-for-service/print'],
    [
      "a document's own Audit Tool",
      (documents: { id: string }[]) =>
        `forms/risk-assessment-audit/print?instance=${encodeURIComponent(documents[0]!.id)}`,
    ],
  ] as const)('should have no axe violations on the print view of %s, at 1280 and 320 px', async (_name, path) => {
    const manager = await ApiUser.signIn(server.url, ACCOUNTS['team-manager']);
    type Body = { documents: { id: string; state: string }[]; version: number };
    const body = await manager.call<Body>('GET', `api/cases/${cases.inAudit}`);
    const url = `${server.url}api/cases/${cases.inAudit}/${path(body.documents)}`;
    if (url.includes('risk-assessment-audit')) {
      // The Team Manager's Audit Tool of the document, so that there is one to print.
      const scenario = await readScenario('one-to-one-work-to-closure');
      const audit = scenario.steps.find((s) => s.send === 'PASS_AUDIT')!.forms!;
      const request = { expectedVersion: body.version, forms: audit, instance: body.documents[0]!.id };
      await manager.call('POST', `api/cases/${cases.inAudit}/events`, request);
    }
    const app = await AppPage.open(browser, server.url, { width: 1280 });
    await app.signIn(ACCOUNTS['team-manager']);
    await app.page.goto(url);
    expect(await app.axe()).toEqual([]);
    await app.page.setViewportSize({ width: 320, height: 800 });
    expect(await app.scrollWidth()).toBeLessThanOrEqual(320);
    expect(await app.axe()).toEqual([]);
    await app.close();
  });
});

describe('web app by keyboard alone', () => {
  interface Focus {
    tag: string;
    text: string;
    visible: boolean;
  }

  /** Presses Tab and describes what has focus (inside shadow roots too) and whether its focus can be seen. */
  async function tab(app: AppPage, key = 'Tab'): Promise<Focus | null> {
    await app.page.keyboard.press(key);
    return app.page.evaluate(async () => {
      // Let focus styles that follow focus by a frame (the code editor's) be applied.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      let el = document.activeElement as Element | null;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      if (!el || el === document.body) return null;
      const shows = (e: Element | null) => {
        if (!e) return false;
        const cs = getComputedStyle(e);
        return (
          (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) ||
          cs.boxShadow !== 'none' ||
          cs.backgroundColor === 'rgb(255, 221, 0)'
        );
      };
      // The code editor draws its focus ring on its frame, around the editable area.
      const visible = shows(el) || shows(el.closest('.cm-editor'));
      return {
        tag: el.tagName.toLowerCase(),
        text: (el.textContent ?? (el as HTMLInputElement).value ?? '').trim().slice(0, 60),
        visible,
      };
    });
  }

  it.each(
    screens()
      .filter((s) => s.as)
      .map((s) => [s.name, s] as const),
  )(
    'should tab through every control with a visible focus and no trap: %s',
    async (_name, screen) => {
      const app = await show(screen);
      // Start where a page load starts: before the skip link.
      await app.page.evaluate(() => document.querySelector<HTMLElement>('.skip-link')!.focus());
      await app.page.keyboard.press('Shift+Tab');
      const seen: Focus[] = [];
      let wrapped = false;
      for (let i = 0; i < 600 && !wrapped; i++) {
        const focus = await tab(app);
        // Back at the start (or out of the page): the whole page has been tabbed through, and nothing kept the focus.
        wrapped = !focus || (i > 0 && focus.text === 'Skip to main content');
        if (focus && !wrapped) seen.push(focus);
      }
      expect(wrapped).toBe(true);
      expect(seen[0]!.text).toBe('Skip to main content');
      expect(seen.length).toBeGreaterThan(3);
      expect(seen.filter((f) => !f.visible)).toEqual([]);
      expect(seen.some((f) => f.text === 'Sign out')).toBe(true);
      await app.close();
    },
    90_000,
  );

  it('should sign in, go to allocation and allocate a case with the keyboard alone', async () => {
    const app = await AppPage.open(browser, server.url);
    const page = app.page;
    const keys = (...list: string[]) =>
      list.reduce((p, key) => p.then(() => page.keyboard.press(key)), Promise.resolve());
    /** Tabs until the focused control's text or label matches, then returns. */
    const tabTo = async (match: RegExp, limit = 200) => {
      for (let i = 0; i < limit; i++) {
        const focus = await tab(app);
        const label = await page.evaluate(() => {
          let el = document.activeElement as Element | null;
          while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
          const input = el as HTMLInputElement | null;
          return input?.labels?.[0]?.textContent ?? input?.getAttribute('aria-label') ?? '';
        });
        if (focus && (match.test(focus.text) || match.test(label))) return;
      }
      throw new Error(`no control matching ${match} could be reached with Tab`);
    };
    await tabTo(/^User name$/);
    await page.keyboard.type(ACCOUNTS['team-manager']);
    await keys('Tab');
    await page.keyboard.type((await import('./support/app-server.js')).DEMO_PASSWORD);
    await keys('Enter');
    await page.locator('.header__user').waitFor();
    await app.settled();
    await tabTo(/^Allocation$/);
    await keys('Enter');
    await page.locator('h1', { hasText: 'Allocation' }).waitFor();
    await app.settled();
    const card = app.caseCard(cases.waiting);
    const before = await page.locator('.officer-list__item[data-officer="officer-po"] .officer-load').textContent();
    await tabTo(/^Allocate to a Domestic Abuse Officer$/);
    await keys('Enter');
    await card.locator('.event-form dao-form form').waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('event-form'))).toBe(true);
    const users = await server.dao.services.store.listUsers();
    const officer = users.find((u) => u.username === 'officer-po')!.displayName;
    await tabTo(new RegExp(`^${officer}`));
    await keys('Space');
    await tabTo(/^Allocate to a Domestic Abuse Officer$/);
    await keys('Enter');
    await app.banner.waitFor();
    await app.settled();
    expect(await app.banner.textContent()).toContain('Allocate to a Domestic Abuse Officer: done.');
    const after = await page.locator('.officer-list__item[data-officer="officer-po"] .officer-load').textContent();
    expect(Number(after!.split(' ')[0])).toBe(Number(before!.split(' ')[0]) + 1);
    await app.close();
  }, 60_000);
});
