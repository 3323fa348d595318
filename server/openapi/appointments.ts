// The appointment and group operations of the API (server/routes/appointments.ts, groups.ts), with their records.
import { json, op, pathParam, queryParam, ref, type Schema } from './helpers.js';

const str = { type: 'string' };
const time = { type: 'string', format: 'date-time' };
const nullable = (schema: Schema): Schema => ({ anyOf: [schema, { type: 'null' }] });
const id = pathParam('id', 'Appointment id');
const groupId = pathParam('id', 'Group id');
const outcome = { enum: ['attended', 'late', 'did-not-attend'] };

const attendance: Schema = {
  type: 'object',
  required: ['outcome', 'recordedBy', 'recordedAt'],
  properties: { outcome, reason: str, feedback: str, recordedBy: str, recordedAt: time },
};

export const appointmentSchema: Schema = {
  type: 'object',
  description: 'An appointment of a case, for a state the definitions hold as one (meta.appointment)',
  required: ['id', 'caseId', 'kind', 'title', 'startsAt', 'endsAt', 'place', 'delivery', 'status', 'version'],
  properties: {
    id: str,
    caseId: str,
    kind: { type: 'string', description: '`<pathway>#<state path>` of the state that declares it' },
    title: str,
    startsAt: time,
    endsAt: time,
    place: str,
    delivery: str,
    officer: { type: 'string', description: 'The user on whose agenda it is' },
    attendees: { type: 'array', items: str },
    groupId: nullable(str),
    status: { enum: ['booked', 'cancelled'] },
    version: { type: 'integer', description: 'Send it back as expectedVersion to change the appointment' },
    bookedBy: str,
    bookedAt: time,
    changedBy: str,
    changedAt: time,
    cancelled: nullable({
      type: 'object',
      properties: { by: str, at: time, reason: str },
    }),
    attendance: nullable(attendance),
  },
};

const kind: Schema = {
  type: 'object',
  properties: {
    kind: str,
    pathway: str,
    state: str,
    title: str,
    durationMinutes: { type: 'integer' },
    attendees: { type: 'array', items: str },
    delivery: { type: 'array', items: str },
    attendanceEvent: str,
  },
};

const changed = (summary: string, body: Schema, errors: (400 | 403 | 404 | 409 | 422)[] = [400, 403, 404, 409, 422]) =>
  op(summary, { tag: 'appointments', params: [id], body, ok: json(appointmentSchema), errors });

const group: Schema = {
  type: 'object',
  description: 'A group the definitions declare (meta.groups), run for several cases',
  properties: {
    id: str,
    kind: str,
    title: str,
    facilitators: { type: 'array', items: str },
    facilitatorNames: { type: 'array', items: str },
    members: { type: 'array', items: { type: 'string', description: 'Case id' } },
    memberCases: {
      type: 'array',
      description: 'Each member with who the case is about, as you may see it (null: not visible to you)',
      items: { type: 'object', properties: { caseId: str, case: nullable(ref('CaseIdentity')) } },
    },
    sessions: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          number: { type: 'integer' },
          startsAt: time,
          endsAt: time,
          place: str,
          catchUp: { type: 'boolean' },
          catchUpFor: { type: 'integer' },
          attendance: { type: 'object', description: 'By case id', additionalProperties: attendance },
        },
      },
    },
    version: { type: 'integer' },
  },
};
const groupChange = (summary: string, body: Schema, params: Schema[] = [groupId]) =>
  op(summary, { tag: 'groups', params, body, ok: json(group), errors: [400, 403, 404, 409, 422] });

