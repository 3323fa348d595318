// Issue 21: teamsExemptFromEarlyHelpClosure in settings.yaml decides whether a family stepped down to Early Help stays
// open to the DAOs: a Team Manager's edit of the list changes what the protocol's walk-throughs find.
import { describe, expect, it } from 'vitest';
import { checkDefinitions } from '../../engine/definitions/check.js';
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';
import { runScenario } from '../../engine/scenarios/run-scenario.js';

const files = await readDefinitionFiles('definitions');
const EXEMPT = 'teamsExemptFromEarlyHelpClosure:\n  - children-young-people-and-learning';

function withExempt(list: string[]) {
  const settings = files['settings.yaml']!;
  if (!settings.includes(EXEMPT)) throw new Error('settings.yaml no longer lists the exemption as this test expects');
  const replaced = settings.replace(EXEMPT, `teamsExemptFromEarlyHelpClosure: ${JSON.stringify(list)}`);
  const { compiled, problems } = checkDefinitions({ ...files, 'settings.yaml': replaced });
  if (!compiled) throw new Error(problems.map((p) => p.message).join('\n'));
  return compiled;
}

describe('teamsExemptFromEarlyHelpClosure', () => {
  it('should keep the case open for a team on the list, as the protocol has it', async () => {
    const defs = withExempt(['children-young-people-and-learning']);
    const cypl = defs.set.scenarios.get('step-down-cypl-exemption')!;
    expect((await runScenario(defs, cypl.id, cypl.data)).failures).toEqual([]);
  });

  it('should close the case for that team once it is taken off the list', async () => {
    const defs = withExempt([]);
    const cypl = defs.set.scenarios.get('step-down-cypl-exemption')!;
    const outcome = await runScenario(defs, cypl.id, cypl.data);
    expect(outcome.passed).toBe(false);
    expect(outcome.failures.join('\n')).toMatch(/expected "active\.riskAssessment", got "closed"/);
  });

  it('should keep a case open for any team added to the list', async () => {
    const defs = withExempt(['children-young-people-and-learning', 'other-team']);
    const closes = defs.set.scenarios.get('step-down-to-early-help-closes')!;
    const outcome = await runScenario(defs, closes.id, closes.data);
    expect(outcome.passed).toBe(false);
    expect(outcome.failures.join('\n')).toMatch(/expected "closed", got "active\./);
  });
});
