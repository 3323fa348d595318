// Action: tell the people in some roles (shown in their inbox).
import type { ActionDefinition } from '../vocabulary.js';

export const notifyAction: ActionDefinition = {
  name: 'notify',
  summary: 'tells people in the roles',
  params: {
    type: 'object',
    additionalProperties: false,
    required: ['roles', 'message'],
    properties: { roles: { type: 'array', minItems: 1, items: { type: 'string' } }, message: { type: 'string' } },
  },
  apply: (context, env, params) => {
    context.outbox.push({ kind: 'notify', roles: params.roles as string[], message: params.message as string, at: env.now });
  },
  references: (params) => ({ roles: params.roles as string[] }),
};
