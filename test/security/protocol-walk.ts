// The server on the protocol's own definitions, its demo accounts signed in, and a referral walked over HTTP through
// the steps of definitions/scenarios/one-to-one-work-to-closure.yaml (answers there are valid), so that security and
// reliability tests reach real documents such as the Risk Assessment and its confidential part.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { checkDefinitions, type CompiledDefinitions } from '../../engine/definitions/check.js';
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';
import type { JsonObject } from '../../engine/definitions/types.js';
import { signIn, startServer, type Client, type TestServer } from '../server/helpers.js';

export const PROTOCOL_USERS = [
  'social-worker',
  'manager',
  'officer-po',
  'officer-pso',
  'service-manager',
  'auditor',
] as const;
export type ProtocolUser = (typeof PROTOCOL_USERS)[number];

export interface ScenarioStep {
  as: 'social-worker' | 'team-manager' | 'dao-pso';
  send?: string;
  data?: Record<string, unknown>;
  forms?: Record<string, Record<string, unknown>>;
  to?: { document?: string; pathway?: string };
  expectError?: { code: string };
}

export const SCENARIO_STEPS = (
  parse(readFileSync('definitions/scenarios/one-to-one-work-to-closure.yaml', 'utf8')) as { steps: ScenarioStep[] }
).steps;

/** Who acts for each role of the scenario. */
export const ACTOR: Record<ScenarioStep['as'], ProtocolUser> = {
  'social-worker': 'social-worker',
  'team-manager': 'manager',
  'dao-pso': 'officer-pso',
};

let compiled: CompiledDefinitions | undefined;
/** The protocol's definitions, compiled as the server compiles them (for the forms' validators). */
export async function protocolDefinitions(): Promise<CompiledDefinitions> {
  return (compiled ??= checkDefinitions(await readDefinitionFiles('definitions')).compiled!);
}

export function startProtocolServer(): Promise<TestServer> {
  return startServer({ definitionsDir: 'definitions' });
}

export async function signInProtocolUsers(server: TestServer): Promise<Record<ProtocolUser, Client>> {
  const users = {} as Record<ProtocolUser, Client>;
  for (const username of PROTOCOL_USERS) users[username] = await signIn(server.app, username);
  return users;
}

interface Instance {
  id: string;
  kind: string;
  form?: string;
  pathway: string;
  done: boolean;
}

/** The instance a step sends to, chosen as the scenario runner chooses it. */
export function stepInstance(instances: Instance[], to: ScenarioStep['to']): string | undefined {
  if (!to) return undefined;
  if (to.document) {
    return (
      instances.filter((i) => i.kind === 'document' && i.form === to.document && !i.done).at(-1) ??
      instances.filter((i) => i.kind === 'document' && i.form === to.document).at(-1)
    )?.id;
  }
  return instances.filter((i) => i.kind === 'pathway' && i.pathway === to.pathway).at(-1)?.id;
}

/** Sends one scenario step to a case as the step's actor, at the case's current version; returns the response. */
export async function sendStep(users: Record<ProtocolUser, Client>, caseId: string, step: ScenarioStep) {
  const client = users[ACTOR[step.as]];
  const current = (await client.get(`/api/cases/${caseId}`).expect(200)).body as {
    version: number;
    instances: Instance[];
  };
  const instance = step.send ? stepInstance(current.instances, step.to) : undefined;
  return client.post(`/api/cases/${caseId}/events`, {
    expectedVersion: current.version,
    ...(step.send ? { type: step.send } : {}),
    ...(step.data ? { data: step.data } : {}),
    ...(step.forms ? { forms: step.forms } : {}),
    ...(instance ? { instance } : {}),
  });
}

/**
 * Opens a referral as the social worker and sends the scenario's steps up to, not including, the first step `stop`
 * matches; `change` may replace a step's answers on the way. Fails on any step the server refuses unexpectedly.
 */
export async function walkReferral(
  users: Record<ProtocolUser, Client>,
  stop: (step: ScenarioStep) => boolean,
  change: (step: ScenarioStep) => ScenarioStep = (s) => s,
): Promise<{ caseId: string; next: number }> {
  const opened = await users['social-worker'].post('/api/cases', { pathway: 'referral' }).expect(201);
  const caseId = opened.body.id as string;
  let index = 0;
  for (; index < SCENARIO_STEPS.length && !stop(SCENARIO_STEPS[index]!); index++) {
    const step = change(SCENARIO_STEPS[index]!);
    const res = await sendStep(users, caseId, step);
    const expected = step.expectError ? 422 : 200;
    if (res.status !== expected)
      throw new Error(`step ${index + 1} (${step.send ?? 'forms'}) answered ${res.status}: ${res.text.slice(0, 500)}`);
  }
  return { caseId, next: index };
}

