// npm run gen:types: writes engine/generated/forms/*.ts from the form definitions.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { loadDefinitions } from '../definitions/load.js';
import { readDefinitionFiles } from '../definitions/read-files.js';
import { generateFormTypes } from '../forms/generate-types.js';

const out = 'engine/generated/forms';
const { set } = loadDefinitions(await readDefinitionFiles('definitions'));
const files = await generateFormTypes(set);
await mkdir(out, { recursive: true });
for (const name of await readdir(out)) if (!(name in files)) await rm(`${out}/${name}`);
for (const [name, text] of Object.entries(files)) await writeFile(`${out}/${name}`, text);
console.log(`wrote ${Object.keys(files).length} files to ${out}`);
