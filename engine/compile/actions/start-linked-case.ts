// Action: start a case of another pathway, linked to this one by a link both pathways declare (meta.links). Each
// start makes a new case (one per partner, say); the case service stores both in one transaction.
import type { ActionDefinition } from '../vocabulary.js';

export const startLinkedCaseAction: ActionDefinition = {
  name: 'startLinkedCase',
  summary: 'starts a linked case of another pathway',
  params: {
    type: 'object',
    additionalProperties: false,
    required: ['link'],
    properties: { link: { type: 'string' } },
  },
  apply: (context, env, params) => {
    context.outbox.push({ kind: 'startLinkedCase', link: params.link as string, by: env.user.id });
  },
};
