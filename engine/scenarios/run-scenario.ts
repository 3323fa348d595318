// Runs a scenario (a walk-through of a pathway) against compiled definitions with a simulated clock.
import type { CompiledDefinitions } from '../definitions/check.js';
import type { ScenarioFile, ScenarioStep } from '../definitions/types.js';
import { capacityOf, type CaseUser, type OfficerLoad } from '../compile/types.js';
import { applyCommand } from '../runtime/apply.js';
import type { CaseCommand, CaseData, CommandContext } from '../runtime/model.js';
import { describeCase, type CaseView } from '../runtime/view.js';
import { getPath } from '../util/paths.js';
import { addDuration } from '../util/working-days.js';

export interface ScenarioOutcome {
  id: string;
  title: string;
  passed: boolean;
  failures: string[];
}

interface DemoUser {
  username: string;
  role: string;
}

function usersOf(defs: CompiledDefinitions): DemoUser[] {
  const settings = defs.settings as { demoUsers?: DemoUser[]; officers?: DemoUser[] };
  return [...(settings.demoUsers ?? []), ...(settings.officers ?? [])];
}

function userFor(defs: CompiledDefinitions, who: { as?: string; user?: string }, fallback: CaseUser): CaseUser {
  const users = usersOf(defs);
  const found = who.user ? users.find((u) => u.username === who.user) : who.as ? users.find((u) => u.role === who.as) : undefined;
  const role = found?.role ?? who.as ?? fallback.role;
  const id = found?.username ?? who.user ?? (who.as ? who.as : fallback.id);
  return { id, role, qualifications: defs.roles.roles[role]?.qualifications ?? [] };
}

function officerLoads(defs: CompiledDefinitions, caseload: Record<string, number>): Record<string, OfficerLoad> {
  const loads: Record<string, OfficerLoad> = {};
  for (const officer of defs.settings.officers ?? []) {
    loads[officer.username] = {
      capacity: capacityOf(defs.settings, officer.username),
      active: caseload[officer.username] ?? 0,
    };
  }
  return loads;
}

function expectSubset(label: string, actual: string[], expected: string[] | undefined, failures: string[]): void {
  for (const item of expected ?? []) if (!actual.includes(item)) failures.push(`${label}: expected "${item}" among [${actual.join(', ')}]`);
}

function checkExpectations(view: CaseView, step: ScenarioStep, instanceId: string, failures: string[]): void {
  const expect = step.expect;
  if (!expect) return;
  const target = view.instances.find((i) => i.id === instanceId);
  if (expect.state !== undefined && target?.state !== expect.state) failures.push(`state: expected "${expect.state}", got "${target?.state}"`);
  expectSubset('tasks', view.tasks, expect.tasks, failures);
  expectSubset('forms open', view.formsOpen, expect.forms, failures);
  const allowed = view.allowedEvents.filter((e) => e.instance === instanceId).map((e) => e.type);
  expectSubset('allowed events', allowed, expect.allowedEvents, failures);
  for (const type of expect.notAllowedEvents ?? []) if (allowed.includes(type)) failures.push(`allowed events: "${type}" should not be allowed`);
  for (const [name, due] of Object.entries(expect.deadlines ?? {})) {
    const found = view.deadlines.find((d) => d.name === name);
    if (due === null ? found !== undefined : found?.due !== due) failures.push(`deadline ${name}: expected ${due}, got ${found?.due ?? 'none'}`);
  }
  for (const [form, state] of Object.entries(expect.documents ?? {})) {
    const doc = view.instances.filter((i) => i.kind === 'document' && i.form === form).at(-1);
    if (doc?.state !== state) failures.push(`document ${form}: expected "${state}", got "${doc?.state ?? 'not opened'}"`);
  }
  for (const [pathway, state] of Object.entries(expect.pathways ?? {})) {
    const inner = view.instances.filter((i) => i.kind === 'pathway' && i.pathway === pathway).at(-1);
    if (inner?.state !== state) failures.push(`pathway ${pathway}: expected "${state}", got "${inner?.state ?? 'not started'}"`);
  }
  for (const [path, value] of Object.entries(expect.case ?? {})) {
    const actual = getPath(view.values, path);
    if (JSON.stringify(actual) !== JSON.stringify(value)) failures.push(`case.${path}: expected ${JSON.stringify(value)}, got ${JSON.stringify(actual)}`);
  }
  for (const message of expect.notifications ?? []) {
    if (!view.notifications.some((n) => n.message === message)) failures.push(`notification "${message}" was not sent`);
  }
}

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

