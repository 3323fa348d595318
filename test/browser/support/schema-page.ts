// Page object for a plain page holding one <dao-form> given schemas and data by property (a portal's own schema, no
// validator): set a schema and answers, read what the form shows, validate, follow the error summary's links, axe.
import type { Browser, Page } from 'playwright-core';
import { runAxe, type AxeViolation } from './form-page.js';
import type { StaticServer } from './static-server.js';

export interface Shown {
  /** Text in boxes, checked options' labels, selected options, computed outputs. */
  texts: string[];
  controls: number;
}

type FormElement = HTMLElement & {
  schema: unknown;
  data: unknown;
  updateComplete: Promise<unknown>;
  validate(): { valid: boolean; data: unknown; errors: Record<string, string[]> };
};

export class SchemaPage {
  readonly problems: string[] = [];
  readonly warnings: string[] = [];

  private constructor(readonly page: Page) {
    page.on('console', (m) =>
      (m.type() === 'error' ? this.problems : m.type() === 'warning' ? this.warnings : []).push(m.text()),
    );
    page.on('pageerror', (e) => this.problems.push(String(e)));
  }

  static async open(browser: Browser, server: StaticServer, attributes = '', timezoneId = 'UTC'): Promise<SchemaPage> {
    const path = `/t/schema-page-${Math.random().toString(36).slice(2)}.html`;
    server.files.set(
      path,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Schema</title>
<script type="module" src="/dist/dao-form.js"></script></head>
<body><main><dao-form id="form" ${attributes}></dao-form></main></body></html>`,
    );
    const page = await browser.newPage({ timezoneId });
    const schemaPage = new SchemaPage(page);
    await page.goto(`${server.url}${path}`);
    await page.waitForFunction(() => customElements.get('dao-form') !== undefined);
    return schemaPage;
  }

  /** Shows `schema` with `data` (a fresh form each time) and waits for every field. */
  async show(schema: unknown, data: unknown): Promise<void> {
    await this.page.evaluate(
      async ([s, d]) => {
        const old = document.querySelector('dao-form')!;
        const form = document.createElement('dao-form') as unknown as FormElement;
        form.id = 'form';
        for (const { name, value } of old.attributes) if (name !== 'id') form.setAttribute(name, value);
        old.replaceWith(form);
        form.schema = s;
        if (d !== undefined) form.data = structuredClone(d);
        await form.updateComplete;
      },
      [schema, data] as const,
    );
  }

  async shown(): Promise<Shown> {
    return this.page.evaluate(() => {
      const root = document.querySelector('dao-form')!.shadowRoot!;
      const label = (el: HTMLInputElement) => (el.labels?.[0]?.textContent ?? '').trim();
      const texts = [
        ...[...root.querySelectorAll<HTMLInputElement>('input[type=text], input[type=email], textarea')].map(
          (el) => el.value,
        ),
        ...[...root.querySelectorAll<HTMLInputElement>('input:checked')].map(label),
        ...[...root.querySelectorAll('select')].map((el) => (el.selectedOptions[0]?.textContent ?? '').trim()),
        ...[...root.querySelectorAll('output, .summary__value')].map((el) => (el.textContent ?? '').trim()),
      ];
      return { texts, controls: root.querySelectorAll('input, select, textarea').length };
    });
  }

  async validate(): Promise<{ valid: boolean; data: unknown; errors: Record<string, string[]> }> {
    const result = await this.page.evaluate(() => {
      const { valid, data, errors } = (document.querySelector('dao-form') as unknown as FormElement).validate();
      return { valid, data: data === undefined ? '(none)' : data, errors };
    });
    await this.page.evaluate(() => (document.querySelector('dao-form') as unknown as FormElement).updateComplete);
    return { ...result, data: result.data === '(none)' ? undefined : result.data };
  }

  /** Follows each link of the error summary: where focus lands (the id of the control), or null. */
  async summaryTargets(): Promise<(string | null)[]> {
    return this.page.evaluate(async () => {
      const form = document.querySelector('dao-form')!;
      const links = [...form.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.error-summary a')];
      const landed: (string | null)[] = [];
      for (const link of links) {
        link.click();
        const active = form.shadowRoot!.activeElement;
        landed.push(active && active !== link ? active.id || active.tagName : null);
      }
      return landed;
    });
  }

  async axe(): Promise<AxeViolation[]> {
    return runAxe(this.page);
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
