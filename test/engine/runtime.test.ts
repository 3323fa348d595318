import { describe, expect, it } from 'vitest';
import { checkDefinitions, type CompiledDefinitions } from '../../engine/definitions/check.js';
import { applyCommand } from '../../engine/runtime/apply.js';
import type { CaseData, CommandContext } from '../../engine/runtime/model.js';
import { describeCase } from '../../engine/runtime/view.js';
import { deepFreeze } from '../../engine/util/deep-freeze.js';
import { fixtureFiles } from './helpers.js';

const at = (role: string, now = '2026-04-01T09:00:00.000Z'): CommandContext => ({
  user: { id: `${role}-a`, role, qualifications: [] },
  now,
  officers: { 'officer-a': { capacity: 2, active: 1 } },
});

async function defs(): Promise<CompiledDefinitions> {
  return checkDefinitions(await fixtureFiles(), 'defs').compiled!;
}

function ok(result: ReturnType<typeof applyCommand>): CaseData {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

type Command = Parameters<typeof applyCommand>[2];

const request = (urgent: boolean): Command => ({
  kind: 'submitForm',
  form: 'request',
  data: { name: 'Sam', urgent },
  ctx: at('requester'),
});
const submit: Command = { kind: 'send', instance: 'case', type: 'SUBMIT', ctx: at('requester') };
const allocate = (ctx = at('lead')): Command => ({
  kind: 'send',
  instance: 'case',
  type: 'ALLOCATE',
  data: { officer: 'officer-a' },
  ctx,
});

/** A case of the fixture's `flow` pathway opened by the requester, with `steps` applied in turn (each must succeed). */
function caseAfter(d: CompiledDefinitions, ...steps: Command[]): CaseData {
  let data = ok(applyCommand(d, undefined, { kind: 'open', pathway: 'flow', ctx: at('requester') }));
  for (const step of steps) data = ok(applyCommand(d, data, step));
  return data;
}

describe('applyCommand', () => {
  it('should refuse an event the state does not accept and name the events it would', async () => {
    const d = await defs();
    const result = applyCommand(d, caseAfter(d), allocate());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({ code: 'event-not-allowed', allowedEvents: [] });
  });
  it('should refuse an event whose condition fails, saying which are possible', async () => {
    const d = await defs();
    const result = applyCommand(d, caseAfter(d), submit);
    expect(!result.ok && result.error.code).toBe('guard-failed');
    expect(!result.ok && result.error.message).toBe(
      '"SUBMIT" is not possible now: “Request in Exampleshire” has not been submitted. Possible now: nothing you may send',
    );
  });
  it('should refuse invalid form answers with field errors and keep the case unchanged', async () => {
    const d = await defs();
    const data = caseAfter(d);
    const before = JSON.stringify(data);
    const result = applyCommand(d, data, {
      kind: 'submitForm',
      form: 'request',
      data: { urgent: 'yes' },
      ctx: at('requester'),
    });
    expect(!result.ok && result.error).toMatchObject({
      code: 'form-invalid',
      fieldErrors: { name: ['Enter name of the person'], urgent: ['Select yes or no for “Is this urgent?”'] },
    });
    expect(JSON.stringify(data)).toBe(before);
  });
  it('should refuse a role that may not send the event', async () => {
    const d = await defs();
    const result = applyCommand(d, caseAfter(d, request(false)), { ...submit, ctx: at('officer') });
    expect(!result.ok && result.error.code).toBe('forbidden');
  });
  it('should refuse event data that does not match the event', async () => {
    const d = await defs();
    const result = applyCommand(d, caseAfter(d, request(false), submit), { ...allocate(), data: {} } as Command);
    expect(!result.ok && result.error).toMatchObject({
      code: 'data-invalid',
      fieldErrors: { officer: ['Enter officer'] },
    });
  });
  it('should allocate within capacity, set a working-day deadline and show the tasks', async () => {
    const d = await defs();
    const data = caseAfter(d, request(true), submit, allocate());
    const view = describeCase(d, data, at('officer').user);
    expect(view).toMatchObject({
      state: 'working',
      tasks: ['Do the work'],
      activeCase: true,
      values: { urgent: true, allocatedTo: 'officer-a' },
    });
    expect(view.deadlines).toEqual([{ name: 'due', due: '2026-04-07', label: 'Work due', instance: 'case' }]);
    expect(view.allowedEvents).toEqual([{ instance: 'case', type: 'FINISH', title: 'Finish' }]);
  });
  it('should work on a copy: a frozen case, viewed before each step as the store keeps it, moves on just the same', async () => {
    // given the walk above, once on plain data and once with each step's result frozen and viewed (restored) first
    const d = await defs();
    const commands = [request(true), submit, allocate()];
    let plain = caseAfter(d);
    let frozen = deepFreeze(structuredClone(plain));
    for (const command of commands) {
      describeCase(d, frozen, at('lead').user);
      // when (a change to the frozen case would throw, and applyCommand would report it as a definition error)
      plain = ok(applyCommand(d, plain, structuredClone(command) as never));
      frozen = deepFreeze(ok(applyCommand(d, frozen, structuredClone(command) as never)));
      // then
      expect(frozen).toEqual(plain);
    }
    expect(describeCase(d, frozen, at('officer').user)).toEqual(describeCase(d, plain, at('officer').user));
  });
  it('should refuse allocation above capacity', async () => {
    const d = await defs();
    const full = { ...at('lead'), officers: { 'officer-a': { capacity: 2, active: 2 } } };
    const result = applyCommand(d, caseAfter(d, request(true), submit), allocate(full));
    expect(!result.ok && result.error.code).toBe('guard-failed');
    expect(!result.ok && result.error.message).toBe(
      '"ALLOCATE" is not possible now: officer-a already holds 2 active cases, which is their capacity of 2. Possible now: ALLOCATE',
    );
  });
});
