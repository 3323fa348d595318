// Condition: a JSON Logic expression over { case, forms, event, user, now, settings }.
import { evaluateInEnv } from '../evaluate.js';
import type { GuardDefinition } from '../vocabulary.js';

export const logicGuard: GuardDefinition = {
  name: 'logic',
  summary: 'true when the JSON Logic expression is true',
  params: {
    type: 'object',
    additionalProperties: false,
    required: ['expr'],
    properties: { expr: {}, says: { type: 'string', description: 'what must be true, in words, for when it is not' } },
  },
  evaluate: (env, params) => Boolean(evaluateInEnv(params.expr, env)),
  explain: (_env, params) => (params.says as string | undefined) ?? 'a condition of the pathway is not met',
  references: (params) => ({ expressions: [params.expr] }),
  // What the expression reads is found by walking it (engine/runtime/allowed.ts).
  eventDataReads: () => [],
};
