// Action: start another pathway inside the case; its end is reported back as the event `<pathway>.done`.
import type { ActionDefinition } from '../vocabulary.js';

export const startPathwayAction: ActionDefinition = {
  name: 'startPathway',
  summary: 'starts a pathway inside the case',
  params: {
    type: 'object',
    additionalProperties: false,
    required: ['pathway'],
    properties: { pathway: { type: 'string' } },
  },
  apply: (context, env, params) => {
    context.outbox.push({
      kind: 'startPathway',
      pathway: params.pathway as string,
      by: env.user.id,
      role: env.user.role,
    });
  },
  references: (params) => ({ pathways: [params.pathway as string] }),
};
