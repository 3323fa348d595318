// Issue 19: the web app's lists on the paged API — a Team Manager finds a referral by the surname of the person
// referred from Referrals, filters Allocation by urgency and pages through All cases; search, filters, sort and page
// live in the address (reload and Back keep them); each card shows who the case is about, never its id; a role lands
// on what it must act on (the FST Service Manager on the urgent referrals waiting for their endorsement); and axe finds
// nothing on any of them, at 1280 and at 320 CSS pixels with no horizontal scrolling.
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { SUMMARY_FORMAT } from '../../engine/service/case-summary.js';
import type { CaseSummary } from '../../engine/store/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './support/app-pages.js';
import { readScenario, seedScenario, stepsThrough } from './support/app-seed.js';
import { ACCOUNTS, startAppServer, type AppServer } from './support/app-server.js';
import { launchChromium } from './support/browser.js';

let browser: Browser;
let server: AppServer;

const FIRST = ['Alex', 'Sam', 'Jo', 'Chris', 'Pat', 'Lee', 'Robin', 'Kim', 'Charlie', 'Jamie', 'Ashley', 'Drew'];
const FAMILY = ['Ashdown', 'Brook', 'Carr', 'Dunmore', 'Ellery', 'Fenwick', 'Garside', 'Hartley', 'Ingram', 'Kirkby'];
/** Requests for Service sent and waiting for the Team Manager: more than a page of them, with the other cases. */
const REFERRALS = 27;
const ids = { found: '', prioritised: '', oneSided: '', waiting: [] as string[], allocated: '', overdue: '' };
const OVERDUE_SINCE = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);

/**
 * A case whose risk assessment fell due a month ago, stored straight into the store as lists see it (its summary; no
 * real snapshot, so it is never opened): a real one would need a month to pass. Referred by someone else, so that no
 * screen that reads the cases of the social worker or an officer in full meets it.
 */
async function seedOverdue(): Promise<string> {
  const id = randomUUID();
  const at = new Date().toISOString();
  const summary: CaseSummary = {
    format: SUMMARY_FORMAT,
    state: 'active.riskAssessment',
    title: 'Risk assessment',
    referredBy: 'another-social-worker',
    allocatedTo: null,
    activeCase: false,
    priority: 0,
    waiting: false,
    waitingSince: null,
    closed: false,
    nextDeadline: OVERDUE_SINCE,
    nextDeadlineLabel: 'Risk assessment (in the region of six weeks)',
    person: { title: 'Person referred', name: 'Quinn Yardley', dateOfBirth: '1990-02-03' },
    caseNumber: { title: 'Local authority case number (Mosaic)', value: '700999' },
    people: [],
    urgency: { requested: false, endorsements: 0, needed: 2 },
    worklists: [],
    actors: [],
  };
  const event = { type: 'case.opened', userId: 'another-social-worker', role: 'social-worker', at, data: {} };
  await server.dao.services.store.createCases([
    {
      id,
      pathwayId: 'referral',
      definitionVersion: server.dao.definitionVersion,
      snapshot: {},
      summary,
      createdBy: 'another-social-worker',
      at,
      event: { ...event, definitionVersion: server.dao.definitionVersion },
    },
  ]);
  return id;
}
let total = 0;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startAppServer()]);
  const straight = await readScenario('one-to-one-work-to-closure');
  const urgent = await readScenario('urgent-endorsed-by-both');
  const until = stepsThrough;
  const seed = (scenario: typeof straight, count: number, name: string, caseNumber?: string) =>
    seedScenario(server.dao, scenario, count, { name, ...(caseNumber ? { caseNumber } : {}) });
  for (let i = 0; i < REFERRALS - 1; i++) {
    await seed(straight, until(straight, 'SUBMIT_REQUEST'), `${FIRST[i % FIRST.length]} ${FAMILY[i % FAMILY.length]}`);
  }
  ids.found = await seed(straight, until(straight, 'SUBMIT_REQUEST'), 'Morgan Fairbrook', '700123');
  for (const name of ['Riley Oakes', 'Avery Penrose'])
    ids.waiting.push(await seed(straight, until(straight, 'ACCEPT'), name));
  // Endorsed as urgent by both managers, so prioritised; and by the Team Manager only, waiting for the other.
  ids.prioritised = await seed(urgent, until(urgent, 'ENDORSE_URGENT', 'service-manager'), 'Rowan Whitcombe');
  ids.oneSided = await seed(urgent, until(urgent, 'ACCEPT'), 'Casey Thornbury');
  ids.allocated = await seed(straight, until(straight, 'RECORD_THREE_WAY_MEETING'), 'Jordan Westlake');
  ids.overdue = await seedOverdue();
  total = REFERRALS + 6;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The headings of the cards shown, in order. */
const names = (app: AppPage) => app.page.locator('case-list .summary-card__title').allTextContents();

