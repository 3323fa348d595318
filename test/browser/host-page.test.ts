// Issue 23: <dao-form> inside a GOV.UK page built with govuk-frontend, under a strict Content-Security-Policy, behaves
// as a native control of the host's <form> (validity after every input, silent checkValidity, reportValidity and a
// blocked submission shown as the GOV.UK error summary with focus and no browser bubble, Enter submits, reset,
// disabled fieldsets, answers restored on Back) and fits the page (heading level and size, no empty heading, no
// "Form , version", the error summary left to the host with what GOV.UK's needs).
import { afterAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './support/build.js';
import { GovukPage, type GovukPageOptions } from './support/govuk-page.js';
import { useBrowserSession } from './support/session.js';

await ensureBuilt();
const session = useBrowserSession();
const pages: GovukPage[] = [];

const schema = {
  title: 'About you',
  type: 'object',
  required: ['name', 'born'],
  properties: {
    name: { type: 'string', title: 'Full name' },
    born: { type: 'string', format: 'date', title: 'Date of birth' },
    contact: { type: 'boolean', title: 'Can we contact you?' },
  },
};

async function open(options: GovukPageOptions = {}, formSchema: unknown = schema): Promise<GovukPage> {
  const page = await GovukPage.open(session.browser, session.server, formSchema, options);
  pages.push(page);
  return page;
}

async function answer(page: GovukPage, name = 'Ada Lovelace'): Promise<void> {
  const form = page.page.locator('dao-form');
  await form.locator('#f-name').fill(name);
  await form.locator('#f-born').fill('10');
  await form.locator('#f-born-month').fill('12');
  await form.locator('#f-born-year').fill('1815');
  await page.settle();
}

afterAll(async () => {
  await Promise.all(pages.map((p) => p.close()));
});

describe('<dao-form> in a govuk-frontend page', () => {
  it('should render under a strict CSP with no console error, axe clean', async () => {
    const page = await open();
    expect(await page.axe()).toEqual([]);
    expect(page.consoleErrors).toEqual([]);
  });

  it('should size its title by heading-level as GOV.UK sizes headings, and leave out an empty heading', async () => {
    const page = await open({ attributes: 'heading-level="1"' });
    const sizes = await page.page.evaluate(() => {
      const probe = document.createElement('h2');
      probe.className = 'govuk-heading-m';
      document.body.append(probe);
      const title = document.querySelector('dao-form')!.shadowRoot!.querySelector('.title')!;
      const size = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
      return {
        tag: title.tagName,
        title: size(title),
        l: size(document.querySelector('#page-heading')!),
        m: size(probe),
      };
    });
    expect(sizes.tag).toBe('H1');
    expect(Math.abs(sizes.title - sizes.l)).toBeLessThan(1);
    const h2 = await open({ attributes: 'heading-level="2"' });
    const second = await h2.page.evaluate(() => {
      const title = document.querySelector('dao-form')!.shadowRoot!.querySelector('.title')!;
      return { tag: title.tagName, size: parseFloat(getComputedStyle(title).fontSize) };
    });
    expect(second.tag).toBe('H2');
    expect(Math.abs(second.size - sizes.m)).toBeLessThan(1);
    const untitled = await open({ attributes: 'readonly' }, { ...schema, title: undefined });
    expect(await untitled.shadow((root) => root.querySelectorAll('h1, h2, h3, h4, h5, h6').length)).toBe(0);
    expect(await untitled.shadow((root) => root.textContent)).not.toMatch(/Form\s*,|version/);
  });

  it('should keep its validity current after every input, with no blur', async () => {
    const page = await open();
    await answer(page);
    expect(await page.call('form', 'checkValidity')).toBe(true);
    await page.page.locator('dao-form #f-born-year').fill('');
    expect(await page.call('form', 'checkValidity')).toBe(false);
    expect(await page.call('element', 'checkValidity')).toBe(false);
    await page.page.locator('dao-form #f-born-year').fill('1815');
    expect(await page.call('form', 'checkValidity')).toBe(true);
    const sent = await page.page.evaluate(() =>
      new FormData(document.querySelector('#host') as HTMLFormElement).get('answers'),
    );
    expect(JSON.parse(String(sent))).toEqual({ name: 'Ada Lovelace', born: '1815-12-10' });
  });

  it('should say nothing on checkValidity(), of the host form or its own', async () => {
    const page = await open();
    expect(await page.call('form', 'checkValidity')).toBe(false);
    expect(await page.call('element', 'checkValidity')).toBe(false);
    expect(await page.internalSummaryShown()).toBe(false);
    expect(await page.focused()).toMatch(/^govuk-template__body/);
    expect(await page.hostEvents()).toEqual([]);
  });

  it('should show the error summary and move focus to it on reportValidity(), with no browser bubble', async () => {
    const page = await open();
    expect(await page.call('element', 'reportValidity')).toBe(false);
    expect(await page.internalSummaryShown()).toBe(true);
    await expect.poll(() => page.focused()).toBe('error-summary');
    expect(await page.bubbleShown()).toBe(false);
    const viaHost = await open();
    expect(await viaHost.call('form', 'reportValidity')).toBe(false);
    await expect.poll(() => viaHost.focused()).toBe('error-summary');
    expect(await viaHost.bubbleShown()).toBe(false);
  });

  it('should be seen by the bubble detector when a native control reports (the detector works)', async () => {
    const page = await open({
      before: `<label class="govuk-label" for="native">Reference</label>
        <input class="govuk-input" id="native" name="native" required>`,
    });
    expect(await page.call('form', 'reportValidity')).toBe(false);
    expect(await page.bubbleShown()).toBe(true);
  });

  it('should block the host’s Continue while invalid, showing the summary instead of a bubble', async () => {
    const page = await open();
    await page.page.locator('#host button').click();
    await page.settle();
    expect(await page.hostEvents()).toEqual(['dao-invalid']);
    await expect.poll(() => page.focused()).toBe('error-summary');
    expect(await page.bubbleShown()).toBe(false);
    expect(
      await page.shadow((root) => [...root.querySelectorAll('.error-summary a')].map((a) => a.textContent)),
    ).toEqual(['Enter full name', 'Enter date of birth']);
  });

  it('should submit the host form on Enter in a text box, once valid', async () => {
    const page = await open();
    await page.page.locator('dao-form #f-name').press('Enter');
    await page.settle();
    expect(await page.hostEvents()).toEqual(['dao-invalid']);
    await answer(page);
    await page.page.locator('dao-form #f-name').press('Enter');
    expect(await page.hostEvents()).toEqual(['dao-invalid', 'submit']);
  });

  it('should go back to its first answers when the host form is reset', async () => {
    const page = await open();
    await answer(page, 'Someone');
    await page.page.locator('#host button').click();
    await page.call('form', 'reset');
    expect(await page.page.locator('dao-form #f-name').inputValue()).toBe('');
    expect(await page.shadow((root) => root.querySelectorAll('.error-message').length)).toBe(0);
    expect(await page.call('form', 'checkValidity')).toBe(false);
  });

  it('should follow a disabled fieldset: controls disabled, left out of the checks and of the submission', async () => {
    const page = await open({ wrapper: '<fieldset id="all" disabled class="govuk-fieldset">{{form}}</fieldset>' });
    expect(await page.shadow((root) => root.querySelector('#f-name')!.matches(':disabled'))).toBe(true);
    expect(await page.call('form', 'checkValidity')).toBe(true);
    expect(
      await page.page.evaluate(() => new FormData(document.querySelector('#host') as HTMLFormElement).has('answers')),
    ).toBe(false);
    await page.page.evaluate(() => document.querySelector('#all')!.removeAttribute('disabled'));
    await page.settle();
    expect(await page.shadow((root) => root.querySelector('#f-name')!.matches(':disabled'))).toBe(false);
    expect(await page.call('form', 'checkValidity')).toBe(false);
  });

  it('should have its answers back after the reader goes elsewhere and comes Back', async () => {
    const page = await open();
    await answer(page, 'Grace Hopper');
    await page.page.evaluate(() => ((window as unknown as { before: boolean }).before = true));
    await page.page.locator('#away').click();
    await page.page.waitForURL(/elsewhere/);
    await page.page.goBack();
    await page.ready();
    // A new document (not the back/forward cache): the answers come back through formStateRestoreCallback.
    expect(await page.page.evaluate(() => (window as unknown as { before?: boolean }).before)).toBeUndefined();
    expect(await page.page.locator('dao-form #f-name').inputValue()).toBe('Grace Hopper');
    expect(await page.page.locator('dao-form #f-born-year').inputValue()).toBe('1815');
    expect(await page.call('form', 'checkValidity')).toBe(true);
  });

  it('should leave the error summary to the host, giving GOV.UK’s error summary its messages and links', async () => {
    const page = await open({ attributes: 'error-summary="host"' });
    await page.page.locator('#host button').click();
    await page.settle();
    expect(await page.internalSummaryShown()).toBe(false);
    const links = page.page.locator('#summary-slot .govuk-error-summary a');
    expect(await links.allTextContents()).toEqual(['Enter full name', 'Enter date of birth']);
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      '#answers:name',
      '#answers:born',
    ]);
    await expect.poll(() => page.focused()).toBe('govuk-error-summary');
    await links.nth(1).click();
    expect(await page.focused()).toBe('f-born');
    expect(page.page.url()).not.toContain('#');
    expect(await page.axe()).toEqual([]);
    expect(page.consoleErrors).toEqual([]);
  });
});
