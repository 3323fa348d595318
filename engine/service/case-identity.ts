// Who a case is about and how urgent it is, read from its answers and values as the pathway declares
// (meta.identity, meta.urgency; checked by definitions/lint/identity.ts, which refuses anything confidential).
import type { JsonObject } from '../definitions/types.js';
import type { CaseData } from '../runtime/model.js';
import type { CaseSummary } from '../store/types.js';

interface AnswerPath {
  var: string;
}

export interface IdentityMeta {
  person?: { title?: string; name: AnswerPath; dateOfBirth?: AnswerPath };
  caseNumber?: { title?: string; value: AnswerPath };
  people?: { title: string; name: AnswerPath }[];
}

export interface UrgencyMeta {
  requested: AnswerPath;
  endorsements?: AnswerPath;
  needed?: number;
}

type Identity = Pick<CaseSummary, 'person' | 'caseNumber' | 'people'>;

/** The answers at a path: a name after a list (`children.name`) gives that answer of every item. */
function answersAt(root: unknown, parts: string[]): unknown[] {
  if (parts.length === 0) return Array.isArray(root) ? root : [root];
  if (Array.isArray(root)) return root.flatMap((item) => answersAt(item, parts));
  if (root === null || typeof root !== 'object') return [];
  const [head, ...rest] = parts;
  return Object.hasOwn(root, head!) ? answersAt((root as Record<string, unknown>)[head!], rest) : [];
}

/** Whether an answer path may be shown to everyone who may see the case (none that is confidential). */
export type ShownToAll = (path: string) => boolean;

function texts(source: JsonObject, path: AnswerPath | undefined, shown: ShownToAll): string[] {
  if (!path || !shown(path.var)) return [];
  return answersAt(source, path.var.split('.'))
    .filter((v) => typeof v === 'string' || typeof v === 'number')
    .map((v) => String(v).trim())
    .filter((v) => v !== '');
}

function firstText(source: JsonObject, path: AnswerPath | undefined, shown: ShownToAll): string | null {
  return texts(source, path, shown)[0] ?? null;
}

/** What the paths read: `forms.<form>` is that form's last submitted answers, `case` the case's values. */
function sourceOf(data: CaseData, values: Record<string, unknown>): JsonObject {
  return { forms: Object.fromEntries(Object.entries(data.forms).map(([id, s]) => [id, s.data])), case: values };
}

/**
 * `shown` leaves out a path that reads confidential information: the lint refuses one, but a version published before
 * a rule that finds it still loads, and what identifies a case is shown to every reader of it.
 */
export function identityOf(
  meta: IdentityMeta | undefined,
  data: CaseData,
  values: Record<string, unknown>,
  shown: ShownToAll = () => true,
): Identity {
  if (!meta) return { person: null, caseNumber: null, people: [] };
  const source = sourceOf(data, values);
  const { person, caseNumber, people } = meta;
  return {
    person: person
      ? {
          ...(person.title ? { title: person.title } : {}),
          name: firstText(source, person.name, shown),
          dateOfBirth: firstText(source, person.dateOfBirth, shown),
        }
      : null,
    caseNumber: caseNumber
      ? { ...(caseNumber.title ? { title: caseNumber.title } : {}), value: firstText(source, caseNumber.value, shown) }
      : null,
    people: (people ?? [])
      .map((p) => ({ title: p.title, names: texts(source, p.name, shown) }))
      .filter((p) => p.names.length > 0),
  };
}

/** Endorsements recorded: the entries that are true of an object of who endorsed, a list's length, or a number. */
function endorsementCount(value: unknown): number {
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) return value.length;
  if (value && typeof value === 'object') return Object.values(value).filter((v) => v === true).length;
  return 0;
}

export function urgencyOf(
  meta: UrgencyMeta | undefined,
  data: CaseData,
  values: Record<string, unknown>,
): CaseSummary['urgency'] {
  if (!meta) return null;
  const source = sourceOf(data, values);
  const endorsements = meta.endorsements ? answersAt(source, meta.endorsements.var.split('.'))[0] : undefined;
  return {
    requested: answersAt(source, meta.requested.var.split('.'))[0] === true,
    endorsements: endorsementCount(endorsements),
    needed: meta.needed ?? 0,
  };
}