export function runScenario(defs: CompiledDefinitions, id: string, scenario: ScenarioFile & { caseload?: Record<string, number> }): ScenarioOutcome {
  const failures: string[] = [];
  let now = scenario.now ?? '2026-01-05T09:00:00.000Z';
  const officers = officerLoads(defs, scenario.caseload ?? {});
  const holidays = defs.settings.bankHolidays ?? { country: 'GB', region: 'ENG' };
  const opener = userFor(defs, scenario.start ?? { as: scenario.steps[0]?.as }, { id: 'system', role: 'system', qualifications: [] });
  const ctx = (user: CaseUser): CommandContext => ({ user, now, officers });
  const opened = applyCommand(defs, undefined, { kind: 'open', pathway: scenario.pathway, ctx: ctx(opener) });
  if (!opened.ok) return { id, title: scenario.title, passed: false, failures: [`opening the case: ${opened.error.message}`] };
  let data: CaseData = opened.data;

  scenario.steps.forEach((step, index) => {
    if (failures.length) return;
    const fail = (message: string) => failures.push(`step ${index + 1}${step.send ? ` (${step.send})` : ''}: ${message}`);
    now = step.advance ? addDuration(now, step.advance, holidays) : new Date(Date.parse(now) + 60_000).toISOString();
    for (const timer of Object.values(data.timers).sort((a, b) => a.dueAt.localeCompare(b.dueAt))) {
      if (timer.dueAt > now) continue;
      const fired = applyCommand(defs, data, { kind: 'fireTimer', timer: timer.id, ctx: { user: opener, now: timer.dueAt, officers } });
      if (fired.ok) data = fired.data;
    }
    const user = userFor(defs, step, opener);
    let instanceId = 'case';
    if (step.send || step.to?.document || step.to?.pathway) {
      const target = targetOf(describeCase(defs, data, user, now), step);
      if (!target && step.send) return fail(`nothing to send to: ${JSON.stringify(step.to)} has not been opened`);
      instanceId = target?.id ?? instanceId;
    }
    // Answers given with `to` are for that instance (where its pathway keeps the form per instance).
    const forInstance = step.to ? { instance: instanceId } : {};
    const commands: CaseCommand[] = Object.entries(step.forms ?? {}).map(([form, answers]) => ({
      kind: 'submitForm',
      form,
      data: answers,
      ctx: ctx(user),
      ...forInstance,
    }));
    if (step.send) {
      commands.push({ kind: 'send', instance: instanceId, type: step.send, data: step.data ?? {}, ctx: ctx(user) });
    }
    for (const [i, command] of commands.entries()) {
      const result = applyCommand(defs, data, command);
      const last = i === commands.length - 1;
      if (!result.ok) {
        if (step.expectError && last) {
          if (result.error.code !== step.expectError.code) fail(`expected error "${step.expectError.code}", got "${result.error.code}": ${result.error.message}`);
          expectSubset('allowed events in the error', result.error.allowedEvents ?? [], step.expectError.allowedEvents, failures);
          return;
        }
        const fields = result.error.fieldErrors ? ` ${JSON.stringify(result.error.fieldErrors)}` : '';
        return fail(`${command.kind === 'submitForm' ? `form ${command.form}` : 'event'} refused (${result.error.code}): ${result.error.message}${fields}`);
      }
      data = result.data;
    }
    if (step.expectError) return fail(`expected error "${step.expectError.code}", but it was accepted`);
    checkExpectations(describeCase(defs, data, user, now), step, instanceId, failures);
  });
  return { id, title: scenario.title, passed: failures.length === 0, failures };
}

export function runAllScenarios(defs: CompiledDefinitions): ScenarioOutcome[] {
  return [...defs.set.scenarios.values()].map((s) => runScenario(defs, s.id, s.data));
}
