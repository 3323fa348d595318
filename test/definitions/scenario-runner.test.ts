// Issue 21: what the scenario runner and check:definitions catch. A wrong expectError.message fails its scenario; an
// answer or an event's details that its form or event refuses is a problem of check:definitions at its own line and
// column; a step by someone who may not see the case is refused as the server refuses it; `expect` checks answers,
// recorded values and, per reader, what they see, list, read, are told and are shown.
import { describe, expect, it } from 'vitest';
import { checkDefinitions, type CompiledDefinitions } from '../../engine/definitions/check.js';
import { formatProblem } from '../../engine/definitions/problems.js';
import type { ScenarioFile } from '../../engine/definitions/types.js';
import { runScenario } from '../../engine/scenarios/run-scenario.js';
import { fixtureFiles, problemsAfter } from '../engine/helpers.js';

const files = await fixtureFiles();
const compiled = checkDefinitions(files, 'defs').compiled!;
const happy = compiled.set.scenarios.get('happy')!.data;

function scenarioWith(change: (scenario: ScenarioFile) => void): ScenarioFile {
  const scenario = structuredClone(happy);
  change(scenario);
  return scenario;
}

const run = (scenario: ScenarioFile, defs: CompiledDefinitions = compiled) => runScenario(defs, 'test', scenario);

describe('runScenario', () => {
  it('should pass the fixture walk-through as written', async () => {
    expect((await run(happy)).failures).toEqual([]);
  });

  describe('expectError.message', () => {
    it('should fail a scenario whose expected message is not the message of the refusal', async () => {
      const wrong = scenarioWith((s) => (s.steps[2]!.expectError!.message = '"SUBMIT" is not possible here'));
      const outcome = await run(wrong);
      expect(outcome.passed).toBe(false);
      expect(outcome.failures).toEqual([
        'step 3 (SUBMIT): error message: expected ""SUBMIT" is not possible here", ' +
          'got ""SUBMIT" is not possible now; possible now: FINISH"',
      ]);
    });

    it('should pass with the whole message, or with a part of it declared as messageIncludes', async () => {
      const whole = scenarioWith(
        (s) => (s.steps[2]!.expectError!.message = '"SUBMIT" is not possible now; possible now: FINISH'),
      );
      expect((await run(whole)).failures).toEqual([]);
      const part = scenarioWith((s) => (s.steps[2]!.expectError!.messageIncludes = 'possible now: FINISH'));
      expect((await run(part)).failures).toEqual([]);
      const notPart = scenarioWith((s) => (s.steps[2]!.expectError!.messageIncludes = 'possible now: ALLOCATE'));
      expect((await run(notPart)).passed).toBe(false);
    });
  });

  describe('visibility', () => {
    it('should refuse a step by someone who may not see the case, as the server does', async () => {
      // another officer, not the one allocated: their role sees only the cases allocated to them
      const defs = checkDefinitions(
        {
          ...files,
          'settings.yaml': files['settings.yaml']!.replace(
            '  - { username: officer-a, role: officer }',
            '  - { username: officer-b, role: officer }\n  - { username: officer-a, role: officer }',
          ),
        },
        'defs',
      ).compiled!;
      const outcome = await run(happy, defs);
      expect(outcome.failures[0]).toMatch(/^step 3 \(SUBMIT\): expected error "event-not-allowed", got "not-visible"/);
    });
  });

  describe('expect', () => {
    it('should check the answers kept and fail on a wrong one', async () => {
      const right = scenarioWith((s) => (s.steps[0]!.expect!.answers = { request: { name: 'Sam', urgent: true } }));
      expect((await run(right)).failures).toEqual([]);
      const wrong = scenarioWith((s) => (s.steps[0]!.expect!.answers = { request: { name: 'Alex' } }));
      expect((await run(wrong)).failures).toEqual(['step 1 (SUBMIT): request.name: expected "Alex", got "Sam"']);
    });

    it('should check per reader what they see, list, read and are shown', async () => {
      const readers = scenarioWith((s) => {
        s.steps[1]!.expect!.readers = {
          requester: {
            sees: true,
            lists: ['all', 'mine'],
            notLists: ['act'],
            reads: ['request'],
            history: ['ALLOCATE'],
          },
          officer: { sees: true, lists: ['mine'], reads: ['request'] },
          lead: { sees: true, lists: ['all'] },
        };
      });
      expect((await run(readers)).failures).toEqual([]);
      const wrong = scenarioWith((s) => {
        s.steps[0]!.expect!.readers = { officer: { sees: true }, requester: { notReads: ['request'] } };
      });
      expect((await run(wrong)).failures).toEqual([
        'step 1 (SUBMIT): officer: expected the case to be visible to them',
        'step 1 (SUBMIT): requester reads: "request" should not be there',
      ]);
    });
  });
});

