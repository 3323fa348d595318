// Which cases a person may see, from their role's caseVisibility in roles.yaml: one rule or a list of them, any of
// which lets them see a case. `acting` is visibility as data: the cases on which their role must act now (a state of
// the case, of a document or of a pathway in it names the role among its actors, or a notice asks it to act), so that
// a role acting on cases it does not hold — an endorser, a countersigner — needs no sight of every case.
import type { CompiledDefinitions } from '../definitions/check.js';
import type { VisibilityRule } from '../definitions/types.js';
import type { CaseRecord, CaseVisibility } from '../store/types.js';

/** The role's rules, however roles.yaml wrote them; none for an unknown role. */
export function visibilityRules(defs: CompiledDefinitions, role: string): VisibilityRule[] {
  const declared = defs.roles.roles[role]?.caseVisibility ?? 'none';
  return (Array.isArray(declared) ? declared : [declared]).filter((rule) => rule !== 'none');
}

export function seesAllCases(defs: CompiledDefinitions, role: string): boolean {
  return visibilityRules(defs, role).includes('all');
}

export function seesNoCases(defs: CompiledDefinitions, role: string): boolean {
  return visibilityRules(defs, role).length === 0;
}

function ruleAdmits(rule: VisibilityRule, user: { id: string; role: string }, record: CaseRecord): boolean {
  switch (rule) {
    case 'all':
      return true;
    case 'referred':
      return record.summary.referredBy === user.id || record.createdBy === user.id;
    case 'allocated':
      return record.summary.allocatedTo === user.id;
    case 'acting':
      return !record.summary.closed && (record.summary.actors ?? []).includes(user.role);
    default:
      return false;
  }
}

export function isVisibleTo(
  defs: CompiledDefinitions,
  user: { id: string; role: string },
  record: CaseRecord,
): boolean {
  if (confidentialPathwaysFor(defs, user.role).includes(record.pathwayId)) return false;
  return visibilityRules(defs, user.role).some((rule) => ruleAdmits(rule, user, record));
}

/**
 * The pathways whose cases are confidential (meta.confidential) that this role is not cleared for (roles.yaml
 * `confidential`): whatever its caseVisibility, it never sees, counts or finds one of their cases.
 */
export function confidentialPathwaysFor(defs: CompiledDefinitions, role: string): string[] {
  if (defs.roles.roles[role]?.confidential === true) return [];
  return [...defs.pathways.values()].filter((p) => p.meta.confidential === true).map((p) => p.id);
}

function ruleQuery(rule: VisibilityRule, user: { id: string; role: string }): CaseVisibility {
  switch (rule) {
    case 'all':
      return { all: true };
    case 'referred':
      return { referredBy: user.id };
    case 'allocated':
      return { allocatedTo: user.id };
    case 'acting':
      return { acting: user.role };
    default:
      return { none: true };
  }
}

/** The same rules as a store query's visibility: a list never holds, counts or finds a case isVisibleTo refuses. */
export function visibilityOf(defs: CompiledDefinitions, user: { id: string; role: string }): CaseVisibility {
  const visible = visibilityByRules(defs, user);
  const withheld = confidentialPathwaysFor(defs, user.role);
  return withheld.length && !('none' in visible) ? { except: { pathways: withheld }, within: visible } : visible;
}

function visibilityByRules(defs: CompiledDefinitions, user: { id: string; role: string }): CaseVisibility {
  const rules = visibilityRules(defs, user.role);
  if (rules.length === 0) return { none: true };
  if (rules.includes('all')) return { all: true };
  return rules.length === 1 ? ruleQuery(rules[0]!, user) : { anyOf: rules.map((rule) => ruleQuery(rule, user)) };
}
