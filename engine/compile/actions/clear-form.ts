// Action: set aside a form's last answers so that it must be filled in afresh (e.g. a new Check In each session).
import type { ActionDefinition } from '../vocabulary.js';

export const clearFormAction: ActionDefinition = {
  name: 'clearForm',
  summary: "sets aside a form's last answers so it must be filled in again",
  params: { type: 'object', additionalProperties: false, required: ['form'], properties: { form: { type: 'string' } } },
  apply: (context, env, params) => {
    context.outbox.push({ kind: 'clearForm', form: params.form as string, by: env.user.id, role: env.user.role });
  },
  references: (params) => ({ forms: [params.form as string] }),
};
