// definitions.coldLoadMs: median, over fresh processes, of the time to read, validate, lint and compile every definition.
import { execFileSync } from 'node:child_process';
import { median, round, type BenchResult } from './stats.js';

export async function benchDefinitions(runs = 9): Promise<BenchResult[]> {
  const times: number[] = [];
  let detail = '';
  for (let i = 0; i < runs; i++) {
    const out = execFileSync('node_modules/.bin/tsx', ['bench/definitions-cold-load.ts'], { encoding: 'utf8' });
    const parsed = JSON.parse(out) as { ms: number; pathways: number; forms: number };
    times.push(parsed.ms);
    detail = `${parsed.pathways} pathways, ${parsed.forms} forms; ${runs} fresh processes`;
  }
  return [{ key: 'definitions.coldLoadMs', value: round(median(times), 1), unit: 'ms', goal: '≤ 300', note: detail }];
}
