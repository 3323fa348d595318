// npm run gen:validators: writes the validators of fixed schemas and of the forms of definitions/ as ajv standalone code (see engine/definitions/generated-validators.ts).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { generatedValidators } from '../engine/definitions/generated-validators.js';

for (const [path, text] of Object.entries(await generatedValidators())) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
  console.log(`wrote ${path}`);
}
