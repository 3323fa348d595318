// reports.p95Ms: the Team Manager's service performance page as GET /api/reports/performance asks the store — the
// month-by-month figures of the last 12 months and the officers' caseloads — at 100,000 stored cases, on SQLite and on
// PostgreSQL (a throwaway cluster). The cases are the list benchmark's (bench/list-seed.ts: eight years of closed
// cases and today's open work), each with the milestones a case of the protocol records: referred, on the waiting
// list, allocated, assessed, closed with an outcome, and for some the group programme. Measured as the list benchmark
// is: rounds of 20 on each database in turn, a p95 per round, and the median of those.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openPostgresStore } from '../engine/store/postgres-store.js';
import { openSqliteStore } from '../engine/store/sqlite-store.js';
import { NO_MILESTONES } from '../engine/store/milestone-columns.js';
import type { CaseMilestones } from '../engine/store/performance-types.js';
import type { CaseStore, CaseSummary } from '../engine/store/types.js';
import { OFFICERS, seedCases } from './list-seed.js';
import { startThrowawayPostgres } from './throwaway-postgres.js';
import { median, percentile, round, type BenchResult } from './stats.js';

/** REPORTS_SIZE=5000 tries the benchmark quickly on a smaller store. */
const SIZE = Number(process.env.REPORTS_SIZE ?? 100_000);
const ROUNDS = 15;
const PER_ROUND = 20;
/** The seeded cases end on 1 January 2026: the page as it is read that day. */
const NOW = '2026-01-01T09:00:00.000Z';
const MONTHS = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2025, i + 1, 1)).toISOString().slice(0, 7));
const DAY = 86_400_000;
const OUTCOMES = ['work-completed', 'no-further-work', 'declined-to-engage', 'moved-out-of-area', 'risk-escalation'];

/** A fraction in [0, 1) from a case's number and a salt (a small integer hash), the same at every run. */
function share(i: number, salt: number): number {
  let h = Math.imul(i ^ Math.imul(salt + 1, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

const later = (time: string, days: number) => new Date(Date.parse(time) + days * DAY).toISOString();

/** What a case of this stage went through, from its opening at `at`. */
function withMilestones(summary: CaseSummary, i: number, at: string): CaseSummary {
  const none: CaseMilestones = { ...NO_MILESTONES, referredAt: at };
  if (summary.waiting) return { ...summary, milestones: { ...none, waitingSince: summary.waitingSince ?? at } };
  if (!summary.closed && !summary.activeCase) return { ...summary, milestones: none };
  if (summary.closed && share(i, 1) < 0.1) {
    const outcome = share(i, 2) < 0.5 ? 'declined' : 'signposted';
    return { ...summary, milestones: { ...none, closedAt: later(at, 2 + share(i, 3) * 8), outcome } };
  }
  const waitingSince = later(at, 3);
  const allocatedAt = later(waitingSince, 5 + share(i, 4) * 55);
  const assessedAt = share(i, 5) < 0.95 ? later(allocatedAt, 20 + share(i, 6) * 50) : null;
  const groupMember = share(i, 7) < 0.3;
  const milestones: CaseMilestones = {
    ...none,
    waitingSince,
    allocatedAt,
    assessedAt: summary.closed ? assessedAt : null,
    groupMember,
    groupCompleted: groupMember && share(i, 8) < 0.7,
    sessionsAttended: groupMember ? 4 + Math.floor(share(i, 9) * 11) : null,
  };
  if (!summary.closed) return { ...summary, milestones };
  const closedAt = later(allocatedAt, 90 + share(i, 10) * 150);
  return { ...summary, milestones: { ...milestones, closedAt, outcome: OUTCOMES[Math.floor(share(i, 11) * 5)]! } };
}

/** What the page asks the store for. */
function readPage(store: CaseStore): Promise<unknown> {
  return Promise.all([
    store.performanceFigures({ months: MONTHS, now: NOW, assessmentTargetDays: 42 }),
    store.countActiveCases(OFFICERS),
  ]);
}

async function timed(store: CaseStore): Promise<number> {
  const started = performance.now();
  await readPage(store);
  return performance.now() - started;
}

export async function benchReports(): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'dao-bench-reports-'));
  const postgres = startThrowawayPostgres();
  const schema = `bench_reports_${process.pid}`;
  const stores: { database: string; store: CaseStore; rounds: number[][] }[] = [];
  try {
    const started = Date.now();
    const file = join(dir, 'reports.sqlite');
    const seeding = openSqliteStore(file);
    await seeding.migrate();
    await seedCases(seeding, SIZE, 19, withMilestones);
    await seeding.close();
    const sqlite = openSqliteStore(file);
    await sqlite.migrate();
    stores.push({ database: 'SQLite', store: sqlite, rounds: [] });
    const postgresStore = openPostgresStore({ connectionString: postgres.url, schema });
    stores.push({ database: 'PostgreSQL', store: postgresStore, rounds: [] });
    await postgresStore.migrate();
    await seedCases(postgresStore, SIZE, 19, withMilestones);
    await vacuumAnalyse(postgres.url, schema);
    process.stderr.write(
      `reports: seeded ${SIZE} cases on SQLite and PostgreSQL in ${Math.round((Date.now() - started) / 1000)} s\n`,
    );
    for (const { store } of stores) for (let i = 0; i < 10; i++) await readPage(store);
    for (let round = 0; round < ROUNDS; round++) {
      for (const target of stores) {
        const samples: number[] = [];
        for (let i = 0; i < PER_ROUND; i++) samples.push(await timed(target.store));
        target.rounds.push(samples);
      }
    }
    const p95 = (rounds: number[][]) => median(rounds.map((samples) => percentile(samples, 0.95)));
    const worst = stores.reduce((a, b) => (p95(b.rounds) > p95(a.rounds) ? b : a));
    return [
      {
        key: 'reports.p95Ms',
        value: round(p95(worst.rounds), 2),
        unit: 'ms',
        goal: '≤ 200',
        note:
          `the performance page's figures (12 months) and caseloads at ${SIZE.toLocaleString('en-GB')} cases, ` +
          `worst on ${worst.database} (p95 ms: ${stores.map((s) => `${s.database} ${round(p95(s.rounds), 2)}`).join(', ')}); ` +
          `${ROUNDS} rounds of ${PER_ROUND}`,
      },
    ];
  } finally {
    await Promise.all(stores.map((s) => s.store.close()));
    await dropSchema(postgres.url, schema).catch(() => undefined);
    postgres.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Statistics and the visibility map, as autovacuum keeps them on a database in service (index-only scans use it). */
async function vacuumAnalyse(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`VACUUM ANALYZE ${schema}.cases`);
  } finally {
    await client.end();
  }
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
