// Action: record a value on the case, either a literal `value` or the result of a JSON Logic `expr`.
import { evaluateInEnv } from '../evaluate.js';
import { setPath } from '../../util/paths.js';
import type { ActionDefinition } from '../vocabulary.js';

export const assignAction: ActionDefinition = {
  name: 'assign',
  summary: 'records a value on the case',
  params: {
    type: 'object',
    additionalProperties: false,
    required: ['path'],
    oneOf: [{ required: ['value'] }, { required: ['expr'] }],
    properties: {
      path: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)*$' },
      value: {},
      expr: {},
    },
  },
  apply: (context, env, params) => {
    const value = 'expr' in params ? evaluateInEnv(params.expr, env) : params.value;
    setPath(context.case, params.path as string, value ?? null);
  },
  references: (params) => ({
    expressions: 'expr' in params ? [params.expr] : [],
    writes: [params.path as string],
    ...('expr' in params ? { keeps: { param: 'expr', as: 'case value' as const } } : {}),
  }),
};
