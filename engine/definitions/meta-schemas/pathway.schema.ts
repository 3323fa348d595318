// Meta-schema of definitions/pathways/*.yaml: an XState v5 machine config with DAO facts under `meta`.
// Guard and action params are checked against each vocabulary entry's own params schema.
import { actionRegistry } from '../../compile/actions/index.js';
import { guardRegistry } from '../../compile/guards/index.js';
import { SCHEMA_VERSION, durationSchema, idPattern, stringList } from './common.js';

function paramsByName(registry: ReadonlyMap<string, { name: string; params: object }>) {
  return [...registry.values()].map((entry) => ({
    if: { properties: { type: { const: entry.name } }, required: ['type'] },
    then: { properties: { params: entry.params } },
  }));
}

/** A JSON Logic `var` naming an answer (`forms.<form>.<question>`) or a case value (`case.<name>`). */
const answerPath = {
  type: 'object',
  additionalProperties: false,
  required: ['var'],
  properties: { var: { type: 'string', pattern: '^(forms|case)\\.[^.]+' } },
};

/** Which answers identify a case: shown on lists and headings instead of its id, and searched (case-identity.ts). */
const identity = {
  type: 'object',
  additionalProperties: false,
  properties: {
    person: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: { title: { type: 'string' }, name: answerPath, dateOfBirth: answerPath },
    },
    caseNumber: {
      type: 'object',
      additionalProperties: false,
      required: ['value'],
      properties: { title: { type: 'string' }, value: answerPath },
    },
    people: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['title', 'name'],
        properties: { title: { type: 'string' }, name: answerPath },
      },
    },
  },
};

/** Where a case records that it asked for urgency and who has endorsed it, for lists to say "1 of 2 endorsements". */
const urgency = {
  type: 'object',
  additionalProperties: false,
  required: ['requested'],
  properties: { requested: answerPath, endorsements: answerPath, needed: { type: 'integer', minimum: 1 } },
};

/** A JSON Logic expression over `case` and `forms` (a `var`, or anything the evaluator knows). */
const expression = { type: ['object', 'string', 'number', 'boolean', 'array', 'null'] };

/** What the service performance figures count (engine/service/case-milestones.ts): each a JSON Logic expression. */
const performance = {
  type: 'object',
  additionalProperties: false,
  properties: {
    referredAt: expression,
    waitingSince: expression,
    allocatedAt: expression,
    assessment: {
      type: 'object',
      additionalProperties: false,
      required: ['finalAt', 'targetDays'],
      properties: {
        title: { type: 'string' },
        finalAt: expression,
        targetDays: { type: 'integer', minimum: 1 },
        target: { type: 'string' },
      },
    },
    closedAt: expression,
    outcome: {
      type: 'object',
      additionalProperties: false,
      required: ['value'],
      properties: { value: expression, titles: { type: 'object', additionalProperties: { type: 'string' } } },
    },
    group: {
      type: 'object',
      additionalProperties: false,
      required: ['member'],
      properties: {
        title: { type: 'string' },
        member: expression,
        completed: expression,
        sessionsAttended: expression,
        sessions: { type: 'integer', minimum: 1 },
      },
    },
  },
};

/**
 * A state held as an appointment (engine/appointments): how long it lasts, who attends, how it may be delivered, and
 * the event that carries the attendance recorded at it to the pathway (its data: appointment-kinds.ts).
 */
const appointment = {
  type: 'object',
  additionalProperties: false,
  required: ['duration', 'attendees', 'delivery'],
  properties: {
    title: { type: 'string' },
    duration: durationSchema,
    attendees: { type: 'array', minItems: 1, items: { type: 'string' } },
    delivery: { type: 'array', minItems: 1, items: { type: 'string' } },
    attendanceEvent: { type: 'string' },
  },
};

/**
 * A group run for several cases at once: its sessions, the state its members' cases are in, and the event that
 * carries each member's attendance, taken once for the group, to their case.
 */
const group = {
  type: 'object',
  additionalProperties: false,
  required: ['title', 'sessions', 'duration', 'memberState', 'attendanceEvent'],
  properties: {
    title: { type: 'string' },
    description: { type: 'string' },
    sessions: { type: 'integer', minimum: 1 },
    duration: durationSchema,
    memberState: { type: 'string' },
    attendanceEvent: { type: 'string' },
    facilitators: stringList,
  },
};

const stateMeta = {
  type: 'object',
  additionalProperties: false,
  properties: {
    title: { type: 'string' },
    description: { type: 'string' },
    objective: { type: 'string' },
    forms: stringList,
    actors: stringList,
    tasks: stringList,
    activeCase: { type: 'boolean' },
    editsDocument: { type: 'boolean' },
    awaitingAllocation: { type: 'boolean' },
    worklists: { type: 'array', items: { type: 'string', pattern: idPattern } },
    deadline: { type: 'string' },
    nextStep: { type: 'string' },
    shares: { type: 'object', additionalProperties: stringList },
    appointment,
  },
};

