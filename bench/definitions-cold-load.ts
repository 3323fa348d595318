// Child process: one cold load, validate and compile of all definitions, printed as milliseconds.
import { performance } from 'node:perf_hooks';
import { checkDefinitions } from '../engine/definitions/check.js';
import { readDefinitionFiles } from '../engine/definitions/read-files.js';

const started = performance.now();
const { problems, compiled } = checkDefinitions(await readDefinitionFiles(process.argv[2] ?? 'definitions'));
const ms = performance.now() - started;
if (!compiled) {
  console.error(`definitions have ${problems.length} problems`);
  process.exit(1);
}
console.log(JSON.stringify({ ms, pathways: compiled.pathways.size, forms: compiled.forms.size }));
