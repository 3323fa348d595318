// The service performance operations (roles with readPerformance): the report the Team Manager's page shows, and each
// of its tables as CSV. Figures are counted by the store from each case's milestones (the pathway's meta.performance).
import { json, op, pathParam, queryParam, type Schema } from './helpers.js';

const months = queryParam(
  'months',
  'How many calendar months (UTC), up to and including this one (1 to 36, default 12)',
  {
    type: 'integer',
    minimum: 1,
    maximum: 36,
  },
);
const nullableNumber = { type: ['number', 'null'] };

const table: Schema = {
  type: 'object',
  required: ['id', 'title', 'description', 'columns', 'rows', 'chart'],
  properties: {
    id: { type: 'string', description: 'Also the name of its CSV file' },
    title: { type: 'string' },
    description: { type: 'string' },
    columns: {
      type: 'array',
      items: { type: 'object', properties: { key: { type: 'string' }, title: { type: 'string' } } },
    },
    rows: { type: 'array', items: { type: 'array', items: { type: ['string', 'number', 'null'] } } },
    chart: {
      type: 'object',
      description: 'The columns a chart draws against the first column, and their unit',
      properties: { series: { type: 'array', items: { type: 'string' } }, unit: { type: 'string' } },
    },
  },
};

const report: Schema = {
  type: 'object',
  required: ['generatedAt', 'months', 'waitingNow', 'tables'],
  properties: {
    generatedAt: { type: 'string', format: 'date-time' },
    months: { type: 'array', items: { type: 'string', pattern: '^\\d{4}-\\d{2}$' } },
    waitingNow: {
      type: 'object',
      description: 'The waiting list now; days are whole calendar days since the day each case joined it',
      properties: { cases: { type: 'integer' }, meanDays: nullableNumber, longestDays: nullableNumber },
    },
    tables: {
      type: 'array',
      description:
        'Referrals and the waiting list, time from referral to allocation, caseloads against capacity, the ' +
        'assessment target, the group programme and outcomes at closure, as the pathway declares them',
      items: table,
    },
  },
};

export const reportPaths = {
  '/api/reports/performance': {
    get: op('Service performance month by month: waiting list, allocation times, caseloads, assessments, outcomes', {
      tag: 'reports',
      params: [months],
      ok: json(report),
      errors: [400, 403],
    }),
  },
  '/api/reports/performance/{table}.csv': {
    get: op('One table of the service performance report as CSV (a header row of column titles, then its rows)', {
      tag: 'reports',
      params: [
        pathParam('table', 'The table id: referrals, waiting-times, caseloads, assessments, group, outcomes'),
        months,
      ],
      ok: { description: 'OK', content: { 'text/csv': { schema: { type: 'string' } } } },
      errors: [400, 403, 404],
    }),
  },
};
