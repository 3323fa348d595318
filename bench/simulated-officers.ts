// The load of load.bench.ts and crash.bench.ts: simulated officers, each a closed loop (no think time), walking
// referrals through the protocol over HTTP as the social worker, the team manager and their own officer account,
// step by step as in definitions/scenarios/one-to-one-work-to-closure.yaml (forms, events, documents, inner
// pathways, and the one refused event the scenario expects). While a referral is on the waiting list every officer
// may remind the social worker of it (NOTIFY_NEAR_TOP_OF_WAITING_LIST) with the version last seen by anyone, so
// writers really collide: a 409 is resolved by re-reading the case and retrying. Every acknowledged event is
// remembered by case and seq, to be checked against the stored event log afterwards.
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import type { JsonClient, JsonResponse, Session } from './json-client.js';

const SCENARIO = 'definitions/scenarios/one-to-one-work-to-closure.yaml';
const WAITING_LIST_EVENT = 'NOTIFY_NEAR_TOP_OF_WAITING_LIST';
/** Reminders a referral gets on the waiting list before its owner allocates it. */
const REMINDERS_BEFORE_ALLOCATION = 3;
/** Share of an officer's turns spent reminding about a random referral on the waiting list. */
const WAITING_LIST_SHARE = 0.25;
const MAX_ATTEMPTS = 50;

type Actor = 'social-worker' | 'team-manager' | 'dao-pso';

interface Step {
  as: Actor;
  send?: string;
  data?: Record<string, unknown>;
  forms?: Record<string, unknown>;
  to?: { document?: string; pathway?: string };
  expectError?: { code: string };
}

interface InstanceSummary {
  id: string;
  kind: string;
  form?: string;
  pathway: string;
  done: boolean;
}

interface CaseBody {
  id: string;
  version: number;
  allowedEvents: { type: string }[];
  instances: InstanceSummary[];
  history: { seq: number; type: string; by: string }[];
}

interface SharedCase {
  version: number;
  waiting: boolean;
  reminders: number;
}

export interface LoadReport {
  /** caseId → seq → event type, for every 2xx the server gave. */
  acknowledged: Map<string, Map<number, string>>;
  /** Writes whose answer was lost (the server died) but that the case's history shows were stored. */
  storedUnanswered: Map<string, Set<number>>;
  /** Case openings whose answer was lost: such a case may exist without anyone knowing its id. */
  unansweredOpens: number;
  writeMs: number[];
  readMs: number[];
  statuses: Record<string, number>;
  conflicts: number;
  networkErrors: number;
  expectedRefusals: number;
  unexpected: string[];
  referralsOpened: number;
  referralsClosed: number;
}

export interface LoadOptions {
  client: JsonClient;
  officers: number;
  seconds: number;
  /** When given, the load runs until clock.end (ms since the epoch), which may be moved while it runs. */
  clock?: { end: number };
  /** Called when everyone has signed in and the load begins. */
  onStart?: () => void;
  /** Officers' usernames are officer-01 … officer-NN (see officerSettings). */
  officerName?: (index: number) => string;
}

export const officerName = (index: number) => `officer-${String(index + 1).padStart(2, '0')}`;

/** settings.yaml's officers list for n simulated officers, all Probation Service Officers as in the scenario. */
export function officerSettings(settingsYaml: string, n: number): string {
  const officers = Array.from(
    { length: n },
    (_, i) => `  - { username: ${officerName(i)}, role: dao-pso, name: Simulated officer ${i + 1} }`,
  ).join('\n');
  return settingsYaml.replace(/^officers:\n(?:\s+- .*\n)+/m, `officers:\n${officers}\n`);
}

