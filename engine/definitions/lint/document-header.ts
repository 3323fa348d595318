// A pathway's `documentHeader` lines are JSON Logic over the case's answers (`forms.<form>.<question>`) and values
// (`case.*`): each `var` must name a question that exists, and nothing a line reads — written out or worked out when
// it runs — may reach confidential information (the header is printed on documents shared outside the team).
import { walkExpression } from '../../expressions/data-reads.js';
import { schemaAt } from '../../forms/messages.js';
import { readReachesConfidential } from '../confidential-values.js';
import type { JsonObject } from '../types.js';
import type { LintContext } from './context.js';

function problemWith(ctx: LintContext, path: string): string | undefined {
  const [root, formId, ...field] = path.split('.');
  if (root === 'case') return undefined;
  if (root !== 'forms') return `a header reads "forms.<form>.<question>" or "case.*", not "${path}"`;
  const form = formId ? ctx.set.forms.get(formId)?.data : undefined;
  if (!form) return formId && ctx.set.broken.forms.has(formId) ? undefined : `unknown form "${formId ?? ''}"`;
  if (field.length > 0 && !schemaAt(form as never, field.join('.')))
    return `form "${formId}" has no question "${field.join('.')}"`;
  return undefined;
}

export function lintDocumentHeader(ctx: LintContext): void {
  for (const [, pathway] of ctx.set.pathways) {
    const lines = ((pathway.data.meta as JsonObject | undefined)?.documentHeader ?? []) as { value?: unknown }[];
    lines.forEach((line, i) => {
      const at = ['meta', 'documentHeader', i, 'value'];
      const { reads, unknownOperators } = walkExpression(line.value);
      for (const op of unknownOperators)
        ctx.report(pathway.source, [...at, ...op.at], 'unknown-operator', `unknown JSON Logic operator "${op.name}"`);
      for (const read of reads.filter((r) => !r.fromItem)) {
        const shown = read.literal ? `{${read.operator}: "${read.path}"}` : `{${read.operator}: …}`;
        const named = read.literal && read.operator === 'var' && read.path !== '';
        const problem = named ? problemWith(ctx, read.path) : undefined;
        if (problem) ctx.report(pathway.source, [...at, ...read.at], 'document-header', `${shown}: ${problem}`);
        else if (readReachesConfidential(read, ctx.confidential.sources)) {
          const what = read.literal
            ? 'it reads'
            : `its path is worked out when it runs ("${read.path}…"), so it could read`;
          ctx.report(
            pathway.source,
            [...at, ...read.at],
            'confidential-header',
            `${shown}: ${what} confidential information (x-confidential), which cannot be printed in a header: ` +
              'documents carry it to readers not cleared for it',
          );
        }
      }
    });
  }
}
