// A server reads no scenario to start (issue 22: they are nearly half the protocol's YAML, and running cases never
// reads them): loaded with `withScenarios: false`, a set leaves its scenario files unread; by default they are read and
// checked, every problem at its line and column.
import { describe, expect, it } from 'vitest';
import { checkDefinitions } from '../../engine/definitions/check.js';
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';
import type { DefinitionFiles } from '../../engine/definitions/types.js';

const FIXTURE = 'test/server/fixture';

async function withBrokenScenario(): Promise<DefinitionFiles> {
  const files = await readDefinitionFiles(FIXTURE);
  // An unclosed flow mapping on line 3 and a second scenario naming a pathway that does not exist.
  return {
    ...files,
    'scenarios/broken.yaml': 'title: Broken\npathway: flow\nstart: { as: requester\nsteps: []\n',
    'scenarios/lost.yaml': 'x-schemaVersion: 1\ntitle: Lost\npathway: nowhere\nsteps: [{ as: requester }]\n',
  };
}

describe('checkDefinitions › withScenarios', () => {
  it('should read and check every scenario by default, reporting each problem at its line and column', async () => {
    // given definitions with two broken scenarios, when they are checked as the CLI and the editor check them
    const { problems, compiled } = checkDefinitions(await withBrokenScenario(), 'draft');
    // then both are refused at their place, and nothing is compiled
    expect(compiled).toBeUndefined();
    const at = (file: string, line: number, col: number, code: string) =>
      expect.objectContaining({ file: `draft/scenarios/${file}`, line, col, code });
    expect(problems).toContainEqual(at('broken.yaml', 3, 8, 'yaml-syntax'));
    expect(problems).toContainEqual(at('lost.yaml', 3, 10, 'unknown-pathway'));
  });

  it('should leave the scenarios unread when a server loads a set to run cases', async () => {
    // given the same files, when they are loaded as a starting server loads them
    const files = await withBrokenScenario();
    const { problems, compiled } = checkDefinitions(files, 'version 1', { withScenarios: false });
    // then the rest compiles, no scenario is read, and the files are kept whole (a published version keeps them)
    expect(problems).toEqual([]);
    expect(compiled?.set.scenarios.size).toBe(0);
    expect(compiled?.forms.size).toBeGreaterThan(0);
    expect(compiled?.set.files).toBe(files);
  });
});
