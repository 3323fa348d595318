// Issue 25, item 4: the Team Manager's service performance page — a chart with the same figures in a table beside it
// for each part of the report, a CSV download of each table, figures as a hand count of the seeded cases gives them,
// only for the role with readPerformance, and no axe violations at 1280 and 320 CSS pixels with no horizontal
// scrolling.
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUMMARY_FORMAT } from '../../engine/service/case-summary.js';
import { NO_MILESTONES } from '../../engine/store/milestone-columns.js';
import type { CaseMilestones } from '../../engine/store/performance-types.js';
import type { CaseSummary } from '../../engine/store/types.js';
import { AppPage } from './support/app-pages.js';
import { ACCOUNTS, startAppServer, type AppServer } from './support/app-server.js';
import { launchChromium } from './support/browser.js';

let browser: Browser;
let server: AppServer;

/** Last month, for the server reports on the months up to today's. */
const now = new Date();
const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
const month = lastMonth.toISOString().slice(0, 7);
const monthTitle = lastMonth.toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const day = (n: number) => `${month}-${String(n).padStart(2, '0')}T09:00:00.000Z`;

function milestones(fields: Partial<CaseMilestones>): CaseMilestones {
  return { ...NO_MILESTONES, ...fields };
}

/** Cases as the store keeps them for lists and reports (summaries only: the page never opens a case). */
async function seed(cases: Partial<CaseSummary>[]): Promise<void> {
  const at = new Date().toISOString();
  const version = server.dao.definitionVersion;
  await server.dao.services.store.createCases(
    cases.map((fields) => ({
      id: randomUUID(),
      pathwayId: 'referral',
      definitionVersion: version,
      snapshot: {},
      summary: { format: SUMMARY_FORMAT, state: 'somewhere', referredBy: 'another-social-worker', ...fields },
      createdBy: 'another-social-worker',
      at,
      event: {
        type: 'case.opened',
        userId: 'another-social-worker',
        role: 'social-worker',
        at,
        definitionVersion: version,
        data: {},
      },
    })),
  );
}

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startAppServer()]);
  await seed([
    // Referred on the 2nd, waiting from the 3rd, allocated on the 10th to the Probation Service Officer (Tom Reid).
    {
      allocatedTo: 'officer-pso',
      activeCase: true,
      milestones: milestones({ referredAt: day(2), waitingSince: day(3), allocatedAt: day(10) }),
    },
    // Referred on the 4th, waiting since the 5th.
    { waiting: true, waitingSince: day(5), milestones: milestones({ referredAt: day(4), waitingSince: day(5) }) },
    // Referred on the 6th and declined on the 8th.
    { closed: true, milestones: milestones({ referredAt: day(6), closedAt: day(8), outcome: 'declined' }) },
  ]);
});
afterAll(async () => {
  await server?.close();
  await browser?.close();
});

describe('Service performance page', () => {
  it('should show each part as a chart with its table beside it, counted as by hand, each table as CSV', async () => {
    const app = await AppPage.open(browser, server.url, { width: 1280 });
    await app.signIn(ACCOUNTS['team-manager']);
    await app.nav('Service performance');
    await expect.poll(() => app.heading.textContent()).toBe('Service performance');
    const sections = app.page.locator('.performance-section');
    expect(await sections.count()).toBe(6);
    for (const section of await sections.all()) {
      await section.locator('performance-chart canvas').first().waitFor();
      expect(await section.locator('performance-chart [aria-hidden="true"]').count()).toBe(1);
      expect(await section.locator('table caption').textContent()).toBe(await section.locator('h2').textContent());
    }
    const row = (table: string) =>
      app.page
        .locator(`#performance-${table}`)
        .locator('xpath=..')
        .locator('tbody tr', { hasText: monthTitle })
        .locator('th, td')
        .allTextContents();
    expect((await row('referrals')).map((t) => t.trim())).toEqual([monthTitle, '3', '1', '1']);
    expect((await row('waiting-times')).map((t) => t.trim())).toEqual([monthTitle, '1', '8', '7']);
    const outcomes = app.page.locator('#performance-outcomes').locator('xpath=..');
    expect(await outcomes.locator('thead th').allTextContents()).toEqual([
      'Month closed',
      'Referral declined',
      'Closed',
    ]);
    expect((await row('outcomes')).map((t) => t.trim())).toEqual([monthTitle, '1', '1']);
    const caseloads = app.page.locator('#performance-caseloads').locator('xpath=..');
    const pso = caseloads.locator('tbody tr', { hasText: 'Tom Reid' }).locator('th, td');
    expect((await pso.allTextContents()).map((t) => t.trim()).slice(1, 3)).toEqual(['1', '15']);
    // The waiting list now: the one referred on the 4th.
    expect(await app.page.locator('.summary-list__value').first().textContent()).toBe('1');
    // The CSV link downloads the same rows, with the signed-in session.
    const link = app.page.getByRole('link', { name: 'Download “Referrals, allocations and the waiting list” as CSV' });
    const href = await link.getAttribute('href');
    expect(href).toBe('api/reports/performance/referrals.csv?months=12');
    const csv = await app.page.evaluate(async (h) => (await fetch(h)).text(), href!);
    expect(csv.split('\n')[0]).toBe('Month,Referrals,Allocated,On the waiting list at month end');
    expect(csv).toContain(`${monthTitle},3,1,1\n`);
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('should have no axe violations at 1280 and 320 px, with no horizontal scrolling', async () => {
    const app = await AppPage.open(browser, server.url, { width: 1280 });
    await app.signIn(ACCOUNTS['team-manager']);
    await app.goto('#/performance');
    await app.page.locator('performance-chart canvas').first().waitFor();
    expect(await app.axe()).toEqual([]);
    await app.page.setViewportSize({ width: 320, height: 800 });
    // The charts follow the width of the page (a ResizeObserver redraws them).
    await app.page.waitForFunction(() => document.documentElement.scrollWidth <= 320);
    expect(await app.scrollWidth()).toBeLessThanOrEqual(320);
    expect(await app.axe()).toEqual([]);
    await app.close();
  });

  it('should not offer the page to an officer', async () => {
    const app = await AppPage.open(browser, server.url);
    await app.signIn(ACCOUNTS['dao-pso']);
    const menu = app.page.getByRole('navigation', { name: 'Menu' });
    expect(await menu.getByRole('link', { name: 'Service performance' }).count()).toBe(0);
    await app.close();
  });
});
