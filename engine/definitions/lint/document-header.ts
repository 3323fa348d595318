// A pathway's `documentHeader` lines are JSON Logic over the case's answers (`forms.<form>.<question>`) and values
// (`case.*`): each `var` must name a question that exists, and never a confidential one (the header is printed on
// documents shared outside the team).
import { scanLogic } from '../../expressions/logic.js';
import { schemaAt } from '../../forms/messages.js';
import type { JsonObject } from '../types.js';
import type { LintContext } from './context.js';

function problemWith(ctx: LintContext, path: string): string | undefined {
  const [root, formId, ...field] = path.split('.');
  if (root === 'case') return undefined;
  if (root !== 'forms') return `a header reads "forms.<form>.<question>" or "case.*", not "${path}"`;
  const form = formId ? ctx.set.forms.get(formId)?.data : undefined;
  if (!form) return formId && ctx.set.broken.forms.has(formId) ? undefined : `unknown form "${formId ?? ''}"`;
  if (form['x-confidential'] === true) return `form "${formId}" is confidential and cannot be printed in a header`;
  for (let i = 1; i <= field.length; i++) {
    const node = schemaAt(form as never, field.slice(0, i).join('.')) as JsonObject | undefined;
    if (!node) return `form "${formId}" has no question "${field.join('.')}"`;
    if (node['x-confidential'] === true)
      return `"${field.slice(0, i).join('.')}" of form "${formId}" is confidential and cannot be printed in a header`;
  }
  return undefined;
}

export function lintDocumentHeader(ctx: LintContext): void {
  for (const [, pathway] of ctx.set.pathways) {
    const lines = ((pathway.data.meta as JsonObject | undefined)?.documentHeader ?? []) as { value?: unknown }[];
    lines.forEach((line, i) => {
      const at = ['meta', 'documentHeader', i, 'value'];
      const scan = scanLogic(line.value);
      for (const op of scan.unknownOperators)
        ctx.report(pathway.source, at, 'unknown-operator', `unknown JSON Logic operator "${op}"`);
      for (const path of scan.varPaths) {
        const problem = problemWith(ctx, path);
        if (problem) ctx.report(pathway.source, at, 'document-header', `{var: "${path}"}: ${problem}`);
      }
    });
  }
}