export const isSubmitForAudit = (form: string) => (step: ScenarioStep) =>
  step.send === 'SUBMIT_FOR_AUDIT' && step.to?.document === form;

/** Valid answers to the Risk Assessment – Confidential Information (the scenario leaves that form empty). */
export const CONFIDENTIAL_ANSWERS = {
  nameOfParent: 'A',
  dateOfBirth: '1989-05-21',
  namesOfChildren: 'B',
  confidentialInformation: 'x',
  daOfficer: 'C',
  dateOfAssessment: '2026-02-16',
};

type Answers = Record<string, unknown>;

/**
 * A referral walked to the officer submitting the Risk Assessment for audit together with its confidential part;
 * `answersFor` may change any form's answers on the way. Returns the case and its documents.
 */
export async function caseWithRiskAssessment(
  users: Record<ProtocolUser, Client>,
  answersFor: (form: string, answers: Answers) => Answers = (_form, answers) => answers,
) {
  const withAnswers = (forms: Record<string, Answers>) =>
    Object.fromEntries(Object.entries(forms).map(([form, answers]) => [form, answersFor(form, answers)]));
  const walked = await walkReferral(users, isSubmitForAudit('risk-assessment'), (step) =>
    step.forms ? { ...step, forms: withAnswers(step.forms) } : step,
  );
  const submit = SCENARIO_STEPS[walked.next]!;
  const res = await sendStep(users, walked.caseId, {
    ...submit,
    forms: withAnswers({ ...submit.forms, 'risk-assessment-confidential': CONFIDENTIAL_ANSWERS }),
  });
  if (res.status !== 200)
    throw new Error(`submitting the Risk Assessment answered ${res.status}: ${res.text.slice(0, 500)}`);
  return {
    caseId: walked.caseId,
    documents: res.body.documents as { id: string; form: string; hasAnswers: boolean }[],
  };
}

function resolve(root: JsonObject, node: JsonObject): JsonObject {
  const ref = node.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
  const target = ref
    .slice(2)
    .split('/')
    .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], root) as JsonObject | undefined;
  return target
    ? { ...resolve(root, target), ...Object.fromEntries(Object.entries(node).filter(([k]) => k !== '$ref')) }
    : node;
}

/** A text field: a plain string with no format, pattern, choice or constant that a free text would break. */
function isFreeText(schema: JsonObject): boolean {
  return (
    schema.type === 'string' &&
    !schema.format &&
    !schema.pattern &&
    !schema.enum &&
    !schema.oneOf &&
    !schema.anyOf &&
    schema.const === undefined
  );
}

/** The answers with every free-text field of the form (present or not, at any depth of objects and lists) set to `text`. */
export function fillTextFields(
  formSchema: JsonObject,
  answers: Record<string, unknown>,
  text: string,
): Record<string, unknown> {
  const fill = (schema: JsonObject, value: unknown): unknown => {
    const node = resolve(formSchema, schema);
    if (isFreeText(node)) return typeof node.maxLength === 'number' ? text.slice(0, node.maxLength) : text;
    if (node.type === 'array' && Array.isArray(value))
      return value.map((item) => fill((node.items ?? {}) as JsonObject, item));
    if ((node.type === 'object' || node.properties) && value && typeof value === 'object' && !Array.isArray(value)) {
      const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      for (const [key, property] of Object.entries((node.properties ?? {}) as Record<string, JsonObject>)) {
        const resolved = resolve(formSchema, property);
        if (key in out) out[key] = fill(property, out[key]);
        else if (isFreeText(resolved)) out[key] = fill(property, undefined);
      }
      return out;
    }
    return value;
  };
  return fill(formSchema, answers) as Record<string, unknown>;
}

/**
 * Passes the audit of a case's Risk Assessment (with the Audit Tool answers of the scenario) and countersigns it, as
 * the scenario does: the document becomes final, and so is shared with the social worker and the person referred.
 */
export async function finaliseRiskAssessment(users: Record<ProtocolUser, Client>, caseId: string): Promise<void> {
  const pass = SCENARIO_STEPS.find((s) => s.send === 'PASS_AUDIT' && s.to?.document === 'risk-assessment')!;
  const countersign = SCENARIO_STEPS.find((s) => s.send === 'COUNTERSIGN' && s.to?.document === 'risk-assessment')!;
  for (const step of [pass, countersign]) {
    const res = await sendStep(users, caseId, step);
    if (res.status !== 200) throw new Error(`${step.send} answered ${res.status}: ${res.text.slice(0, 500)}`);
  }
}
