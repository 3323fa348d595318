// npm run bench: runs every benchmark, prints a table and writes bench/results.json. A suite that fails is reported
// and the others still run; the exit code is then 1. LOAD_SECONDS / CRASH_SECONDS shorten the long runs.
import { cpus, totalmem } from 'node:os';
import { readFile, writeFile } from 'node:fs/promises';
import { benchCrash } from './crash.bench.js';
import { benchDefinitions } from './definitions.bench.js';
import { benchEngine } from './engine.bench.js';
import { benchForms } from './forms.bench.js';
import { benchHttp } from './http.bench.js';
import { benchList } from './list.bench.js';
import { benchLoad } from './load.bench.js';
import { benchReports } from './reports.bench.js';
import type { BenchResult } from './stats.js';

const suites: [string, () => Promise<BenchResult[]>][] = [
  ['definitions', () => benchDefinitions()],
  ['engine', () => benchEngine()],
  ['http', () => benchHttp()],
  ['forms', () => benchForms()],
  ['list', () => benchList()],
  ['reports', () => benchReports()],
  ['load', () => benchLoad()],
  ['crash', () => benchCrash()],
];

const only = process.argv.slice(2);
const results: BenchResult[] = [];
const failed: string[] = [];
for (const [name, suite] of suites) {
  if (only.length && !only.includes(name)) continue;
  process.stderr.write(`running ${name}…\n`);
  const started = Date.now();
  try {
    results.push(...(await suite()));
  } catch (error) {
    failed.push(name);
    process.stderr.write(
      `${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.stderr.write(`${name}: ${Math.round((Date.now() - started) / 1000)} s\n`);
}
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`\nMachine: ${machine}\n`);
console.log('| key | value | goal | note |\n|---|---|---|---|');
for (const r of results) console.log(`| ${r.key} | ${r.value} ${r.unit} | ${r.goal ?? ''} | ${r.note ?? ''} |`);
if (failed.length) console.log(`\nFailed: ${failed.join(', ')} (see above)`);
const json: Record<string, unknown> = { machine, date: new Date().toISOString() };
for (const r of results) json[r.key] = r.value;
// A partial run (`npm run bench -- http load`) keeps the other figures of the last full run.
if (only.length) {
  const previous = JSON.parse(await readFile('bench/results.json', 'utf8').catch(() => '{}')) as Record<
    string,
    unknown
  >;
  for (const [key, value] of Object.entries(previous)) if (!(key in json)) json[key] = value;
}
await writeFile('bench/results.json', JSON.stringify(json, null, 2) + '\n');
if (failed.length) process.exitCode = 1;
