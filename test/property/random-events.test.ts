// Property: for every pathway, random sequences of the events its states accept never throw and always leave
// every instance in a state its definition declares. Form answers come from the scenarios, so guards can pass.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDefinitions, type CompiledDefinitions } from '../../engine/definitions/check.js';
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';
import { applyCommand } from '../../engine/runtime/apply.js';
import { handledEvents, restoreSnapshot } from '../../engine/runtime/instances.js';
import type { CaseData, CommandContext } from '../../engine/runtime/model.js';

async function compiled(dir: string): Promise<CompiledDefinitions> {
  const result = checkDefinitions(await readDefinitionFiles(dir), dir);
  if (!result.compiled) throw new Error(`${dir} has problems: ${result.problems.map((p) => p.message).join('; ')}`);
  return result.compiled;
}

function sampleAnswers(defs: CompiledDefinitions): Map<string, unknown[]> {
  const pool = new Map<string, unknown[]>();
  for (const scenario of defs.set.scenarios.values()) {
    for (const step of scenario.data.steps) {
      for (const [form, answers] of Object.entries(step.forms ?? {}))
        pool.set(form, [...(pool.get(form) ?? []), answers]);
    }
  }
  return pool;
}

function sampleData(defs: CompiledDefinitions): Map<string, unknown[]> {
  const pool = new Map<string, unknown[]>();
  for (const scenario of defs.set.scenarios.values()) {
    for (const step of scenario.data.steps)
      if (step.send && step.data) pool.set(step.send, [...(pool.get(step.send) ?? []), step.data]);
  }
  return pool;
}

function assertDeclaredStates(defs: CompiledDefinitions, data: CaseData): void {
  for (const instance of Object.values(data.instances)) {
    const machine = defs.pathways.get(instance.pathway)!.machine;
    const snapshot = restoreSnapshot(machine, instance.snapshot);
    expect(snapshot.status).not.toBe('error');
    expect(() => machine.resolveState({ value: snapshot.value, context: snapshot.context })).not.toThrow();
  }
}

const step = fc.record({
  pick: fc.nat(),
  sample: fc.nat(),
  submit: fc.boolean(),
  advanceDays: fc.integer({ min: 0, max: 20 }),
});

async function checkPathways(dir: string) {
  const defs = await compiled(dir);
  const answers = sampleAnswers(defs);
  const eventData = sampleData(defs);
  const roles = Object.entries(defs.roles.roles);
  const officers = Object.fromEntries(
    (defs.settings.officers ?? []).map((o) => [o.username, { capacity: defs.settings.capacity.default, active: 0 }]),
  );
  const starters = [...defs.pathways.values()].filter((p) => p.meta.startsCase !== false);
  expect(starters.length).toBeGreaterThan(0);
  for (const pathway of starters) {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), (steps) => {
        let now = Date.parse('2026-01-05T09:00:00Z');
        const ctxFor = (role: string): CommandContext => ({
          user: { id: `${role}-user`, role, qualifications: defs.roles.roles[role]?.qualifications ?? [] },
          now: new Date(now).toISOString(),
          officers,
        });
        const opened = applyCommand(defs, undefined, {
          kind: 'open',
          pathway: pathway.id,
          ctx: ctxFor(pathway.meta.startedBy![0]!),
        });
        expect(opened.ok).toBe(true);
        let data = (opened as { data: CaseData }).data;
        for (const s of steps) {
          now += s.advanceDays * 86_400_000;
          for (const timer of Object.values(data.timers)) {
            if (Date.parse(timer.dueAt) > now) continue;
            const fired = applyCommand(defs, data, { kind: 'fireTimer', timer: timer.id, ctx: ctxFor('system') });
            expect(fired.ok ? 'ok' : fired.error.code).not.toBe('definition-error');
            if (fired.ok) data = fired.data;
          }
          const live = Object.values(data.instances).filter((i) => !i.done);
          if (live.length === 0) break;
          const instance = live[s.pick % live.length]!;
          const events = handledEvents(
            restoreSnapshot(defs.pathways.get(instance.pathway)!.machine, instance.snapshot),
          );
          if (events.length === 0) continue;
          const type = events[s.pick % events.length]!;
          const role = roles.find(([, r]) => (r.send ?? []).includes(type))?.[0] ?? roles[s.pick % roles.length]![0];
          const ctx = ctxFor(role);
          if (s.submit) {
            for (const [form, pool] of answers) {
              const submitted = applyCommand(defs, data, {
                kind: 'submitForm',
                form,
                data: pool[s.sample % pool.length],
                ctx: ctxFor(roles.find(([, r]) => (r.fill ?? []).includes(form))?.[0] ?? role),
              });
              expect(submitted.ok ? 'ok' : submitted.error.code).not.toBe('definition-error');
              if (submitted.ok) data = submitted.data;
            }
          }
          const pool = eventData.get(type) ?? [{}];
          const result = applyCommand(defs, data, {
            kind: 'send',
            instance: instance.id,
            type,
            data: pool[s.sample % pool.length],
            ctx,
          });
          expect(result.ok ? 'ok' : result.error.code).not.toBe('definition-error');
          if (result.ok) data = result.data;
          assertDeclaredStates(defs, data);
        }
      }),
      { numRuns: 60 },
    );
  }
}

describe('random event sequences', () => {
  it('should never throw and always leave declared states (test fixture)', async () => {
    await checkPathways('test/fixtures/minimal');
  });
  it('should never throw and always leave declared states (the protocol definitions)', async () => {
    await checkPathways('definitions');
  });
});
