// The events a person may send to an instance now: handled by its current states, allowed for their role, and
// whose conditions can hold. For an event that carries data, each possible choice in its data is tried. Free text
// that no condition of the event reads is stood in for by any text that fits its question (the condition's verdict
// cannot depend on it); free text a condition reads is given the benefit of the doubt until it is sent.
import type { AnyMachineSnapshot } from 'xstate';
import type { CompiledDefinitions } from '../definitions/check.js';
import type { JsonObject } from '../definitions/types.js';
import type { PathwayEvent } from '../compile/types.js';
import { guardRegistry } from '../compile/guards/index.js';
import { walkExpression } from '../expressions/data-reads.js';
import { configAt } from './explain.js';
import { activeStateNodes, handledEvents } from './instances.js';
import { maySend } from './permissions.js';

type Schema = {
  type?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  enum?: unknown[];
  oneOf?: { const?: unknown }[];
  const?: unknown;
  minLength?: number;
  minimum?: number;
  pattern?: string;
  format?: string;
};

/** Any answer that fits a free-text or number question, or undefined when its constraints leave that unclear. */
function standIn(field: Schema | undefined): unknown {
  if (!field || field.pattern !== undefined) return undefined;
  if (field.type === 'string') {
    if (field.format === 'date') return '2000-01-01';
    return field.format ? undefined : 'x'.repeat(Math.max(1, field.minLength ?? 1));
  }
  if (field.type === 'number' || field.type === 'integer') return field.minimum ?? 0;
  return undefined;
}

const MAX_CANDIDATES = 64;

/**
 * Every combination of the choices of the required fields, or undefined when a required field is free text that
 * `readByConditions` says a condition reads (or whose answers cannot be stood in for).
 */
export function candidateData(
  schema: Schema | undefined,
  readByConditions: (field: string) => boolean = () => true,
): Record<string, unknown>[] | undefined {
  if (!schema) return [{}];
  let combos: Record<string, unknown>[] = [{}];
  for (const key of schema.required ?? []) {
    const field = schema.properties?.[key];
    const anyText = readByConditions(key) ? undefined : standIn(field);
    const options =
      field?.const !== undefined
        ? [field.const]
        : field?.enum
          ? field.enum
          : field?.oneOf?.every((o) => o.const !== undefined)
            ? field.oneOf.map((o) => o.const)
            : field?.type === 'boolean'
              ? [true, false]
              : anyText !== undefined
                ? [anyText]
                : undefined;
    if (!options) return undefined;
    combos = combos.flatMap((c) => options.map((o) => ({ ...c, [key]: o })));
    if (combos.length > MAX_CANDIDATES) return undefined;
  }
  return combos;
}

/** The paths into the data that the conditions of `type`'s transitions from the current states read. */
function conditionReads(config: JsonObject, snapshot: AnyMachineSnapshot, type: string): string[] {
  const reads: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node === 'string') node = { type: node };
    if (!node || typeof node !== 'object') return;
    const { type: guardType, params, ...rest } = node as Record<string, unknown>;
    if (typeof guardType === 'string') {
      // The expressions in its params are walked for what they read; beside them, a condition says which fields of
      // the event's data it reads in its own code, and one that does not say is taken to read them all.
      const given = (params && typeof params === 'object' ? params : {}) as Record<string, unknown>;
      for (const value of Object.values(given)) {
        reads.push(...walkExpression(value).reads.map((r) => (r.literal ? r.path : '')));
      }
      const ownReads = guardRegistry.get(guardType)?.eventDataReads?.(given);
      reads.push(...(ownReads ? ownReads.map((field) => `event.data.${field}`) : ['']));
    }
    Object.values(rest).forEach(visit);
  };
  for (const node of activeStateNodes(snapshot)) {
    const on = configAt(config, node.path)?.on as Record<string, unknown> | undefined;
    const transitions = on?.[type];
    for (const t of Array.isArray(transitions) ? transitions : [transitions]) {
      if (t && typeof t === 'object') visit((t as { guard?: unknown }).guard);
    }
  }
  return reads;
}

/** Whether a condition reading `paths` may read the answer `field` of the event's data. */
function readsField(paths: string[], field: string): boolean {
  const target = `event.data.${field}`;
  return paths.some((p) => p === '' || target === p || target.startsWith(`${p}.`) || p.startsWith(`${target}.`));
}

export function allowedEvents(
  defs: CompiledDefinitions,
  pathway: string,
  snapshot: AnyMachineSnapshot,
  base: PathwayEvent,
  role: string,
): string[] {
  const compiled = defs.pathways.get(pathway);
  const declared = compiled?.meta.events ?? {};
  return handledEvents(snapshot).filter((type) => {
    if (!maySend(defs, role, type)) return false;
    const reads = compiled ? conditionReads(compiled.config, snapshot, type) : [''];
    const candidates = candidateData(declared[type]?.data as Schema | undefined, (field) => readsField(reads, field));
    if (!candidates) return true;
    return candidates.some((data) => snapshot.can({ ...base, type, data } as never));
  });
}
