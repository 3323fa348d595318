// Action: send an event to the cases at the other end of a link, with only the values named in `data` (each a JSON
// Logic expression over this case): nothing else of this case crosses, and the other pathway must accept the event.
import { evaluateInEnv } from '../evaluate.js';
import type { ActionDefinition } from '../vocabulary.js';

export const sendLinkedAction: ActionDefinition = {
  name: 'sendLinked',
  summary: 'sends an event to the linked cases',
  params: {
    type: 'object',
    additionalProperties: false,
    required: ['link', 'event'],
    properties: {
      link: { type: 'string' },
      event: { type: 'string' },
      data: { type: 'object', additionalProperties: {} },
    },
  },
  apply: (context, env, params) => {
    const expressions = (params.data ?? {}) as Record<string, unknown>;
    const data = Object.fromEntries(
      Object.entries(expressions).map(([field, expr]) => [field, evaluateInEnv(expr, env) ?? null]),
    );
    context.outbox.push({ kind: 'sendLinked', link: params.link as string, event: params.event as string, data });
  },
  references: (params) => ({ expressions: Object.values((params.data ?? {}) as Record<string, unknown>) }),
};
