// Issue 6: dist/dao-form.js alone in a plain page (strict CSP: no 'unsafe-eval') renders the Behaviour Inventories
// with no console errors and no axe violations; the bundle holds no eval; typing re-renders one field, not the form;
// the embed example works.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, ensureBuilt, formsWithWidget, servedSchema } from './support/build.js';
import { FormPage } from './support/form-page.js';
import { useBrowserSession } from './support/session.js';

const forms = await ensureBuilt();
const inventories = await formsWithWidget(forms, 'frequency-grid');
const session = useBrowserSession();

beforeAll(() => {
  const elements = inventories.map((id) => `<dao-form data-form="${id}"></dao-form>`).join('');
  session.server.files.set(
    '/t/plain.html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plain page</title>
<script type="module" src="/dist/dao-form.js"></script></head><body><main>${elements}</main></body></html>`,
  );
});

/** Counts renders of <dao-field> elements while `act` runs. */
async function fieldRenders(form: FormPage, act: () => Promise<void>): Promise<number> {
  await form.page.evaluate(() => {
    const counter = window as unknown as { renders?: number };
    if (counter.renders === undefined) {
      const field = customElements.get('dao-field')!.prototype as { update(c: unknown): void };
      const update = field.update;
      field.update = function (this: unknown, changed: unknown) {
        counter.renders!++;
        update.call(this, changed);
      };
    }
    counter.renders = 0;
  });
  await act();
  await form.settle();
  return form.page.evaluate(() => (window as unknown as { renders: number }).renders);
}

describe('dist/dao-form.js', () => {
  it('should contain no new Function and no eval, nor should the extensions module it loads', async () => {
    for (const file of ['dist/dao-form.js', 'dist/dao-form-extensions.js']) {
      const code = await readFile(join(REPO_ROOT, file), 'utf8');
      expect(code).not.toMatch(/new Function/);
      expect(code).not.toMatch(/\beval\(/);
    }
  });

  it('should stay within 30 KB gzip with Lit, any schema’s widgets and the built-in validator (issue 23)', async () => {
    const code = await readFile(join(REPO_ROOT, 'dist/dao-form.js'));
    expect(gzipSync(code).length / 1024).toBeLessThanOrEqual(30);
  });

  it('should render the Behaviour Inventories in a plain page from the schema property alone', async () => {
    expect(inventories.length).toBeGreaterThan(0);
    const form = await FormPage.visit(session.browser, `${session.server.url}/t/plain.html`, false);
    try {
      await form.page.evaluate(async () => {
        for (const el of document.querySelectorAll<HTMLElement & { schema: unknown; updateComplete: Promise<unknown> }>(
          'dao-form',
        )) {
          el.schema = await (await fetch(`/dist/schemas/${el.dataset.form}.json`)).json();
          await el.updateComplete;
        }
      });
      const counts = await form.page.evaluate(() =>
        [...document.querySelectorAll('dao-form')].map((el) => ({
          controls: el.shadowRoot!.querySelectorAll('input, textarea, select, button').length,
          radioGroups: el.shadowRoot!.querySelectorAll('[role=radiogroup]').length,
        })),
      );
      for (const { controls } of counts) expect(controls).toBeGreaterThanOrEqual(128);
      // 64 rows scored twice, across the two inventories.
      expect(counts.reduce((sum, c) => sum + c.radioGroups, 0)).toBeGreaterThanOrEqual(128);
      expect(await form.axe()).toEqual([]);
      expect(form.consoleErrors).toEqual([]);
    } finally {
      await form.close();
    }
  });
});

describe('<dao-form> on a long form', () => {
  it('should re-render only the field typed in, and only the row changed in a grid (plus computed totals)', async () => {
    const form = await FormPage.open(session.browser, session.server, { formId: inventories[0] });
    try {
      const computedFields = await form.element.locator('output').count();
      const typing = await fieldRenders(form, () =>
        form.element.locator('input[type=text]').first().pressSequentially('abc'),
      );
      expect(typing).toBeLessThanOrEqual(3 * (1 + computedFields));
      const choosing = await fieldRenders(form, () => form.element.locator('input[type=radio]').nth(3).check());
      expect(choosing).toBeLessThanOrEqual(1 + computedFields);
      expect(await form.events('dao-invalid')).toEqual([]);
    } finally {
      await form.close();
    }
  });
});

describe('forms-ui/examples/embed.html', () => {
  it('should show the form named in ?form= with its validator', async () => {
    const id = inventories[0]!;
    const form = await FormPage.visit(session.browser, `${session.server.url}/forms-ui/examples/embed.html?form=${id}`);
    try {
      expect(await form.element.locator('h2').first().textContent()).toBe((await servedSchema(id)).title);
      await form.submit();
      expect((await form.events('dao-invalid')).length).toBe(1);
      expect(await form.page.locator('#last-event').textContent()).toContain('dao-invalid');
      expect(form.consoleErrors).toEqual([]);
    } finally {
      await form.close();
    }
  });
});
