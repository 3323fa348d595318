// Page objects for appointments: the case page's part "Appointments" (book, move, cancel, record attendance, the
// calendar file) and the agenda on "Your cases".
import type { Download, Locator, Page } from 'playwright-core';
import type { AppPage } from './app-pages.js';

export interface Booking {
  session: string;
  /** yyyy-mm-dd and hh:mm, as typed on this computer. */
  date: string;
  time: string;
  place: string;
  delivery?: string;
}

export class AppointmentsPart {
  constructor(readonly app: AppPage) {}

  get page(): Page {
    return this.app.page;
  }

  get root(): Locator {
    return this.page.locator('case-appointments');
  }

  get done(): Locator {
    return this.root.locator('.appointments__done');
  }

  /** The appointments shown with this title (newest booking last). */
  appointments(title: string): Locator {
    return this.root
      .locator('li.appointment')
      .filter({ has: this.page.getByRole('heading', { name: title, exact: true }) });
  }

  async book(booking: Booking): Promise<void> {
    const form = this.root.locator('form.appointment-book');
    const option = form.locator('#book-kind option', { hasText: `${booking.session} (` });
    await form.getByLabel('Session').selectOption((await option.getAttribute('value'))!);
    await form.getByLabel('Date').fill(booking.date);
    await form.getByLabel('Start time').fill(booking.time);
    await form.getByLabel('Place').fill(booking.place);
    if (booking.delivery) await form.getByLabel('How it is held').selectOption(booking.delivery);
    await form.getByRole('button', { name: 'Book appointment' }).click();
    await this.done.filter({ hasText: `${booking.session} is booked.` }).waitFor();
    await this.app.settled();
  }

  async recordAttendance(item: Locator, outcome: string, reason: string, feedback: string): Promise<void> {
    await item.getByRole('button', { name: /^Record attendance/ }).click();
    await item.getByLabel('Attendance').selectOption({ label: outcome });
    await item.getByLabel('Why they were late or did not attend').fill(reason);
    await item.getByLabel('Session feedback').fill(feedback);
    await item.getByRole('button', { name: 'Record attendance', exact: true }).click();
    await this.done.filter({ hasText: 'is recorded.' }).waitFor();
    await this.app.settled();
  }

  /** Cancels after the confirmation step, which names what will be cancelled. */
  async cancel(item: Locator, reason: string): Promise<string> {
    await item.getByRole('button', { name: /^Cancel/ }).click();
    await item.getByLabel(/^Why is .* cancelled\?$/).fill(reason);
    await item.getByRole('button', { name: 'Continue' }).click();
    const confirmation = item.locator('.confirm-panel');
    const words = (await confirmation.textContent()) ?? '';
    await confirmation.getByRole('button', { name: 'Yes, cancel the appointment' }).click();
    await this.done.filter({ hasText: 'is cancelled.' }).waitFor();
    await this.app.settled();
    return words.replace(/\s+/g, ' ');
  }

  /** Follows the calendar link of an appointment and reads the file downloaded. */
  async calendarFile(item: Locator): Promise<{ name: string; text: string }> {
    const [download] = (await Promise.all([
      this.page.waitForEvent('download'),
      item.getByRole('link', { name: /to your calendar/ }).click(),
    ])) as [Download, void];
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }
}

export class AgendaSection {
  constructor(readonly app: AppPage) {}

  get items(): Locator {
    return this.app.page.locator('appointment-agenda .agenda-list__item');
  }

  async texts(): Promise<string[]> {
    return (await this.items.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
  }
}

export class GroupsPageObject {
  constructor(readonly app: AppPage) {}

  get page(): Page {
    return this.app.page;
  }

  get done(): Locator {
    return this.page.locator('groups-page .groups__done');
  }

  async setUp(first: { date: string; time: string; place: string }): Promise<void> {
    const form = this.page.locator('form.group-create');
    await form.getByLabel('Date').fill(first.date);
    await form.getByLabel('Start time').fill(first.time);
    await form.getByLabel('Place').fill(first.place);
    await form.getByRole('button', { name: 'Set up the group' }).click();
    await this.page.locator('groups-page table.group-sessions').waitFor();
    await this.app.settled();
  }

  async addMember(name: string): Promise<void> {
    const form = this.page.locator('form.group-add-member');
    await form.getByLabel('Add a member').selectOption({ label: name });
    await form.getByRole('button', { name: 'Add to the group' }).click();
    await this.page.locator('groups-page .group-members li', { hasText: name }).waitFor();
    await this.app.settled();
  }

  session(label: string): Locator {
    return this.page
      .locator('table.group-sessions tr')
      .filter({ has: this.page.getByRole('rowheader', { name: label, exact: true }) });
  }

  /** Takes a session's attendance for the whole group: each member's outcome (as the list words it) by name. */
  async takeAttendance(label: string, outcomes: Record<string, string>): Promise<void> {
    const row = this.session(label);
    await row.getByRole('button', { name: /^Take attendance/ }).click();
    for (const [name, outcome] of Object.entries(outcomes)) {
      await row.getByRole('group', { name }).getByLabel('Attendance').selectOption({ label: outcome });
    }
    await row.getByRole('button', { name: `Record attendance at ${label}` }).click();
    await this.done.filter({ hasText: 'is recorded on each member' }).waitFor();
    await this.app.settled();
  }
}
