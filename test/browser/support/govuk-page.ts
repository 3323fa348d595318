// Page object for <dao-form> inside a host page built with govuk-frontend (its stylesheet, template classes and
// JavaScript, under the static server's strict CSP): the host's own <form>, error summary and headings around it.
import type { Browser, Page } from 'playwright-core';
import { runAxe, type AxeViolation } from './form-page.js';
import type { StaticServer } from './static-server.js';

export interface GovukPageOptions {
  /** Attributes of the <dao-form> element (its id is "answers"). */
  attributes?: string;
  /** Markup before the element inside the host <form>, e.g. a native question. */
  before?: string;
  /** Markup the host <form> is wrapped in ({{form}}), e.g. a disabled fieldset. */
  wrapper?: string;
}

/** The host page's own script: GOV.UK's components, and the GOV.UK error summary pattern for dao-invalid. */
const HOST_SCRIPT = `import { initAll, ErrorSummary }
  from '/node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js';
document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
window.hostEvents = [];
const form = document.querySelector('dao-form');
document.querySelector('#host').addEventListener('submit', (e) => {
  window.hostEvents.push('submit');
  e.preventDefault();
});
form.addEventListener('dao-invalid', (e) => {
  window.hostEvents.push('dao-invalid');
  if (form.getAttribute('error-summary') !== 'host') return;
  const slot = document.querySelector('#summary-slot');
  slot.innerHTML = '';
  const summary = document.createElement('div');
  summary.className = 'govuk-error-summary';
  summary.setAttribute('data-module', 'govuk-error-summary');
  summary.innerHTML = '<div role="alert"><h2 class="govuk-error-summary__title">There is a problem</h2>'
    + '<div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list"></ul></div></div>';
  for (const { message, href } of e.detail.summary) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = href;
    link.textContent = message;
    item.append(link);
    summary.querySelector('ul').append(item);
  }
  slot.append(summary);
  new ErrorSummary(summary);
});
window.hostReady = true;`;

let pageCount = 0;

export class GovukPage {
  readonly consoleErrors: string[] = [];

  private constructor(readonly page: Page) {
    page.on('console', (m) => m.type() === 'error' && this.consoleErrors.push(m.text()));
    page.on('pageerror', (e) => this.consoleErrors.push(String(e)));
  }

  static async open(
    browser: Browser,
    server: StaticServer,
    schema: unknown,
    options: GovukPageOptions = {},
  ): Promise<GovukPage> {
    const n = ++pageCount;
    server.files.set(`/t/govuk-${n}.json`, JSON.stringify(schema));
    server.files.set('/t/govuk-host.js', HOST_SCRIPT);
    server.files.set(
      '/t/elsewhere.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Elsewhere</title></head>
<body><p>Elsewhere</p></body></html>`,
    );
    const form = `<form id="host" action="/t/elsewhere.html" method="get">${options.before ?? ''}
      <dao-form id="answers" name="answers" no-submit schema-src="/t/govuk-${n}.json" ${options.attributes ?? ''}>
      </dao-form>
      <button type="submit" class="govuk-button" data-module="govuk-button">Continue</button></form>`;
    server.files.set(
      `/t/govuk-${n}.html`,
      `<!doctype html><html lang="en" class="govuk-template"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Apply – GOV.UK</title>
<link rel="stylesheet" href="/node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css">
<script type="module" src="/dist/dao-form.js"></script><script type="module" src="/t/govuk-host.js"></script></head>
<body class="govuk-template__body"><div class="govuk-width-container">
<main class="govuk-main-wrapper" id="main-content">
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds"><div id="summary-slot"></div>
<span class="govuk-caption-l">Apply</span><h1 class="govuk-heading-l" id="page-heading">Your details</h1>
${(options.wrapper ?? '{{form}}').replace('{{form}}', form)}
<a href="/t/elsewhere.html" id="away" class="govuk-link">Go elsewhere</a>
</div></div></main></div></body></html>`,
    );
    const page = await browser.newPage({ viewport: { width: 1024, height: 900 } });
    const govuk = new GovukPage(page);
    await page.goto(`${server.url}/t/govuk-${n}.html`);
    await govuk.ready();
    return govuk;
  }

  async ready(): Promise<void> {
    await this.page.waitForFunction(
      () =>
        (window as unknown as { hostReady?: boolean }).hostReady &&
        document.querySelector('dao-form')?.shadowRoot?.querySelector('dao-field'),
    );
    await this.settle();
  }

  async settle(): Promise<void> {
    await this.page.evaluate(
      () => (document.querySelector('dao-form') as unknown as { updateComplete: Promise<unknown> }).updateComplete,
    );
  }

  async hostEvents(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { hostEvents: string[] }).hostEvents);
  }

  /** Runs a method of the host <form> or of the element ("form.checkValidity", "element.reportValidity"). */
  async call(target: 'form' | 'element', method: string): Promise<unknown> {
    const result = await this.page.evaluate(
      ([t, m]) => {
        const el = t === 'form' ? document.querySelector('#host') : document.querySelector('dao-form');
        return (el as unknown as Record<string, () => unknown>)[m]!();
      },
      [target, method] as const,
    );
    await this.settle();
    return result;
  }

  /** The element focused in the page: inside the form's shadow root, its id or class; else in the page. */
  async focused(): Promise<string> {
    return this.page.evaluate(() => {
      const inner = document.querySelector('dao-form')?.shadowRoot?.activeElement;
      const el = inner ?? document.activeElement;
      return el ? el.id || String(el.className) || el.tagName.toLowerCase() : '';
    });
  }

  async shadow<T>(fn: (root: ShadowRoot) => T): Promise<T> {
    return this.page.evaluate(`(${fn.toString()})(document.querySelector('dao-form').shadowRoot)`) as Promise<T>;
  }

  async internalSummaryShown(): Promise<boolean> {
    return this.page.evaluate(() => !!document.querySelector('dao-form')!.shadowRoot!.querySelector('.error-summary'));
  }

  /**
   * Whether the browser's own validation bubble shows within `windowMs` (it fades in after a report): its orange
   * warning icon's pixels in screenshots taken until it shows or the window ends. On a loaded machine one screenshot
   * and its reading can take over a second, and 1.5 s once missed a native control's bubble: the window is long
   * enough for several looks, so that not seeing one means something.
   */
  async bubbleShown(windowMs = 4000): Promise<boolean> {
    const end = Date.now() + windowMs;
    do {
      if ((await this.bubblePixels()) > 0) return true;
    } while (Date.now() < end);
    return false;
  }

  /** Pixels of the browser's own validation bubble (its orange warning icon) on screen now. */
  async bubblePixels(): Promise<number> {
    const png = (await this.page.screenshot()).toString('base64');
    const scratch = await this.page.context().browser()!.newPage();
    try {
      return await scratch.evaluate(async (b64) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        [canvas.width, canvas.height] = [img.width, img.height];
        const context = canvas.getContext('2d')!;
        context.drawImage(img, 0, 0);
        const d = context.getImageData(0, 0, img.width, img.height).data;
        let count = 0;
        for (let i = 0; i < d.length; i += 4)
          if (Math.abs(d[i]! - 237) < 12 && Math.abs(d[i + 1]! - 96) < 25 && d[i + 2]! < 40) count++;
        return count;
      }, png);
    } finally {
      await scratch.close();
    }
  }

  async axe(): Promise<AxeViolation[]> {
    return runAxe(this.page);
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
