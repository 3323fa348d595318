// list.p95Ms and list.growth: the lists a team uses all day — search by surname, the waiting list, an officer's
// caseload and the allocation queue (waiting list and officers' loads) — each a first page of 25 with its count, as
// GET /api/cases asks the store, at 1,000 and at 100,000 stored cases, on SQLite and on PostgreSQL (a throwaway
// cluster). Both sizes are seeded first, then measured in alternating rounds of 40 of each query, so that a slower
// minute of a shared machine falls on both; a query's p95 is the median of its rounds' p95s (a round takes seconds,
// and the median leaves out the rounds another process's burst fell on; the p95 over every sample is in the note).
// list.p95Ms is the worst such p95 at 100,000; list.growth that figure ÷ the worst at 1,000.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openPostgresStore } from '../engine/store/postgres-store.js';
import { openSqliteStore } from '../engine/store/sqlite-store.js';
import type { CaseStore } from '../engine/store/types.js';
import { COMMON_SURNAME, OFFICERS, seedCases, type SeededCase } from './list-seed.js';
import { startThrowawayPostgres } from './throwaway-postgres.js';
import { median, percentile, round, type BenchResult } from './stats.js';

/** LIST_SIZES=200,3000 tries the benchmark quickly on smaller stores. */
const SIZES = (process.env.LIST_SIZES ?? '1000,100000').split(',').map(Number) as [number, number];
const ROUNDS = 15;
const PER_ROUND = 40;

type Query = (store: CaseStore, i: number) => Promise<unknown>;

function queries(sample: SeededCase[]): Record<string, Query> {
  const surnames = sample.map((c) => c.surname).filter((s) => s !== COMMON_SURNAME);
  return {
    search: (store, i) => store.listCases({ visibleTo: { all: true }, q: surnames[i % surnames.length]!, count: true }),
    waitingList: (store) => store.listCases({ visibleTo: { all: true }, waiting: true, sort: 'waiting', count: true }),
    caseload: (store, i) =>
      store.listCases({ visibleTo: { allocatedTo: OFFICERS[i % OFFICERS.length]! }, sort: 'deadline', count: true }),
    allocationQueue: (store) =>
      Promise.all([
        store.countActiveCases(OFFICERS),
        store.listCases({ visibleTo: { all: true }, waiting: true, sort: 'waiting', count: true }),
      ]),
    // Not part of the figure: a surname one person in a hundred has, whose matches grow with the cases kept.
    commonSurname: (store) => store.listCases({ visibleTo: { all: true }, q: COMMON_SURNAME, count: true }),
  };
}

interface Target {
  database: string;
  size: number;
  store: CaseStore;
  queries: Record<string, Query>;
  /** Per query, the samples of each round. */
  samples: Record<string, number[][]>;
}

/** The median over rounds of each round's p95. */
function p95(rounds: number[][]): number {
  return median(rounds.map((samples) => percentile(samples, 0.95)));
}

async function timed(query: Query, store: CaseStore, i: number): Promise<number> {
  const started = performance.now();
  await query(store, i);
  return performance.now() - started;
}

