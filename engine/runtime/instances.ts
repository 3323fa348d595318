// Restoring, starting and stepping one pathway instance with XState's pure functions (nothing runs in the background).
import { createActor, type AnyActorRef, type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import type { InstanceContext, PathwayEvent } from '../compile/types.js';

export interface StepResult {
  snapshot: AnyMachineSnapshot;
  /** Delayed events to store as timers, and timers to cancel. */
  schedule: { id: string; delayMs: number; event: PathwayEvent }[];
  cancel: string[];
}

// Restoring is a pure function of the machine and the persisted snapshot, and a persisted snapshot is never changed
// once made (a command works on a copy of the case and replaces an instance's snapshot), so each is restored once:
// the view of a case, its open forms and its summary all look at the same instances.
const restored = new WeakMap<object, { machine: AnyStateMachine; snapshot: AnyMachineSnapshot }>();

export function restoreSnapshot(machine: AnyStateMachine, persisted: unknown): AnyMachineSnapshot {
  const known = typeof persisted === 'object' && persisted !== null ? restored.get(persisted) : undefined;
  if (known?.machine === machine) return known.snapshot;
  // No child actors are ever spawned, so restoring needs no actor scope.
  const snapshot = machine.restoreSnapshot(persisted as never, undefined as never) as AnyMachineSnapshot;
  if (typeof persisted === 'object' && persisted !== null) restored.set(persisted, { machine, snapshot });
  return snapshot;
}

export function persistSnapshot(machine: AnyStateMachine, snapshot: AnyMachineSnapshot): unknown {
  const persisted = machine.getPersistedSnapshot(snapshot) as unknown as { context: InstanceContext };
  return JSON.parse(JSON.stringify({ ...persisted, context: { ...persisted.context, outbox: [] } }));
}

function collect(actions: { type: string; params?: unknown }[]): Omit<StepResult, 'snapshot'> {
  const schedule: StepResult['schedule'] = [];
  const cancel: string[] = [];
  for (const action of actions) {
    const params = (action.params ?? {}) as { delay?: number; id?: string; event?: PathwayEvent; sendId?: string };
    if (action.type === 'xstate.raise' && typeof params.delay === 'number' && params.event) {
      schedule.push({ id: params.id ?? params.event.type, delayMs: params.delay, event: params.event });
    } else if (action.type === 'xstate.cancel' && params.sendId) cancel.push(params.sendId);
  }
  return { schedule, cancel };
}

// XState's transition() and initialTransition() make a throwaway actor for each call, and making one works out the
// machine's initial state (without input) before the step asked for. Our machines spawn no actors and no action is
// run here (each is collected and returned), so one never-started actor per machine can be `self` for every step.
const selves = new WeakMap<AnyStateMachine, AnyActorRef>();

function nothing(): void {}

/** The same inert scope XState's pure functions use, collecting the actions of one step into `actions`. */
function stepScope(machine: AnyStateMachine, actions: unknown[]): AnyActorScope {
  let self = selves.get(machine);
  if (!self) {
    self = createActor(machine);
    selves.set(machine, self);
  }
  // Methods, not arrow functions held in properties: under tsx (keepNames) each of those is renamed on every call.
  return {
    self, system: self.system, id: '', sessionId: '', logger: nothing, defer: nothing, emit: nothing, stopChild: nothing,
    actionExecutor(action) {
      actions.push(action);
    },
  };
}

/** `input` is `{ case, $ctx }`: entry actions of the first state read the opener's context from it. */
export function startInstance(machine: AnyStateMachine, input: unknown): StepResult {
  const actions: unknown[] = [];
  const snapshot = machine.getInitialSnapshot(stepScope(machine, actions), input);
  return { snapshot: snapshot as AnyMachineSnapshot, ...collect(actions as never) };
}

export function stepInstance(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: PathwayEvent): StepResult {
  const actions: unknown[] = [];
  const next = machine.transition(snapshot, event, stepScope(machine, actions));
  return { snapshot: next as AnyMachineSnapshot, ...collect(actions as never) };
}

/** Events some state in the current configuration has a transition for (before guards). */
export function handledEvents(snapshot: AnyMachineSnapshot): string[] {
  const events = new Set<string>();
  for (const node of (snapshot as unknown as { _nodes: { config: { on?: object } }[] })._nodes) {
    for (const name of Object.keys(node.config.on ?? {})) events.add(name);
  }
  return [...events].sort();
}

export function stateValueString(value: unknown): string {
  if (typeof value === 'string') return value;
  const entries = Object.entries((value ?? {}) as Record<string, unknown>);
  if (entries.length === 1) {
    const [key, child] = entries[0]!;
    const inner = stateValueString(child);
    return inner ? `${key}.${inner}` : key;
  }
  return entries.map(([key, child]) => `${key}.${stateValueString(child)}`).join(', ');
}

export function currentMeta(snapshot: AnyMachineSnapshot): Record<string, unknown>[] {
  const metas = snapshot.getMeta() as Record<string, Record<string, unknown> | undefined>;
  return Object.values(metas).filter((m): m is Record<string, unknown> => Boolean(m));
}
