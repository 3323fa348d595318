// Condition: the person sending the event holds the qualification (from their role in roles.yaml).
import type { GuardDefinition } from '../vocabulary.js';

export const hasQualificationGuard: GuardDefinition = {
  name: 'hasQualification',
  summary: 'true when the sender holds the qualification',
  params: {
    type: 'object',
    additionalProperties: false,
    required: ['qualification'],
    properties: { qualification: { type: 'string' } },
  },
  evaluate: (env, params) => env.user.qualifications.includes(params.qualification as string),
  explain: (_env, params) => `this needs the qualification “${String(params.qualification)}”`,
};
