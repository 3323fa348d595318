// Issue 20: every protocol form — the Behaviour Inventory frequency grid and every other widget — fits 320 CSS
// pixels with no horizontal scrolling (WCAG 1.4.10), empty, with its errors shown and read-only, with no axe
// violation there; and the grid tells each column apart where its column titles no longer fit over the rows.
import { describe, expect, it } from 'vitest';
import { ensureBuilt, formsWithWidget } from './support/build.js';
import { FormPage } from './support/form-page.js';
import { useBrowserSession } from './support/session.js';

const forms = await ensureBuilt();
const grids = await formsWithWidget(forms, 'frequency-grid');
const session = useBrowserSession();

async function widest(form: FormPage): Promise<{ page: number; over: string[] }> {
  return form.page.evaluate(() => {
    const root = document.querySelector('dao-form')!.shadowRoot!;
    const over = [...root.querySelectorAll<HTMLElement>('*')]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    return { page: document.documentElement.scrollWidth, over };
  });
}

describe('<dao-form> at 320 CSS pixels', () => {
  it.each(forms)('should show %s with no horizontal scrolling, empty, with errors and read-only', async (formId) => {
    const form = await FormPage.open(session.browser, session.server, { formId, width: 320 });
    try {
      expect(await widest(form), 'empty').toEqual({ page: 320, over: [] });
      await form.submit();
      expect(await widest(form), 'with errors').toEqual({ page: 320, over: [] });
      expect(await form.axe(), 'with errors').toEqual([]);
      await form.setProperty('readonly', true);
      expect(await widest(form), 'read-only').toEqual({ page: 320, over: [] });
    } finally {
      await form.close();
    }
  });

  it.each(grids)(
    'should name each column of the grid of %s beside its choices when the columns cannot sit over the rows',
    async (formId) => {
      const form = await FormPage.open(session.browser, session.server, { formId, width: 320 });
      try {
        const shown = await form.page.evaluate(() => {
          const root = document.querySelector('dao-form')!.shadowRoot!;
          const header = root.querySelector('.grid__header');
          const titles = [...root.querySelectorAll<HTMLElement>('.grid-row')][0]!.querySelectorAll<HTMLElement>(
            '.grid-row__cell-title',
          );
          return {
            header: header ? getComputedStyle(header).display : 'none',
            titles: [...titles].filter((t) => t.offsetParent !== null).map((t) => t.textContent?.trim()),
          };
        });
        expect(shown.header).toBe('none');
        expect(shown.titles.length).toBeGreaterThan(1);
      } finally {
        await form.close();
      }
    },
  );
});
