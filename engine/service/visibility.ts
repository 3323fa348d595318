// Which cases a person may see, from their role's caseVisibility in roles.yaml.
import type { CompiledDefinitions } from '../definitions/check.js';
import type { CaseRecord } from '../store/types.js';

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