export const appointmentPaths = {
  '/api/cases/{id}/appointments': {
    get: op('What may be booked on the case, and its appointments, soonest first', {
      tag: 'appointments',
      params: [pathParam('id', 'Case id')],
      ok: json({
        type: 'object',
        properties: {
          kinds: { type: 'array', items: kind },
          appointments: { type: 'array', items: appointmentSchema },
          names: { type: 'object', additionalProperties: str, description: 'Display names by user name' },
        },
      }),
      errors: [404],
    }),
    post: op('Book an appointment (bookAppointments); it lasts as long as the definitions say', {
      tag: 'appointments',
      params: [pathParam('id', 'Case id')],
      okStatus: 201,
      body: {
        type: 'object',
        required: ['kind', 'startsAt', 'place', 'delivery'],
        properties: { kind: str, startsAt: time, place: str, delivery: str },
      },
      ok: json(appointmentSchema),
      errors: [400, 403, 404, 422],
    }),
  },
  '/api/appointments': {
    get: op('Your agenda: your booked appointments from `from` (default now) on, soonest first, with their case', {
      tag: 'appointments',
      params: [queryParam('from', 'A date and time')],
      ok: json({ type: 'object', properties: { appointments: { type: 'array', items: appointmentSchema } } }),
      errors: [400],
    }),
  },
  '/api/appointments/{id}': {
    get: op('One appointment', { tag: 'appointments', params: [id], ok: json(appointmentSchema), errors: [404] }),
    patch: changed('Move an appointment: a new start (same length), place or delivery', {
      type: 'object',
      required: ['expectedVersion'],
      properties: { expectedVersion: { type: 'integer' }, startsAt: time, place: str, delivery: str },
    }),
  },
  '/api/appointments/{id}.ics': {
    get: op('The appointment as an iCalendar file to add to a calendar (no case content beyond a link)', {
      tag: 'appointments',
      params: [id],
      ok: { description: 'OK', content: { 'text/calendar': { schema: str } } },
      errors: [404],
    }),
  },
  '/api/appointments/{id}/cancel': {
    post: changed('Cancel an appointment, with why; who and when are kept', {
      type: 'object',
      required: ['expectedVersion', 'reason'],
      properties: { expectedVersion: { type: 'integer' }, reason: str },
    }),
  },
  '/api/appointments/{id}/attendance': {
    post: changed(
      'Record attendance and session feedback once it has started; sent to the pathway as its attendance event ' +
        '(eventSent), which may refuse it (422)',
      {
        type: 'object',
        required: ['expectedVersion', 'outcome'],
        properties: { expectedVersion: { type: 'integer' }, outcome, reason: str, feedback: str },
      },
    ),
  },
  '/api/groups': {
    get: op('Groups the definitions declare (kinds) and the groups set up (runGroups)', {
      tag: 'groups',
      ok: json({ type: 'object', properties: { kinds: { type: 'array' }, groups: { type: 'array', items: group } } }),
      errors: [403],
    }),
    post: op('Set up a group: its scheduled sessions follow the first every `everyDays` days (default 7)', {
      tag: 'groups',
      okStatus: 201,
      body: {
        type: 'object',
        required: ['kind', 'facilitators', 'firstSessionAt', 'place'],
        properties: {
          kind: str,
          title: str,
          facilitators: { type: 'array', items: str },
          firstSessionAt: time,
          place: str,
          everyDays: { type: 'number' },
        },
      },
      ok: json(group),
      errors: [400, 403, 422],
    }),
  },
  '/api/groups/{id}': {
    get: op('One group', { tag: 'groups', params: [groupId], ok: json(group), errors: [403, 404] }),
  },
  '/api/groups/{id}/members': {
    post: groupChange('Add a case at the stage the group declares (memberState)', {
      type: 'object',
      required: ['expectedVersion', 'caseId'],
      properties: { expectedVersion: { type: 'integer' }, caseId: str },
    }),
  },
  '/api/groups/{id}/sessions': {
    post: groupChange('Add a catch-up session for a scheduled session', {
      type: 'object',
      required: ['expectedVersion', 'catchUpFor', 'startsAt', 'place'],
      properties: { expectedVersion: { type: 'integer' }, catchUpFor: { type: 'integer' }, startsAt: time, place: str },
    }),
  },
  '/api/groups/{id}/sessions/{number}/attendance': {
    post: groupChange(
      "Take a session's attendance once for the group: each member's case receives the group's attendance event",
      {
        type: 'object',
        required: ['expectedVersion', 'attendance'],
        properties: {
          expectedVersion: { type: 'integer' },
          attendance: {
            type: 'object',
            description: 'By case id',
            additionalProperties: { type: 'object', required: ['outcome'], properties: { outcome, reason: str } },
          },
        },
      },
      [groupId, pathParam('number', 'Session number')],
    ),
  },
};
