// startInstance and stepInstance give exactly what XState's own initialTransition and transition give — the snapshot,
// and the timers its actions set and cancel, read from the actions those return — on every pathway of the product's
// definitions and of the fixtures, along a walk through the events each state handles (found from the public
// state-node API by handledEvents).
import { initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { checkDefinitions } from '../../engine/definitions/check.js';
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';
import { eventContextFor } from '../../engine/runtime/case-stepper.js';
import { handledEvents, startInstance, stepInstance, type StepResult } from '../../engine/runtime/instances.js';
import type { CommandContext } from '../../engine/runtime/model.js';
import { FIXTURE } from './helpers.js';

const ctx: CommandContext = {
  user: { id: 'someone', role: 'lead', qualifications: [] },
  now: '2026-04-01T09:00:00.000Z',
  officers: { 'officer-a': { capacity: 2, active: 1 } },
};

type Action = { type: string; params?: { delay?: number; id?: string; sendId?: string; event?: { type: string } } };

function persisted(machine: AnyStateMachine, snapshot: unknown): unknown {
  return JSON.parse(JSON.stringify(machine.getPersistedSnapshot(snapshot as AnyMachineSnapshot)));
}

function ourStep(machine: AnyStateMachine, step: StepResult) {
  return {
    snapshot: persisted(machine, step.snapshot),
    timers: step.schedule.map((s) => [s.id, s.delayMs, s.event.type]),
    cancelled: step.cancel,
  };
}

function xstateStep(machine: AnyStateMachine, [snapshot, actions]: [unknown, Action[]]) {
  const delayed = actions.filter((a) => a.type === 'xstate.raise' && typeof a.params?.delay === 'number');
  return {
    snapshot: persisted(machine, snapshot),
    timers: delayed.map((a) => [a.params!.id ?? a.params!.event!.type, a.params!.delay, a.params!.event!.type]),
    cancelled: actions.filter((a) => a.type === 'xstate.cancel' && a.params?.sendId).map((a) => a.params!.sendId),
  };
}

describe('instances', () => {
  for (const dir of ['definitions', FIXTURE]) {
    it(`should start and step every pathway of ${dir} as XState's pure functions do`, async () => {
      const { compiled } = checkDefinitions(await readDefinitionFiles(dir), 'defs');
      let steps = 0;
      for (const [id, { machine }] of compiled!.pathways) {
        const input = { case: {}, $ctx: eventContextFor(undefined, ctx) };
        const started = startInstance(machine, input);
        expect(ourStep(machine, started), id).toEqual(
          xstateStep(machine, initialTransition(machine, input as never) as never),
        );
        let snapshot = started.snapshot;
        for (let i = 0; i < 40 && snapshot.status === 'active' && handledEvents(snapshot).length > 0; i++) {
          const events = handledEvents(snapshot);
          const event = { type: events[i % events.length]!, data: {}, $ctx: eventContextFor(undefined, ctx) };
          const step = stepInstance(machine, snapshot, event);
          expect(ourStep(machine, step), `${id} ${event.type}`).toEqual(
            xstateStep(machine, transition(machine, snapshot as never, event as never) as never),
          );
          snapshot = step.snapshot;
          steps += 1;
        }
      }
      expect(steps).toBeGreaterThan(10);
    });
  }
});
