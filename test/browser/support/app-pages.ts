// Page objects for the web app: sign in, move between screens, read and operate the case page, fill a <dao-form>
// from answers (as a person would: typing, ticking and choosing), run axe, measure reflow.
import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { inSentence } from '../../../engine/forms/messages.js';
import { DEMO_PASSWORD } from './app-server.js';
import { WCAG_TAGS, type AxeViolation } from './form-page.js';

type Schema = Record<string, unknown>;

let axeScript: Promise<string> | undefined;
function axeSource(): Promise<string> {
  axeScript ??= readFile(new URL('../../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
  return axeScript;
}

/** Messages Chromium logs for any answer that is not 2xx (e.g. a form with no draft yet: 404), which are expected. */
const EXPECTED_CONSOLE = /Failed to load resource/;

export class AppPage {
  readonly problems: string[] = [];

  private constructor(
    readonly page: Page,
    readonly base: string,
  ) {
    page.on('console', (m) => m.type() === 'error' && !EXPECTED_CONSOLE.test(m.text()) && this.problems.push(m.text()));
    page.on('pageerror', (e) => this.problems.push(String(e)));
  }

  static async open(browser: Browser, base: string, options: { width?: number } = {}): Promise<AppPage> {
    const page = await browser.newPage({ viewport: { width: options.width ?? 1024, height: 800 } });
    const app = new AppPage(page, base);
    await page.goto(base);
    await app.heading.waitFor();
    return app;
  }

  get heading(): Locator {
    return this.page.locator('main h1');
  }

  get main(): Locator {
    return this.page.locator('main');
  }

  get banner(): Locator {
    return this.page.locator('.notification-banner');
  }

  /** A list's count ("Showing 1 to 25 of 31 cases"), announced when it changes. */
  get listStatus(): Locator {
    return this.page.locator('.list-status');
  }

  /** A case's card on a list, by the case's id. */
  caseCard(caseId: string): Locator {
    return this.page.locator(`case-list .summary-card[data-case="${caseId}"]`);
  }

  /** A card's rows, key → value, with their spaces as shown. */
  async cardRows(card: Locator): Promise<Record<string, string>> {
    // Waited for: a list still loading has no card yet, and reading none would give no rows rather than fail.
    await card.waitFor();
    const rows = await card
      .locator('.summary-list__row')
      .evaluateAll((found) =>
        found.map((row) => [row.querySelector('dt')!.textContent!, row.querySelector('dd')!.textContent!]),
      );
    const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();
    return Object.fromEntries(rows.map(([key, value]) => [tidy(key!), tidy(value!)]));
  }

  /** The ids of the cases on the list shown, in order. */
  async caseIdsShown(): Promise<string[]> {
    const cards = this.page.locator('case-list .summary-card');
    return cards.evaluateAll((found) => found.map((card) => card.getAttribute('data-case')!));
  }

  async signIn(username: string): Promise<void> {
    await this.goto('#/sign-in');
    await this.page.locator('#username').fill(username);
    await this.page.locator('#password').fill(DEMO_PASSWORD);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await this.page.locator('.header__user').waitFor();
    // The screen a person lands on replaces the sign-in page; until then nothing on it says it is loading.
    await this.page.locator('sign-in-page').waitFor({ state: 'detached' });
    await this.settled();
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: 'Sign out' }).click();
    await this.page.locator('sign-in-page').waitFor();
  }

  /** Moves to a screen by its address (e.g. "#/allocation") and waits for it to load. */
  async goto(hash: string): Promise<void> {
    // The app moves on 'hashchange', which comes after the address has changed: waited for (the app's listener runs
    // before this one, and its render by the time settled() looks), so that the new screen is there first.
    await this.page.evaluate(async (h) => {
      const before = location.hash;
      const moved = new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
      location.hash = h;
      // The same address (as the browser spells it) fires no 'hashchange'.
      if (location.hash !== before) await moved;
    }, hash);
    await this.settled();
  }

  /** Follows a link of the menu and waits for its screen: the link marked as the current page, then loaded. */
  async nav(text: string): Promise<void> {
    const menu = this.page.getByRole('navigation', { name: 'Menu' });
    await menu.getByRole('link', { name: text, exact: true }).click();
    await menu.locator('a[aria-current="page"]', { hasText: text }).waitFor();
    await this.settled();
  }

  /**
   * Waits until the app has caught up with its address (a new search, sort, page or case: its 'hashchange' comes a
   * moment after the address changes, and until then the old screen is still there, settled), nothing on the screen
   * says it is loading, and focus has moved to where the app puts it on a new screen.
   */
  async settled(): Promise<void> {
    await this.page.waitForFunction(
      () => {
        const app = document.querySelector('dao-app') as
          (HTMLElement & { route?: { params: Record<string, string>; query: URLSearchParams } }) | null;
        const hash = location.hash;
        if (app?.route && hash.startsWith('#/')) {
          const [path = '/', search = ''] = hash.slice(1).split('?');
          const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
          if (app.route.query.toString() !== new URLSearchParams(search).toString()) return false;
          if (!Object.values(app.route.params).every((value) => parts.includes(value))) return false;
        }
        return ![...document.querySelectorAll('[role=status]')].some((e) =>
          /Loading|Checking/.test(e.textContent ?? ''),
        );
      },
      undefined,
      { timeout: 20_000 },
    );
    // The app moves focus to a new screen's heading a frame after showing it: two frames on, that has happened.
    await this.page.evaluate(
      () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
    );
  }

  async scrollWidth(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth);
  }

  async axe(): Promise<AxeViolation[]> {
    // Evaluated through the DevTools protocol: the app's Content-Security-Policy (rightly) refuses injected scripts.
    if (!(await this.page.evaluate(() => 'axe' in window))) await this.page.evaluate(await axeSource());
    return this.page.evaluate(async (tags) => {
      const axe = (
        window as unknown as {
          axe: {
            run(
              ctx: unknown,
              opts: unknown,
            ): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: unknown[] }[] }[] }>;
          };
        }
      ).axe;
      const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)),
      }));
    }, WCAG_TAGS);
  }

  /** The address of a case's page, from its card on a list. */
  async caseIdFromCard(card: Locator): Promise<string> {
    const href = await card.getByRole('link').first().getAttribute('href');
    return decodeURIComponent(href!.replace('#/cases/', ''));
  }

  casePage(): CasePageObject {
    return new CasePageObject(this);
  }

  async close(): Promise<void> {
    expect(this.problems).toEqual([]);
    await this.page.close();
  }
}

