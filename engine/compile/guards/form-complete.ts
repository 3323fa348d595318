// Condition: the named form has been submitted on this case (submissions are validated before they are stored).
import type { GuardDefinition } from '../vocabulary.js';

export const formCompleteGuard: GuardDefinition = {
  name: 'formComplete',
  summary: 'true when the form has been submitted on this case',
  params: { type: 'object', additionalProperties: false, required: ['form'], properties: { form: { type: 'string' } } },
  eventDataReads: () => [],
  evaluate: (env, params) => env.forms[params.form as string] !== undefined,
  explain: (_env, params, forms) =>
    `“${forms.get(params.form as string)?.title ?? String(params.form)}” has not been submitted`,
  references: (params) => ({ forms: [params.form as string] }),
};