export const pathwaySchema = {
  $id: 'dao:pathway',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'meta', 'initial', 'states'],
  properties: {
    id: { type: 'string', pattern: idPattern },
    description: { type: 'string' },
    version: { type: 'string' },
    meta: {
      type: 'object',
      additionalProperties: false,
      required: ['schemaVersion', 'title', 'events'],
      properties: {
        schemaVersion: { const: SCHEMA_VERSION },
        title: { type: 'string' },
        description: { type: 'string' },
        startedBy: stringList,
        startsCase: { type: 'boolean' },
        confidential: { type: 'boolean' },
        summaryValues: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['title', 'path'],
            properties: {
              title: { type: 'string' },
              path: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)*$' },
            },
          },
        },
        links: {
          type: 'object',
          propertyNames: { pattern: idPattern },
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            required: ['pathway'],
            properties: { pathway: { type: 'string' }, accepts: stringList },
          },
        },
        events: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            required: ['title'],
            properties: {
              title: { type: 'string' },
              description: { type: 'string' },
              data: { type: 'object' },
              // A sign-off is recorded with who, in which role and when, and shown on what it signs.
              signOff: { type: 'boolean' },
              signedAs: { type: 'string' },
              destructive: { type: 'boolean' },
              confirm: { type: 'string' },
            },
          },
        },
        delays: { type: 'object', additionalProperties: durationSchema },
        identity,
        urgency,
        performance,
        groups: { type: 'object', propertyNames: { pattern: idPattern }, additionalProperties: group },
        instanceForms: stringList,
        // Printed at the top of every form and document of a case on this pathway: who and what it is about.
        documentHeader: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['title', 'value'],
            properties: { title: { type: 'string' }, value: {} },
          },
        },
      },
    },
    context: { type: 'object' },
    initial: { type: 'string' },
    type: { enum: ['compound', 'parallel'] },
    states: { $ref: '#/$defs/states' },
    on: { $ref: '#/$defs/on' },
    always: { $ref: '#/$defs/transitions' },
    after: { $ref: '#/$defs/after' },
    entry: { $ref: '#/$defs/actions' },
    exit: { $ref: '#/$defs/actions' },
  },
  $defs: {
    states: { type: 'object', minProperties: 1, additionalProperties: { $ref: '#/$defs/stateNode' } },
    on: { type: 'object', additionalProperties: { $ref: '#/$defs/transitions' } },
    after: { type: 'object', additionalProperties: { $ref: '#/$defs/transitions' } },
    stateNode: {
      type: 'object',
      additionalProperties: false,
      properties: {
        id: { type: 'string' },
        type: { enum: ['atomic', 'compound', 'parallel', 'final', 'history'] },
        history: { enum: ['shallow', 'deep'] },
        target: { type: 'string' },
        initial: { type: 'string' },
        description: { type: 'string' },
        tags: stringList,
        meta: stateMeta,
        states: { $ref: '#/$defs/states' },
        on: { $ref: '#/$defs/on' },
        always: { $ref: '#/$defs/transitions' },
        after: { $ref: '#/$defs/after' },
        entry: { $ref: '#/$defs/actions' },
        exit: { $ref: '#/$defs/actions' },
        output: {},
      },
    },
    transitions: {
      anyOf: [
        { type: 'string' },
        { $ref: '#/$defs/transition' },
        { type: 'array', items: { $ref: '#/$defs/transition' } },
      ],
    },
    transition: {
      type: 'object',
      additionalProperties: false,
      properties: {
        target: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
        guard: { $ref: '#/$defs/guard' },
        actions: { $ref: '#/$defs/actions' },
        description: { type: 'string' },
        reenter: { type: 'boolean' },
        meta: { type: 'object' },
      },
    },
    guard: {
      type: 'object',
      anyOf: [
        {
          required: ['type'],
          additionalProperties: false,
          properties: { type: { type: 'string' }, params: { type: 'object' } },
          allOf: paramsByName(guardRegistry),
        },
        {
          required: ['and'],
          additionalProperties: false,
          properties: { and: { type: 'array', minItems: 1, items: { $ref: '#/$defs/guard' } } },
        },
        {
          required: ['or'],
          additionalProperties: false,
          properties: { or: { type: 'array', minItems: 1, items: { $ref: '#/$defs/guard' } } },
        },
        { required: ['not'], additionalProperties: false, properties: { not: { $ref: '#/$defs/guard' } } },
      ],
    },
    action: {
      type: 'object',
      required: ['type'],
      additionalProperties: false,
      properties: { type: { type: 'string' }, params: { type: 'object' } },
      allOf: paramsByName(actionRegistry),
    },
    actions: { anyOf: [{ $ref: '#/$defs/action' }, { type: 'array', items: { $ref: '#/$defs/action' } }] },
  },
} as const;
