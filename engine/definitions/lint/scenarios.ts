// Scenarios must name pathways, roles, events and forms that exist.
import type { JsonObject } from '../types.js';
import { declaredEvents, type LintContext } from './context.js';

export function lintScenarios(ctx: LintContext): void {
  const { set } = ctx;
  const roles = new Set(Object.keys(set.roles?.data.roles ?? {}));
  const events = declaredEvents(set);
  for (const [, scenario] of set.scenarios) {
    const source = scenario.source;
    const data = scenario.data;
    if (!set.pathways.has(data.pathway) && !set.broken.pathways.has(data.pathway)) {
      ctx.report(source, ['pathway'], 'unknown-pathway', `unknown pathway "${data.pathway}"`);
    }
    if (data.start?.as && !roles.has(data.start.as))
      ctx.report(source, ['start', 'as'], 'unknown-role', `unknown role "${data.start.as}"`);
    data.steps.forEach((step, i) => {
      if (step.as && !roles.has(step.as))
        ctx.report(source, ['steps', i, 'as'], 'unknown-role', `unknown role "${step.as}"`);
      if (step.send && set.broken.pathways.size === 0 && !events.has(step.send)) {
        ctx.report(
          source,
          ['steps', i, 'send'],
          'unknown-event',
          `event "${step.send}" is not declared by any pathway`,
        );
      }
      for (const form of Object.keys((step.forms ?? {}) as JsonObject)) {
        if (!set.forms.has(form) && !set.broken.forms.has(form)) {
          ctx.report(source, ['steps', i, 'forms', form], 'unknown-form', `unknown form "${form}"`, 'key');
        }
      }
      if (step.to?.document && !set.forms.has(step.to.document)) {
        ctx.report(source, ['steps', i, 'to', 'document'], 'unknown-form', `unknown form "${step.to.document}"`);
      }
      if (step.to?.pathway && !set.pathways.has(step.to.pathway)) {
        ctx.report(source, ['steps', i, 'to', 'pathway'], 'unknown-pathway', `unknown pathway "${step.to.pathway}"`);
      }
    });
  }
}
