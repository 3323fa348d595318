// load.p99Ms and load.lostEvents: 50 simulated officers (concurrency 50, no think time) send mixed case events for
// LOAD_SECONDS (default 60) to the standalone server in its own process on SQLite, with the protocol's definitions.
// No 5xx is allowed (they are counted); a 409 is resolved by re-reading and retrying; p99 is over every write request.
// Afterwards the server is stopped and its event log is compared with every acknowledged event, both ways.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareWithEventLog } from './event-log-check.js';
import { JsonClient } from './json-client.js';
import { protocolWithOfficers } from './protocol-copy.js';
import { startDaoServer } from './server-process.js';
import { runLoad, type LoadReport } from './simulated-officers.js';
import { percentile, round, type BenchResult } from './stats.js';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const OFFICERS = 50;

export function statusSummary(report: LoadReport): { serverErrors: number; text: string } {
  const serverErrors = Object.entries(report.statuses)
    .filter(([s]) => Number(s) >= 500)
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    serverErrors,
    text: Object.entries(report.statuses)
      .map(([s, n]) => `${s}: ${n}`)
      .join(', '),
  };
}

export async function benchLoad(): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'dao-bench-load-'));
  const client = new JsonClient('');
  try {
    const definitions = await protocolWithOfficers(dir, OFFICERS);
    const dataDir = join(dir, 'data');
    const server = await startDaoServer(dataDir, definitions);
    let report: LoadReport;
    try {
      client.baseUrl = server.url;
      report = await runLoad({ client, officers: OFFICERS, seconds: SECONDS });
    } finally {
      client.close();
      await server.stop();
    }
    const log = await compareWithEventLog(join(dataDir, 'dao.sqlite'), report);
    const { serverErrors, text } = statusSummary(report);
    const lost = log.missing.length + log.unacknowledged.length;
    if (lost || report.unexpected.length) {
      process.stderr.write(
        `load: ${[...log.missing, ...log.unacknowledged, ...report.unexpected].slice(0, 20).join('\n')}\n`,
      );
    }
    return [
      {
        key: 'load.p99Ms',
        value: round(percentile(report.writeMs, 0.99), 1),
        unit: 'ms',
        note:
          `every write (${report.writeMs.length}); p50 ${round(percentile(report.writeMs, 0.5), 1)} ms; reads p99 ` +
          `${round(percentile(report.readMs, 0.99), 1)} ms; ${OFFICERS} officers, ${SECONDS} ` +
          `s`,
      },
      {
        key: 'load.eventsPerSecond',
        value: round(log.acknowledged / SECONDS, 0),
        unit: 'events/s',
        note: `${log.acknowledged} acknowledged; ${report.referralsOpened} referrals opened, ${report.referralsClosed} closed`,
      },
      {
        key: 'load.serverErrors',
        value: serverErrors,
        unit: '5xx',
        goal: '0',
        note: `statuses ${text}; network errors ${report.networkErrors}`,
      },
      {
        key: 'load.conflicts',
        value: report.conflicts,
        unit: '409s',
        note:
          `each resolved by re-reading and retrying; ${report.expectedRefusals} refusals the scenario expects; ` +
          `${report.unexpected.length} unexpected answers`,
      },
      {
        key: 'load.lostEvents',
        value: lost,
        unit: 'events',
        goal: '0',
        note:
          `${log.logged} logged (${log.bySystem} by timers) vs ${log.acknowledged} acknowledged: ` +
          `${log.missing.length} missing, ${log.unacknowledged.length} never ` +
          `acknowledged`,
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('load.bench.ts')) console.table(await benchLoad());
