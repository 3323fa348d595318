// Who is reading a case: a role (what it may read, roles.yaml) seen through an audience (what may be shared with it).
import type { CompiledDefinitions } from '../definitions/check.js';
import { mayRead, mayReadConfidential } from '../runtime/permissions.js';

export interface Reader {
  role: string;
  audience?: string;
}

export function readerMayReadForm(defs: CompiledDefinitions, reader: Reader, form: string): boolean {
  return mayRead(defs, reader.role, form);
}

export function readerIsCleared(defs: CompiledDefinitions, reader: Reader): boolean {
  return (
    mayReadConfidential(defs, reader.role) &&
    (reader.audience === undefined || mayReadConfidential(defs, reader.audience))
  );
}

/** A case on a pathway declared confidential (meta.confidential) reaches only a reader cleared for it, whatever the audience. */
export function readerMaySeeCaseOf(defs: CompiledDefinitions, reader: Reader, pathway: string): boolean {
  return defs.pathways.get(pathway)?.meta.confidential !== true || readerIsCleared(defs, reader);
}