export class CasePageObject {
  constructor(readonly app: AppPage) {}

  get page(): Page {
    return this.app.page;
  }

  /** The stage the case is at, as the head of its page says it, under who the case is about (the heading). */
  get stage(): Locator {
    return this.page.locator('case-page .case-identity .case-stage');
  }

  /** Moves to a part of the case page by its link ("What to do now", "Documents", "Where the case is"…). */
  async part(label: string): Promise<void> {
    await this.page.locator('nav.sub-navigation').getByRole('link', { name: label, exact: true }).click();
    await this.page.locator('nav.sub-navigation [aria-current="page"]', { hasText: label }).waitFor();
    await this.app.settled();
  }

  /** The "what to do now" block of one place the case is (its heading names it, e.g. "Assessment sessions: Session 1"). */
  step(heading: string | RegExp): Locator {
    return this.page.locator('section.step').filter({ has: this.page.getByRole('heading', { name: heading }) });
  }

  /** Where the case is on the picture of its pathway (on the part "Where the case is"). */
  get hereOnDiagram(): Locator {
    return this.page.locator('pathway-graph .graph__node--current').first();
  }

  /** A document's card (on the part "Documents"), by its form's title. */
  document(title: string | RegExp): Locator {
    const heading = this.page.getByRole('heading', { name: title, exact: typeof title === 'string' });
    return this.page.locator('.document-card').filter({ has: heading });
  }

  /** An action's button, opening "Other actions" first when it is there. */
  async actionButton(title: string, within: Locator = this.page.locator('main')): Promise<Locator> {
    const button = within.getByRole('button', { name: title, exact: true }).first();
    if (!(await button.isVisible())) {
      const hidden = this.page.getByRole('button', { name: title, exact: true, includeHidden: true });
      const others = within.locator('details.other-actions').filter({ has: hidden }).first();
      if (await others.count()) await others.locator('summary').click();
    }
    return button;
  }

  /** Opens a form from a task of the checklist and returns it. */
  async openFormFromTask(step: Locator, task: string | RegExp): Promise<DaoFormDriver> {
    await step.locator('task-checklist').getByRole('link', { name: task }).click();
    const details = this.page
      .locator('details[open]')
      .filter({ has: this.page.locator('case-form') })
      .last();
    const form = details.locator('dao-form');
    await form.locator('form').waitFor();
    return new DaoFormDriver(this.page, form);
  }

  /** Opens a form from the "Forms to fill in" list. */
  async openForm(title: string | RegExp): Promise<DaoFormDriver> {
    const summary = this.page.locator('details > summary').filter({ hasText: title }).first();
    await summary.click();
    const form = this.page.locator('details[open]').filter({ has: summary }).locator('dao-form');
    await form.locator('form').waitFor();
    return new DaoFormDriver(this.page, form);
  }

