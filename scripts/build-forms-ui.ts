// npm run build: dist/dao-form.js (one minified ES module, Lit included; with dao-form-extensions.js, loaded by forms
// that use this product's own widgets or computed answers), dist/app/ (the web app) and, for every protocol form,
// dist/schemas/<id>.json (as served: placeholders filled) and dist/validators/<id>.js (its standalone validator),
// with dist/schemas/index.json listing them. The browser tests run it too (test/browser/support/build.ts).
import { build, type Plugin } from 'esbuild';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDefinitions } from '../engine/definitions/load.js';
import { readDefinitionFiles } from '../engine/definitions/read-files.js';
import { standaloneValidatorModule } from '../engine/forms/standalone.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Writes through a temporary file, so test processes building at once never read half a file. */
async function writeAtomic(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, text);
  await rename(temp, file);
}

export const FORBIDDEN_IN_BUNDLE = [/new Function/, /\beval\(/];

/**
 * This product's extensions (its own widgets, and computed answers with engine/forms/compute.ts and its JSON Logic)
 * are a module of their own next to dist/dao-form.js, dao-form-extensions.js, loaded only by the forms that use them
 * (forms-ui/src/extensions.ts). It is self-contained (its own copy of what it shares with dao-form.js, Lit's html
 * included): a portal's page loads dao-form.js alone.
 */
const extensionsAsFile: Plugin = {
  name: 'extensions-as-file',
  setup(b) {
    b.onResolve({ filter: /\/product-extensions\.js$/ }, (args) =>
      args.importer.endsWith('extensions.ts') ? { path: './dao-form-extensions.js', external: true } : undefined,
    );
  },
};

/** One entry point as one minified ES module for the browser (no eval: checked). */
export async function bundleModule(entry: string, plugins: Plugin[]): Promise<string> {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    plugins,
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.text;
  const found = FORBIDDEN_IN_BUNDLE.find((pattern) => pattern.test(code));
  if (found) throw new Error(`${entry} built must not contain ${found.source}: it would need 'unsafe-eval'`);
  return code;
}

export const FORM_ELEMENT_PLUGINS = [extensionsAsFile];

export async function bundleFormElement(outDir: string): Promise<string> {
  const [code, extensions] = await Promise.all([
    bundleModule('forms-ui/src/dao-form.ts', FORM_ELEMENT_PLUGINS),
    bundleModule('forms-ui/src/product-extensions.ts', []),
  ]);
  await Promise.all([
    writeAtomic(join(outDir, 'dao-form.js'), code),
    writeAtomic(join(outDir, 'dao-form-extensions.js'), extensions),
  ]);
  return code;
}

export async function buildFormAssets(outDir: string, definitionsDir = join(root, 'definitions')): Promise<string[]> {
  const { set } = loadDefinitions(await readDefinitionFiles(definitionsDir));
  const built: string[] = [];
  for (const [id, form] of [...set.forms].sort(([a], [b]) => a.localeCompare(b))) {
    if (set.broken.forms.has(id)) continue;
    try {
      const validator = standaloneValidatorModule(form.data);
      await writeAtomic(join(outDir, 'validators', `${id}.js`), validator);
      await writeAtomic(join(outDir, 'schemas', `${id}.json`), JSON.stringify(form.data, null, 2) + '\n');
      built.push(id);
    } catch (error) {
      process.stderr.write(`build-forms-ui: skipped form "${id}": ${(error as Error).message}\n`);
    }
  }
  await writeAtomic(join(outDir, 'schemas', 'index.json'), JSON.stringify(built, null, 2) + '\n');
  return built;
}

/**
 * The web app (forms-ui/src/app/main.ts, <dao-form> included) as app.js plus chunks loaded on demand (the definition
 * editor and its code editor). Returns the files by name; with `outDir`, also writes them to outDir/app/.
 */
export async function bundleWebApp(outDir?: string): Promise<Map<string, string>> {
  const result = await build({
    entryPoints: { app: join(root, 'forms-ui/src/app/main.ts') },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2021',
    minify: true,
    legalComments: 'none',
    chunkNames: 'chunk-[hash]',
    outdir: join(root, 'dist/app'),
    write: false,
    logLevel: 'silent',
  });
  const files = new Map(result.outputFiles.map((file) => [file.path.split(/[\\/]/).pop()!, file.text]));
  for (const [name, code] of files) {
    const found = FORBIDDEN_IN_BUNDLE.find((pattern) => pattern.test(code));
    if (found) throw new Error(`dist/app/${name} must not contain ${found.source}: it would need 'unsafe-eval'`);
  }
  if (outDir) await Promise.all([...files].map(([name, code]) => writeAtomic(join(outDir, 'app', name), code)));
  return files;
}

export async function buildFormsUi(outDir = join(root, 'dist')): Promise<{ bytes: number; forms: string[] }> {
  const [code, forms] = await Promise.all([bundleFormElement(outDir), buildFormAssets(outDir), bundleWebApp(outDir)]);
  return { bytes: Buffer.byteLength(code), forms };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { bytes, forms } = await buildFormsUi();
  console.log(
    `dist/dao-form.js ${(bytes / 1024).toFixed(1)} KB; ${forms.length} forms in dist/schemas and dist/validators`,
  );
}
