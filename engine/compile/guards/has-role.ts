// Condition: the person sending the event has one of the roles.
import type { GuardDefinition } from '../vocabulary.js';

export const hasRoleGuard: GuardDefinition = {
  name: 'hasRole',
  summary: 'true when the sender has one of the roles',
  params: {
    type: 'object',
    additionalProperties: false,
    required: ['roles'],
    properties: { roles: { type: 'array', minItems: 1, items: { type: 'string' } } },
  },
  eventDataReads: () => [],
  evaluate: (env, params) => (params.roles as string[]).includes(env.user.role),
  explain: (_env, params) => `only ${(params.roles as string[]).join(' or ')} may do this`,
  references: (params) => ({ roles: params.roles as string[] }),
};
