// Condition: the officer named in the event data holds fewer active cases than their capacity.
import type { EvaluationEnv } from '../types.js';
import type { GuardDefinition } from '../vocabulary.js';

function officerLoad(env: EvaluationEnv, params: Record<string, unknown>) {
  const field = (params.officerField as string | undefined) ?? 'officer';
  const officer = (env.event.data as Record<string, unknown> | null)?.[field];
  return { officer, load: typeof officer === 'string' ? env.officers[officer] : undefined };
}

export const withinCapacityGuard: GuardDefinition = {
  name: 'withinCapacity',
  summary: 'true when the officer named in the event is below their capacity',
  params: {
    type: 'object',
    additionalProperties: false,
    properties: {
      officerField: { type: 'string', description: 'the event data field naming the officer; default officer' },
    },
  },
  eventDataReads: (params) => [(params.officerField as string | undefined) ?? 'officer'],
  evaluate: (env, params) => {
    const { load } = officerLoad(env, params);
    return load !== undefined && load.active < load.capacity;
  },
  explain: (env, params) => {
    const { officer, load } = officerLoad(env, params);
    if (typeof officer !== 'string' || officer === '') return 'no officer was named';
    if (!load) return `“${officer}” is not one of the team's officers`;
    return `${officer} already holds ${load.active} active cases, which is their capacity of ${load.capacity}`;
  },
};
