// Page object for a page holding one <dao-form>: open it, read what is shown, act as a user, run axe.
import type { Browser, Locator, Page } from 'playwright-core';
import type { StaticServer } from './static-server.js';

export interface OpenOptions {
  /** A protocol form built into dist/, or explicit URLs. */
  formId?: string;
  schemaSrc?: string;
  validatorSrc?: string;
  attributes?: string;
  /** Markup around the element (e.g. a host <form>); `{{form}}` is replaced by the element. */
  wrapper?: string;
  /** The window's width in CSS pixels (default 1280). */
  width?: number;
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
let pageCount = 0;

/** axe-core's WCAG 2.2 AA rules on the whole page, shadow roots included. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ url: '/node_modules/axe-core/axe.min.js' });
  }
  return page.evaluate(async (tags) => {
    type Violation = { id: string; impact: string; help: string; nodes: { target: unknown[] }[] };
    type Axe = { run(ctx: unknown, opts: unknown): Promise<{ violations: Violation[] }> };
    const axe = (window as unknown as { axe: Axe }).axe;
    const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)),
    }));
  }, WCAG_TAGS);
}

export function formPageHtml(element: string, wrapper = '{{form}}'): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Form</title>
<script type="module" src="/dist/dao-form.js"></script></head>
<body><main>${wrapper.replace('{{form}}', element)}</main></body></html>`;
}

export class FormPage {
  readonly consoleErrors: string[] = [];
  readonly consoleWarnings: string[] = [];

  private constructor(readonly page: Page) {
    page.on('console', (m) => {
      if (m.type() === 'error') this.consoleErrors.push(m.text());
      if (m.type() === 'warning') this.consoleWarnings.push(m.text());
    });
    page.on('pageerror', (e) => this.consoleErrors.push(String(e)));
  }

  static async open(browser: Browser, server: StaticServer, options: OpenOptions): Promise<FormPage> {
    const schemaSrc = options.schemaSrc ?? `/dist/schemas/${options.formId}.json`;
    const validatorSrc = options.validatorSrc ?? `/dist/validators/${options.formId}.js`;
    const element = `<dao-form schema-src="${schemaSrc}" validator-src="${validatorSrc}" ${options.attributes ?? ''}></dao-form>`;
    const path = `/t/page-${++pageCount}.html`;
    server.files.set(path, formPageHtml(element, options.wrapper));
    return FormPage.visit(browser, `${server.url}${path}`, true, options.width);
  }

  static async visit(browser: Browser, url: string, waitForReady = true, width?: number): Promise<FormPage> {
    const page = await browser.newPage(width ? { viewport: { width, height: 800 } } : undefined);
    await page.addInitScript(() => {
      const events: { type: string; detail: unknown }[] = [];
      (window as unknown as { daoEvents: typeof events }).daoEvents = events;
      for (const type of ['dao-change', 'dao-submit', 'dao-invalid', 'dao-draft', 'dao-ready']) {
        document.addEventListener(type, (e) => events.push({ type, detail: (e as CustomEvent).detail }));
      }
    });
    const formPage = new FormPage(page);
    await page.goto(url);
    if (waitForReady) await formPage.ready();
    return formPage;
  }

  get element(): Locator {
    return this.page.locator('dao-form');
  }

  /** Waits for the form (and every field in it) to be rendered. */
  async ready(): Promise<void> {
    await this.page.waitForFunction(() =>
      (window as unknown as { daoEvents: { type: string }[] }).daoEvents.some((e) => e.type === 'dao-ready'),
    );
    await this.settle();
  }

  async settle(): Promise<void> {
    await this.page.evaluate(
      () => (document.querySelector('dao-form') as unknown as { updateComplete: Promise<unknown> }).updateComplete,
    );
  }

  async events(type: string): Promise<unknown[]> {
    return this.page.evaluate(
      (t) =>
        (window as unknown as { daoEvents: { type: string; detail: unknown }[] }).daoEvents
          .filter((e) => e.type === t)
          .map((e) => e.detail),
      type,
    );
  }

  async setProperty(name: string, value: unknown): Promise<void> {
    await this.page.evaluate(
      ([n, v]) => ((document.querySelector('dao-form') as unknown as Record<string, unknown>)[n as string] = v),
      [name, value] as const,
    );
    await this.settle();
  }

  async submit(): Promise<void> {
    await this.element.locator('button[type=submit]').click();
    await this.settle();
  }

  get errorSummary(): Locator {
    return this.element.locator('.error-summary');
  }

  get summaryLinks(): Locator {
    return this.errorSummary.locator('a');
  }

  get inlineErrors(): Locator {
    return this.element.locator('dao-field .error-message');
  }

  /** The element focused inside the form's shadow root: its id, class and tag. */
  async focused(): Promise<{ id: string; className: string; tag: string } | null> {
    return this.page.evaluate(() => {
      const el = document.querySelector('dao-form')?.shadowRoot?.activeElement;
      return el ? { id: el.id, className: String(el.className), tag: el.tagName.toLowerCase() } : null;
    });
  }

  /** Text controls, radio groups, check boxes and buttons the user can answer with. */
  async controlCount(): Promise<number> {
    return this.page.evaluate(() => {
      const root = document.querySelector('dao-form')!.shadowRoot!;
      const groups = new Set([...root.querySelectorAll('input[type=radio]')].map((r) => (r as HTMLInputElement).name));
      return groups.size + root.querySelectorAll('input:not([type=radio]), textarea, select').length;
    });
  }

  async shadowText(): Promise<string> {
    return this.page.evaluate(() => document.querySelector('dao-form')!.shadowRoot!.textContent ?? '');
  }

  async axe(): Promise<AxeViolation[]> {
    return runAxe(this.page);
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
