// Sign-off records as shown on a document, a form, its print view and the case page: what was signed ("Countersigned"),
// by whom (display name), in which role (its title) and when.
import type { CompiledDefinitions, CaseData, InstanceRecord, SignOffRecord, ShownSignOff } from '../../engine/index.js';

export type { ShownSignOff };

export function signOffUsers(records: SignOffRecord[]): string[] {
  return [...new Set(records.map((r) => r.by))];
}

export function showSignOffs(
  defs: CompiledDefinitions,
  instance: InstanceRecord,
  names: Record<string, string>,
): ShownSignOff[] {
  const events = defs.pathways.get(instance.pathway)?.meta.events ?? {};
  return (instance.signOffs ?? []).map((r) => ({
    event: r.event,
    label: events[r.event]?.signedAs ?? events[r.event]?.title ?? r.event,
    by: names[r.by] ?? defs.roles.roles[r.role]?.title ?? 'A former user',
    role: defs.roles.roles[r.role]?.title ?? r.role,
    at: r.at,
    final: r.final,
    forms: r.forms,
    ...(r.stage ? { stage: r.stage } : {}),
  }));
}

/** Every instance's sign-offs that signed this form, oldest first. */
export function signOffsOfForm(
  data: CaseData,
  form: string,
  only?: InstanceRecord,
): { instance: InstanceRecord; records: SignOffRecord[] }[] {
  const instances = only ? [only] : Object.values(data.instances);
  return instances
    .map((instance) => ({ instance, records: (instance.signOffs ?? []).filter((r) => r.forms.includes(form)) }))
    .filter((entry) => entry.records.length);
}
