// What a step of a walk-through expects, checked against what the case service gives back: the case as the person who
// acted sees it, the answers and values kept, sign-off records, and for other readers what they may see, read, list
// and are told — each decided by the same engine functions the server answers with.
import type { ScenarioStep } from '../definitions/types.js';
import type { InstanceContext } from '../compile/types.js';
import type { CaseData, InstanceRecord } from '../runtime/model.js';
import type { CaseView } from '../runtime/view.js';
import { getPath } from '../util/paths.js';
import { checkReaders } from './readers.js';
import type { ScenarioWorld } from './scenario-world.js';

type Expect = NonNullable<ScenarioStep['expect']>;

export function expectSubset(
  label: string,
  actual: string[],
  expected: string[] | undefined,
  failures: string[],
): void {
  for (const item of expected ?? []) {
    if (!actual.includes(item)) failures.push(`${label}: expected "${item}" among [${actual.join(', ')}]`);
  }
}

function expectNone(label: string, actual: string[], unexpected: string[] | undefined, failures: string[]): void {
  for (const item of unexpected ?? [])
    if (actual.includes(item)) failures.push(`${label}: "${item}" should not be there`);
}

function sameValue(label: string, actual: unknown, expected: unknown, failures: string[]): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    failures.push(`${label}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

/** The latest document of a form: the open one if there is one. */
function latestDocument(data: CaseData, form: string): InstanceRecord | undefined {
  const documents = Object.values(data.instances).filter((i) => i.kind === 'document' && i.form === form);
  return documents.filter((i) => !i.done).at(-1) ?? documents.at(-1);
}

/** What a sign-off key names: the case, the latest inner pathway of that id, or the latest document of that form. */
function signedInstance(data: CaseData, key: string): InstanceRecord | undefined {
  if (key === 'case') return Object.values(data.instances).find((i) => i.kind === 'case');
  return (
    Object.values(data.instances)
      .filter((i) => i.kind === 'pathway' && i.pathway === key)
      .at(-1) ?? latestDocument(data, key)
  );
}

function checkView(view: CaseView, expect: Expect, instanceId: string, failures: string[]): void {
  const target = view.instances.find((i) => i.id === instanceId);
  if (expect.state !== undefined && target?.state !== expect.state) {
    failures.push(`state: expected "${expect.state}", got "${target?.state}"`);
  }
  expectSubset('tasks', view.tasks, expect.tasks, failures);
  expectSubset('forms open', view.formsOpen, expect.forms, failures);
  const allowed = view.allowedEvents.filter((e) => e.instance === instanceId).map((e) => e.type);
  expectSubset('allowed events', allowed, expect.allowedEvents, failures);
  expectNone('allowed events', allowed, expect.notAllowedEvents, failures);
  for (const [name, due] of Object.entries(expect.deadlines ?? {})) {
    const found = view.deadlines.find((d) => d.name === name);
    if (due === null ? found !== undefined : found?.due !== due) {
      failures.push(`deadline ${name}: expected ${due}, got ${found?.due ?? 'none'}`);
    }
  }
  for (const [form, state] of Object.entries(expect.documents ?? {})) {
    const doc = view.instances.filter((i) => i.kind === 'document' && i.form === form).at(-1);
    if (doc?.state !== state)
      failures.push(`document ${form}: expected "${state}", got "${doc?.state ?? 'not opened'}"`);
  }
  for (const [pathway, state] of Object.entries(expect.pathways ?? {})) {
    const inner = view.instances.filter((i) => i.kind === 'pathway' && i.pathway === pathway).at(-1);
    if (inner?.state !== state)
      failures.push(`pathway ${pathway}: expected "${state}", got "${inner?.state ?? 'not started'}"`);
  }
  for (const [path, value] of Object.entries(expect.case ?? {}))
    sameValue(`case.${path}`, getPath(view.values, path), value, failures);
  for (const message of expect.notifications ?? []) {
    if (!view.notifications.some((n) => n.message === message)) failures.push(`notification "${message}" was not sent`);
  }
}

function checkKept(data: CaseData, expect: Expect, failures: string[]): void {
  for (const [form, answers] of Object.entries(expect.answers ?? {})) {
    const kept = data.forms[form]?.data ?? latestDocument(data, form)?.answers?.data;
    if (!kept) {
      failures.push(`answers of ${form}: none were submitted`);
      continue;
    }
    for (const [path, value] of Object.entries(answers))
      sameValue(`${form}.${path}`, getPath(kept, path), value, failures);
  }
  for (const [form, values] of Object.entries(expect.documentValues ?? {})) {
    const document = latestDocument(data, form);
    if (!document) {
      failures.push(`document ${form}: not opened`);
      continue;
    }
    const recorded = (document.snapshot as { context: InstanceContext }).context.case;
    for (const [path, value] of Object.entries(values)) {
      sameValue(`document ${form} ${path}`, getPath(recorded, path), value, failures);
    }
  }
  for (const [key, records] of Object.entries(expect.signOffs ?? {})) {
    const signOffs = signedInstance(data, key)?.signOffs ?? [];
    for (const wanted of records) {
      const found = signOffs.some(
        (r) =>
          r.event === wanted.event && (!wanted.role || r.role === wanted.role) && (!wanted.by || r.by === wanted.by),
      );
      if (!found) {
        const have = signOffs.map((r) => `${r.event} by ${r.by} (${r.role})`).join(', ') || 'none';
        failures.push(`sign-off on ${key}: expected ${JSON.stringify(wanted)}, have ${have}`);
      }
    }
  }
}

/** Every expectation of the step; `view` is the case as the person who acted sees it. */
export async function checkExpectations(
  world: ScenarioWorld,
  caseId: string,
  view: CaseView,
  step: ScenarioStep,
  instanceId: string,
  failures: string[],
): Promise<void> {
  const expect = step.expect;
  if (!expect) return;
  checkView(view, expect, instanceId, failures);
  checkKept(await world.caseData(caseId), expect, failures);
  for (const [name, expected] of Object.entries(expect.readers ?? {})) {
    await checkReaders(world, caseId, name, expected, failures);
  }
}