describe('web app lists', () => {
  it("should let a Team Manager find a referral by the person's surname from Referrals, kept on reload", async () => {
    const app = await AppPage.open(browser, server.url);
    const page = app.page;
    await app.signIn(ACCOUNTS['team-manager']);
    await app.nav('Referrals');
    expect(await app.listStatus.textContent()).toBe(`Showing 1 to 25 of ${REFERRALS} cases`);
    expect(await app.listStatus.getAttribute('role')).toBe('status');

    // Typed and sent with the keyboard: the start of the surname is enough.
    const search = page.getByLabel('Search by name or case number');
    await search.fill('fairbr');
    await search.press('Enter');
    await expect.poll(() => app.listStatus.textContent()).toBe('Showing 1 to 1 of 1 case');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('list-q');
    expect(page.url()).toContain('#/referrals?q=fairbr');
    const card = app.caseCard(ids.found);
    expect(await card.locator('.summary-card__title').textContent()).toBe('Morgan Fairbrook');
    expect(await app.cardRows(card)).toMatchObject({
      'Date of birth': '21 May 1989',
      'Local authority case number (Mosaic)': '700123',
      Children: 'Child A, Child B',
      'Referring social worker': 'Sam Patel',
      Stage: 'Request for Service received',
      Urgency: 'Not urgent',
      'Referred by': 'Sam Patel Show only the cases they referred (Sam Patel)',
    });
    expect(await card.textContent()).not.toContain(ids.found.split('-')[0]!.toUpperCase());

    // The same list after a reload, and the whole inbox again after Back.
    await page.reload();
    await app.heading.waitFor();
    await app.settled();
    expect(await app.listStatus.textContent()).toBe('Showing 1 to 1 of 1 case');
    expect(await search.inputValue()).toBe('fairbr');
    await page.goBack();
    await expect.poll(() => app.listStatus.textContent()).toBe(`Showing 1 to 25 of ${REFERRALS} cases`);
    expect(await search.inputValue()).toBe('');

    // By the case number too.
    await search.fill('700123');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => names(app)).toEqual(['Morgan Fairbrook']);
    await card.getByRole('link', { name: 'Morgan Fairbrook', exact: true }).click();
    await app.settled();
    expect(page.url()).toContain(`#/cases/${ids.found}`);
    await app.close();
  });

  it('should filter Allocation by urgency, and remove the filter again', async () => {
    const app = await AppPage.open(browser, server.url);
    const page = app.page;
    await app.signIn(ACCOUNTS['team-manager']);
    await app.nav('Allocation');
    expect(await app.listStatus.textContent()).toBe('Showing 1 to 4 of 4 cases');
    // Allocation order: the prioritised case first.
    expect((await app.caseIdsShown())[0]).toBe(ids.prioritised);

    await page.locator('.list-filters summary').click();
    await page.getByLabel('Urgency').selectOption({ label: 'Urgent (endorsed by everyone needed)' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => app.caseIdsShown()).toEqual([ids.prioritised]);
    expect(await app.listStatus.textContent()).toBe('Showing 1 to 1 of 1 case');
    expect(page.url()).toContain('urgency=prioritised');
    expect((await app.cardRows(app.caseCard(ids.prioritised))).Urgency).toBe('Urgent 2 of 2 endorsements');

    await page.getByLabel('Urgency').selectOption({ label: 'Urgency requested' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => app.caseIdsShown()).toEqual([ids.prioritised, ids.oneSided]);
    expect((await app.cardRows(app.caseCard(ids.oneSided))).Urgency).toBe('Urgency requested 1 of 2 endorsements');

    // Applying keeps focus on the button pressed; removing a filter, whose link goes, moves it to the count.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Apply filters');
    await page.getByRole('link', { name: 'Remove filter: Urgency requested' }).click();
    await expect.poll(() => app.listStatus.textContent()).toBe('Showing 1 to 4 of 4 cases');
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('list-status'))).toBe(true);
    expect(await app.caseCard(ids.prioritised).textContent()).toContain('Position 1 on the waiting list');
    await app.close();
  });

  it('should page through All cases with Next and Previous, the total kept, and sort them by family name', async () => {
    const app = await AppPage.open(browser, server.url);
    const page = app.page;
    await app.signIn(ACCOUNTS.auditor);
    await app.nav('All cases');
    expect(await app.listStatus.textContent()).toBe(`Showing 1 to 25 of ${total} cases`);
    const first = await app.caseIdsShown();
    expect(first).toHaveLength(25);

    await page.getByRole('link', { name: /^Next page/ }).click();
    await expect.poll(() => app.listStatus.textContent()).toBe(`Showing 26 to ${total} of ${total} cases`);
    // Focus moves to the new page's results, for a keyboard or screen reader user.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('list-status'))).toBe(true);
    const second = await app.caseIdsShown();
    expect(second).toHaveLength(total - 25);
    expect(new Set([...first, ...second]).size).toBe(total);
    expect(await page.getByRole('link', { name: /^Next page/ }).count()).toBe(0);

    await page.getByRole('link', { name: /^Previous page/ }).click();
    await expect.poll(() => app.listStatus.textContent()).toBe(`Showing 1 to 25 of ${total} cases`);
    expect(await app.caseIdsShown()).toEqual(first);

    await page.getByLabel('Sort by').selectOption({ label: 'Family name, A to Z' });
    await page.getByRole('button', { name: 'Sort', exact: true }).click();
    await expect.poll(() => page.url()).toContain('sort=name');
    await app.settled();
    const sorted = await names(app);
    const family = (name: string) => name.split(' ').at(-1)!;
    expect(sorted.map(family)).toEqual([...sorted.map(family)].sort((a, b) => a.localeCompare(b)));
    expect(family(sorted[0]!)).toBe('Ashdown');
    await app.close();
  });

  it('should show the next deadline in words, tag an overdue one and filter by it', async () => {
    const app = await AppPage.open(browser, server.url);
    await app.signIn(ACCOUNTS['team-manager']);
    await app.goto('#/all-cases?overdue=true');
    expect(await app.caseIdsShown()).toEqual([ids.overdue]);
    const card = app.caseCard(ids.overdue);
    const [year, month, day] = OVERDUE_SINCE.split('-').map(Number);
    const inWords = new Date(Date.UTC(year!, month! - 1, day!)).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    expect((await app.cardRows(card))['Next deadline']).toBe(
      `Risk assessment (in the region of six weeks) due ${inWords} Overdue`,
    );
    expect(await card.locator('.tag', { hasText: 'Overdue' }).count()).toBe(1);
    expect(await app.page.getByRole('link', { name: 'Remove filter: Overdue' }).count()).toBe(1);

    // The officer's own: the risk assessment's deadline, not overdue, and their caseload against their capacity.
    await app.signOut();
    await app.signIn(ACCOUNTS['dao-pso']);
    await app.nav('Your cases');
    const held = await app.cardRows(app.caseCard(ids.allocated));
    const inWordsPattern = /^Risk assessment \(in the region of six weeks\) due \d{1,2} [A-Z][a-z]+ \d{4}$/;
    expect(held['Next deadline']).toMatch(inWordsPattern);
    const count = await app.page.locator('.caseload-count').textContent();
    expect(count).toContain('You hold 1 active case of your capacity of 15');
    await app.close();
  });

  it('should land the FST Service Manager on the urgent referrals waiting for their endorsement', async () => {
    const app = await AppPage.open(browser, server.url);
    await app.signIn(ACCOUNTS['service-manager']);
    await expect.poll(() => app.heading.textContent()).toBe('Urgent referrals to endorse');
    expect(await app.main.textContent()).toContain('Urgent Requests for Service waiting for your endorsement');
    expect(await app.caseIdsShown()).toEqual([ids.oneSided]);
    const card = app.caseCard(ids.oneSided);
    expect(await card.textContent()).toContain('1 of 2 endorsements');

    const rationale = 'Police callout with the children present.';
    await app.casePage().act('Endorse as an urgent referral', { rationale }, card);
    await expect.poll(() => app.listStatus.textContent()).toBe('No urgent referrals are waiting for your endorsement.');
    await app.close();
  });
});

