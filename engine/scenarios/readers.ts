// `expect.readers` of a walk-through: for one reader, whether they see the case at all (the case service's own check),
// the lists it is on for them (the store's list queries with their visibility, as GET /api/cases asks), the forms and
// documents whose answers reach them, the notices they are given and the history they are shown (engine/reading).
import type { ReaderExpectation } from '../definitions/types.js';
import { documentShown, formShown, historyFor, noticesFor } from '../reading/case-reading.js';
import { Redactor } from '../reading/redaction.js';
import type { CaseData } from '../runtime/model.js';
import type { ServiceUser } from '../service/case-service.js';
import { viewNames, viewQuery } from '../service/case-views.js';
import { CaseServiceError } from '../service/errors.js';
import type { ScenarioWorld } from './scenario-world.js';

async function sees(world: ScenarioWorld, caseId: string, reader: ServiceUser): Promise<boolean> {
  try {
    await world.service.load(caseId, reader);
    return true;
  } catch (error) {
    if (error instanceof CaseServiceError && error.code === 'not-visible') return false;
    throw error;
  }
}

/** The views the case is on for this reader, each read page by page as the server lists it. */
async function listsShowing(world: ScenarioWorld, caseId: string, reader: ServiceUser): Promise<string[]> {
  const found: string[] = [];
  for (const view of viewNames(world.defs)) {
    const query = viewQuery(view, reader, world.defs)!;
    let after: string | undefined;
    for (;;) {
      const page = await world.service.listCases(reader, { ...query, limit: 100, ...(after ? { after } : {}) });
      if (page.cases.some((c) => c.id === caseId)) {
        found.push(view);
        break;
      }
      if (!page.next) break;
      after = page.next;
    }
  }
  return found;
}

/** The forms whose answers reach the reader: at case level, or as a document shown to them. */
function formsRead(world: ScenarioWorld, data: CaseData, redactor: Redactor): string[] {
  const forms = new Set(Object.keys(data.forms).filter((form) => formShown(world.defs, redactor, form)));
  for (const instance of Object.values(data.instances)) {
    if (instance.kind === 'document' && documentShown(world.defs, data, redactor, instance.id))
      forms.add(instance.form!);
  }
  return [...forms].sort();
}

function compare(
  label: string,
  actual: string[],
  wanted: string[] | undefined,
  unwanted: string[] | undefined,
  failures: string[],
) {
  for (const item of wanted ?? [])
    if (!actual.includes(item)) failures.push(`${label}: expected "${item}" among [${actual.join(', ')}]`);
  for (const item of unwanted ?? [])
    if (actual.includes(item)) failures.push(`${label}: "${item}" should not be there`);
}

export async function checkReaders(
  world: ScenarioWorld,
  caseId: string,
  name: string,
  expected: ReaderExpectation,
  failures: string[],
): Promise<void> {
  const reader = world.readerFor(name);
  const visible = await sees(world, caseId, reader);
  if (expected.sees !== undefined && visible !== expected.sees) {
    failures.push(`${name}: expected the case to be ${expected.sees ? 'visible' : 'not visible'} to them`);
  }
  if (expected.lists || expected.notLists) {
    compare(`${name} lists`, await listsShowing(world, caseId, reader), expected.lists, expected.notLists, failures);
  }
  // What the server would send them in the case: nothing at all when they may not see it.
  const data = await world.caseData(caseId);
  const redactor = new Redactor(world.defs, { role: reader.role });
  const reads = visible ? formsRead(world, data, redactor) : [];
  compare(`${name} reads`, reads, expected.reads, expected.notReads, failures);
  const notices = visible ? noticesFor(world.defs, data, redactor).map((n) => n.message) : [];
  compare(`${name} is notified`, notices, expected.notified, expected.notNotified, failures);
  if (expected.history || expected.notHistory) {
    const headers = visible ? historyFor(world.defs, data, redactor, await world.store.listEventHeaders(caseId)) : [];
    compare(
      `${name} history`,
      headers.map((h) => h.type),
      expected.history,
      expected.notHistory,
      failures,
    );
  }
}
