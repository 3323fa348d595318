// Meta-schema of definitions/scenarios/*.yaml: executable walk-throughs of the protocol.
import { SCHEMA_VERSION, durationSchema, stringList } from './common.js';

const actor = {
  as: { type: 'string' },
  user: { type: 'string' },
} as const;

export const scenarioSchema = {
  $id: 'dao:scenario',
  type: 'object',
  additionalProperties: false,
  required: ['x-schemaVersion', 'title', 'pathway', 'steps'],
  properties: {
    'x-schemaVersion': { const: SCHEMA_VERSION },
    title: { type: 'string' },
    description: { type: 'string' },
    pathway: { type: 'string' },
    now: { type: 'string', format: 'date-time' },
    caseload: {
      type: 'object',
      additionalProperties: { type: 'integer', minimum: 0 },
      description: 'active cases each officer already holds',
    },
    start: { type: 'object', additionalProperties: false, properties: actor },
    steps: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          ...actor,
          case: { type: 'string' },
          note: { type: 'string' },
          forms: { type: 'object', additionalProperties: { type: 'object' } },
          send: { type: 'string' },
          data: { type: 'object' },
          to: {
            type: 'object',
            additionalProperties: false,
            maxProperties: 1,
            properties: { document: { type: 'string' }, pathway: { type: 'string' } },
          },
          advance: durationSchema,
          expect: {
            type: 'object',
            additionalProperties: false,
            properties: {
              state: { type: 'string' },
              tasks: stringList,
              forms: stringList,
              deadlines: { type: 'object', additionalProperties: { type: ['string', 'null'] } },
              documents: { type: 'object', additionalProperties: { type: 'string' } },
              pathways: { type: 'object', additionalProperties: { type: 'string' } },
              case: { type: 'object' },
              answers: {
                type: 'object',
                description: 'form → { question path → the answer kept (computed answers included) }',
                additionalProperties: { type: 'object' },
              },
              documentValues: {
                type: 'object',
                description: 'form → { path → a value the latest document of that form recorded (countersignedBy…) }',
                additionalProperties: { type: 'object' },
              },
              signOffs: {
                type: 'object',
                description: 'case, a pathway id or a document form → sign-off records expected on it',
                additionalProperties: {
                  type: 'array',
                  items: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['event'],
                    properties: { event: { type: 'string' }, role: { type: 'string' }, by: { type: 'string' } },
                  },
                },
              },
              readers: {
                type: 'object',
                description: 'a role or a user name → what that reader can see, read, list and is told',
                additionalProperties: {
                  type: 'object',
                  additionalProperties: false,
                  properties: {
                    sees: { type: 'boolean' },
                    lists: stringList,
                    notLists: stringList,
                    reads: stringList,
                    notReads: stringList,
                    notified: stringList,
                    notNotified: stringList,
                    history: stringList,
                    notHistory: stringList,
                  },
                },
              },
              allowedEvents: stringList,
              notAllowedEvents: stringList,
              notifications: stringList,
            },
          },
          expectError: {
            type: 'object',
            additionalProperties: false,
            required: ['code'],
            properties: {
              code: { type: 'string' },
              allowedEvents: stringList,
              message: { type: 'string', description: 'the whole message' },
              messageIncludes: { type: 'string', description: 'a part of the message' },
            },
          },
        },
      },
    },
  },
} as const;
