// Turns a checked pathway config into an XState machine: guards and actions looked up by name in the registries.
import { and, assign, not, or, setup, type AnyStateMachine } from 'xstate';
import { addDuration, type Duration } from '../util/working-days.js';
import type { JsonObject } from '../definitions/types.js';
import { actionRegistry } from './actions/index.js';
import { EventDataChecks } from './event-data.js';
import { guardRegistry } from './guards/index.js';
import { evaluationEnv, eventContext, type InstanceContext, type PathwayEvent, type Settings } from './types.js';

export interface PathwayMeta {
  title: string;
  description?: string;
  startedBy?: string[];
  startsCase?: boolean;
  events: Record<string, EventMeta>;
  delays?: Record<string, Duration>;
  /** Forms each instance of this pathway fills in for itself (each document's own audit), kept with the instance. */
  instanceForms?: string[];
  /** Lines printed at the top of a case's forms and documents: a title and a JSON Logic expression over its answers. */
  documentHeader?: { title: string; value: unknown }[];
  /** Links to cases of other pathways (runtime/links.ts): the other pathway, and the events it may send over it. */
  links?: Record<string, LinkMeta>;
  /** Case values shown on the case's summary screen, each by its path under `case` (as the reader may read it). */
  summaryValues?: { title: string; path: string }[];
  /** A case on this pathway is seen only by roles cleared for confidential information (roles.yaml `confidential`). */
  confidential?: boolean;
}

export interface LinkMeta {
  pathway: string;
  /** The events a case at the other end may send this one; anything else never crosses. */
  accepts?: string[];
}

export interface EventMeta {
  title: string;
  description?: string;
  data?: JsonObject;
  /** Sending it signs something off: who, in which role and when is recorded and shown on what it signs. */
  signOff?: boolean;
  /** The words of the sign-off record ("Countersigned"); the event's title when left out. */
  signedAs?: string;
  /** It cannot be undone: the person confirms it first, on a warning button. */
  destructive?: boolean;
  /** What will happen, shown on the confirmation step. */
  confirm?: string;
}

export interface CompiledPathway {
  id: string;
  meta: PathwayMeta;
  config: JsonObject;
  machine: AnyStateMachine;
  /** Whether any condition reads officers' loads, which the runtime must then look up before an event. */
  readsOfficerLoads: boolean;
  /** The checks of what each event carries. */
  eventData: EventDataChecks;
}

const ENGLAND_AND_WALES = { country: 'GB', region: 'ENG' };

type GuardSpec = { type: string; params?: unknown } | { and: unknown[] } | { or: unknown[] } | { not: unknown };

function toXStateGuard(guard: unknown): unknown {
  const g = guard as GuardSpec;
  if ('and' in g) return and(g.and.map(toXStateGuard) as never);
  if ('or' in g) return or(g.or.map(toXStateGuard) as never);
  if ('not' in g) return not(toXStateGuard(g.not) as never);
  return g;
}

/** Copies the config, replacing YAML guard combinators with XState's and()/or()/not(). */
function toMachineConfig(node: unknown, key?: string): unknown {
  if (Array.isArray(node)) return node.map((item) => toMachineConfig(item, key));
  if (!node || typeof node !== 'object') return node;
  if (key === 'meta' || key === 'context') return node;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node)) {
    out[k] = k === 'guard' && v && typeof v === 'object' ? toXStateGuard(v) : toMachineConfig(v, k);
  }
  return out;
}

export function compilePathway(id: string, config: JsonObject, settings: Settings): CompiledPathway {
  const meta = config.meta as unknown as PathwayMeta;
  const holidays = settings.bankHolidays ?? ENGLAND_AND_WALES;
  const guards = Object.fromEntries(
    [...guardRegistry.values()].map((g) => [
      g.name,
      ({ context, event }: { context: InstanceContext; event: PathwayEvent }, params: Record<string, unknown>) =>
        g.evaluate(evaluationEnv(context, event, settings), params ?? {}),
    ]),
  );
  const actions = Object.fromEntries(
    [...actionRegistry.values()].map((a) => [
      a.name,
      assign(
        ({ context, event }: { context: InstanceContext; event: PathwayEvent }, params: Record<string, unknown>) => {
          const next = structuredClone(context);
          a.apply(next, evaluationEnv(context, event, settings), params ?? {});
          return next;
        },
      ),
    ]),
  );
  const delays = Object.fromEntries(
    Object.entries(meta.delays ?? {}).map(([name, duration]) => [
      name,
      ({ event }: { event: PathwayEvent }) => {
        const now = eventContext(event)?.now ?? new Date(0).toISOString();
        return Math.max(0, Date.parse(addDuration(now, duration, holidays)) - Date.parse(now));
      },
    ]),
  );
  const defaults = (config.context as JsonObject | undefined) ?? {};
  const machineConfig = toMachineConfig({ ...config, context: undefined }) as JsonObject;
  delete machineConfig.context;
  const machine = setup({ guards: guards as never, actions: actions as never, delays: delays as never }).createMachine({
    ...(machineConfig as object),
    context: ({ input }: { input?: { case?: JsonObject } }) =>
      ({
        case: { ...structuredClone(defaults), ...(input?.case ?? {}) },
        deadlines: {},
        notes: [],
        outbox: [],
      }) satisfies InstanceContext,
  } as never) as unknown as AnyStateMachine;
  const text = JSON.stringify(config);
  const readsOfficerLoads = text.includes('"withinCapacity"') || text.includes('"officerField"');
  return { id, meta, config, machine, readsOfficerLoads, eventData: new EventDataChecks(meta.events ?? {}) };
}
