// Meta-schema of definitions/roles.yaml: who sees which cases, sends which events, fills and reads which forms.
import { SCHEMA_VERSION, idPattern, stringList } from './common.js';

/**
 * The role's landing screen in the web app: the cases it must act on now, in the team's words; `sort` is one of the
 * orders of GET /api/cases (engine/store/case-query.ts).
 */
const landing = {
  type: 'object',
  additionalProperties: false,
  required: ['title'],
  properties: {
    title: { type: 'string', minLength: 1 },
    intro: { type: 'string', minLength: 1 },
    empty: { type: 'string', minLength: 1 },
    sort: { enum: ['oldest', 'newest', 'waiting', 'deadline', 'name'] },
  },
} as const;
const VISIBILITY_RULES = ['referred', 'allocated', 'all', 'acting', 'none'];

export const rolesSchema = {
  $id: 'dao:roles',
  type: 'object',
  additionalProperties: false,
  required: ['x-schemaVersion', 'roles'],
  properties: {
    'x-schemaVersion': { const: SCHEMA_VERSION },
    roles: {
      type: 'object',
      minProperties: 1,
      propertyNames: { pattern: idPattern },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['title', 'caseVisibility'],
        properties: {
          title: { type: 'string' },
          description: { type: 'string' },
          caseVisibility: {
            oneOf: [
              { enum: VISIBILITY_RULES },
              { type: 'array', minItems: 1, uniqueItems: true, items: { enum: VISIBILITY_RULES } },
            ],
          },
          confidential: { type: 'boolean' },
          qualifications: stringList,
          send: stringList,
          fill: stringList,
          read: stringList,
          manageDefinitions: { type: 'boolean' },
          readAudit: { type: 'boolean' },
          readPerformance: { type: 'boolean' },
          // Book, move and cancel appointments and record attendance on the cases the role sees.
          bookAppointments: { type: 'boolean' },
          // Set up groups (facilitators, sessions, members) and take their attendance.
          runGroups: { type: 'boolean' },
          landing,
        },
      },
    },
    audiences: {
      type: 'object',
      propertyNames: { pattern: idPattern },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['title'],
        properties: { title: { type: 'string' }, description: { type: 'string' }, confidential: { type: 'boolean' } },
      },
    },
    internal: stringList,
  },
} as const;
