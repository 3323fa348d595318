// applyCommand shares the unchanged parts of a case with the case it was given (copyForChange), so it must never
// change a held object in place. Here every protocol walk-through runs with each case frozen before every command, as
// the server's store keeps them: a change in place would throw (reported as a definition error) and fail the walk.
import { describe, expect, it, vi } from 'vitest';
import type { CompiledDefinitions } from '../../engine/definitions/check.js';
import type { CaseCommand, CaseData, CaseResult } from '../../engine/runtime/model.js';

const calls = vi.hoisted(() => ({ freeze: false, frozenInputs: 0, results: [] as unknown[] }));

vi.mock('../../engine/runtime/apply.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../engine/runtime/apply.js')>();
  const { deepFreeze } = await import('../../engine/util/deep-freeze.js');
  return {
    ...original,
    applyCommand(defs: CompiledDefinitions, data: CaseData | undefined, command: CaseCommand): CaseResult {
      if (calls.freeze && data) {
        deepFreeze(data);
        calls.frozenInputs += 1;
      }
      const result = original.applyCommand(defs, data, command);
      // Kept as JSON text at once: a later change to a shared object would otherwise show in both runs alike.
      calls.results.push(JSON.stringify(result));
      return result;
    },
  };
});

const { checkDefinitions } = await import('../../engine/definitions/check.js');
const { readDefinitionFiles } = await import('../../engine/definitions/read-files.js');
const { runScenario } = await import('../../engine/scenarios/run-scenario.js');
const { compiled } = checkDefinitions(await readDefinitionFiles('definitions'));
const scenarios = [...compiled!.set.scenarios.values()];

async function walk(scenario: (typeof scenarios)[number], freeze: boolean) {
  calls.freeze = freeze;
  calls.frozenInputs = 0;
  calls.results = [];
  const outcome = await runScenario(compiled!, scenario.id, structuredClone(scenario.data));
  return { outcome, results: calls.results, frozenInputs: calls.frozenInputs };
}

describe('applyCommand on frozen cases', () => {
  for (const scenario of scenarios) {
    it(`should walk ${scenario.id} on frozen cases exactly as on plain ones`, async () => {
      // given the walk on plain data
      const plain = await walk(scenario, false);
      // when every case handed to applyCommand is frozen first
      const frozen = await walk(scenario, true);
      // then it passes, and every command's result is the same, refusals included
      expect(frozen.outcome.failures).toEqual([]);
      expect(frozen.frozenInputs).toBeGreaterThan(0);
      expect(frozen.results).toEqual(plain.results);
    });
  }
});
