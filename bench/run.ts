// npm run bench: runs every benchmark, prints a table and writes bench/results.json.
import { cpus, totalmem } from 'node:os';
import { writeFile } from 'node:fs/promises';
import { benchDefinitions } from './definitions.bench.js';
import { benchEngine } from './engine.bench.js';
import type { BenchResult } from './stats.js';

const suites: [string, () => Promise<BenchResult[]>][] = [
  ['definitions', () => benchDefinitions()],
  ['engine', () => benchEngine()],
];

const results: BenchResult[] = [];
for (const [name, suite] of suites) {
  process.stderr.write(`running ${name}…\n`);
  results.push(...(await suite()));
}
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`\nMachine: ${machine}\n`);
console.log('| key | value | goal | note |\n|---|---|---|---|');
for (const r of results) console.log(`| ${r.key} | ${r.value} ${r.unit} | ${r.goal ?? ''} | ${r.note ?? ''} |`);
const json: Record<string, unknown> = { machine, date: new Date().toISOString() };
for (const r of results) json[r.key] = r.value;
await writeFile('bench/results.json', JSON.stringify(json, null, 2) + '\n');
