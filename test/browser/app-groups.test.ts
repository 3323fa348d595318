// Issue 25 item 2 in the browser: an officer sets up a Better Me, Better Us group (its 14 sessions scheduled weekly),
// adds two members from their cases at that stage, and takes the first session's attendance once for both; each
// member's case then records it. Checked with axe.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './support/app-pages.js';
import { GroupsPageObject } from './support/appointment-pages.js';
import { ApiUser, readScenario, seedScenario, stepsThrough } from './support/app-seed.js';
import { startAppServer, type AppServer } from './support/app-server.js';
import { launchChromium } from './support/browser.js';

let browser: Browser;
let server: AppServer;
const members: string[] = [];

beforeAll(async () => {
  let scenario;
  [browser, server, scenario] = await Promise.all([
    launchChromium(),
    startAppServer(),
    readScenario('better-me-better-us'),
  ]);
  const count = stepsThrough(scenario, 'CHOOSE_INTERVENTION');
  for (const name of ['Alex Taylor', 'Jordan Smith'])
    members.push(await seedScenario(server.dao, scenario, count, { name }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('web app: groups', () => {
  it('should set up a group, add members and take attendance once for the whole group', async () => {
    const app = await AppPage.open(browser, server.url);
    await app.signIn('officer-po');
    await app.nav('Groups');
    const groups = new GroupsPageObject(app);
    expect(await app.axe()).toEqual([]);
    await groups.setUp({ date: '2026-03-02', time: '18:00', place: 'Crawley Family Centre' });
    expect(await app.page.locator('table.group-sessions tbody tr').count()).toBe(14);
    await groups.addMember('Alex Taylor');
    await groups.addMember('Jordan Smith');
    await groups.takeAttendance('Session 1', { 'Alex Taylor': 'Attended', 'Jordan Smith': 'Did not attend' });
    expect(await groups.session('Session 1').textContent()).toContain('Recorded for 2 of 2');
    expect(await app.axe()).toEqual([]);
    await app.close();

    const officer = await ApiUser.signIn(server.url, 'officer-po');
    const values = async (id: string) =>
      (await officer.call<{ values: Record<string, unknown> }>('GET', `api/cases/${id}`)).values;
    expect(await values(members[0]!)).toMatchObject({ sessionsAttended: [1] });
    expect(await values(members[1]!)).toMatchObject({ absences: [1] });
  });
});