  /**
   * Presses an action's button (under "Other actions" if need be); with `answers`, fills the form it opens and sends
   * it; confirms it where it asks (a sign-off, or what cannot be undone). Waits for the banner saying it is done.
   */
  async act(
    title: string,
    answers?: Record<string, unknown>,
    within: Locator = this.page.locator('main'),
  ): Promise<void> {
    await (await this.actionButton(title, within)).click();
    if (answers) {
      const form = within.locator('.event-form dao-form');
      await form.locator('form').waitFor();
      const schema = await form.evaluate((el) => (el as unknown as { schema: Record<string, unknown> }).schema);
      const driver = new DaoFormDriver(this.page, form);
      await driver.fill(schema, answers);
      await driver.submit();
    }
    const done = this.page.locator('.notification-banner', { hasText: `${title}: done.` });
    await this.page.locator('.confirm-panel').or(done).first().waitFor();
    if (await within.locator('.confirm-panel').count()) await this.confirm(title, within);
    await done.waitFor();
    await this.app.settled();
  }

  /** Confirms an action on its confirmation step ("Yes, countersign"). */
  async confirm(title: string, within: Locator = this.page.locator('main')): Promise<void> {
    const yes = `Yes, ${inSentence(title)}`;
    await within.locator('.confirm-panel').getByRole('button', { name: yes, exact: true }).click();
  }
}

function resolve(root: Schema, node: Schema): Schema {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  const target = ref
    .slice(2)
    .split('/')
    .reduce<unknown>((n, k) => (n as Schema)[k], root) as Schema;
  const { $ref: _ignored, ...own } = node;
  return { ...resolve(root, target), ...own };
}

function choices(field: Schema): unknown[] | undefined {
  if (Array.isArray(field.oneOf) && (field.oneOf as Schema[]).every((o) => 'const' in o))
    return (field.oneOf as Schema[]).map((o) => o.const);
  if (Array.isArray(field.enum)) return field.enum as unknown[];
  if (field.type === 'boolean') return [true, false];
  if (field['x-widget'] === 'scale') {
    const values: number[] = [];
    for (let v = Number(field.minimum ?? 1); v <= Number(field.maximum ?? 10); v++) values.push(v);
    return values;
  }
  return undefined;
}

/** Fills a <dao-form> the way a person would, from answers shaped like a scenario's. */
export class DaoFormDriver {
  constructor(
    readonly page: Page,
    readonly form: Locator,
  ) {}

  private byId(id: string): Locator {
    return this.form.locator(`[id="${id}"]`);
  }

  async schema(): Promise<Schema> {
    return this.form.evaluate((el) => (el as unknown as { schema: Schema }).schema);
  }

  async fill(root: Schema, answers: Record<string, unknown>, node: Schema = root, path = ''): Promise<void> {
    const properties = (resolve(root, node).properties ?? {}) as Record<string, Schema>;
    for (const [key, value] of Object.entries(answers)) {
      const field = resolve(root, properties[key] ?? {});
      const at = path ? `${path}.${key}` : key;
      if (field.readOnly || value === undefined) continue;
      if (field.type === 'object') {
        await this.fill(root, value as Record<string, unknown>, field, at);
      } else if (field.type === 'array' && Array.isArray(value)) {
        const items = resolve(root, (field.items ?? {}) as Schema);
        if (items.type === 'object') {
          for (let i = 0; i < value.length; i++) {
            const first = Object.keys((items.properties ?? {}) as object)[0]!;
            if (!(await this.byId(`f-${at}.${i}.${first}`).count())) await this.byId(`f-${at}-add`).click();
            await this.fill(root, value[i] as Record<string, unknown>, items, `${at}.${i}`);
          }
        } else {
          for (const item of value) await this.form.locator(`input[name="f-${at}"][value="${String(item)}"]`).check();
        }
      } else if (field.format === 'date' && typeof value === 'string') {
        const [year, month, day] = value.split('-');
        await this.byId(`f-${at}`).fill(String(Number(day)));
        await this.byId(`f-${at}-month`).fill(String(Number(month)));
        await this.byId(`f-${at}-year`).fill(year!);
      } else {
        const options = choices(field);
        const inputs = this.form.locator(`input[name="f-${at}"]`);
        if ((await inputs.count()) === 1 && (await inputs.getAttribute('type')) === 'checkbox') {
          if (value === true) await inputs.check();
        } else if (options && field['x-widget'] !== 'text' && field['x-widget'] !== 'textarea') {
          const index = options.indexOf(value);
          if (index < 0) throw new Error(`${at}: ${JSON.stringify(value)} is not one of the choices`);
          await inputs.nth(index).check();
        } else {
          await this.byId(`f-${at}`).fill(String(value));
        }
      }
    }
  }

  async submit(): Promise<void> {
    await this.form.locator('button[type=submit]').click();
  }
}
