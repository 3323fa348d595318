// npm run gen:validators: writes the validators of the engine's own meta-schemas as ajv standalone code
// (see engine/definitions/precompile-meta-validators.ts). Nothing is generated from definitions/.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { generatedValidators } from '../engine/definitions/precompile-meta-validators.js';

for (const [path, text] of Object.entries(generatedValidators())) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
  console.log(`wrote ${path}`);
}
