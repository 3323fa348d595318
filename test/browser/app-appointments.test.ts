// Issue 25 item 1 in the browser: an officer books the four two-hour assessment sessions on the case page, downloads
// one as a calendar file, sees the upcoming ones on "Your cases" in date order, cancels one after confirming, and
// records attendance; the second missed session raises the missed-sessions task on "What to do now". Checked with axe.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './support/app-pages.js';
import { AgendaSection, AppointmentsPart } from './support/appointment-pages.js';
import { playScenario, readScenario, stepsThrough } from './support/app-seed.js';
import { startAppServer, type AppServer } from './support/app-server.js';
import { launchChromium } from './support/browser.js';

let browser: Browser;
let server: AppServer;
let caseId: string;

/** A local date (yyyy-mm-dd) `days` from today. */
function day(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

beforeAll(async () => {
  let scenario;
  [browser, server, scenario] = await Promise.all([
    launchChromium(),
    startAppServer(),
    readScenario('missed-assessment-sessions'),
  ]);
  // Up to the three-way meeting: the assessment sessions have begun.
  const count = stepsThrough(scenario, 'RECORD_THREE_WAY_MEETING');
  caseId = await playScenario(server.url, scenario, count);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('web app: appointments', () => {
  it('should book the four sessions, give a calendar file, list them on the agenda and cancel one', async () => {
    const app = await AppPage.open(browser, server.url);
    await app.signIn('officer-pso');
    await app.goto(`#/cases/${caseId}/appointments`);
    const part = new AppointmentsPart(app);
    expect(await part.root.getByText('No appointments are booked on this case.').count()).toBe(1);
    for (const [i, session] of ['Session 1', 'Session 2', 'Session 3', 'Session 4'].entries()) {
      await part.book({ session, date: day(7 * (i + 1)), time: '10:00', place: 'Civic Centre, Room 2' });
    }
    const first = part.appointments('Session 1');
    expect(await first.locator('.summary-list').textContent()).toMatch(/10:00am to 12:00pm/);
    expect(await app.axe()).toEqual([]);

    const file = await part.calendarFile(first);
    expect(file.name).toMatch(/\.ics$/);
    expect(file.text).toContain('BEGIN:VEVENT');
    expect(file.text).toContain('LOCATION:Civic Centre\\, Room 2');

    const words = await part.cancel(part.appointments('Session 4'), 'The room is not available');
    expect(words).toContain('Session 4');
    expect(words).toContain('will be cancelled in your name');
    const cancelled = part.appointments('Session 4');
    expect((await cancelled.locator('.appointment__status').textContent())?.replace(/\s+/g, ' ')).toMatch(
      /Cancelled by (?!officer-pso).+ on .*: The room is not available/,
    );

    await app.goto('#/my-cases');
    const agenda = new AgendaSection(app);
    await agenda.items.first().waitFor();
    const texts = await agenda.texts();
    expect(texts.map((t) => t.match(/Session \d/)?.[0])).toEqual(['Session 1', 'Session 2', 'Session 3']);
    expect(texts[0]).toContain('Alex Taylor');
    expect(await app.axe()).toEqual([]);
    await app.close();
  });

  it('should record attendance, and show the missed-sessions task after the second missed session', async () => {
    const app = await AppPage.open(browser, server.url);
    await app.signIn('officer-pso');
    await app.goto(`#/cases/${caseId}/appointments`);
    const part = new AppointmentsPart(app);
    await part.book({ session: 'Session 1', date: day(-3), time: '10:00', place: 'Civic Centre, Room 2' });
    await part.book({ session: 'Session 2', date: day(-2), time: '10:00', place: 'Civic Centre, Room 2' });
    const past = (title: string) =>
      part.appointments(title).filter({ has: app.page.getByRole('button', { name: /^Record attendance/ }) });
    await part.recordAttendance(past('Session 1'), 'Did not attend', 'Unwell', 'Rang to say he was ill.');
    expect(
      await part.appointments('Session 1').locator('.appointment__status', { hasText: 'Did not attend' }).count(),
    ).toBe(1);
    expect(await app.axe()).toEqual([]);
    await part.recordAttendance(past('Session 2'), 'Did not attend', 'No reply to calls', 'No contact.');

    await app.casePage().part('What to do now');
    await expect
      .poll(() => app.main.textContent())
      .toContain(
        'Two assessment sessions have been missed - consider with the Team Manager whether the assessment can go on',
      );
    await app.close();
  });
});
