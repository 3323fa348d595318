// npm run gen:types [-- OUT_DIR [DEFINITIONS_DIR]]: writes the TypeScript type of every form's answers, one module per
// form and an index, for a host developer's code. The default folder is git-ignored: nothing generated is committed.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadDefinitions } from '../definitions/load.js';
import { formatProblem } from '../definitions/problems.js';
import { readDefinitionFiles } from '../definitions/read-files.js';
import { generateFormTypes } from '../forms/generate-types.js';

const DEFAULT_TYPES_DIR = 'dist/types/forms';

const [out = DEFAULT_TYPES_DIR, dir = 'definitions'] = process.argv.slice(2);
const { set, problems } = loadDefinitions(await readDefinitionFiles(dir), dir);
if (problems.length > 0) {
  console.error(problems.map(formatProblem).join('\n'));
  process.exit(1);
}
const files = await generateFormTypes(set);
await mkdir(out, { recursive: true });
// Modules of forms that are gone are removed, so the folder is exactly the forms of now.
for (const name of await readdir(out)) if (name.endsWith('.ts') && !(name in files)) await rm(join(out, name));
for (const [name, text] of Object.entries(files)) await writeFile(join(out, name), text);
console.log(`wrote ${Object.keys(files).length} files to ${out}`);
