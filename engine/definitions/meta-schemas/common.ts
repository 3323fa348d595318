// Pieces shared by the meta-schemas of the definition files.
export const SCHEMA_VERSION = 1;
export const idPattern = '^[a-z][a-z0-9]*(-[a-z0-9]+)*$';
export const stringList = { type: 'array', items: { type: 'string' } } as const;
export const durationSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    weeks: { type: 'number', minimum: 0 },
    days: { type: 'number', minimum: 0 },
    workingDays: { type: 'integer', minimum: 0 },
    hours: { type: 'number', minimum: 0 },
    minutes: { type: 'number', minimum: 0 },
  },
} as const;
