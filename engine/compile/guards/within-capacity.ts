// Condition: the officer named in the event data holds fewer active cases than their capacity.
import type { GuardDefinition } from '../vocabulary.js';

export const withinCapacityGuard: GuardDefinition = {
  name: 'withinCapacity',
  summary: 'true when the officer named in the event is below their capacity',
  params: {
    type: 'object',
    additionalProperties: false,
    properties: { officerField: { type: 'string', description: 'the event data field naming the officer; default officer' } },
  },
  evaluate: (env, params) => {
    const field = (params.officerField as string | undefined) ?? 'officer';
    const officer = (env.event.data as Record<string, unknown> | null)?.[field];
    const load = typeof officer === 'string' ? env.officers[officer] : undefined;
    return load !== undefined && load.active < load.capacity;
  },
};
