// Meta-schema of definitions/settings.yaml: the team's own facts (county, officers and capacity, bank holidays) and
// the names of the web app's screens.
import { SCHEMA_VERSION, stringList } from './common.js';

// Where a demo account's notices go by email (server/services/notice-mail.ts); accounts without one get none.
const demoEmail = { type: 'string', pattern: '^[^@\\s]+@[^@\\s]+$' } as const;
const listedUser = {
  username: { type: 'string' },
  role: { type: 'string' },
  name: { type: 'string' },
  email: demoEmail,
};

export const settingsSchema = {
  $id: 'dao:settings',
  type: 'object',
  required: ['x-schemaVersion', 'county', 'capacity'],
  properties: {
    'x-schemaVersion': { const: SCHEMA_VERSION },
    county: { type: 'string', minLength: 1 },
    bankHolidays: {
      type: 'object',
      additionalProperties: false,
      required: ['country'],
      properties: { country: { type: 'string' }, region: { type: 'string' } },
    },
    capacity: {
      type: 'object',
      additionalProperties: false,
      required: ['default'],
      properties: {
        default: { type: 'integer', minimum: 0 },
        officers: { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } },
      },
    },
    officers: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['username', 'role'],
        properties: listedUser,
      },
    },
    areas: stringList,
    screens: {
      type: 'object',
      description: "What the web app's screens are called and say, in the team's own words: screen id → texts.",
      additionalProperties: false,
      properties: Object.fromEntries(
        ['referrals', 'allocation', 'documents'].map((screen) => [
          screen,
          {
            type: 'object',
            additionalProperties: false,
            properties: Object.fromEntries(
              ['title', 'intro', 'queue', 'queueIntro', 'position', 'empty'].map((k) => [
                k,
                { type: 'string', minLength: 1 },
              ]),
            ),
          },
        ]),
      ),
    },
    demoUsers: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['username', 'role'],
        properties: listedUser,
      },
    },
  },
} as const;
