// Where confidential information could flow unseen. A value kept for people to read — a case value (`assign`), a
// note (`recordNote`), a computed answer (`x-compute`) — may read through a path worked out when it runs only where
// no such path could reach confidential information: what it holds must be known from the definitions, so that the
// server can withhold it. (A case value copied from a confidential answer is withheld; one copied through a path that
// cannot be bounded is refused here, and withheld by the server if a version was published before this rule.) A note
// is shown to everyone who works on the case, so it reads nothing confidential at all.
import type { DataRead } from '../../expressions/data-reads.js';
import {
  computedAnswers,
  formReadReachesConfidential,
  withConfidentialComputedAnswers,
} from '../../forms/computed-confidentiality.js';
import { readReachesConfidential } from '../confidential-values.js';
import type { LintContext } from './context.js';

/** Problems of these codes are guarded at run time too: a version already published with them still loads. */
export const GUARDED_AT_RUN_TIME: ReadonlySet<string> = new Set([
  'confidential-dynamic-read',
  'confidential-note',
  'confidential-identity',
  'confidential-header',
]);

function dynamicReadMessage(read: DataRead, keeps: string, example = 'forms.<form>.<question>'): string {
  const begun = read.path === '' ? 'nothing of it is written out' : `it begins "${read.path}"`;
  return (
    `{${read.operator}: …}: the path it reads is worked out when it runs (${begun}), so it could read confidential ` +
    `information (x-confidential) into ${keeps}, where readers not cleared for it would see it: write the path out ` +
    `(for example {var: ${example}})`
  );
}

export function lintConfidentialFlow(ctx: LintContext): void {
  const { sources, kept } = ctx.confidential;
  for (const expression of kept) {
    const source = ctx.set.pathways.get(expression.pathway)!.source;
    const keeps = expression.target ? `the case value "case.${expression.target}"` : 'a note in the case history';
    for (const read of expression.reads) {
      if (!readReachesConfidential(read, sources)) continue;
      const at = [...expression.at, ...read.at];
      if (!read.literal) ctx.report(source, at, 'confidential-dynamic-read', dynamicReadMessage(read, keeps));
      else if (expression.as === 'note') {
        ctx.report(
          source,
          at,
          'confidential-note',
          `{${read.operator}: "${read.path}"}: it reads confidential information (x-confidential), and a note in the ` +
            'case history is shown to everyone who works on the case',
        );
      }
    }
  }
  for (const [, form] of ctx.set.forms) {
    const schema = withConfidentialComputedAnswers(form.data);
    for (const answer of computedAnswers(form.data)) {
      if (answer.declaredConfidential) continue;
      for (const read of answer.reads) {
        if (read.literal || !formReadReachesConfidential(read, schema)) continue;
        const at = [...answer.at, 'x-compute', ...read.at];
        const message = dynamicReadMessage(read, 'this computed answer', 'form.<question>');
        ctx.report(form.source, at, 'confidential-dynamic-read', message);
      }
    }
  }
}
