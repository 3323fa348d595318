// Child process: one load, validate and compile of the definitions, printed as milliseconds (wall and CPU).
// `tsx bench/definitions-cold-load.ts [DIR] [--cache CACHE_DIR] [--with-scenarios] [--yaml-only]`: what a server reads
// to start,
// which leaves the scenarios unread (`--with-scenarios` reads and checks them too, as `npm run check:definitions` and
// the editor's checks do). Without --cache nothing is kept or read back, so every form is compiled and every file read
// by `yaml`; with it, values of files read before are read back from CACHE_DIR as the server does from its data folder
// (and new ones kept there). `--yaml-only` times `yaml` alone reading the same files (parseSource, as the load does,
// with nothing cached), and nothing else: the floor that no change to the engine can go below.
import { performance } from 'node:perf_hooks';
import { checkDefinitions } from '../engine/definitions/check.js';
import { folderParseCache } from '../engine/definitions/parse-cache.js';
import { readDefinitionFiles } from '../engine/definitions/read-files.js';
import { parseSource, YAML_READING } from '../engine/definitions/source.js';

const args = process.argv.slice(2);
const cacheAt = args.indexOf('--cache');
const cacheDir = cacheAt >= 0 ? args.splice(cacheAt, 2)[1] : undefined;
const scenariosAt = args.indexOf('--with-scenarios');
const withScenarios = scenariosAt >= 0 && args.splice(scenariosAt, 1).length > 0;
const yamlOnlyAt = args.indexOf('--yaml-only');
const yamlOnly = yamlOnlyAt >= 0 && args.splice(yamlOnlyAt, 1).length > 0;
const parseCache = cacheDir ? folderParseCache(cacheDir, YAML_READING) : undefined;

const cpuBefore = process.cpuUsage();
const started = performance.now();
const files = await readDefinitionFiles(args[0] ?? 'definitions');
if (yamlOnly) {
  let parsed = 0;
  for (const [file, text] of Object.entries(files)) {
    if (file.startsWith('scenarios/')) continue;
    if (parseSource(file, text).problems.length) throw new Error(`${file} does not parse`);
    parsed++;
  }
  const cpu = process.cpuUsage(cpuBefore);
  const ms = performance.now() - started;
  console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, files: parsed }));
  process.exit(0);
}
const options = { withScenarios, ...(parseCache ? { parseCache } : {}) };
const { problems, compiled } = checkDefinitions(files, 'definitions', options);
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
if (!compiled) {
  console.error(`definitions have ${problems.length} problems`);
  process.exit(1);
}
const cpuMs = (cpu.user + cpu.system) / 1000;
const counts = { pathways: compiled.pathways.size, forms: compiled.forms.size, scenarios: compiled.set.scenarios.size };
console.log(JSON.stringify({ ms, cpuMs, ...counts }));
