// JSON Logic in conditions, actions and computed answers: known operators, and `var` paths that exist.
import { actionRegistry } from '../../compile/actions/index.js';
import { guardRegistry } from '../../compile/guards/index.js';
import { scanLogic } from '../../expressions/data-reads.js';
import { schemaAt } from '../../forms/messages.js';
import type { Path, SourceFile } from '../source.js';
import type { JsonObject } from '../types.js';
import type { LintContext } from './context.js';

const USER_FIELDS = new Set(['id', 'role', 'qualifications']);

function walkObject(node: unknown, path: Path, visit: (node: JsonObject, path: Path) => void): void {
  if (Array.isArray(node)) node.forEach((v, i) => walkObject(v, [...path, i], visit));
  else if (node && typeof node === 'object') {
    visit(node as JsonObject, path);
    for (const [k, v] of Object.entries(node)) walkObject(v, [...path, k], visit);
  }
}

export function lintExpressions(ctx: LintContext): void {
  const { set } = ctx;
  const innerPathways = new Set<string>();
  for (const walk of ctx.walks.values()) {
    for (const use of walk.uses) {
      if (use.type === 'startPathway') innerPathways.add(String(use.params.pathway));
      if (use.type === 'openDocument') innerPathways.add(String(use.params.lifecycle));
    }
  }
  const formPathExists = (formId: string, path: string) => {
    const schema = set.forms.get(formId)?.data;
    return schema !== undefined && (path === '' || schemaAt(schema as never, path) !== undefined);
  };
  const checkExpression = (
    source: SourceFile,
    at: Path,
    expression: unknown,
    check: (path: string) => string | undefined,
  ) => {
    const scan = scanLogic(expression);
    for (const op of scan.unknownOperators)
      ctx.report(source, at, 'unknown-operator', `unknown JSON Logic operator "${op}"`);
    for (const path of scan.varPaths) {
      const problem = check(path);
      if (problem) ctx.report(source, at, 'unknown-var', `{var: "${path}"}: ${problem}`);
    }
  };

  for (const [id, walk] of ctx.walks) {
    const pathway = set.pathways.get(id)!;
    const events = ((pathway.data.meta as JsonObject)?.events ?? {}) as Record<string, { data?: JsonObject }>;
    const written = new Set<string>(Object.keys((pathway.data.context as JsonObject) ?? {}));
    for (const use of walk.uses) {
      for (const p of actionRegistry.get(use.type)?.references?.(use.params).writes ?? [])
        written.add(p.split('.')[0]!);
    }
    if (innerPathways.has(id)) ['parent', 'document'].forEach((k) => written.add(k));
    for (const use of walk.uses) {
      const entry = (use.kind === 'guard' ? guardRegistry : actionRegistry).get(use.type);
      const expressions = entry?.references?.(use.params).expressions ?? [];
      const event = use.transition?.kind === 'on' ? use.transition.event : undefined;
      for (const expression of expressions) {
        const at = [...use.yamlPath, 'params', 'expr' in use.params ? 'expr' : (Object.keys(use.params)[0] ?? 'expr')];
        checkExpression(pathway.source, at, expression, (path) => {
          const [root, ...rest] = path.split('.');
          const tail = rest.join('.');
          switch (root) {
            case 'now':
              return rest.length ? '"now" has no parts' : undefined;
            case 'user':
              return USER_FIELDS.has(rest[0] ?? '') ? undefined : `user has only ${[...USER_FIELDS].join(', ')}`;
            case 'officers':
              return undefined;
            case 'signOffs':
              return undefined;
            case 'settings': {
              const settings = (set.settings?.data ?? {}) as JsonObject;
              if (rest.length === 0 || Object.hasOwn(settings, rest[0]!)) return undefined;
              return `settings.yaml has no "${rest[0]}"`;
            }
            case 'case':
              return rest.length === 0 || written.has(rest[0]!)
                ? undefined
                : `"case.${rest[0]}" is never recorded by an assign action in this pathway`;
            case 'forms': {
              const [formId, ...field] = rest;
              if (formId && set.broken.forms.has(formId)) return undefined;
              if (!formId || !set.forms.has(formId)) return `unknown form "${formId ?? ''}"`;
              return formPathExists(formId, field.join('.'))
                ? undefined
                : `form "${formId}" has no question "${field.join('.')}"`;
            }
            case 'event': {
              if (rest[0] === 'type') return undefined;
              if (rest[0] !== 'data') return 'events have only "type" and "data"';
              if (!event) return undefined;
              const schema = events[event]?.data;
              if (!schema) return `event "${event}" carries no data (declare meta.events.${event}.data)`;
              const field = rest.slice(1).join('.');
              return field === '' || schemaAt(schema as never, field)
                ? undefined
                : `event "${event}" data has no "${field}"`;
            }
            default:
              return `unknown name "${root}${tail ? '.' + tail : ''}": use case, forms, event, user, now or settings`;
          }
        });
      }
    }
  }
  // A computed answer may read what any pathway that starts a case records (the case's own values).
  const caseValues = new Set<string>();
  for (const [id, walk] of ctx.walks) {
    if ((set.pathways.get(id)!.data.meta as JsonObject | undefined)?.startsCase === false) continue;
    for (const use of walk.uses) {
      const writes = actionRegistry.get(use.type)?.references?.(use.params).writes ?? [];
      for (const path of writes) caseValues.add(path.split('.')[0]!);
    }
  }
  for (const [id, form] of set.forms) {
    walkObject(form.data, [], (node, path) => {
      if (!('x-compute' in node)) return;
      checkExpression(form.source, [...path, 'x-compute'], node['x-compute'], (varPath) => {
        const [root, ...rest] = varPath.split('.');
        if (root === 'now') return rest.length ? '"now" has no parts' : undefined;
        if (root === 'case') {
          if (rest.length === 0 || caseValues.has(rest[0]!)) return undefined;
          return `"case.${rest[0]}" is never recorded by an assign action of a pathway that starts cases`;
        }
        if (root !== 'form') return 'computed answers read the form as "form.<question>", "case.<value>" or "now"';
        return formPathExists(id, rest.join('.')) ? undefined : `this form has no question "${rest.join('.')}"`;
      });
    });
  }
}
