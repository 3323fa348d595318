// The events a person may send to an instance now: handled by its current states, allowed for their role, and
// whose conditions can hold. For an event that carries data, each possible choice in its data is tried; data that
// cannot be listed (free text) is given the benefit of the doubt until it is sent.
import type { AnyMachineSnapshot } from 'xstate';
import type { CompiledDefinitions } from '../definitions/check.js';
import type { PathwayEvent } from '../compile/types.js';
import { handledEvents } from './instances.js';
import { maySend } from './permissions.js';

type Schema = { type?: unknown; properties?: Record<string, Schema>; required?: string[]; enum?: unknown[]; oneOf?: { const?: unknown }[]; const?: unknown };

const MAX_CANDIDATES = 64;

/** Every combination of the choices of the required fields, or undefined when a required field is free text. */
export function candidateData(schema: Schema | undefined): Record<string, unknown>[] | undefined {
  if (!schema) return [{}];
  let combos: Record<string, unknown>[] = [{}];
  for (const key of schema.required ?? []) {
    const field = schema.properties?.[key];
    const options =
      field?.const !== undefined ? [field.const]
      : field?.enum ? field.enum
      : field?.oneOf?.every((o) => o.const !== undefined) ? field.oneOf.map((o) => o.const)
      : field?.type === 'boolean' ? [true, false]
      : undefined;
    if (!options) return undefined;
    combos = combos.flatMap((c) => options.map((o) => ({ ...c, [key]: o })));
    if (combos.length > MAX_CANDIDATES) return undefined;
  }
  return combos;
}

export function allowedEvents(defs: CompiledDefinitions, pathway: string, snapshot: AnyMachineSnapshot, base: PathwayEvent, role: string): string[] {
  const declared = defs.pathways.get(pathway)?.meta.events ?? {};
  return handledEvents(snapshot).filter((type) => {
    if (!maySend(defs, role, type)) return false;
    const candidates = candidateData(declared[type]?.data as Schema | undefined);
    if (!candidates) return true;
    return candidates.some((data) => snapshot.can({ ...base, type, data } as never));
  });
}
