// The registry of conditions a pathway may name.
import type { GuardDefinition } from '../vocabulary.js';
import { formCompleteGuard } from './form-complete.js';
import { hasQualificationGuard } from './has-qualification.js';
import { hasRoleGuard } from './has-role.js';
import { logicGuard } from './logic.js';
import { recordedByAllGuard } from './recorded-by-all.js';
import { withinCapacityGuard } from './within-capacity.js';

export const guardRegistry: ReadonlyMap<string, GuardDefinition> = new Map(
  [logicGuard, formCompleteGuard, hasRoleGuard, hasQualificationGuard, withinCapacityGuard, recordedByAllGuard].map(
    (g) => [g.name, g],
  ),
);
