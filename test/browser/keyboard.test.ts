// Issue 6: a frequency-grid form (the Behaviour Inventory) filled and submitted with the keyboard alone — Tab to move
// between questions, arrow keys to choose in a radio group, Space to press the submit button.
import { describe, expect, it } from 'vitest';
import { ensureBuilt, formsWithWidget } from './support/build.js';
import { FormPage } from './support/form-page.js';
import { useBrowserSession } from './support/session.js';

const forms = await ensureBuilt();
const gridForms = await formsWithWidget(forms, 'frequency-grid');
const session = useBrowserSession();

interface Focused {
  tag: string;
  type: string;
  id: string;
  value: string;
}

describe('<dao-form> keyboard only', () => {
  it('should have a frequency-grid form', () => {
    expect(gridForms.length).toBeGreaterThan(0);
  });

  it.each(gridForms)('should fill and submit %s with Tab, arrow keys and Space', async (formId) => {
    const form = await FormPage.open(session.browser, session.server, { formId });
    try {
      const { page } = form;
      const focused = () =>
        page.evaluate((): Focused | null => {
          const el = document.querySelector('dao-form')!.shadowRoot!.activeElement as HTMLInputElement | null;
          return el ? { tag: el.tagName.toLowerCase(), type: el.type ?? '', id: el.id, value: el.value ?? '' } : null;
        });
      const dateParts: Record<string, string> = { '': '7', '-month': '3', '-year': '2024' };
      let groups = 0;
      for (let step = 0; step < 1000; step++) {
        await page.keyboard.press('Tab');
        const el = await focused();
        if (!el) continue;
        if (el.tag === 'button' && el.type === 'submit') {
          await page.keyboard.press('Space');
          break;
        }
        if (el.type === 'radio') {
          await page.keyboard.press('ArrowRight');
          await page.keyboard.press('ArrowRight');
          groups++;
        } else if (el.tag === 'input' && !el.value) {
          const datePart = Object.keys(dateParts).find((suffix) =>
            /^f-[\w.]*date$/i.test(el.id.slice(0, el.id.length - suffix.length)),
          );
          await page.keyboard.type(datePart !== undefined ? dateParts[datePart]! : 'Sam Example');
        }
      }
      await form.settle();
      const [submitted] = (await form.events('dao-submit')) as { data: Record<string, unknown>; formId: string }[];
      expect(await form.events('dao-invalid')).toEqual([]);
      expect(submitted?.formId).toBe(formId);
      const rows = Object.values(
        Object.values(submitted!.data).find((v) => v && typeof v === 'object') as Record<
          string,
          Record<string, string>
        >,
      );
      expect(groups).toBe(rows.length * 2);
      expect(groups).toBeGreaterThanOrEqual(58);
      for (const row of rows) expect(Object.values(row).every((v) => v === '1')).toBe(true);
      expect(Object.values(submitted!.data).filter((v) => v === rows.length)).toHaveLength(2);
      expect(form.consoleErrors).toEqual([]);
    } finally {
      await form.close();
    }
  });
});
