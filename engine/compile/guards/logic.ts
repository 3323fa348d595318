// Condition: a JSON Logic expression over { case, forms, event, user, now, settings }.
import { evaluateInEnv } from '../evaluate.js';
import type { GuardDefinition } from '../vocabulary.js';

export const logicGuard: GuardDefinition = {
  name: 'logic',
  summary: 'true when the JSON Logic expression is true',
  params: { type: 'object', additionalProperties: false, required: ['expr'], properties: { expr: {} } },
  evaluate: (env, params) => Boolean(evaluateInEnv(params.expr, env)),
  explain: () => 'a condition of the pathway is not met',
  references: (params) => ({ expressions: [params.expr] }),
};
