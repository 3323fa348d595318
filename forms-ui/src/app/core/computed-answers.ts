// The answers a form works out itself (x-compute: an outcome, a score), read from submitted answers with the wording
// of their choices — what a list shows of a form at a glance (e.g. an outcome worked out from the answers). No DOM.
import { choicesOf, resolveSchema, type Schema } from '../../core/schema.js';

export interface ComputedAnswer {
  title: string;
  text: string;
  /** The choice's x-colour, shown as words too (never colour alone). */
  colour?: string;
}

export function computedAnswers(root: Schema, data: Record<string, unknown> | undefined): ComputedAnswer[] {
  const found: ComputedAnswer[] = [];
  const walk = (node: Schema, value: unknown) => {
    const schema = resolveSchema(root, node);
    for (const [key, child] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
      const field = resolveSchema(root, child);
      const answer = (value as Record<string, unknown> | undefined)?.[key];
      if (field['x-compute'] !== undefined && answer !== undefined) {
        const choice = choicesOf(field)?.find((c) => c.value === answer);
        found.push({
          title: String(field.title ?? key),
          text: choice?.title ?? String(answer),
          ...(choice?.colour ? { colour: choice.colour } : {}),
        });
      } else if (field.type === 'object' && answer && typeof answer === 'object') {
        walk(field, answer);
      }
    }
  };
  walk(root, data);
  return found;
}
