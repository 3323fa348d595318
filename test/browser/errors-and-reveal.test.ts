// Issue 6: the GOV.UK error summary (focused, linking to each field), inline errors with the server's messages,
// conditional reveal, submission stamping, confidential parts withheld in read-only views, the draft event, and
// use inside a host page's own <form>.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFormAjv } from '../../engine/forms/ajv.js';
import { compileFormValidator } from '../../engine/forms/validator.js';
import { ensureBuilt } from './support/build.js';
import { fixtureForm, serveFixture } from './support/fixture-form.js';
import { FormPage, type OpenOptions } from './support/form-page.js';
import { useBrowserSession } from './support/session.js';

await ensureBuilt();
const session = useBrowserSession();
let fixture: OpenOptions;
const pages: FormPage[] = [];

beforeAll(() => {
  fixture = serveFixture(session.server);
});

afterAll(async () => {
  await Promise.all(pages.map((p) => p.close()));
});

async function open(options: Partial<OpenOptions> = {}): Promise<FormPage> {
  const page = await FormPage.open(session.browser, session.server, { ...fixture, ...options });
  pages.push(page);
  return page;
}

describe('<dao-form>', () => {
  describe('when an empty form is submitted', () => {
    it('should show the server’s messages in a focused error summary and inline', async () => {
      const form = await open();
      await form.submit();
      const server = compileFormValidator(
        createFormAjv(),
        fixtureForm.$id,
        fixtureForm as unknown as Record<string, unknown>,
      ).validate({});
      const messages = ['name', 'when', 'urgent'].map((path) => server.errors[path]![0]);
      expect(await form.summaryLinks.allTextContents()).toEqual(messages);
      expect((await form.inlineErrors.allTextContents()).map((t) => t.replace('Error:', '').trim())).toEqual(messages);
      await expect.poll(() => form.focused()).toMatchObject({ className: 'error-summary' });
      const errors = { name: server.errors.name, when: server.errors.when, urgent: server.errors.urgent };
      const summary = Object.entries(errors).map(([path, messages]) => ({
        path,
        message: messages?.[0],
        href: `#dao-form:${path}`,
      }));
      expect(await form.events('dao-invalid')).toEqual([{ errors, summary }]);
      expect(await form.events('dao-submit')).toEqual([]);
    });

    it('should move focus to the field when its summary link is followed', async () => {
      const form = await open();
      await form.submit();
      await form.summaryLinks.filter({ hasText: 'Enter your name' }).click();
      expect(await form.focused()).toMatchObject({ id: 'f-name', tag: 'input' });
      await form.summaryLinks.nth(1).click();
      expect(await form.focused()).toMatchObject({ id: 'f-when', tag: 'input' });
    });
  });

  describe('conditional reveal', () => {
    it('should show the question in `then` only while the `if` holds, and drop its answer when hidden', async () => {
      const form = await open();
      const why = form.element.locator('textarea#f-why');
      expect(await why.count()).toBe(0);
      await form.element.getByLabel('Yes').check();
      await expect.poll(() => why.count()).toBe(1);
      await why.fill('Risk today');
      expect(await form.element.getByText('You have 30 characters remaining').count()).toBe(1);
      await form.element.getByLabel('No').check();
      await expect.poll(() => why.count()).toBe(0);
      await form.element.locator('#f-name').fill('Sam');
      for (const [box, value] of [
        ['#f-when', '7'],
        ['#f-when-month', '3'],
        ['#f-when-year', '2024'],
      ])
        await form.element.locator(box!).fill(value!);
      await form.element.locator('#f-count').fill('4');
      expect(await form.element.locator('output#f-twice').textContent()).toBe('8');
      await form.submit();
      expect(await form.events('dao-submit')).toEqual([
        {
          data: { name: 'Sam', when: '2024-03-07', urgent: false, count: 4, twice: 8 },
          formId: 'fixture-behaviours',
          formVersion: 3,
        },
      ]);
    });
  });

  describe('when a field is left', () => {
    it('should check that field alone and clear its error once answered', async () => {
      const form = await open();
      await form.submit();
      const name = form.element.locator('#f-name');
      await name.fill('Sam');
      await name.blur();
      await expect.poll(() => form.inlineErrors.filter({ hasText: 'Enter your name' }).count()).toBe(0);
      expect(await form.inlineErrors.count()).toBeGreaterThan(0);
    });
  });

  describe('read-only', () => {
    it('should leave confidential questions out of the DOM unless the audience is cleared', async () => {
      const data = { name: 'Sam', secret: 'Flat 2, Somewhere Road' };
      const withheld = await open({ attributes: 'readonly audience="the person referred"' });
      await withheld.setProperty('data', data);
      expect(await withheld.shadowText()).toContain('Sam');
      expect(await withheld.shadowText()).not.toContain('Flat 2');
      expect(await withheld.shadowText()).not.toContain('Victim’s new address');
      const cleared = await open({ attributes: 'readonly audience-cleared' });
      await cleared.setProperty('data', data);
      expect(await cleared.shadowText()).toContain('Flat 2, Somewhere Road');
    });
  });

  describe('drafts', () => {
    it('should fire dao-draft once typing pauses', async () => {
      const form = await open({ attributes: 'draft-delay="50"' });
      await form.page.evaluate(() => {
        const input = document.querySelector('dao-form')!.shadowRoot!.querySelector<HTMLInputElement>('#f-name')!;
        for (const text of ['S', 'Sa', 'Sam']) {
          input.value = text;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }
      });
      await expect.poll(() => form.events('dao-draft')).toEqual([{ data: { name: 'Sam' } }]);
      expect((await form.events('dao-change')).length).toBe(3);
    });
  });

  describe('inside a host page’s <form>', () => {
    it('should block the host’s submission while invalid and submit its answers as JSON once valid', async () => {
      const form = await open({
        attributes: 'name="answers" no-submit',
        wrapper: '<form id="host" action="/t/done.html">{{form}}<button id="send">Send</button></form>',
      });
      const hostValid = () =>
        form.page.evaluate(() => (document.querySelector('#host') as HTMLFormElement).checkValidity());
      expect(await hostValid()).toBe(false);
      await form.element.locator('#f-name').fill('Sam');
      for (const [box, value] of [
        ['#f-when', '7'],
        ['#f-when-month', '3'],
        ['#f-when-year', '2024'],
      ])
        await form.element.locator(box!).fill(value!);
      await form.element.getByLabel('No').check();
      await form.element.getByLabel('No').blur();
      expect(await hostValid()).toBe(true);
      const sent = await form.page.evaluate(() =>
        new FormData(document.querySelector('#host') as HTMLFormElement).get('answers'),
      );
      // The answers as submitted (as in dao-submit): computed answers filled in.
      expect(JSON.parse(String(sent))).toEqual({ name: 'Sam', when: '2024-03-07', urgent: false, twice: 0 });
    });
  });
});
