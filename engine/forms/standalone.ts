// A form's validator as one self-contained ES module (ajv standalone code), for the browser: the same checks as the
// server's compiled validator, with no `new Function` or `eval` at run time, so it works under a strict CSP.
import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { createFormAjv } from './ajv.js';

// ajv ships CommonJS: under NodeNext the function is the default export's `default`.
const standaloneCode = ((standaloneModule as unknown as { default?: unknown }).default ??
  standaloneModule) as typeof standaloneModule.default;

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * ES module source exporting the form's validate function as `validate` and as the default export:
 * `validate(answers) → boolean`, with ajv's errors on `validate.errors` (turn them into messages with `toFieldErrors`).
 * ajv's generated code `require`s a few runtime helpers (string length, formats, deep equality); they are bundled in.
 */
export function standaloneValidatorModule(formSchema: Record<string, unknown>): string {
  const ajv = createFormAjv({ code: { source: true, esm: true } });
  const validate = ajv.compile(formSchema);
  const source = standaloneCode(ajv, validate);
  const id = typeof formSchema.$id === 'string' ? formSchema.$id : 'form';
  const result = buildSync({
    stdin: { contents: source, resolveDir: projectRoot, sourcefile: `${id}.validator.js`, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const text = result.outputFiles[0]!.text;
  return `// Generated from form "${id}" version ${String(formSchema['x-version'] ?? 1)} by engine/forms/standalone.ts. Do not edit.\n${text}`;
}
