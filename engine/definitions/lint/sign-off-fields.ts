// A form question marked `x-signOff` is filled by that sign-off's record: it must name an event some pathway declares
// with `signOff: true`.
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
  for (const form of ctx.set.forms.values()) {
    visit(form.data, [], (value, path) => {
      if (typeof value === 'string' && !events.has(value)) {
        ctx.report(
          form.source,
          path,
          'unknown-sign-off',
          `"${value}" is not an event marked "signOff: true" in any pathway; ` +
            `sign-offs are: ${[...events].sort().join(', ')}`,
        );
      }
    });
  }
}
