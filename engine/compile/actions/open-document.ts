// Action: open a new document on the case, running its own lifecycle pathway.
import type { ActionDefinition } from '../vocabulary.js';

export const openDocumentAction: ActionDefinition = {
  name: 'openDocument',
  summary: 'opens a document with its own lifecycle',
  params: {
    type: 'object',
    additionalProperties: false,
    required: ['form', 'lifecycle'],
    properties: { form: { type: 'string' }, lifecycle: { type: 'string' }, cites: { type: 'string' } },
  },
  apply: (context, env, params) => {
    context.outbox.push({
      kind: 'openDocument',
      form: params.form as string,
      lifecycle: params.lifecycle as string,
      ...(params.cites ? { cites: params.cites as string } : {}),
      by: env.user.id,
      role: env.user.role,
    });
  },
  references: (params) => ({
    forms: [params.form as string, ...(params.cites ? [params.cites as string] : [])],
    pathways: [params.lifecycle as string],
  }),
};
