// Names that must point at something: guards, actions, forms, roles, pathways, events, delays, deadlines.
import { actionRegistry } from '../../compile/actions/index.js';
import { guardRegistry } from '../../compile/guards/index.js';
import type { JsonObject } from '../types.js';
import { declaredEvents, type LintContext } from './context.js';
import { lintMetaExtras } from './meta-extras.js';

function known(list: Iterable<string>): string {
  return [...list].sort().join(', ');
}

export function lintReferences(ctx: LintContext): void {
  const { set } = ctx;
  const roleNames = new Set(Object.keys(set.roles?.data.roles ?? {}));
  const audienceNames = new Set(Object.keys(set.roles?.data.audiences ?? {}));
  const events = declaredEvents(set);
  const internal = new Set(set.roles?.data.internal ?? []);
  const sendable = new Set(Object.values(set.roles?.data.roles ?? {}).flatMap((r) => r.send ?? []));
  const usedForms = new Set<string>();
  const qualificationsHeld = new Set(Object.values(set.roles?.data.roles ?? {}).flatMap((r) => r.qualifications ?? []));

  for (const [id, walk] of ctx.walks) {
    const pathway = set.pathways.get(id)!;
    const source = pathway.source;
    const meta = (pathway.data.meta ?? {}) as JsonObject;
    const declared = (meta.events ?? {}) as JsonObject;
    const delays = (meta.delays ?? {}) as JsonObject;
    const checkRoles = (roles: unknown, path: (string | number)[], allowAudiences = false) => {
      (Array.isArray(roles) ? roles : []).forEach((role, i) => {
        if (typeof role === 'string' && !roleNames.has(role) && !(allowAudiences && audienceNames.has(role))) {
          ctx.report(source, [...path, i], 'unknown-role', `unknown role "${role}"; roles are: ${known(roleNames)}`);
        }
      });
    };
    const checkForm = (form: unknown, path: (string | number)[]) => {
      if (typeof form !== 'string') return;
      usedForms.add(form);
      if (!set.forms.has(form) && !set.broken.forms.has(form)) {
        ctx.report(source, path, 'unknown-form', `unknown form "${form}": there is no forms/${form}.yaml`);
      }
    };
    checkRoles(meta.startedBy, ['meta', 'startedBy']);
    lintMetaExtras(ctx, id, checkForm);
    const usedEvents = new Set<string>();
    const setDeadlines = new Set(walk.uses.filter((u) => u.type === 'setDeadline').map((u) => String(u.params.name)));

    for (const state of walk.states) {
      const smeta = (state.node.meta ?? {}) as JsonObject;
      (Array.isArray(smeta.forms) ? smeta.forms : []).forEach((f, i) =>
        checkForm(f, [...state.yamlPath, 'meta', 'forms', i]),
      );
      checkRoles(smeta.actors, [...state.yamlPath, 'meta', 'actors']);
      for (const [audience, forms] of Object.entries((smeta.shares ?? {}) as Record<string, unknown[]>)) {
        if (!roleNames.has(audience) && !audienceNames.has(audience)) {
          ctx.report(
            source,
            [...state.yamlPath, 'meta', 'shares', audience],
            'unknown-role',
            `unknown role or audience "${audience}"`,
            'key',
          );
        }
        forms.forEach((f, i) => checkForm(f, [...state.yamlPath, 'meta', 'shares', audience, i]));
      }
      if (typeof smeta.deadline === 'string' && !setDeadlines.has(smeta.deadline)) {
        ctx.report(
          source,
          [...state.yamlPath, 'meta', 'deadline'],
          'unknown-deadline',
          `deadline "${smeta.deadline}" is never set by a setDeadline action in this pathway`,
        );
      }
    }
    for (const t of walk.transitions) {
      if (t.kind === 'on' && t.event) {
        usedEvents.add(t.event);
        if (!(t.event in declared)) {
          ctx.report(
            source,
            t.yamlPath.slice(0, (t.yamlPath as unknown[]).lastIndexOf(t.event) + 1),
            'unknown-event',
            `event "${t.event}" is not declared under meta.events`,
            'key',
          );
        }
      }
      if (t.kind === 'after' && t.delay && !/^\d+$/.test(t.delay) && !(t.delay in delays)) {
        ctx.report(
          source,
          t.yamlPath.slice(0, (t.yamlPath as unknown[]).lastIndexOf(t.delay) + 1),
          'unknown-delay',
          `delay "${t.delay}" is not declared under meta.delays`,
          'key',
        );
      }
    }
    for (const name of Object.keys(declared)) {
      if (!usedEvents.has(name))
        ctx.report(
          source,
          ['meta', 'events', name],
          'unused-event',
          `event "${name}" is declared but no state accepts it`,
          'key',
        );
      else if (!sendable.has(name) && !internal.has(name)) {
        ctx.report(
          source,
          ['meta', 'events', name],
          'unsendable-event',
          `no role may send "${name}": add it to a role's "send" list in roles.yaml (or to "internal")`,
          'key',
        );
      }
    }
    for (const use of walk.uses) {
      const registry = use.kind === 'guard' ? guardRegistry : actionRegistry;
      const entry = registry.get(use.type);
      if (!entry) {
        ctx.report(
          source,
          [...use.yamlPath, 'type'],
          `unknown-${use.kind}`,
          `${use.kind === 'guard' ? 'Guard' : 'Action'} '${use.type}' is not implemented; use one of: ${known(registry.keys())}`,
        );
        continue;
      }
      const refs = entry.references?.(use.params) ?? {};
      (refs.forms ?? []).forEach((form) => {
        const key = Object.entries(use.params).find(([, v]) => v === form)?.[0] ?? 'form';
        checkForm(form, [...use.yamlPath, 'params', key]);
      });
      checkRoles(refs.roles, [...use.yamlPath, 'params', 'roles']);
      (refs.events ?? []).forEach((event, i) => {
        const key = Object.entries(use.params).find(([, v]) => Array.isArray(v) && v.includes(event))?.[0] ?? 'events';
        if (events.has(event)) return;
        ctx.report(
          source,
          [...use.yamlPath, 'params', key, i],
          'unknown-event',
          `event "${event}" is not declared by any pathway`,
        );
      });
      for (const other of refs.pathways ?? []) {
        if (!set.pathways.has(other) && !set.broken.pathways.has(other)) {
          const key = Object.entries(use.params).find(([, v]) => v === other)?.[0] ?? 'pathway';
          ctx.report(
            source,
            [...use.yamlPath, 'params', key],
            'unknown-pathway',
            `unknown pathway "${other}": there is no pathways/${other}.yaml`,
          );
        }
      }
      if (use.type === 'hasQualification' && !qualificationsHeld.has(String(use.params.qualification))) {
        ctx.report(
          source,
          [...use.yamlPath, 'params', 'qualification'],
          'unknown-qualification',
          `no role holds the qualification "${String(use.params.qualification)}"`,
        );
      }
    }
  }

  const eventsComplete = set.broken.pathways.size === 0;
  if (set.roles) {
    const source = set.roles.source;
    for (const [name, role] of Object.entries(set.roles.data.roles)) {
      (role.send ?? []).forEach((event, i) => {
        if (eventsComplete && !events.has(event)) {
          ctx.report(
            source,
            ['roles', name, 'send', i],
            'unknown-event',
            `event "${event}" is not declared by any pathway`,
          );
        }
      });
      for (const list of ['fill', 'read'] as const) {
        (role[list] ?? []).forEach((form, i) => {
          if (form !== 'all' && !set.forms.has(form) && !set.broken.forms.has(form)) {
            ctx.report(source, ['roles', name, list, i], 'unknown-form', `unknown form "${form}"`);
          }
        });
      }
    }
    (set.roles.data.internal ?? []).forEach((event, i) => {
      if (eventsComplete && !events.has(event))
        ctx.report(source, ['internal', i], 'unknown-event', `event "${event}" is not declared by any pathway`);
    });
  }
  if (set.settings) {
    const source = set.settings.source;
    const officers = set.settings.data.officers ?? [];
    officers.forEach((o, i) => {
      if (!roleNames.has(o.role))
        ctx.report(source, ['officers', i, 'role'], 'unknown-role', `unknown role "${o.role}"`);
    });
    for (const name of Object.keys(set.settings.data.capacity.officers ?? {})) {
      if (!officers.some((o) => o.username === name)) {
        ctx.report(
          source,
          ['capacity', 'officers', name],
          'unknown-officer',
          `"${name}" is not one of the officers listed under "officers"`,
          'key',
        );
      }
    }
  }
  for (const [id, form] of set.forms) {
    if (eventsComplete && !usedForms.has(id))
      ctx.report(form.source, ['$id'], 'unused-form', `form "${id}" is not used by any pathway`);
  }
}
