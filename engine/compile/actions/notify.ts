// Action: tell the people in some roles (shown in their inbox). A notice that asks for something names the events
// that do it (`clearedBy`): it is marked done when someone in one of its roles sends one of them.
import type { ActionDefinition } from '../vocabulary.js';

export const notifyAction: ActionDefinition = {
  name: 'notify',
  summary: 'tells people in the roles',
  params: {
    type: 'object',
    additionalProperties: false,
    required: ['roles', 'message'],
    properties: {
      roles: { type: 'array', minItems: 1, items: { type: 'string' } },
      message: { type: 'string' },
      clearedBy: { type: 'array', minItems: 1, items: { type: 'string' } },
    },
  },
  apply: (context, env, params) => {
    const clearedBy = params.clearedBy as string[] | undefined;
    context.outbox.push({
      kind: 'notify',
      roles: params.roles as string[],
      message: params.message as string,
      at: env.now,
      ...(clearedBy ? { clearedBy } : {}),
    });
  },
  references: (params) => ({
    roles: params.roles as string[],
    ...(params.clearedBy ? { events: params.clearedBy as string[] } : {}),
  }),
};
