// The next step of an instance for a person: the first event, in the order the pathway lists them, that the innermost
// current state itself handles with a way out of it and that their role may send; or else the event a current state
// names as its `nextStep` in its meta (the innermost that names one they may send). When its conditions do not hold
// yet, the pathway's own explanation says why. Events handled only around a state (raise an escalation, close the
// case) are side routes, never taken for the next step unless a state names them.
import type { AnyMachineSnapshot } from 'xstate';
import type { PathwayEvent } from '../compile/types.js';
import type { CompiledDefinitions } from '../definitions/check.js';
import type { JsonObject } from '../definitions/types.js';
import { explainRefusal } from './explain.js';
import { maySend } from './permissions.js';

export interface NextStep {
  type: string;
  title: string;
  /** The person may send it now; otherwise `reasons` say why not yet. */
  possible: boolean;
  reasons: string[];
}

/** The dotted paths of the states a snapshot is in, innermost first within each region ("a.b" → [a.b, a]). */
function activePaths(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value === 'string') return [[...prefix, value]];
  return Object.entries((value ?? {}) as Record<string, unknown>).flatMap(([key, child]) => [
    ...activePaths(child, [...prefix, key]),
    [...prefix, key],
  ]);
}

function nodeAt(config: JsonObject, path: string[]): JsonObject | undefined {
  let node: JsonObject | undefined = config;
  for (const key of path) node = (node?.states as Record<string, JsonObject> | undefined)?.[key];
  return node;
}

function leadsOut(transitions: unknown): boolean {
  const list = Array.isArray(transitions) ? transitions : [transitions];
  return list.some(
    (t) => typeof t === 'string' || (t !== null && typeof t === 'object' && (t as JsonObject).target !== undefined),
  );
}

export function nextStepOf(
  defs: CompiledDefinitions,
  pathwayId: string,
  snapshot: AnyMachineSnapshot,
  base: PathwayEvent,
  role: string,
  allowed: string[],
): NextStep | undefined {
  const pathway = defs.pathways.get(pathwayId);
  if (!pathway) return undefined;
  const internal = new Set(defs.roles.internal ?? []);
  const paths = activePaths(snapshot.value).sort((a, b) => b.length - a.length);
  const step = (type: string): NextStep => {
    const title = pathway.meta.events[type]?.title ?? type;
    if (allowed.includes(type)) return { type, title, possible: true, reasons: [] };
    return { type, title, possible: false, reasons: explainRefusal(defs, pathwayId, snapshot, { ...base, type }) };
  };
  const innermost = paths.filter((p) => !paths.some((q) => q.length > p.length && p.every((k, i) => q[i] === k)));
  for (const path of innermost) {
    const on = (nodeAt(pathway.config, path)?.on ?? {}) as Record<string, unknown>;
    for (const [type, transitions] of Object.entries(on)) {
      if (!internal.has(type) && maySend(defs, role, type) && leadsOut(transitions)) return step(type);
    }
  }
  for (const path of paths) {
    const named = (nodeAt(pathway.config, path)?.meta as { nextStep?: unknown } | undefined)?.nextStep;
    if (typeof named === 'string' && maySend(defs, role, named)) return step(named);
  }
  return undefined;
}
