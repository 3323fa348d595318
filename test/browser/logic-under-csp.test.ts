// Issue 22: the one JSON Logic evaluator (engine/expressions/logic.ts) runs in a page whose Content-Security-Policy
// has no 'unsafe-eval' (the static server's STRICT_CSP), where `new Function` is refused: every jsonlogic.com example
// gives there what it gives in Node, and <dao-form> shows a computed answer worked out by it.
import { build } from 'esbuild';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateLogic } from '../../engine/expressions/logic.js';
import { LOGIC_EXAMPLES } from '../engine/logic-examples.js';
import { REPO_ROOT, ensureBuilt } from './support/build.js';
import { serveFixture } from './support/fixture-form.js';
import { FormPage } from './support/form-page.js';
import { useBrowserSession } from './support/session.js';

await ensureBuilt();
const session = useBrowserSession();

/** Runs in the page (a module file: the policy allows no inline script), and leaves what it found on `window`. */
const CHECK = `import { evaluateLogic } from './logic.js';
const cases = await (await fetch('/t/logic-cases.json')).json();
let evalAllowed = true;
try { new Function('return 1')(); } catch { evalAllowed = false; }
window.logicCheck = { evalAllowed, results: cases.map(([expression, data]) => evaluateLogic(expression, data)) };
`;

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [join(REPO_ROOT, 'engine/expressions/logic.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2021',
    write: false,
    logLevel: 'silent',
  });
  session.server.files.set('/t/logic.js', bundle.outputFiles[0]!.text);
  session.server.files.set('/t/logic-check.js', CHECK);
  session.server.files.set('/t/logic-cases.json', JSON.stringify(LOGIC_EXAMPLES));
  session.server.files.set(
    '/t/logic.html',
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Logic</title>' +
      '<script type="module" src="/t/logic-check.js"></script></head><body></body></html>',
  );
});

describe('JSON Logic in the browser', () => {
  it('should evaluate every example as in Node, in a page where eval is refused', async () => {
    const page = await session.browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => m.type() === 'error' && violations.push(m.text()));
    try {
      await page.goto(`${session.server.url}/t/logic.html`);
      await page.waitForFunction(() => 'logicCheck' in window);
      const found = await page.evaluate(
        () => (window as unknown as { logicCheck: { evalAllowed: boolean; results: unknown[] } }).logicCheck,
      );
      // the page forbids eval: a `new Function` there is refused (and Chromium logs that refusal)
      expect(found.evalAllowed).toBe(false);
      expect(violations.filter((v) => !v.includes("'unsafe-eval'"))).toEqual([]);
      // and the evaluator still gives what it gives in Node, example by example
      expect(found.results).toEqual(LOGIC_EXAMPLES.map(([expression, data]) => evaluateLogic(expression, data)));
      expect(found.results).toEqual(LOGIC_EXAMPLES.map(([, , result]) => result));
    } finally {
      await page.close();
    }
  });

  it('should show a computed answer in <dao-form> under the strict policy', async () => {
    const form = await FormPage.open(session.browser, session.server, serveFixture(session.server));
    try {
      await form.element.getByLabel('How many?').fill('4');
      await form.settle();
      expect(await form.element.locator('output').textContent()).toBe('8');
      expect(form.consoleErrors).toEqual([]);
    } finally {
      await form.close();
    }
  });
});