async function loadSteps(): Promise<Step[]> {
  const scenario = parse(await readFile(SCENARIO, 'utf8')) as { steps: Step[] };
  return scenario.steps.map(({ as, send, data, forms, to, expectError }) => ({
    as,
    ...(send ? { send } : {}),
    ...(data ? { data } : {}),
    ...(forms ? { forms } : {}),
    ...(to ? { to } : {}),
    ...(expectError ? { expectError } : {}),
  }));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const { client } = options;
  const name = options.officerName ?? officerName;
  const steps = await loadSteps();
  const report: LoadReport = {
    acknowledged: new Map(),
    storedUnanswered: new Map(),
    unansweredOpens: 0,
    writeMs: [],
    readMs: [],
    statuses: {},
    conflicts: 0,
    networkErrors: 0,
    expectedRefusals: 0,
    unexpected: [],
    referralsOpened: 0,
    referralsClosed: 0,
  };
  const shared = new Map<string, SharedCase>();
  const waitingList = new Set<string>();
  const sessions = {
    'social-worker': await client.signIn('social-worker'),
    'team-manager': await client.signIn('manager'),
  };
  const officerSessions: Session[] = [];
  for (let i = 0; i < options.officers; i++) officerSessions.push(await client.signIn(name(i)));
  const clock = options.clock ?? { end: 0 };
  clock.end ||= Date.now() + options.seconds * 1000;
  options.onStart?.();
  const running = () => Date.now() < clock.end;
  // After the clock: let an officer finish the write it is in, so nothing is left half-known.
  const giveUp = () => Date.now() > clock.end + 60_000;

  const count = (status: number) => (report.statuses[status] = (report.statuses[status] ?? 0) + 1);
  const unexpected = (what: string) => {
    if (report.unexpected.length < 20) report.unexpected.push(what);
    else if (report.unexpected.length < 21) report.unexpected.push('…');
  };

  const acknowledge = (caseId: string, seq: number, type: string) => {
    let seqs = report.acknowledged.get(caseId);
    if (!seqs) report.acknowledged.set(caseId, (seqs = new Map()));
    seqs.set(seq, type);
  };

  /** A request that survives the server going away: waits and tries again until it answers or time is up. */
  async function call(
    method: string,
    path: string,
    body: unknown,
    session: Session,
    write: boolean,
  ): Promise<JsonResponse | undefined> {
    while (!giveUp()) {
      try {
        const res = await client.send(method, path, body, session);
        (write ? report.writeMs : report.readMs).push(res.ms);
        count(res.status);
        return res;
      } catch {
        report.networkErrors++;
        if (write) return undefined; // the caller must find out whether it was stored
        await sleep(200);
      }
    }
    return undefined;
  }

  async function read(caseId: string, session: Session): Promise<CaseBody | undefined> {
    const res = await call('GET', `/api/cases/${caseId}`, undefined, session, false);
    if (res?.status !== 200) {
      if (res) unexpected(`GET case ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      return undefined;
    }
    const body = res.body as unknown as CaseBody;
    const known = shared.get(caseId);
    if (known && body.version > known.version) known.version = body.version;
    return body;
  }

  /**
   * Sends one change with the version last seen, re-reading and retrying on 409 while `stillWanted` says so.
   * Returns the new case view, 'refused' with the 4xx answer, or undefined when the change no longer applies.
   */
  async function change(
    caseId: string,
    session: Session,
    request: { type?: string; data?: unknown; forms?: unknown; instance?: string },
    view: CaseBody,
    stillWanted: (view: CaseBody) => boolean = () => true,
  ): Promise<{ view?: CaseBody; refused?: JsonResponse }> {
    let current = view;
    for (let attempt = 0; attempt < MAX_ATTEMPTS && !giveUp(); attempt++) {
      const expectedVersion = Math.max(current.version, shared.get(caseId)?.version ?? 0);
      const res = await call('POST', `/api/cases/${caseId}/events`, { ...request, expectedVersion }, session, true);
      if (res?.status === 200) {
        const body = res.body as unknown as CaseBody;
        acknowledge(caseId, body.version, request.type || 'forms.submitted');
        const known = shared.get(caseId);
        if (known && body.version > known.version) known.version = body.version;
        return { view: body };
      }
      if (res && res.status !== 409) return { refused: res };
      if (res) report.conflicts++;
      // 409, or no answer: re-read. Without an answer, the history tells whether the change was stored.
      const again = await read(caseId, session);
      if (!again) return {};
      if (!res) {
        const stored = again.history.find(
          (e) =>
            e.seq === expectedVersion + 1 &&
            e.by === session.username &&
            e.type === (request.type || 'forms.submitted'),
        );
        if (stored) {
          let seqs = report.storedUnanswered.get(caseId);
          if (!seqs) report.storedUnanswered.set(caseId, (seqs = new Set()));
          seqs.add(stored.seq);
          return { view: again };
        }
      }
      if (!stillWanted(again)) return {};
      current = again;
    }
    return {};
  }

  async function remindAboutWaitingCase(): Promise<void> {
    const ids = [...waitingList];
    if (ids.length === 0) return;
    const caseId = ids[Math.floor(Math.random() * ids.length)]!;
    const known = shared.get(caseId)!;
    const manager = sessions['team-manager'];
    const stale: CaseBody = { id: caseId, version: known.version, allowedEvents: [], instances: [], history: [] };
    const stillWaiting = (view: CaseBody) => view.allowedEvents.some((e) => e.type === WAITING_LIST_EVENT);
    const result = await change(caseId, manager, { type: WAITING_LIST_EVENT, data: {} }, stale, stillWaiting);
    if (result.view) known.reminders++;
    else if (result.refused && result.refused.status !== 422) {
      unexpected(`${WAITING_LIST_EVENT} ${result.refused.status} ${JSON.stringify(result.refused.body).slice(0, 200)}`);
    }
  }

  function target(view: CaseBody, to: Step['to']): string | undefined {
    if (!to) return undefined;
    const instances = view.instances;
    if (to.document) {
      return (
        instances.filter((i) => i.kind === 'document' && i.form === to.document && !i.done).at(-1) ??
        instances.filter((i) => i.kind === 'document' && i.form === to.document).at(-1)
      )?.id;
    }
    return instances.filter((i) => i.kind === 'pathway' && i.pathway === to.pathway).at(-1)?.id;
  }

  /** One referral, from opening to closure (or until time is up). */
  async function walkReferral(officer: number): Promise<void> {
    const me = officerSessions[officer]!;
    const sessionOf = (actor: Actor) => (actor === 'dao-pso' ? me : sessions[actor]);
    const opened = await call('POST', '/api/cases', { pathway: 'referral' }, sessions['social-worker'], true);
    if (opened?.status !== 201) {
      if (opened) unexpected(`open ${opened.status} ${JSON.stringify(opened.body).slice(0, 200)}`);
      else {
        report.unansweredOpens++;
        await sleep(200);
      }
      return;
    }
    let view = opened.body as unknown as CaseBody;
    const caseId = view.id;
    acknowledge(caseId, 1, 'case.opened');
    report.referralsOpened++;
    shared.set(caseId, { version: view.version, waiting: false, reminders: 0 });
    for (const step of steps) {
      if (step.send === 'ALLOCATE') {
        // On the waiting list until it has had its reminders (from anyone); meanwhile this officer helps remind.
        waitingList.add(caseId);
        while (shared.get(caseId)!.reminders < REMINDERS_BEFORE_ALLOCATION && running()) await remindAboutWaitingCase();
        waitingList.delete(caseId);
      }
      if (!running()) return;
      if (Math.random() < WAITING_LIST_SHARE) await remindAboutWaitingCase();
      const session = sessionOf(step.as);
      const fresh = await read(caseId, session);
      if (!fresh) return;
      view = fresh;
      const instance = step.send ? target(view, step.to) : undefined;
      if (step.to && step.send && !instance) return unexpected(`no instance for ${JSON.stringify(step.to)}`);
      const data = step.send === 'ALLOCATE' ? { officer: me.username } : step.data;
      const result = await change(
        caseId,
        session,
        {
          ...(step.send ? { type: step.send } : {}),
          ...(data ? { data } : {}),
          ...(step.forms ? { forms: step.forms } : {}),
          ...(instance ? { instance } : {}),
        },
        view,
      );
      if (step.expectError) {
        if (result.refused?.status === 422) report.expectedRefusals++;
        else unexpected(`${step.send} should have been refused, got ${result.refused?.status ?? 200}`);
        continue;
      }
      if (!result.view) {
        if (result.refused)
          unexpected(
            `${step.send ?? 'forms'} ${result.refused.status} ${JSON.stringify(result.refused.body).slice(0, 300)}`,
          );
        return;
      }
    }
    report.referralsClosed++;
  }

  async function officerLoop(officer: number): Promise<void> {
    while (running()) await walkReferral(officer);
  }

  await Promise.all(Array.from({ length: options.officers }, (_, i) => officerLoop(i)));
  return report;
}
