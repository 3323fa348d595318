// A form question marked `x-signOff` is filled by that sign-off's record, and the condition `recordedByAll` reads the
// records: each must name an event some pathway declares with `signOff: true`.
import type { JsonObject } from '../types.js';
import type { Path } from '../source.js';
import type { LintContext } from './context.js';

function signOffEvents(ctx: LintContext): Set<string> {
  const found = new Set<string>();
  for (const pathway of ctx.set.pathways.values()) {
    for (const [name, event] of Object.entries(
      ((pathway.data.meta as JsonObject | undefined)?.events ?? {}) as Record<string, JsonObject>,
    )) {
      if (event.signOff === true) found.add(name);
    }
  }
  return found;
}

function visit(node: unknown, path: Path, each: (value: unknown, path: Path) => void): void {
  if (Array.isArray(node)) node.forEach((item, i) => visit(item, [...path, i], each));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'x-signOff') each(value, [...path, key]);
      else visit(value, [...path, key], each);
    }
  }
}

export function lintSignOffFields(ctx: LintContext): void {
  if (ctx.set.broken.pathways.size) return;
  const events = signOffEvents(ctx);
  const notSignOff = (value: string) =>
    `"${value}" is not an event marked "signOff: true" in any pathway; sign-offs are: ${[...events].sort().join(', ')}`;
  for (const [id, walk] of ctx.walks) {
    for (const use of walk.uses) {
      if (use.kind !== 'guard' || use.type !== 'recordedByAll') continue;
      const cancelledBy = (use.params.cancelledBy as unknown[] | undefined) ?? [];
      const named: [string, unknown][] = [
        ['event', use.params.event],
        ...cancelledBy.map((e, i) => [`cancelledBy.${i}`, e] as [string, unknown]),
      ];
      for (const [key, value] of named) {
        if (typeof value !== 'string' || events.has(value)) continue;
        const at = [...use.yamlPath, 'params', ...key.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k))];
        ctx.report(ctx.set.pathways.get(id)!.source, at, 'unknown-sign-off', notSignOff(value));
      }
    }
  }
  for (const form of ctx.set.forms.values()) {
    visit(form.data, [], (value, path) => {
      if (typeof value === 'string' && !events.has(value)) {
        ctx.report(form.source, path, 'unknown-sign-off', notSignOff(value));
      }
    });
  }
}
