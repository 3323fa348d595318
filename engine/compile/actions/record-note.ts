// Action: add a line to the case history, fixed text or worked out with JSON Logic.
import { evaluateInEnv } from '../evaluate.js';
import type { ActionDefinition } from '../vocabulary.js';

export const recordNoteAction: ActionDefinition = {
  name: 'recordNote',
  summary: 'adds a line to the case history',
  params: {
    type: 'object',
    additionalProperties: false,
    oneOf: [{ required: ['text'] }, { required: ['expr'] }],
    properties: { text: { type: 'string' }, expr: {} },
  },
  apply: (context, env, params) => {
    const text = 'expr' in params ? String(evaluateInEnv(params.expr, env) ?? '') : (params.text as string);
    context.notes.push({ at: env.now, by: env.user.id, text });
  },
  references: (params) =>
    'expr' in params ? { expressions: [params.expr], keeps: { param: 'expr', as: 'note' as const } } : {},
};