describe('web app lists: accessibility', () => {
  const screens: [name: string, as: string, hash: string, prepare?: (app: AppPage) => Promise<void>][] = [
    ['Referrals, searched', ACCOUNTS['team-manager'], '#/referrals?q=fairbrook'],
    [
      'Allocation, filtered by urgency with the filters open',
      ACCOUNTS['team-manager'],
      '#/allocation?urgency=requested',
    ],
    [
      'All cases, second page, sorted',
      ACCOUNTS.auditor,
      '#/all-cases?sort=name',
      async (app) => {
        await app.page.getByRole('link', { name: /^Next page/ }).click();
        await app.listStatus.filter({ hasText: 'Showing 26' }).waitFor();
      },
    ],
    ["the officer's cases", ACCOUNTS['dao-pso'], '#/my-cases'],
    ["the social worker's cases, closed ones included", ACCOUNTS['social-worker'], '#/my-cases?includeClosed=true'],
    ["the Team Manager's landing", ACCOUNTS['team-manager'], '#/to-do'],
  ];

  it.each(screens)(
    'should have no axe violations at 1280 and 320 px, with no horizontal scrolling: %s',
    async (_name, as, hash, prepare) => {
      const app = await AppPage.open(browser, server.url, { width: 1280 });
      await app.signIn(as);
      await app.goto(hash);
      await app.settled();
      await prepare?.(app);
      await app.settled();
      expect(await app.page.locator('case-list .summary-card').count()).toBeGreaterThan(0);
      expect(await app.axe()).toEqual([]);
      await app.page.setViewportSize({ width: 320, height: 800 });
      expect(await app.scrollWidth()).toBeLessThanOrEqual(320);
      expect(await app.axe()).toEqual([]);
      await app.close();
    },
  );
});
