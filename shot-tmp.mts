import { launchChromium } from './test/browser/support/browser.js';
import { startStaticServer } from './test/browser/support/static-server.js';
import { ensureBuilt, REPO_ROOT } from './test/browser/support/build.js';
import { loadCorpus } from './test/fixtures/schema-corpus.js';
await ensureBuilt();
const server = await startStaticServer(REPO_ROOT);
const browser = await launchChromium();
const names = process.argv.slice(2);
for (const e of loadCorpus().filter((e) => names.some((n) => e.name.startsWith(n)))) {
  server.files.set('/t/s.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title><script type="module" src="/dist/dao-form.js"></script></head><body><main><dao-form id="form"></dao-form></main></body></html>`);
  const page = await browser.newPage({ timezoneId: 'UTC', viewport: { width: 900, height: 900 } });
  page.on('console', (m) => console.log(e.name, m.type(), m.text()));
  await page.goto(`${server.url}/t/s.html`);
  const mode = process.env.MODE ?? 'valid';
  const datum = mode === 'valid' ? e.valid[0]!.data : e.invalid[0]!.data;
  await page.evaluate(async ([s, d, m]) => { const f = document.querySelector('dao-form') as any; f.schema = s; f.data = d; await f.updateComplete; if (m !== 'valid') { f.validate(); await f.updateComplete; } }, [e.schema, datum, mode] as const);
  await page.screenshot({ path: `/tmp/daoform-work/exp/${e.name}-${mode}.png`, fullPage: true });
  await page.close();
}
await browser.close(); await server.close();
