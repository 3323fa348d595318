// Puts cases where a browser test needs them, through the HTTP API: the first steps of a scenario of
// definitions/scenarios/ played as its users (forms and event in one request, as the scenario runner does).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Dao } from '../../../server/create-dao.js';
import { ACCOUNTS, DEMO_PASSWORD } from './app-server.js';
import { REPO_ROOT } from './build.js';

interface ScenarioStep {
  as: keyof typeof ACCOUNTS;
  forms?: Record<string, unknown>;
  send?: string;
  data?: Record<string, unknown>;
  to?: { pathway?: string; document?: string };
  expectError?: unknown;
}

export interface Scenario {
  title: string;
  pathway: string;
  start?: { as: keyof typeof ACCOUNTS };
  steps: ScenarioStep[];
}

export async function readScenario(id: string): Promise<Scenario> {
  return parse(await readFile(join(REPO_ROOT, 'definitions/scenarios', `${id}.yaml`), 'utf8')) as Scenario;
}

/**
 * How many steps of the scenario to play to have sent `send` (by `as`, when given): a scenario that no longer sends
 * it fails the test here, rather than leaving it to test a case that never left its start.
 */
export function stepsThrough(scenario: Scenario, send: string, as?: string): number {
  const at = scenario.steps.findIndex((s) => s.send === send && (!as || s.as === as));
  if (at < 0) throw new Error(`the scenario "${scenario.title}" has no step sending ${send}${as ? ` as ${as}` : ''}`);
  return at + 1;
}

/** A form's title as definitions/ words it now, so a test that shows it follows an edit of the form. */
export async function readFormTitle(id: string): Promise<string> {
  return (parse(await readFile(join(REPO_ROOT, 'definitions/forms', `${id}.yaml`), 'utf8')) as { title: string }).title;
}

/** A signed-in person talking to the API. */
export class ApiUser {
  private constructor(
    readonly base: string,
    private readonly cookie: string,
    private readonly csrf: string,
  ) {}

  static async signIn(base: string, username: string): Promise<ApiUser> {
    const res = await fetch(`${base}api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    if (!res.ok) throw new Error(`sign-in of ${username}: ${res.status}`);
    const body = (await res.json()) as { csrfToken: string };
    return new ApiUser(base, res.headers.get('set-cookie')!.split(';')[0]!, body.csrfToken);
  }

  async call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        'x-csrf-token': this.csrf,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

interface CaseBody {
  id: string;
  version: number;
  instances: { id: string; pathway: string; form?: string; done: boolean }[];
}

/** Opens a case and plays the scenario's first `count` steps (those that expect an error are skipped). */
export async function playScenario(base: string, scenario: Scenario, count: number): Promise<string> {
  const users = new Map<string, ApiUser>();
  const as = async (role: keyof typeof ACCOUNTS) => {
    if (!users.has(role)) users.set(role, await ApiUser.signIn(base, ACCOUNTS[role]));
    return users.get(role)!;
  };
  let body = await (
    await as(scenario.start?.as ?? scenario.steps[0]!.as)
  ).call<CaseBody>('POST', 'api/cases', { pathway: scenario.pathway });
  for (const step of scenario.steps.slice(0, count)) {
    if (step.expectError) continue;
    const { pathway, document } = step.to ?? {};
    const instance = body.instances.find(
      (i) => !i.done && ((pathway && i.pathway === pathway) || (document && i.form === document)),
    )?.id;
    body = await (
      await as(step.as)
    ).call<CaseBody>('POST', `api/cases/${body.id}/events`, {
      expectedVersion: body.version,
      ...(step.send ? { type: step.send, data: step.data ?? {} } : {}),
      ...(step.forms ? { forms: step.forms } : {}),
      ...(instance ? { instance } : {}),
    });
  }
  return body.id;
}

/**
 * Plays a scenario's first `count` steps straight through the case service of the server's process (no HTTP: many
 * cases in a few seconds), with the person referred named `name` (and `caseNumber`) on the Request for Service.
 */
export async function seedScenario(
  dao: Dao,
  scenario: Scenario,
  count: number,
  person: { name: string; caseNumber?: string },
): Promise<string> {
  const cases = dao.services.cases;
  const as = (role: keyof typeof ACCOUNTS) => ({ id: ACCOUNTS[role], role });
  let { record, view } = await cases.openCase(as(scenario.start?.as ?? scenario.steps[0]!.as), scenario.pathway);
  for (const step of scenario.steps.slice(0, count)) {
    if (step.expectError) continue;
    const forms = structuredClone(step.forms) as Record<string, Record<string, unknown>> | undefined;
    const request = forms?.['request-for-service'];
    if (request) {
      request.personReferred = { ...(request.personReferred as object), name: person.name };
      if (person.caseNumber) request.caseNumber = person.caseNumber;
    }
    const { pathway, document } = step.to ?? {};
    const instance = view.instances.find(
      (i) => !i.done && ((pathway && i.pathway === pathway) || (document && i.form === document)),
    )?.id;
    ({ record, view } = await cases.change(record.id, as(step.as), {
      expectedVersion: record.version,
      type: step.send ?? '',
      ...(step.data ? { data: step.data } : {}),
      ...(forms ? { forms } : {}),
      ...(instance ? { instance } : {}),
    }));
  }
  return record.id;
}
