// engine.eventsPerSecond and engine.ratioToFloor: durable events through the case service on SQLite, against the floor
// of raw XState restore + transition + persist plus one raw SQLite insert transaction (on a connection set up as the
// inline store's: WAL, synchronous=FULL, SQLite's checkpoint mark), side by side in one run. Each service round is divided by
// the floor round just before it: both wait on an fsync per event, whose time drifts on a shared machine.
import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { transition } from 'xstate';
import { CaseService } from '../engine/service/case-service.js';
import { DefinitionRegistry } from '../engine/service/definition-registry.js';
import { openSqliteStore } from '../engine/store/sqlite-store.js';
import { readDefinitionFiles } from '../engine/definitions/read-files.js';
import { restoreSnapshot } from '../engine/runtime/instances.js';
import { median, round, type BenchResult } from './stats.js';

const EVENTS = 400;
const ROUNDS = 7;
const user = { id: 'requester-a', role: 'requester' };

async function serviceRound(dir: string, round: number): Promise<number> {
  const store = openSqliteStore(join(dir, `service-${round}.sqlite`));
  await store.migrate();
  const registry = new DefinitionRegistry(store);
  await registry.publish(await readDefinitionFiles('test/fixtures/minimal'), 'bench');
  const service = new CaseService(store, registry);
  const { record } = await service.openCase(user, 'timed');
  let version = record.version;
  const started = performance.now();
  for (let i = 0; i < EVENTS; i++)
    version = (await service.change(record.id, user, { expectedVersion: version, type: 'SUBMIT' })).record.version;
  const ms = performance.now() - started;
  await store.close();
  return ms / EVENTS;
}

async function floorRound(dir: string, round: number): Promise<number> {
  const store = openSqliteStore(join(dir, `seed-${round}.sqlite`));
  await store.migrate();
  const registry = new DefinitionRegistry(store);
  await registry.publish(await readDefinitionFiles('test/fixtures/minimal'), 'bench');
  const { defs } = await registry.current();
  const service = new CaseService(store, registry);
  const { record } = await service.openCase(user, 'timed');
  await store.close();
  const machine = defs.pathways.get('timed')!.machine;
  let persisted: unknown = (record.snapshot as { instances: Record<string, { snapshot: unknown }> }).instances.case!
    .snapshot;
  const db = new Database(join(dir, `floor-${round}.sqlite`));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(
    'CREATE TABLE cases (id TEXT PRIMARY KEY, version INTEGER, snapshot TEXT); CREATE TABLE events (case_id TEXT, ' +
      'seq INTEGER, data TEXT, PRIMARY KEY (case_id, seq))',
  );
  db.prepare('INSERT INTO cases VALUES (?, 1, ?)').run('c', JSON.stringify(persisted));
  const update = db.prepare('UPDATE cases SET snapshot = ?, version = ? WHERE id = ?');
  const insert = db.prepare('INSERT INTO events VALUES (?, ?, ?)');
  const write = db.transaction((seq: number, snapshot: string, event: string) => {
    update.run(snapshot, seq, 'c');
    insert.run('c', seq, event);
  });
  const event = {
    type: 'SUBMIT',
    data: {},
    $ctx: { user: { ...user, qualifications: [] }, now: new Date().toISOString(), forms: {} },
  };
  const started = performance.now();
  for (let i = 0; i < EVENTS; i++) {
    const snapshot = restoreSnapshot(machine, JSON.parse(JSON.stringify(persisted)));
    const [next] = transition(machine, snapshot as never, event as never);
    persisted = machine.getPersistedSnapshot(next);
    write(i + 2, JSON.stringify(persisted), JSON.stringify(event));
  }
  const ms = performance.now() - started;
  db.close();
  return ms / EVENTS;
}

export async function benchEngine(): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'dao-bench-'));
  const service: number[] = [];
  const floor: number[] = [];
  const ratios: number[] = [];
  try {
    for (let i = 0; i < ROUNDS; i++) {
      floor.push(await floorRound(dir, i));
      service.push(await serviceRound(dir, i));
      ratios.push(service[i]! / floor[i]!);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const perEvent = median(service);
  const floorPerEvent = median(floor);
  return [
    {
      key: 'engine.eventsPerSecond',
      value: round(1000 / perEvent, 0),
      unit: 'events/s',
      note: `durable (WAL, synchronous=FULL) through CaseService.change, median of ${ROUNDS} × ${EVENTS}`,
    },
    {
      key: 'engine.floorEventsPerSecond',
      value: round(1000 / floorPerEvent, 0),
      unit: 'events/s',
      note: 'raw XState restore + transition + persist + one raw SQLite transaction',
    },
    {
      key: 'engine.ratioToFloor',
      value: round(median(ratios), 2),
      unit: '×',
      goal: '≤ 2',
      note:
        `median of per-round ratios (${ratios.map((r) => round(r, 2)).join(', ')}); medians ${round(perEvent, 3)} ` +
        `ms vs ${round(floorPerEvent, 3)} ms per event`,
    },
  ];
}
