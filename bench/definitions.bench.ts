// definitions.coldLoadMs: median, over fresh processes with nothing cached, of the time to read, validate, lint and
// compile what a server reads to start (as from a fresh clone): every definition but the scenarios, which are read
// only when run or checked for publishing. definitions.coldLoadWithScenariosMs: the same with the scenarios read and
// checked too (`npm run check:definitions`, the editor's checks). definitions.cachedLoadMs: a server's start with the
// values of the files read back from a cache folder filled by a run before (as at its next start). The processes'
// CPU time is noted beside each: on a shared machine it moves less than the wall time. definitions.yamlColdMs: the
// same fresh processes' reading of those files by `yaml` alone (the one YAML parser, keeping positions), the part of
// a cold load that the engine's own work sits on top of.
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

interface YamlRun {
  ms: number;
  cpuMs: number;
  files: number;
}

function loadOnce(options: { cacheDir?: string; withScenarios?: boolean; yamlOnly?: true } = {}): Run {
  const args = ['bench/definitions-cold-load.ts'];
  if (options.cacheDir) args.push('--cache', options.cacheDir);
  if (options.withScenarios) args.push('--with-scenarios');
  if (options.yamlOnly) args.push('--yaml-only');
  return JSON.parse(execFileSync('node_modules/.bin/tsx', args, { encoding: 'utf8' })) as Run;
}

function yamlOnce(): YamlRun {
  return loadOnce({ yamlOnly: true }) as unknown as YamlRun;
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

function yamlSummary(runs: YamlRun[], coldMs: number): BenchResult {
  const times = runs.map((r) => r.ms);
  const ms = median(times);
  const spread = `${round(Math.min(...times), 0)}–${round(Math.max(...times), 0)} ms`;
  const cpu = round(median(runs.map((r) => r.cpuMs)), 0);
  const share = `${round((100 * ms) / coldMs, 0)} % of definitions.coldLoadMs in the same rounds`;
  const note = `${runs[0]!.files} files read by yaml alone (no lint, no compile); ${runs.length} fresh processes (${spread}; CPU median ${cpu} ms); ${share}`;
  return { key: 'definitions.yamlColdMs', value: round(ms, 1), unit: 'ms', note };
}

export async function benchDefinitions(runs = 9): Promise<BenchResult[]> {
  const cold: Run[] = [];
  const withScenarios: Run[] = [];
  const cached: Run[] = [];
  const yamlAlone: YamlRun[] = [];
  const cacheDir = mkdtempSync(join(tmpdir(), 'dao-bench-parse-cache-'));
  try {
    // Side by side, round by round: the machine's speed moves from one minute to the next.
    loadOnce({ cacheDir });
    for (let i = 0; i < runs; i++) {
      cold.push(loadOnce());
      withScenarios.push(loadOnce({ withScenarios: true }));
      cached.push(loadOnce({ cacheDir }));
      yamlAlone.push(yamlOnce());
    }
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
  return [
    summary('definitions.coldLoadMs', '≤ 500', cold, 'nothing cached, what a server reads to start'),
    summary('definitions.coldLoadWithScenariosMs', undefined, withScenarios, 'nothing cached, scenarios read too'),
    summary('definitions.cachedLoadMs', undefined, cached, 'files read back from a cache folder'),
    yamlSummary(yamlAlone, median(cold.map((r) => r.ms))),
  ];
}
