// Which cases a person may see, from their role's caseVisibility in roles.yaml.
import type { CompiledDefinitions } from '../definitions/check.js';
import type { CaseRecord, CaseVisibility } from '../store/types.js';

export function isVisibleTo(defs: CompiledDefinitions, user: { id: string; role: string }, record: CaseRecord): boolean {
  const visibility = defs.roles.roles[user.role]?.caseVisibility ?? 'none';
  switch (visibility) {
    case 'all':
      return true;
    case 'referred':
      return record.summary.referredBy === user.id || record.createdBy === user.id;
    case 'allocated':
      return record.summary.allocatedTo === user.id;
    default:
      return false;
  }
}

/** The same rule as a store query's visibility: a list never holds, counts or finds a case isVisibleTo refuses. */
export function visibilityOf(defs: CompiledDefinitions, user: { id: string; role: string }): CaseVisibility {
  switch (defs.roles.roles[user.role]?.caseVisibility ?? 'none') {
    case 'all':
      return { all: true };
    case 'referred':
      return { referredBy: user.id };
    case 'allocated':
      return { allocatedTo: user.id };
    default:
      return { none: true };
  }
}
