// Issue 7: the team manager changes an officer's capacity in the definition editor, sees a planted error flagged at
// its line, fixes it, runs the scenarios, compares with and publishes a new version, and the allocation screen shows
// the new capacity. Also: the pathway diagram and the form preview are redrawn from the draft as it is edited.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './support/app-pages.js';
import { readFormTitle } from './support/app-seed.js';
import { startAppServer, type AppServer } from './support/app-server.js';
import { launchChromium } from './support/browser.js';
import { REPO_ROOT } from './support/build.js';

let browser: Browser;
let server: AppServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startAppServer()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Replaces the text of the editor line matching `line` (after its indentation) by typing over it: the cursor is put
 * on the line (the editor draws only the lines in view), then End, Shift+Home and the new text. */
async function retype(page: Page, line: RegExp, text: string): Promise<void> {
  await page.locator('yaml-editor').evaluate((el, source) => {
    const editor = el as unknown as { value: string; focusAt(line: number, col: number): void };
    const index = editor.value.split('\n').findIndex((l) => new RegExp(source).test(l));
    if (index < 0) throw new Error(`no line matches ${source}`);
    editor.focusAt(index + 1, 1);
  }, line.source);
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.insertText(text);
}

async function lineNumberOf(file: string, line: RegExp): Promise<number> {
  const lines = (await readFile(join(REPO_ROOT, 'definitions', file), 'utf8')).split('\n');
  return lines.findIndex((l) => line.test(l)) + 1;
}

describe('web app: the definition editor', () => {
  it('should flag a planted error at its line, and publish the fixed capacity to the allocation screen', async () => {
    const app = await AppPage.open(browser, server.url);
    const page = app.page;
    await app.signIn('manager');
    await app.nav('Allocation');
    expect(await page.locator('.officer-list__item[data-officer="officer-pso"] .officer-load').textContent()).toBe(
      '0 of 15 active cases',
    );

    await app.nav('Definitions');
    await expect.poll(() => page.locator('#editor-heading').textContent()).toBe('settings.yaml');
    const line = await lineNumberOf('settings.yaml', /^ {2}officers: \{\}$/);
    const count = page.locator('.problem-count');
    await expect.poll(() => count.textContent()).toBe('No problems found');

    // A planted error: a capacity that is not a number.
    await retype(page, /^\s*officers: \{\}$/, 'officers: { officer-pso: lots }');
    await expect.poll(() => count.textContent(), { timeout: 15_000 }).toMatch(/^\d+ problems? in this file/);
    const problem = page.locator('.problem-list__item').filter({ hasText: 'must be integer' });
    expect((await problem.textContent())!.replace(/\s+/g, ' ').trim()).toMatch(
      new RegExp(`^Line ${line}, column \\d+: settings file: must be integer \\(at capacity.officers.officer-pso\\)`),
    );
    // …and inline, on that line of the editor.
    const lines = page.locator('yaml-editor .cm-line');
    expect(
      await lines
        .nth(line - 1)
        .locator('.cm-lintRange-error')
        .count(),
    ).toBe(1);
    expect(
      await lines
        .nth(line - 1)
        .locator('.cm-lintRange-error')
        .textContent(),
    ).toBe('lots }');
    expect(await page.locator('yaml-editor .cm-lint-marker-error').count()).toBeGreaterThan(0);
    // The problem's link puts the cursor there.
    await problem.getByRole('button').click();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).toBe(true);

    // Fixed.
    await retype(page, /^\s*officers: \{ officer-pso: lots \}$/, 'officers: { officer-pso: 2 }');
    await expect.poll(() => count.textContent(), { timeout: 15_000 }).toBe('No problems found');
    expect(await page.locator('yaml-editor .cm-lintRange-error').count()).toBe(0);

    await page.getByRole('button', { name: 'Run the scenarios' }).click();
    const scenarios = page.locator('#scenarios-result');
    await scenarios.waitFor({ timeout: 30_000 });
    expect(await scenarios.locator('.scenario-summary').textContent()).toMatch(
      /Passed\s+(\d+) of \1 scenarios passed\./,
    );

    await page.getByRole('button', { name: 'Compare with the published version' }).click();
    const comparison = page.locator('#comparison-result');
    await comparison.waitFor();
    expect(await comparison.textContent()).toContain('settings.yaml (changed)');
    expect(await comparison.locator('pre').textContent()).toContain('+  officers: { officer-pso: 2 }');

    await page.getByLabel('Note about this version (optional)').fill('officer-pso delivers the group programme');
    await page.getByRole('button', { name: 'Publish as a new version' }).click();
    await expect.poll(() => app.banner.textContent(), { timeout: 15_000 }).toContain('Version 2 is published.');

    // Open cases stay on version 1 until moved: the explicit migrate action checks first.
    expect(await page.locator('#migrate-heading').textContent()).toBe('Move open cases to version 2');
    await page.getByRole('button', { name: 'Check which cases can move' }).click();
    await expect
      .poll(() => page.locator('#migration-result').textContent(), { timeout: 15_000 })
      .toContain('can move to version 2.');

    await app.nav('Allocation');
    expect(await page.locator('.officer-list__item[data-officer="officer-pso"] .officer-load').textContent()).toBe(
      '0 of 2 active cases',
    );
    expect(await page.locator('.officer-list__item[data-officer="officer-po"] .officer-load').textContent()).toBe(
      '0 of 15 active cases',
    );
    await app.close();
  }, 120_000);

  it('should redraw the pathway diagram and the form preview from the draft as it is typed', async () => {
    const app = await AppPage.open(browser, server.url);
    const page = app.page;
    await app.signIn('manager');
    await app.goto('#/definitions?file=pathways%2Fassessment.yaml');
    await expect.poll(() => page.locator('#editor-heading').textContent()).toBe('pathways/assessment.yaml');
    const diagram = page.locator('.definition-preview pathway-diagram');
    expect(await diagram.textContent()).toContain('Session 1');
    await retype(page, /^\s*title: Session 1$/, 'title: First assessment session');
    await expect.poll(() => diagram.locator('.diagram__name').first().textContent()).toBe('First assessment session');

    await page.getByLabel('Definition file').selectOption('forms/why-am-i-engaging.yaml');
    await page.getByRole('button', { name: 'Open file' }).click();
    await expect.poll(() => page.locator('#editor-heading').textContent()).toBe('forms/why-am-i-engaging.yaml');
    const preview = page.locator('.definition-preview dao-form');
    const title = await readFormTitle('why-am-i-engaging');
    await expect.poll(() => preview.locator('h2').textContent()).toBe(title);
    await retype(page, new RegExp(`^title: ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), 'title: Why am I here?');
    await expect.poll(() => preview.locator('h2').textContent()).toBe('Why am I here?');
    // Both edits are kept in the draft, and both files are listed as changed.
    expect(await page.locator('#checks-heading + p').textContent()).toContain(
      'pathways/assessment.yaml, forms/why-am-i-engaging.yaml',
    );
    await app.close();
  }, 60_000);
});
