// http.ratioToEcho: accepted events per second on POST /api/cases/:id/events (cookie + CSRF, SQLite, the standalone
// server in its own process) ÷ requests per second on a bare Express 5 JSON echo, both driven by autocannon in the
// same run, rounds alternating: echo, events, echo, events, …, echo, and each events round is divided by the mean of
// the echo rounds either side of it, so that a machine that speeds up or slows down during the run moves both. The
// event is SUBMIT on the `timed` pathway of test/fixtures/minimal, which toggles
// open ⇄ waiting for ever. Each autocannon connection owns its own cases and sends the version it last saw, so a
// stale version (409) is a real conflict: every status is counted and reported, none is hidden.
import autocannon from 'autocannon';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonClient, type Session } from './json-client.js';
import { startDaoServer, startProcess, type ServerProcess } from './server-process.js';
import { median, round, type BenchResult } from './stats.js';

const ROUNDS = Number(process.env.HTTP_BENCH_ROUNDS ?? 5);
const SECONDS = Number(process.env.HTTP_BENCH_SECONDS ?? 6);
const CONNECTIONS = 10;
/** Cases per connection: idle cases wait in a queue, taken in turn, so no case's history grows long within a round. */
const CASES_PER_CONNECTION = 10;
const WARM_UP_SECONDS = 2;

interface CaseSlot {
  id: string;
  version: number;
}

/** autocannon resets a connection's context before each request; it only carries the case from request to response. */
interface RequestContext {
  sent?: CaseSlot;
}

interface Counts {
  statuses: Record<string, number>;
  errors: number;
}

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

async function openCases(client: JsonClient, session: Session, count: number): Promise<CaseSlot[]> {
  const slots: CaseSlot[] = [];
  for (let i = 0; i < count; i++) {
    const opened = await client.send('POST', '/api/cases', { pathway: 'timed' }, session);
    if (opened.status !== 201)
      throw new Error(`opening a case failed: ${opened.status} ${JSON.stringify(opened.body)}`);
    slots.push({ id: String(opened.body.id), version: Number(opened.body.version) });
  }
  return slots;
}

/** One autocannon run against the event endpoint; returns accepted (200) events per second and every status seen. */
export async function eventRound(
  server: ServerProcess,
  client: JsonClient,
  session: Session,
  seconds: number,
): Promise<{ rps: number; counts: Counts }> {
  // A case is out of the queue from the request that carries its version until the answer that gives the next one,
  // so two connections never send the same case at once.
  const idle = await openCases(client, session, CONNECTIONS * CASES_PER_CONNECTION);
  const counts: Counts = { statuses: {}, errors: 0 };
  const result = await run({
    url: server.url,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    requests: [
      {
        method: 'POST',
        setupRequest: (req, context) => {
          const slot = idle.shift()!;
          (context as RequestContext).sent = slot;
          return {
            ...req,
            path: `/api/cases/${slot.id}/events`,
            body: JSON.stringify({ type: 'SUBMIT', expectedVersion: slot.version, data: {} }),
          };
        },
        onResponse: (status, body, context) => {
          const slot = (context as RequestContext).sent;
          counts.statuses[status] = (counts.statuses[status] ?? 0) + 1;
          if (!slot) return;
          // The case view starts {"id":…,"version":N; a 409 problem carries currentVersion.
          const version =
            status === 200 ? /"version":(\d+)/.exec(body) : status === 409 ? /"currentVersion":(\d+)/.exec(body) : null;
          if (version) slot.version = Number(version[1]);
          idle.push(slot);
        },
      },
    ],
  });
  counts.errors += result.errors + result.timeouts;
  return { rps: (counts.statuses['200'] ?? 0) / seconds, counts };
}

async function echoRound(echo: ServerProcess, seconds: number): Promise<number> {
  const result = await run({
    url: `${echo.url}/echo`,
    connections: CONNECTIONS,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'SUBMIT', expectedVersion: 12, data: {} }),
  });
  const ok = result['2xx'];
  if (result.non2xx || result.errors)
    throw new Error(`the echo app answered ${result.non2xx} non-2xx and ${result.errors} errors`);
  return ok / seconds;
}

export async function benchHttp(): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'dao-bench-http-'));
  let dao: ServerProcess | undefined;
  let echo: ServerProcess | undefined;
  const client = new JsonClient('');
  try {
    dao = await startDaoServer(dir, 'test/fixtures/minimal');
    echo = await startProcess('bench/echo-server.ts', { logFile: join(dir, 'echo.log'), healthPath: '/health' });
    client.baseUrl = dao.url;
    const session = await client.signIn('requester-a');
    await echoRound(echo, WARM_UP_SECONDS);
    await eventRound(dao, client, session, WARM_UP_SECONDS);
    const events: number[] = [];
    const echoes: number[] = [await echoRound(echo, SECONDS)];
    const ratios: number[] = [];
    const total: Counts = { statuses: {}, errors: 0 };
    for (let i = 0; i < ROUNDS; i++) {
      const { rps, counts } = await eventRound(dao, client, session, SECONDS);
      for (const [status, n] of Object.entries(counts.statuses))
        total.statuses[status] = (total.statuses[status] ?? 0) + n;
      total.errors += counts.errors;
      const echoBefore = echoes.at(-1)!;
      const echoAfter = await echoRound(echo, SECONDS);
      echoes.push(echoAfter);
      events.push(rps);
      ratios.push(rps / ((echoBefore + echoAfter) / 2));
    }
    const statuses = Object.entries(total.statuses)
      .map(([s, n]) => `${s}: ${n}`)
      .join(', ');
    const refused = Object.entries(total.statuses)
      .filter(([s]) => s !== '200')
      .reduce((sum, [, n]) => sum + n, 0);
    return [
      {
        key: 'http.eventsPerSecond',
        value: round(median(events), 0),
        unit: 'events/s',
        note:
          `accepted (200) SUBMIT events, ${CONNECTIONS} connections, cookie + CSRF, SQLite; median of ${ROUNDS} × ` +
          `${SECONDS} s; statuses ${statuses}; network errors ${total.errors}`,
      },
      {
        key: 'http.echoPerSecond',
        value: round(median(echoes), 0),
        unit: 'req/s',
        note: `bare Express 5 express.json() echo, same body, same connections; median of ${echoes.length} rounds`,
      },
      {
        key: 'http.ratioToEcho',
        value: round(median(ratios), 2),
        unit: '×',
        goal: '≥ 0.30',
        note: `median of per-round ratios, each to the mean of the echo rounds before and after it (${ratios.map((r) => round(r, 2)).join(', ')})`,
      },
      {
        key: 'http.refusedEvents',
        value: refused + total.errors,
        unit: 'requests',
        note: 'non-200 answers (409 included) and network errors in the measured rounds',
      },
    ];
  } finally {
    client.close();
    await echo?.stop();
    await dao?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('http.bench.ts')) console.table(await benchHttp());
