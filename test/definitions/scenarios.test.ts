// Every walk-through in definitions/scenarios runs green, and `npm run scenarios` reports it in its last line.
// This is what guards an upgrade of xstate within the range package.json pins (~5.33.x): the engine uses only its
// public API, and every scenario of the protocol must still walk as written on whatever patch release is installed
// (test/engine/frozen-scenarios.test.ts walks them all again on frozen cases).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkDefinitions } from '../../engine/definitions/check.js';
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';
import { runScenario } from '../../engine/scenarios/run-scenario.js';

const { compiled } = checkDefinitions(await readDefinitionFiles('definitions'));
const scenarios = [...compiled!.set.scenarios.values()];

describe('protocol scenarios', () => {
  it('should have at least 15 walk-throughs', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(15);
  });

  for (const scenario of scenarios) {
    it(`should pass: ${scenario.id}`, async () => {
      const outcome = await runScenario(compiled!, scenario.id, scenario.data);
      expect(outcome.failures).toEqual([]);
      expect(outcome.passed).toBe(true);
    });
  }

  it('should fail a scenario whose expectation is wrong (the runner checks what it says)', async () => {
    const scenario = structuredClone(scenarios[0]!.data);
    const step = scenario.steps.find((s) => s.expect?.state)!;
    step.expect!.state = 'no-such-state';
    expect((await runScenario(compiled!, 'broken', scenario)).passed).toBe(false);
  });

  it('should end `npm run scenarios` with "N passed, 0 failed"', async () => {
    const { stdout } = await promisify(execFile)('node_modules/.bin/tsx', ['engine/cli/run-scenarios.ts']);
    expect(stdout.trim().split('\n').at(-1)).toBe(`${scenarios.length} passed, 0 failed`);
  });
});
