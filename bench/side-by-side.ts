// Two builds of the server under the same load at the same time: `npm run bench:side-by-side -- A B`, where A and B
// are checkouts of this project each built with `npm run build` (B may be this one: `.`). Each round starts the
// event round of http.bench.ts against both servers at once (10 connections each, the same SUBMIT events) and
// reports each one's accepted events per second and B ÷ A. Run at the same moment, both meet the same machine: on a
// shared 2-core machine whose speed moves by a quarter from one minute to the next, alternating rounds (the way
// http.ratioToEcho is taken) left 20 % between two runs of the same build, and this leaves a few per cent. The
// figures quoted in the README for what one change bought come from here (the median of the rounds' B ÷ A).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eventRound } from './http.bench.js';
import { JsonClient, type Session } from './json-client.js';
import { startDaoServer, type ServerProcess } from './server-process.js';
import { median, round } from './stats.js';

const ROUNDS = Number(process.env.SIDE_BY_SIDE_ROUNDS ?? 9);
const SECONDS = Number(process.env.SIDE_BY_SIDE_SECONDS ?? 5);
const WARM_UP_SECONDS = 2;

interface Running {
  tree: string;
  server: ServerProcess;
  client: JsonClient;
  session: Session;
  dataDir: string;
}

async function start(tree: string): Promise<Running> {
  const dataDir = await mkdtemp(join(tmpdir(), 'dao-bench-side-'));
  const server = await startDaoServer(dataDir, 'test/fixtures/minimal', {}, undefined, resolve(tree));
  const client = new JsonClient(server.url);
  return { tree, server, client, session: await client.signIn('requester-a'), dataDir };
}

async function both(a: Running, b: Running, seconds: number): Promise<[number, number]> {
  const [x, y] = await Promise.all([a, b].map((s) => eventRound(s.server, s.client, s.session, seconds)));
  return [x!.rps, y!.rps];
}

const [treeA, treeB] = process.argv.slice(2);
if (!treeA || !treeB) {
  console.error('usage: npm run bench:side-by-side -- <checkout A> <checkout B> (each built with npm run build)');
  process.exit(2);
}
const running: Running[] = [];
try {
  const a = await start(treeA);
  running.push(a);
  const b = await start(treeB);
  running.push(b);
  await both(a, b, WARM_UP_SECONDS);
  const ratios: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const [x, y] = await both(a, b, SECONDS);
    ratios.push(y / x);
    console.log(`round ${i + 1}: A ${round(x, 0)} events/s, B ${round(y, 0)} events/s, B ÷ A ${round(y / x, 3)}`);
  }
  const spread = `${round(Math.min(...ratios), 3)}–${round(Math.max(...ratios), 3)}`;
  console.log(`B ÷ A: median ${round(median(ratios), 3)} of ${ROUNDS} rounds (${spread})`);
} finally {
  for (const s of running) {
    s.client.close();
    await s.server.stop();
    await rm(s.dataDir, { recursive: true, force: true });
  }
}
