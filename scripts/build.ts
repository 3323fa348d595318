// npm run build: the engine and the server compiled to build/ (tsconfig.build.json) in the same tree as their source,
// so that build/server/main.js is what npm start runs and finds the project's files as the source does; the JavaScript
// modules among the sources (generated validators) copied beside the compiled ones; and, at the same time, the web app
// and the embeddable form bundled into dist/ (build-forms-ui.ts).
import { spawn } from 'node:child_process';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFormsUi } from './build-forms-ui.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BUILD_DIR = join(root, 'build');
/** What tsconfig.build.json compiles: the server and everything it imports from the engine. */
const COMPILED_FOLDERS = ['engine', 'server'];
const JAVASCRIPT = /\.(?:js|mjs|cjs)$/;

function compileTypeScript(): Promise<void> {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
    child.once('error', fail);
    child.once('exit', (code) => {
      if (code === 0) done();
      else fail(new Error(`tsc -p tsconfig.build.json failed (exit ${code}): see above`));
    });
  });
}

/** tsc emits only what it compiles: a JavaScript module of the sources is copied to the same place in build/. */
async function copyJavaScriptModules(): Promise<number> {
  let copied = 0;
  for (const folder of COMPILED_FOLDERS) {
    const files = (await readdir(join(root, folder), { recursive: true })).filter((file) => JAVASCRIPT.test(file));
    for (const file of files) {
      await mkdir(dirname(join(BUILD_DIR, folder, file)), { recursive: true });
      await copyFile(join(root, folder, file), join(BUILD_DIR, folder, file));
      copied++;
    }
  }
  return copied;
}

export async function build(): Promise<string> {
  const [, , forms] = await Promise.all([compileTypeScript(), copyJavaScriptModules(), buildFormsUi()]);
  const kb = (forms.bytes / 1024).toFixed(1);
  return `build/ compiled; dist/app/; dist/dao-form.js ${kb} KB; ${forms.forms.length} forms' schemas and validators`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(await build());
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
