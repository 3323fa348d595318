// Why an event was refused by its conditions: the failing conditions of each transition the current states have
// for it, in words (a transition's own `description` is used when the pathway gives one).
import type { AnyMachineSnapshot } from 'xstate';
import { guardRegistry } from '../compile/guards/index.js';
import { evaluationEnv, type InstanceContext, type PathwayEvent } from '../compile/types.js';
import type { CompiledDefinitions } from '../definitions/check.js';
import type { JsonObject } from '../definitions/types.js';
import type { EvaluationEnv } from '../compile/types.js';
import { activeStateNodes } from './instances.js';

type GuardSpec = {
  type?: string;
  params?: Record<string, unknown>;
  and?: GuardSpec[];
  or?: GuardSpec[];
  not?: GuardSpec;
};

function failing(guard: GuardSpec, env: EvaluationEnv, forms: ReadonlyMap<string, { title: string }>): string[] {
  if (guard.and) return guard.and.flatMap((g) => failing(g, env, forms));
  if (guard.or) {
    const parts = guard.or.map((g) => failing(g, env, forms));
    return parts.some((p) => p.length === 0) ? [] : [parts.map((p) => p.join(' and ')).join(', or ')];
  }
  if (guard.not) return failing(guard.not, env, forms).length === 0 ? ['a condition of the pathway is not met'] : [];
  const entry = guard.type ? guardRegistry.get(guard.type) : undefined;
  if (!entry || entry.evaluate(env, guard.params ?? {})) return [];
  return [entry.explain(env, guard.params ?? {}, forms)];
}

export function configAt(config: JsonObject, path: string[]): JsonObject | undefined {
  let node: JsonObject | undefined = config;
  for (const key of path) node = (node?.states as Record<string, JsonObject> | undefined)?.[key];
  return node;
}

export function explainRefusal(
  defs: CompiledDefinitions,
  pathway: string,
  snapshot: AnyMachineSnapshot,
  event: PathwayEvent,
): string[] {
  const compiled = defs.pathways.get(pathway);
  if (!compiled) return [];
  const env = evaluationEnv(snapshot.context as InstanceContext, event, defs.settings);
  const forms = new Map([...defs.forms].map(([id, f]) => [id, { title: String(f.schema.title ?? id) }]));
  const reasons = new Set<string>();
  // The pathway's own config, not the machine's: there a guard's and/or/not are already XState functions.
  for (const node of activeStateNodes(snapshot)) {
    const on = configAt(compiled.config, node.path)?.on as Record<string, unknown> | undefined;
    const transitions = on?.[event.type];
    for (const t of Array.isArray(transitions) ? transitions : transitions ? [transitions] : []) {
      if (!t || typeof t !== 'object') continue;
      const { guard, description } = t as { guard?: GuardSpec; description?: string };
      if (!guard) continue;
      const why = failing(guard, env, forms);
      if (why.length) reasons.add(description ?? why.join('; '));
    }
  }
  return [...reasons];
}
