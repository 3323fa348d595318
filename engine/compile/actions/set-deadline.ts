// Action: set a named deadline, counted from the event's time or back from a date recorded on the case; with
// `dueEvent`, the pathway is sent that event when the deadline falls due (until it is cleared).
import { evaluateInEnv } from '../evaluate.js';
import { addDuration, toDateOnly } from '../../util/working-days.js';
import type { ActionDefinition } from '../vocabulary.js';

const ENGLAND_AND_WALES = { country: 'GB', region: 'ENG' };

export const setDeadlineAction: ActionDefinition = {
  name: 'setDeadline',
  summary: 'sets a deadline in working days, days or weeks',
  params: {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'label'],
    anyOf: [{ required: ['workingDays'] }, { required: ['days'] }, { required: ['weeks'] }],
    properties: {
      name: { type: 'string' },
      label: { type: 'string' },
      workingDays: { type: 'integer', minimum: 0 },
      days: { type: 'number', minimum: 0 },
      weeks: { type: 'number', minimum: 0 },
      before: { type: 'string', description: 'a case path holding the date to count back from' },
      after: { type: 'string', description: 'a case path holding the date to count on from (default: now)' },
      dueEvent: { type: 'string', description: 'an event sent to this pathway when the deadline falls due' },
    },
  },
  apply: (context, env, params) => {
    const anchorPath = (params.before ?? params.after) as string | undefined;
    const anchor = anchorPath ? evaluateInEnv({ var: anchorPath }, env) : env.now;
    if (typeof anchor !== 'string' || Number.isNaN(Date.parse(anchor))) {
      delete context.deadlines[params.name as string];
      return;
    }
    const due = addDuration(
      anchor,
      { workingDays: params.workingDays as number, days: params.days as number, weeks: params.weeks as number },
      env.settings.bankHolidays ?? ENGLAND_AND_WALES,
      params.before ? -1 : 1,
    );
    const event = params.dueEvent as string | undefined;
    context.deadlines[params.name as string] = {
      due: toDateOnly(due),
      label: params.label as string,
      // Sent at the moment it falls due, whatever state the pathway is in (a state left and entered again — a
      // suspension — does not start it again, as an `after` of that state would).
      ...(event ? { at: due, event } : {}),
    };
  },
  references: (params) => ({
    expressions: [params.before, params.after].filter(Boolean).map((p) => ({ var: p })),
    ...(params.dueEvent ? { events: [params.dueEvent as string] } : {}),
  }),
};
