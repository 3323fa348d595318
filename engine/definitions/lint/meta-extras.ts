// A pathway's `instanceForms` (forms each instance keeps for itself) must be forms that some state of it lists; the
// words of a sign-off or a confirmation belong to events that are sign-offs or destructive; a state's `nextStep` names
// an event of the pathway.
import type { JsonObject } from '../types.js';
import type { LintContext } from './context.js';

export function lintMetaExtras(
  ctx: LintContext,
  id: string,
  checkForm: (form: unknown, path: (string | number)[]) => void,
): void {
  const pathway = ctx.set.pathways.get(id)!;
  const walk = ctx.walks.get(id)!;
  const meta = (pathway.data.meta ?? {}) as JsonObject;
  const listed = new Set(
    walk.states.flatMap((s) => ((s.node.meta as JsonObject | undefined)?.forms as string[] | undefined) ?? []),
  );
  const kept = Array.isArray(meta.instanceForms) ? meta.instanceForms : [];
  kept.forEach((form, i) => {
    checkForm(form, ['meta', 'instanceForms', i]);
    if (typeof form === 'string' && !listed.has(form)) {
      ctx.report(
        pathway.source,
        ['meta', 'instanceForms', i],
        'unused-instance-form',
        `"${form}" is kept per instance but no state of this pathway lists it under forms`,
      );
    }
  });
  const events = (meta.events ?? {}) as Record<string, JsonObject>;
  for (const state of walk.states) {
    const next = (state.node.meta as JsonObject | undefined)?.nextStep;
    if (typeof next === 'string' && !(next in events)) {
      ctx.report(
        pathway.source,
        [...state.yamlPath, 'meta', 'nextStep'],
        'unknown-event',
        `nextStep "${next}" is not declared under meta.events`,
      );
    }
  }
  for (const [name, event] of Object.entries(events)) {
    if (event.signedAs !== undefined && event.signOff !== true) {
      ctx.report(
        pathway.source,
        ['meta', 'events', name, 'signedAs'],
        'sign-off-words',
        `"signedAs" words a sign-off record: add "signOff: true" to "${name}", or remove it`,
        'key',
      );
    }
    if (event.confirm !== undefined && event.signOff !== true && event.destructive !== true) {
      ctx.report(
        pathway.source,
        ['meta', 'events', name, 'confirm'],
        'confirm-words',
        `"confirm" is shown before a sign-off or a destructive event: mark "${name}" with "signOff: true" or ` +
          '"destructive: true", or remove it',
        'key',
      );
    }
  }
}
