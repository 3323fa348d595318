// Condition: a JSON Logic expression over { case, forms, event, user, now }.
import { evaluateLogic } from '../../expressions/logic.js';
import type { GuardDefinition } from '../vocabulary.js';

export const logicGuard: GuardDefinition = {
  name: 'logic',
  summary: 'true when the JSON Logic expression is true',
  params: { type: 'object', additionalProperties: false, required: ['expr'], properties: { expr: {} } },
  evaluate: (env, params) => Boolean(evaluateLogic(params.expr, env)),
  explain: () => 'a condition of the pathway is not met',
  references: (params) => ({ expressions: [params.expr] }),
};
