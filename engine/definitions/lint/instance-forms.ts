// A pathway's `instanceForms` (forms each instance keeps for itself) must be forms that some state of it lists, and
// the words of a sign-off or a confirmation belong to events that are sign-offs or destructive.
import type { JsonObject } from '../types.js';
import type { LintContext } from './context.js';

export function lintInstanceForms(ctx: LintContext, id: string, checkForm: (form: unknown, path: (string | number)[]) => void): void {
  const pathway = ctx.set.pathways.get(id)!;
  const walk = ctx.walks.get(id)!;
  const meta = (pathway.data.meta ?? {}) as JsonObject;
  const listed = new Set(walk.states.flatMap((s) => ((s.node.meta as JsonObject | undefined)?.forms as string[] | undefined) ?? []));
  const kept = Array.isArray(meta.instanceForms) ? meta.instanceForms : [];
  kept.forEach((form, i) => {
    checkForm(form, ['meta', 'instanceForms', i]);
    if (typeof form === 'string' && !listed.has(form)) {
      ctx.report(pathway.source, ['meta', 'instanceForms', i], 'unused-instance-form', `"${form}" is kept per instance but no state of this pathway lists it under forms`);
    }
  });
  for (const [name, event] of Object.entries((meta.events ?? {}) as Record<string, JsonObject>)) {
    if (event.signedAs !== undefined && event.signOff !== true) {
      ctx.report(pathway.source, ['meta', 'events', name, 'signedAs'], 'sign-off-words', `"signedAs" words a sign-off record: add "signOff: true" to "${name}", or remove it`, 'key');
    }
    if (event.confirm !== undefined && event.signOff !== true && event.destructive !== true) {
      ctx.report(pathway.source, ['meta', 'events', name, 'confirm'], 'confirm-words', `"confirm" is shown before a sign-off or a destructive event: mark "${name}" with "signOff: true" or "destructive: true", or remove it`, 'key');
    }
  }
}
