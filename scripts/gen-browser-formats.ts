// Writes forms-ui/src/core/json-schema/ajv-formats.generated.ts: ajv-formats' own "full" formats (the ones the
// server's ajv checks with) as an ES module, with what the browser's validator does not use left for the bundler to
// drop (the comparisons behind formatMinimum/formatMaximum) or left out (its "fast" formats). An ES module, as
// ajv-formats ships CommonJS, which would cost the bundle a CommonJS wrapper and all of it. A test fails when stale.
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BROWSER_FORMATS_FILE = join(root, 'forms-ui/src/core/json-schema/ajv-formats.generated.ts');

export async function browserFormatsModule(): Promise<string> {
  const require = createRequire(import.meta.url);
  const source = await readFile(require.resolve('ajv-formats/dist/formats.js'), 'utf8');
  const { version } = JSON.parse(await readFile(require.resolve('ajv-formats/package.json'), 'utf8')) as {
    version: string;
  };
  const steps: [RegExp, string][] = [
    [/^"use strict";\n/, ''],
    [/^Object\.defineProperty\(exports, "__esModule", \{ value: true \}\);\n/m, ''],
    [/^exports\.formatNames = exports\.fastFormats = exports\.fullFormats = void 0;\n/m, ''],
    [/^exports\.fastFormats = \{[\s\S]*?^\};\n/m, ''],
    [/^exports\.formatNames = .*\n/m, ''],
    [/^exports\.fullFormats = /m, 'export const fullFormats = '],
    [/fmtDef\(([^,()]+(?:\([^)]*\))?), compare\w+\)/g, 'fmtDef($1)'],
    [/\/\/# sourceMappingURL=.*\n?$/, ''],
  ];
  let text = source;
  for (const [pattern, replacement] of steps) {
    if (!pattern.test(text))
      throw new Error(`ajv-formats ${version} no longer has ${pattern.source}: update scripts/gen-browser-formats.ts`);
    text = text.replace(pattern, replacement);
  }
  if (/\bexports\.|\brequire\(/.test(text))
    throw new Error('ajv-formats/dist/formats.js is not a self-contained CommonJS module any more');
  const origin = `ajv-formats ${version} (MIT, Copyright (c) 2020 Evgeny Poberezkin) by scripts/gen-browser-formats.ts`;
  return `// Generated from ${origin}.\n// Do not edit.\n// @ts-nocheck\n${text}`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await writeFile(BROWSER_FORMATS_FILE, await browserFormatsModule());
  console.log(`wrote ${BROWSER_FORMATS_FILE}`);
}
