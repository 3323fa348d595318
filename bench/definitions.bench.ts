// definitions.coldLoadMs: median, over fresh processes with nothing cached, of the time to read, validate, lint and
// compile what a server reads to start (as from a fresh clone): every definition but the scenarios, which are read
// only when run or checked for publishing. definitions.coldLoadWithScenariosMs: the same with the scenarios read and
// checked too (`npm run check:definitions`, the editor's checks). definitions.cachedLoadMs: a server's start with the
// values of the files read back from a cache folder filled by a run before (as at its next start). The processes'
// CPU time is noted beside each: on a shared machine it moves less than the wall time.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, round, type BenchResult } from './stats.js';

interface Run {
  ms: number;
  cpuMs: number;
  pathways: number;
  forms: number;
  scenarios: number;
}

function loadOnce(options: { cacheDir?: string; withScenarios?: boolean } = {}): Run {
  const args = ['bench/definitions-cold-load.ts'];
  if (options.cacheDir) args.push('--cache', options.cacheDir);
  if (options.withScenarios) args.push('--with-scenarios');
  return JSON.parse(execFileSync('node_modules/.bin/tsx', args, { encoding: 'utf8' })) as Run;
}

function summary(key: string, goal: string | undefined, runs: Run[], how: string): BenchResult {
  const times = runs.map((r) => r.ms);
  const { pathways, forms, scenarios } = runs[0]!;
  const spread = `${round(Math.min(...times), 0)}–${round(Math.max(...times), 0)} ms`;
  const cpu = round(median(runs.map((r) => r.cpuMs)), 0);
  const sizes = `${pathways} pathways, ${forms} forms, ${scenarios} scenarios`;
  const note = `${sizes}; ${runs.length} fresh processes, ${how} (${spread}; CPU median ${cpu} ms)`;
  return { key, value: round(median(times), 1), unit: 'ms', ...(goal ? { goal } : {}), note };
}

export async function benchDefinitions(runs = 9): Promise<BenchResult[]> {
  const cold: Run[] = [];
  const withScenarios: Run[] = [];
  const cached: Run[] = [];
  const cacheDir = mkdtempSync(join(tmpdir(), 'dao-bench-parse-cache-'));
  try {
    // Side by side, round by round: the machine's speed moves from one minute to the next.
    loadOnce({ cacheDir });
    for (let i = 0; i < runs; i++) {
      cold.push(loadOnce());
      withScenarios.push(loadOnce({ withScenarios: true }));
      cached.push(loadOnce({ cacheDir }));
    }
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
  return [
    summary('definitions.coldLoadMs', '≤ 500', cold, 'nothing cached, what a server reads to start'),
    summary('definitions.coldLoadWithScenariosMs', undefined, withScenarios, 'nothing cached, scenarios read too'),
    summary('definitions.cachedLoadMs', undefined, cached, 'files read back from a cache folder'),
  ];
}
