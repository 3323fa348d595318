// Issue 19: a notice that asks for something is done when someone it asks sends the event that does it.
import { describe, expect, it } from 'vitest';
import { checkDefinitions, type CompiledDefinitions } from '../../engine/definitions/check.js';
import { formatProblem } from '../../engine/definitions/problems.js';
import { applyCommand } from '../../engine/runtime/apply.js';
import type { CaseData, CommandContext } from '../../engine/runtime/model.js';
import { rolesAskedToAct } from '../../engine/runtime/notifications.js';
import { fixtureFiles } from './helpers.js';

const at = (role: string, now = '2026-04-01T09:00:00.000Z'): CommandContext => ({
  user: { id: `${role}-a`, role, qualifications: [] },
  now,
  officers: { 'officer-a': { capacity: 2, active: 0 } },
});

const SUBMIT = '        target: waiting\n';
const ASKING =
  `${SUBMIT}        actions:\n` +
  '          - { type: notify, params: { roles: [lead], message: Please allocate, clearedBy: [ALLOCATE] } }\n';

async function definitionsWith(notice: string): Promise<{ defs?: CompiledDefinitions; problems: string[] }> {
  const files = await fixtureFiles();
  files['pathways/flow.yaml'] = files['pathways/flow.yaml']!.replace(SUBMIT, notice);
  const { compiled, problems } = checkDefinitions(files, 'defs');
  return { defs: compiled, problems: problems.map(formatProblem) };
}

function ok(result: ReturnType<typeof applyCommand>): CaseData {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

describe('notifications', () => {
  describe('#clearedBy', () => {
    it('should keep a notice open until a person in its roles sends the event that answers it', async () => {
      // given a case whose submission asks the lead to allocate
      const { defs } = await definitionsWith(ASKING);
      let data = ok(applyCommand(defs!, undefined, { kind: 'open', pathway: 'flow', ctx: at('requester') }));
      data = ok(
        applyCommand(defs!, data, {
          kind: 'submitForm',
          form: 'request',
          data: { name: 'Sam', urgent: false },
          ctx: at('requester'),
        }),
      );
      data = ok(applyCommand(defs!, data, { kind: 'send', instance: 'case', type: 'SUBMIT', ctx: at('requester') }));
      expect(data.notifications).toEqual([
        {
          at: '2026-04-01T09:00:00.000Z',
          roles: ['lead'],
          message: 'Please allocate',
          instance: 'case',
          clearedBy: ['ALLOCATE'],
        },
      ]);
      expect(rolesAskedToAct(data)).toEqual(['lead']);
      // when the lead allocates
      const later = at('lead', '2026-04-02T10:00:00.000Z');
      data = ok(
        applyCommand(defs!, data, {
          kind: 'send',
          instance: 'case',
          type: 'ALLOCATE',
          data: { officer: 'officer-a' },
          ctx: later,
        }),
      );
      // then the notice is kept, marked done by whom, when and with what
      expect(data.notifications[0]?.done).toEqual({ at: '2026-04-02T10:00:00.000Z', by: 'lead-a', event: 'ALLOCATE' });
      expect(rolesAskedToAct(data)).toEqual([]);
    });

    it('should report an event that no pathway declares at its place', async () => {
      const { problems } = await definitionsWith(ASKING.replace('clearedBy: [ALLOCATE]', 'clearedBy: [ALOCATE]'));
      expect(problems).toEqual([
        expect.stringMatching(/^defs\/pathways\/flow\.yaml:23:92: event "ALOCATE" is not declared by any pathway$/),
      ]);
    });
  });
});
