// Action: remove a deadline once it has been met.
import type { ActionDefinition } from '../vocabulary.js';

export const clearDeadlineAction: ActionDefinition = {
  name: 'clearDeadline',
  summary: 'removes a deadline',
  params: { type: 'object', additionalProperties: false, required: ['name'], properties: { name: { type: 'string' } } },
  apply: (context, _env, params) => {
    delete context.deadlines[params.name as string];
  },
};
