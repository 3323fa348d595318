// Condition: the person sending the event holds the qualification (from their role in roles.yaml) — or, with
// `officerField`, the officer the event names does (an allocation that needs a qualified officer).
import type { EvaluationEnv } from '../types.js';
import type { GuardDefinition } from '../vocabulary.js';

function namedOfficer(env: EvaluationEnv, field: string): string | undefined {
  const officer = (env.event.data as Record<string, unknown> | null)?.[field];
  return typeof officer === 'string' ? officer : undefined;
}

export const hasQualificationGuard: GuardDefinition = {
  name: 'hasQualification',
  summary: 'true when the sender (or the officer the event names) holds the qualification',
  params: {
    type: 'object',
    additionalProperties: false,
    required: ['qualification'],
    properties: {
      qualification: { type: 'string' },
      officerField: { type: 'string', description: 'the event data field naming the officer who must hold it' },
    },
  },
  eventDataReads: (params) => (params.officerField === undefined ? [] : [params.officerField as string]),
  evaluate: (env, params) => {
    const qualification = params.qualification as string;
    if (params.officerField === undefined) return env.user.qualifications.includes(qualification);
    const officer = namedOfficer(env, params.officerField as string);
    return officer !== undefined && (env.officers[officer]?.qualifications ?? []).includes(qualification);
  },
  explain: (env, params) => {
    const qualification = `the qualification “${String(params.qualification)}”`;
    if (params.officerField === undefined) return `this needs ${qualification}`;
    const officer = namedOfficer(env, params.officerField as string);
    return officer ? `${officer} does not hold ${qualification}` : `this needs an officer who holds ${qualification}`;
  },
};
