// Runs a scenario (a walk-through of a pathway) through the case service the server uses — its visibility, its
// checks, its store — over a store in memory with a simulated clock, so that a step passes or is refused exactly as
// the same request to the server would be.
import type { CompiledDefinitions } from '../definitions/check.js';
import type { ScenarioFile, ScenarioStep } from '../definitions/types.js';
import { describeCase, type CaseView } from '../runtime/view.js';
import type { ServiceUser } from '../service/case-service.js';
import { CaseServiceError } from '../service/errors.js';
import { checkExpectations, expectSubset } from './expectations.js';
import { ScenarioWorld } from './scenario-world.js';

export interface ScenarioOutcome {
  id: string;
  title: string;
  passed: boolean;
  failures: string[];
}

type Scenario = ScenarioFile & { caseload?: Record<string, number> };

/** The instance a step is for: the latest open document of a form (else the latest), an inner pathway, or the case. */
function targetOf(view: CaseView, step: ScenarioStep) {
  const { document, pathway } = step.to ?? {};
  if (document) {
    const docs = view.instances.filter((i) => i.kind === 'document' && i.form === document);
    return docs.filter((i) => !i.done).at(-1) ?? docs.at(-1);
  }
  if (pathway) return view.instances.filter((i) => i.kind === 'pathway' && i.pathway === pathway).at(-1);
  return view.instances.find((i) => i.kind === 'case');
}

/** A refusal that the step expected: its code, its message (whole or in part) and the events it names. */
function checkRefusal(error: CaseServiceError, expected: NonNullable<ScenarioStep['expectError']>, failures: string[]) {
  const fail = (message: string) => void failures.push(message);
  if (error.code !== expected.code) fail(`expected error "${expected.code}", got "${error.code}": ${error.message}`);
  if (expected.message !== undefined && error.message !== expected.message) {
    fail(`error message: expected "${expected.message}", got "${error.message}"`);
  }
  if (expected.messageIncludes !== undefined && !error.message.includes(expected.messageIncludes)) {
    fail(`error message: expected it to include "${expected.messageIncludes}", got "${error.message}"`);
  }
  expectSubset('allowed events in the error', error.details.allowedEvents ?? [], expected.allowedEvents, failures);
}

async function runStep(
  world: ScenarioWorld,
  caseId: string,
  step: ScenarioStep,
  opener: ServiceUser,
  failures: string[],
): Promise<void> {
  const fail = (message: string) => void failures.push(message);
  await world.advance(caseId, step.advance);
  const user = world.userFor(step, opener);
  let instanceId = 'case';
  if (step.send || step.to?.document || step.to?.pathway) {
    // Which instance the step is for is looked up whoever sends it: whether they may is the service's to say.
    const everything = describeCase(
      world.defs,
      await world.caseData(caseId),
      world.service.caseUser(world.defs, user),
      world.now,
    );
    const target = targetOf(everything, step);
    if (!target && step.send) return fail(`nothing to send to: ${JSON.stringify(step.to)} has not been opened`);
    instanceId = target?.id ?? instanceId;
  }
  const record = await world.store.getCase(caseId);
  let view: CaseView;
  try {
    // A step that sends nothing only looks: the case as this person is shown it.
    const looks = !step.send && !step.forms;
    const changed = looks
      ? await world.service.load(caseId, user)
      : await world.service.change(caseId, user, {
          expectedVersion: record!.version,
          type: step.send ?? '',
          ...(step.to ? { instance: instanceId } : {}),
          ...(step.send ? { data: step.data ?? {} } : {}),
          ...(step.forms ? { forms: step.forms } : {}),
        });
    view = changed.view;
  } catch (error) {
    if (!(error instanceof CaseServiceError)) throw error;
    if (step.expectError) return checkRefusal(error, step.expectError, failures);
    const fields = error.details.fieldErrors ? ` ${JSON.stringify(error.details.fieldErrors)}` : '';
    return fail(`refused (${error.code}): ${error.message}${fields}`);
  }
  if (step.expectError) return fail(`expected error "${step.expectError.code}", but it was accepted`);
  await checkExpectations(world, caseId, view, step, instanceId, failures);
}

export async function runScenario(defs: CompiledDefinitions, id: string, scenario: Scenario): Promise<ScenarioOutcome> {
  const failures: string[] = [];
  const world = await ScenarioWorld.open(defs, scenario.now ?? '2026-01-05T09:00:00.000Z');
  try {
    await world.seedCaseload(scenario.caseload ?? {});
    const opener = world.userFor(scenario.start ?? { as: scenario.steps[0]?.as }, { id: 'system', role: 'system' });
    let caseId: string;
    try {
      caseId = (await world.service.openCase(opener, scenario.pathway)).record.id;
    } catch (error) {
      if (!(error instanceof CaseServiceError)) throw error;
      return { id, title: scenario.title, passed: false, failures: [`opening the case: ${error.message}`] };
    }
    for (const [index, step] of scenario.steps.entries()) {
      const stepFailures: string[] = [];
      const name = `step ${index + 1}${step.send ? ` (${step.send})` : ''}`;
      const stepCase = step.case ? await world.linkedCase(caseId, step.case) : caseId;
      if (stepCase) await runStep(world, stepCase, step, opener, stepFailures);
      else stepFailures.push(`the case has no linked case "${step.case}" yet`);
      failures.push(...stepFailures.map((failure) => `${name}: ${failure}`));
      if (failures.length) break;
    }
  } catch (error) {
    failures.push(`the walk-through could not run: ${(error as Error).message}`);
  } finally {
    await world.close();
  }
  return { id, title: scenario.title, passed: failures.length === 0, failures };
}

export async function runAllScenarios(defs: CompiledDefinitions): Promise<ScenarioOutcome[]> {
  const outcomes: ScenarioOutcome[] = [];
  for (const scenario of defs.set.scenarios.values())
    outcomes.push(await runScenario(defs, scenario.id, scenario.data));
  return outcomes;
}
