// npm run gen:validators: writes the validators of fixed schemas as ajv standalone code (see engine/definitions/generated-validators.ts).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { generatedValidators } from '../engine/definitions/generated-validators.js';

for (const [path, text] of Object.entries(generatedValidators())) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
  console.log(`wrote ${path}`);
}
