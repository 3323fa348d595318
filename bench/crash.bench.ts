// crash.lostEvents: the load of load.bench.ts against the standalone server on SQLite; after CRASH_SECONDS / 2 (default
// 30 s in all) the server's process is killed with SIGKILL and started again on the same port and data, and the load
// goes on for another CRASH_SECONDS / 2; the officers carry on through the outage (a write whose answer was lost is
// looked up in the case's history before it is retried). Afterwards every acknowledged event must be in the log.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URL } from 'node:url';
import { compareWithEventLog } from './event-log-check.js';
import { JsonClient } from './json-client.js';
import { statusSummary } from './load.bench.js';
import { protocolWithOfficers } from './protocol-copy.js';
import { startDaoServer, type ServerProcess } from './server-process.js';
import { runLoad } from './simulated-officers.js';
import { round, type BenchResult } from './stats.js';

const SECONDS = Number(process.env.CRASH_SECONDS ?? 30);
const OFFICERS = 50;

export async function benchCrash(): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'dao-bench-crash-'));
  const client = new JsonClient('');
  let server: ServerProcess | undefined;
  try {
    const definitions = await protocolWithOfficers(dir, OFFICERS);
    const dataDir = join(dir, 'data');
    server = await startDaoServer(dataDir, definitions);
    client.baseUrl = server.url;
    const half = (SECONDS * 1000) / 2;
    const clock = { end: Date.now() + 3_600_000 };
    let started!: () => void;
    const signedIn = new Promise<void>((resolve) => (started = resolve));
    const load = runLoad({ client, officers: OFFICERS, seconds: SECONDS, clock, onStart: () => started() });
    await signedIn;
    await new Promise((r) => setTimeout(r, half));
    const killedAt = Date.now();
    await server.kill();
    server = await startDaoServer(dataDir, definitions, {}, Number(new URL(server.url).port));
    const downMs = Date.now() - killedAt;
    clock.end = Date.now() + half;
    const report = await load;
    client.close();
    await server.stop();
    server = undefined;
    const log = await compareWithEventLog(join(dataDir, 'dao.sqlite'), report);
    const { serverErrors, text } = statusSummary(report);
    if (log.missing.length || log.unacknowledged.length || report.unexpected.length) {
      process.stderr.write(
        `crash: ${[...log.missing, ...log.unacknowledged, ...report.unexpected].slice(0, 20).join('\n')}\n`,
      );
    }
    return [
      {
        key: 'crash.lostEvents',
        value: log.missing.length,
        unit: 'events',
        goal: '0',
        note:
          `SIGKILL after ${round(SECONDS / 2, 0)} s of load, back after ${round(downMs / 1000, 1)} s; ` +
          `${log.acknowledged} acknowledged, ${log.logged} logged; ${log.storedUnanswered} stored whose answer the ` +
          `kill lost; ${log.unacknowledged.length} stored and never acknowledged`,
      },
      {
        key: 'crash.serverErrors',
        value: serverErrors,
        unit: '5xx',
        note: `statuses ${text}; network errors while it was down ${report.networkErrors}; ${report.unexpected.length} unexpected answers`,
      },
    ];
  } finally {
    client.close();
    await server?.kill();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('crash.bench.ts')) console.table(await benchCrash());