describe('visibility as data: acting', () => {
  // A reviewer acts on cases being worked on and holds none: `acting` shows them exactly those, while they must act.
  const actingFiles = {
    ...files,
    'roles.yaml': files['roles.yaml']!.replace(
      '\naudiences:',
      '\n  reviewer:\n    title: Reviewer\n    caseVisibility: [acting]\n    read: [request]\naudiences:',
    ),
    'pathways/flow.yaml': files['pathways/flow.yaml']!.replace(
      'meta: { title: Working, activeCase: true, deadline: due, tasks: [Do the work] }',
      'meta: { title: Working, activeCase: true, deadline: due, tasks: [Do the work], actors: [reviewer] }',
    ),
  };

  it('should let a role see a case only while it must act on it', async () => {
    const { compiled: defs, problems } = checkDefinitions(actingFiles, 'defs');
    expect(problems.map(formatProblem)).toEqual([]);
    const scenario = structuredClone(happy);
    scenario.steps[0]!.expect!.readers = { reviewer: { sees: false, notLists: ['all', 'act'] } };
    scenario.steps[1]!.expect!.readers = { reviewer: { sees: true, lists: ['all', 'act'], reads: ['request'] } };
    scenario.steps[2]!.expectError = undefined;
    scenario.steps[2]!.send = 'FINISH';
    scenario.steps[2]!.expect = { state: 'done', readers: { reviewer: { sees: false, notLists: ['all', 'act'] } } };
    expect((await run(scenario, defs!)).failures).toEqual([]);
  });
});

describe('check:definitions on scenarios', () => {
  it('should report an answer the form refuses at its line and column', async () => {
    const problems = await problemsAfter('scenarios/happy.yaml', 'urgent: true }', 'urgent: maybe }');
    expect(problems).toEqual([
      'defs/scenarios/happy.yaml:8:44: answers that "request" refuses (urgent): Select yes or no for “Is this urgent?”',
    ]);
  });

  it('should report a required question left out at the answers that leave it out', async () => {
    const problems = await problemsAfter('scenarios/happy.yaml', 'name: Sam, urgent: true', 'urgent: true');
    expect(problems).toEqual([
      'defs/scenarios/happy.yaml:8:23: answers that "request" refuses (name): Enter name of the person',
    ]);
  });

  it("should report an event's details that the event refuses", async () => {
    const problems = await problemsAfter(
      'scenarios/happy.yaml',
      'data: { officer: officer-a }',
      'data: { officer: 7 }',
    );
    expect(problems).toEqual([
      'defs/scenarios/happy.yaml:13:22: details that "ALLOCATE" refuses (officer): Enter officer as text',
    ]);
  });

  it('should leave alone a step that expects the answers to be refused', async () => {
    const problems = await problemsAfter(
      'scenarios/happy.yaml',
      '    send: SUBMIT\n    expectError',
      '    forms: { request: { urgent: 3 } }\n    send: SUBMIT\n    expectError',
      (text) =>
        text.replace(
          'expectError: { code: event-not-allowed, allowedEvents: [FINISH] }',
          'expectError: { code: form-invalid }',
        ),
    );
    expect(problems.map((p) => p.replace(/:\d+:\d+:/, ':'))).toEqual([]);
  });

  it('should say where with file:line:col through the command line too', () => {
    const problem = { code: 'scenario-answer', message: 'm', file: 'f.yaml', line: 3, col: 5 };
    expect(formatProblem(problem)).toBe('f.yaml:3:5: m');
  });
});
