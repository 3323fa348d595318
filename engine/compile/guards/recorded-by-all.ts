// Condition: every one of these roles has signed this off on this instance (an endorsement, a countersignature…), so
// that "urgent once both managers have endorsed it" needs no hand-written JSON Logic. Read from the instance's
// sign-off records (events marked `signOff`); the event being sent now counts for its sender, so the transition of the
// one who completes the set can be told apart from the others. A role's later record of a `cancelledBy` event (a
// refusal) takes its earlier one back.
import type { EvaluationEnv } from '../types.js';
import type { GuardDefinition } from '../vocabulary.js';

function rolesStillToRecord(env: EvaluationEnv, params: Record<string, unknown>): string[] {
  const event = params.event as string;
  const counted = new Set([event, ...((params.cancelledBy as string[] | undefined) ?? [])]);
  const latest = new Map<string, string>();
  for (const record of env.signOffs) if (counted.has(record.event)) latest.set(record.role, record.event);
  if (counted.has(env.event.type)) latest.set(env.user.role, env.event.type);
  return (params.roles as string[]).filter((role) => latest.get(role) !== event);
}

export const recordedByAllGuard: GuardDefinition = {
  name: 'recordedByAll',
  summary: 'true when someone in each of the roles has signed off the event on this instance',
  params: {
    type: 'object',
    additionalProperties: false,
    required: ['event', 'roles'],
    properties: {
      event: { type: 'string' },
      roles: { type: 'array', minItems: 1, items: { type: 'string' } },
      cancelledBy: { type: 'array', items: { type: 'string' } },
    },
  },
  eventDataReads: () => [],
  evaluate: (env, params) => rolesStillToRecord(env, params).length === 0,
  explain: (env, params) => `still to be recorded by: ${rolesStillToRecord(env, params).join(', ')}`,
  references: (params) => ({
    roles: params.roles as string[],
    events: [params.event as string, ...((params.cancelledBy as string[] | undefined) ?? [])],
  }),
};
