// Who a case is about, as one reader may see it: the identity its summary keeps (what the pathway's meta.identity
// declares, worked out once for lists), less any part read from a form this reader is not given, as that form's
// answers are withheld from them. The summary already leaves out whatever reads confidential information.
import {
  maxPageSize,
  Redactor,
  sharedOnly,
  type CaseService,
  type CaseSummary,
  type CompiledDefinitions,
  type IdentityMeta,
  type ServiceUser,
} from '../../engine/index.js';
import type { DefinitionsAt } from './collected-answers.js';

export interface CaseIdentity {
  person: NonNullable<CaseSummary['person']> | null;
  caseNumber: NonNullable<CaseSummary['caseNumber']> | null;
  people: NonNullable<CaseSummary['people']>;
}

/** Whether the answer a path reads (`forms.<form>.…`, or `case.…` for the case's values) reaches this reader. */
function reachesReader(defs: CompiledDefinitions, redactor: Redactor, path: { var: string } | undefined): boolean {
  if (!path) return false;
  const [root, form] = path.var.split('.');
  if (root !== 'forms') return true;
  return Boolean(form) && redactor.mayReadForm(form!) && !sharedOnly(defs, redactor.reader, form!);
}

export function identityShownTo(
  defs: CompiledDefinitions,
  pathwayId: string,
  summary: CaseSummary,
  redactor: Redactor,
): CaseIdentity {
  const meta = ((defs.pathways.get(pathwayId)?.config.meta ?? {}) as { identity?: IdentityMeta }).identity ?? {};
  const shown = (path: { var: string } | undefined) => reachesReader(defs, redactor, path);
  const { person, caseNumber, people } = summary;
  return {
    person: person
      ? {
          ...(person.title ? { title: person.title } : {}),
          name: shown(meta.person?.name) ? person.name : null,
          dateOfBirth: shown(meta.person?.dateOfBirth) ? person.dateOfBirth : null,
        }
      : null,
    caseNumber: caseNumber
      ? {
          ...(caseNumber.title ? { title: caseNumber.title } : {}),
          value: shown(meta.caseNumber?.value) ? caseNumber.value : null,
        }
      : null,
    // The summary keeps only the groups that name someone, so a group is known by its title.
    people: (people ?? []).filter((group) => {
      const declared = (meta.people ?? []).filter((p) => p.title === group.title);
      return declared.length > 0 && declared.every((p) => shown(p.name));
    }),
  };
}

/** The identity of each case of a list as a role reads it, each by the definitions version the case is on. */
export async function identitiesShownTo(
  cases: { id: string; pathwayId: string; definitionVersion: number; summary: CaseSummary }[],
  role: string,
  definitionsAt: DefinitionsAt,
): Promise<Map<string, CaseIdentity>> {
  const versions = [...new Set(cases.map((c) => c.definitionVersion))];
  const readers = new Map(
    await Promise.all(
      versions.map(async (v) => {
        const defs = await definitionsAt(v);
        return [v, { defs, redactor: new Redactor(defs, { role }) }] as const;
      }),
    ),
  );
  return new Map(
    cases.map((c) => {
      const { defs, redactor } = readers.get(c.definitionVersion)!;
      return [c.id, identityShownTo(defs, c.pathwayId, c.summary, redactor)];
    }),
  );
}

/**
 * Who each of these cases is about, as this user may see it (for a record that names cases, such as the audit log):
 * only the cases they may see, read from the summaries in pages of at most maxPageSize, never from a snapshot.
 */
export async function identitiesOfCases(
  cases: CaseService,
  user: ServiceUser,
  ids: string[],
  definitionsAt: DefinitionsAt,
): Promise<Record<string, CaseIdentity>> {
  const wanted = [...new Set(ids)];
  const found: Record<string, CaseIdentity> = {};
  for (let start = 0; start < wanted.length; start += maxPageSize) {
    const batch = wanted.slice(start, start + maxPageSize);
    const page = await cases.listCases(user, { ids: batch, includeClosed: true, limit: maxPageSize });
    for (const [id, identity] of await identitiesShownTo(page.cases, user.role, definitionsAt)) found[id] = identity;
  }
  return found;
}
