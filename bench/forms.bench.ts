// forms.bundleGzipKB: the size of dist/dao-form.js (Lit, the widgets of any JSON Schema and the built-in JSON Schema
// validator included), gzip; forms.bundleGzipKBWithoutValidator: the same module built without the validator (its
// interpreter and formats left out), to show what the validator costs. dao-form-extensions.js (this product's own
// widgets and computed answers, loaded only by forms that use them) is measured apart: forms.extensionsGzipKB.
// forms.renderRatioVsRjsf: median time to first render of the Behaviour Inventory by <dao-form> over @rjsf/core
// (+ @rjsf/validator-ajv8, React 19) on the same schema, in the same Chromium run; each render in a fresh page.
import { build, type Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundleModule, FORM_ELEMENT_PLUGINS } from '../scripts/build-forms-ui.js';
import { launchChromium } from '../test/browser/support/browser.js';
import { REPO_ROOT, ensureBuilt } from '../test/browser/support/build.js';
import { startStaticServer } from '../test/browser/support/static-server.js';
import { median, round, type BenchResult } from './stats.js';

const ROUNDS = 15;

const RJSF_ENTRY = `
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
window.renderForm = (schema) => {
  const host = document.createElement('div');
  document.body.append(host);
  const start = performance.now();
  const root = createRoot(host);
  flushSync(() => root.render(createElement(Form, { schema, validator })));
  void document.body.offsetHeight;
  return performance.now() - start;
};`;

// The extensions module is loaded before the clock starts, as the peer's bundle is: the form finds it loaded.
const DAO_ENTRY = `
import '/dist/dao-form.js';
import '/dist/dao-form-extensions.js';
window.renderForm = async (schema) => {
  const form = document.createElement('dao-form');
  document.body.append(form);
  const start = performance.now();
  form.schema = schema;
  await form.updateComplete;
  void document.body.offsetHeight;
  return performance.now() - start;
};`;

/** The schema without our x- keywords, for a peer that does not know them. */
function plain(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(plain);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([k]) => !k.startsWith('x-'))
      .map(([k, v]) => [k, plain(v)]),
  );
}

async function bundleEntry(entry: string): Promise<string> {
  const result = await build({
    stdin: { contents: entry, resolveDir: REPO_ROOT, loader: 'js' },
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return result.outputFiles[0]!.text;
}

async function frequencyGridForm(forms: string[]): Promise<Record<string, unknown> | undefined> {
  for (const id of forms) {
    const schema = JSON.parse(await readFile(join(REPO_ROOT, 'dist/schemas', `${id}.json`), 'utf8')) as Record<
      string,
      unknown
    >;
    if (JSON.stringify(schema).includes('"x-widget":"frequency-grid"')) return schema;
  }
  return undefined;
}

async function renderRatio(forms: string[]): Promise<BenchResult[]> {
  const schema = await frequencyGridForm(forms);
  if (!schema) return [];
  const server = await startStaticServer(REPO_ROOT);
  const browser = await launchChromium();
  try {
    server.files.set('/bench/rjsf.js', await bundleEntry(RJSF_ENTRY));
    server.files.set('/bench/dao.js', DAO_ENTRY);
    const inputs = { dao: schema, rjsf: plain(schema) };
    const times: Record<'dao' | 'rjsf', number[]> = { dao: [], rjsf: [] };
    for (let i = 0; i < ROUNDS; i++) {
      for (const peer of ['dao', 'rjsf'] as const) {
        server.files.set(
          `/bench/${peer}.html`,
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${peer}</title><script type="module" ` +
            `src="/bench/${peer}.js"></script></head><body></body></html>`,
        );
        const page = await browser.newPage();
        await page.goto(`${server.url}/bench/${peer}.html`);
        await page.waitForFunction(() => 'renderForm' in window);
        const ms = await page.evaluate(
          (s) => (window as unknown as { renderForm(s: unknown): number | Promise<number> }).renderForm(s),
          inputs[peer],
        );
        times[peer].push(ms);
        await page.close();
      }
    }
    const dao = median(times.dao);
    const rjsf = median(times.rjsf);
    return [
      {
        key: 'forms.renderMsDaoForm',
        value: round(dao, 1),
        unit: 'ms',
        note: `median of ${ROUNDS}, ${String(schema.$id)}`,
      },
      { key: 'forms.renderMsRjsf', value: round(rjsf, 1), unit: 'ms', note: '@rjsf/core + validator-ajv8, React 19' },
      {
        key: 'forms.renderRatioVsRjsf',
        value: round(dao / rjsf, 2),
        unit: '×',
        goal: '≤ 0.5',
        note: '<dao-form> ÷ @rjsf/core, time to first render',
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The built-in validator left out: every schema passes (measurement only). */
const withoutValidator: Plugin = {
  name: 'without-validator',
  setup(b) {
    const stubs: [RegExp, string][] = [
      [
        /json-schema\/index\.js$/,
        'export const compileSchema = () => () => true; export const schemaMatches = () => true;',
      ],
      [/json-schema\/formats\.js$/, 'export const checkFormat = () => true;'],
    ];
    for (const [filter, contents] of stubs) {
      b.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'stub' }));
      b.onLoad({ filter, namespace: 'stub' }, () => ({ contents, loader: 'js' }));
    }
  },
};

const gzipKB = (code: string | Buffer) => round(gzipSync(code).length / 1024, 1);

export async function benchForms(): Promise<BenchResult[]> {
  const forms = await ensureBuilt();
  const bundle = await readFile(join(REPO_ROOT, 'dist/dao-form.js'));
  const without = await bundleModule('forms-ui/src/dao-form.ts', [withoutValidator, ...FORM_ELEMENT_PLUGINS]);
  const extensions = await readFile(join(REPO_ROOT, 'dist/dao-form-extensions.js'));
  const results: BenchResult[] = [
    {
      key: 'forms.bundleGzipKB',
      value: gzipKB(bundle),
      unit: 'KB',
      goal: '≤ 30',
      note: 'dist/dao-form.js: Lit, the widgets of any JSON Schema, the built-in validator',
    },
    {
      key: 'forms.bundleGzipKBWithoutValidator',
      value: gzipKB(without),
      unit: 'KB',
      note: 'the same without the built-in validator',
    },
    {
      key: 'forms.extensionsGzipKB',
      value: gzipKB(extensions),
      unit: 'KB',
      note: 'dist/dao-form-extensions.js: this product’s widgets and x-compute, loaded only by forms that use them',
    },
  ];
  return [...results, ...(await renderRatio(forms))];
}

if (process.argv[1]?.endsWith('forms.bench.ts')) console.table(await benchForms());