export async function benchList(): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'dao-bench-list-'));
  const postgres = startThrowawayPostgres();
  const schemas: string[] = [];
  const targets: Target[] = [];
  try {
    for (const size of SIZES) {
      const started = Date.now();
      const file = join(dir, `list-${size}.sqlite`);
      const seeding = openSqliteStore(file);
      await seeding.migrate();
      const sqliteSample = await seedCases(seeding, size);
      // Opened again, as by a server restarted once the cases are there (SQLite gathers its statistics on opening).
      await seeding.close();
      const sqlite = openSqliteStore(file);
      await sqlite.migrate();
      const schema = `bench_list_${size}_${process.pid}`;
      schemas.push(schema);
      const postgresStore = openPostgresStore({ connectionString: postgres.url, schema });
      await postgresStore.migrate();
      const postgresSample = await seedCases(postgresStore, size);
      // Statistics, as autovacuum gathers them on a database in service, for the planner to choose by.
      await analyse(postgres.url, schema);
      process.stderr.write(
        `list: seeded ${size} cases on SQLite and PostgreSQL in ${Math.round((Date.now() - started) / 1000)} s\n`,
      );
      targets.push({ database: 'SQLite', size, store: sqlite, queries: queries(sqliteSample), samples: {} });
      targets.push({
        database: 'PostgreSQL',
        size,
        store: postgresStore,
        queries: queries(postgresSample),
        samples: {},
      });
    }
    for (const target of targets)
      for (const query of Object.values(target.queries)) for (let i = 0; i < 20; i++) await query(target.store, i);
    for (let round = 0; round < ROUNDS; round++) {
      for (const target of targets) {
        for (const [name, query] of Object.entries(target.queries)) {
          const samples: number[] = [];
          for (let i = 0; i < PER_ROUND; i++) samples.push(await timed(query, target.store, round * PER_ROUND + i));
          (target.samples[name] ??= []).push(samples);
        }
      }
    }
    return results(targets);
  } finally {
    await Promise.all(targets.map((t) => t.store.close()));
    await dropSchemas(postgres.url, schemas).catch(() => undefined);
    postgres.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

function results(targets: Target[]): BenchResult[] {
  const [small, large] = SIZES as [number, number];
  const worst = (size: number) => {
    let found = { p95: 0, where: '', overall: 0 };
    for (const t of targets.filter((t) => t.size === size)) {
      for (const [name, samples] of Object.entries(t.samples)) {
        if (name === 'commonSurname') continue;
        const p95OfQuery = p95(samples);
        if (p95OfQuery > found.p95) {
          found = { p95: p95OfQuery, where: `${name} on ${t.database}`, overall: percentile(samples.flat(), 0.95) };
        }
      }
    }
    return found;
  };
  const detail = (size: number) =>
    targets
      .filter((t) => t.size === size)
      .map(
        (t) =>
          `${t.database}: ${Object.entries(t.samples)
            .filter(([n]) => n !== 'commonSurname')
            .map(([n, s]) => `${n} ${round(p95(s), 2)}`)
            .join(', ')}`,
      )
      .join('; ');
  const common = targets
    .filter((t) => t.size === large)
    .map((t) => `${t.database} ${round(p95(t.samples.commonSurname!), 1)} ms`)
    .join(', ');
  const atLarge = worst(large);
  const atSmall = worst(small);
  return [
    {
      key: 'list.p95Ms',
      value: round(atLarge.p95, 2),
      unit: 'ms',
      goal: '≤ 50',
      note:
        `worst p95 at ${large.toLocaleString('en-GB')} cases: ${atLarge.where} ` +
        `(p95 ms, ${detail(large)}); ${ROUNDS} rounds of ${PER_ROUND}; over every sample of the worst: ` +
        `${round(atLarge.overall, 1)} ms`,
    },
    {
      key: 'list.growth',
      value: round(atLarge.p95 / atSmall.p95, 2),
      unit: '×',
      goal: '≤ 2',
      note:
        `÷ worst p95 at ${small.toLocaleString('en-GB')} cases, ${round(atSmall.p95, 2)} ms: ` +
        `${atSmall.where} (${detail(small)})`,
    },
    {
      key: 'list.commonSurnameP95Ms',
      value: round(Math.max(...targets.filter((t) => t.size === large).map((t) => p95(t.samples.commonSurname!))), 1),
      unit: 'ms',
      note:
        `search for a surname 1 % of people have (about ${Math.round(large / 100).toLocaleString('en-GB')} cases ` +
        `at ${large.toLocaleString('en-GB')}): ${common}`,
    },
  ];
}

async function analyse(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`ANALYZE ${schema}.cases; ANALYZE ${schema}.case_lists`);
  } finally {
    await client.end();
  }
}

async function dropSchemas(url: string, schemas: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

if (process.argv[1]?.endsWith('list.bench.ts')) console.table(await benchList());
