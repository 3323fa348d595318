// What a role may do beyond cases, read from roles.yaml: manage definitions, read the audit log, see every case.
// When no role in the file declares `manageDefinitions` / `readAudit`, roles that see all cases and are cleared for
// confidential information are taken to have them.
import { type CompiledDefinitions, seesAllCases } from '../../engine/index.js';

export { readerIsCleared, readerMayReadForm, type Reader } from '../../engine/index.js';
export { seesAllCases, seesNoCases } from '../../engine/index.js';

export type Ability = 'manageDefinitions' | 'readAudit' | 'readPerformance' | 'bookAppointments' | 'runGroups';

export function hasAbility(defs: CompiledDefinitions, role: string, ability: Ability): boolean {
  const roles = defs.roles.roles;
  const definition = roles[role];
  if (!definition) return false;
  const declared = Object.values(roles).some((r) => ability in r);
  if (declared) return definition[ability] === true;
  return seesAllCases(defs, role) && definition.confidential === true;
}

export function isKnownRole(defs: CompiledDefinitions, role: string): boolean {
  return Object.hasOwn(defs.roles.roles, role);
}

export function abilitiesOf(defs: CompiledDefinitions, role: string) {
  return {
    manageDefinitions: hasAbility(defs, role, 'manageDefinitions'),
    readAudit: hasAbility(defs, role, 'readAudit'),
    readPerformance: hasAbility(defs, role, 'readPerformance'),
    bookAppointments: hasAbility(defs, role, 'bookAppointments'),
    runGroups: hasAbility(defs, role, 'runGroups'),
    seesAllCases: seesAllCases(defs, role),
  };
}
