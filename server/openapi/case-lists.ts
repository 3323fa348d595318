// The list operations of the API (GET /api/cases, its views, the allocation queue): every parameter and field, since
// the web app's lists are built on them.
import { json, op, queryParam, ref, type Schema } from './helpers.js';

const str = { type: 'string' };
const nullable = (schema: Schema): Schema => ({ anyOf: [schema, { type: 'null' }] });

/** Narrowing, search and paging, shared by GET /api/cases and the allocation queue. */
const filterParams = [
  queryParam(
    'q',
    "Free text over who the case is about (the pathway's meta.identity: the person, the other people named, the " +
      'case number): each word must begin a word of it, whatever its case or accents ("tay" finds Taylor). At most ' +
      '8 words.',
  ),
  queryParam(
    'stage',
    'States, comma-separated; a state takes in the states inside it (`a` takes in `a.b`). `state` is the same ' +
      'parameter.',
  ),
  queryParam('pathway', 'Pathway id'),
  queryParam('urgent', 'true: urgency was asked for (meta.urgency); false: it was not', { enum: ['true', 'false'] }),
  queryParam('priority', 'Only cases of at least this priority (0 normal, 1 endorsed urgent)', {
    type: 'string',
    pattern: '^-?\\d+$',
  }),
  queryParam('allocatedTo', 'User name of the allocated officer, or `none` for cases allocated to nobody'),
  queryParam('referredBy', 'User name of the referring social worker'),
  queryParam('overdue', 'true: only cases whose next deadline is before today (UTC)', { enum: ['true', 'false'] }),
  queryParam('dueBefore', 'Only cases whose next deadline is before this date (YYYY-MM-DD) or date and time', {
    type: 'string',
  }),
  queryParam('includeClosed', 'true to include closed cases (left out by default)', { enum: ['true', 'false'] }),
  queryParam('limit', 'Cases per page: 25 by default; more than 100 is taken as 100', {
    type: 'string',
    pattern: '^\\d+$',
  }),
  queryParam(
    'after',
    'The `next` of the previous page of the same query (same view, filters and sort): the page after it',
  ),
];

/**
 * Who a case is about, as the reader may see it: a part read from a form they may not read is null (or, for the
 * others named, left out).
 */
const identityProperties: Record<string, Schema> = {
  person: nullable({
    type: 'object',
    description: 'Who the case is about (meta.identity.person)',
    properties: { title: str, name: nullable(str), dateOfBirth: nullable(str) },
  }),
  caseNumber: nullable({
    type: 'object',
    description: "Another system's reference (meta.identity.caseNumber)",
    properties: { title: str, value: nullable(str) },
  }),
  people: {
    type: 'array',
    description: 'Others named on the case (meta.identity.people)',
    items: { type: 'object', properties: { title: str, names: { type: 'array', items: str } } },
  },
};

/** One part of CaseIdentity, for a response that carries it beside its own fields. */
export const caseIdentityPart = (part: 'person' | 'caseNumber'): Schema => identityProperties[part]!;

export const caseListSchemas: Record<string, Schema> = {
  CaseIdentity: {
    type: 'object',
    description:
      "Who a case is about (the pathway's meta.identity), as the reader may see it; shown instead of the case's id",
    required: ['person', 'caseNumber', 'people'],
    properties: identityProperties,
  },
  CaseListItem: {
    type: 'object',
    description:
      'A case as lists show it: its summary, never its snapshot or answers. User names come with display names.',
    properties: {
      id: str,
      pathway: str,
      version: { type: 'integer' },
      definitionVersion: { type: 'integer' },
      state: { ...str, description: 'Current state (the stage), e.g. `parent.child`' },
      title: { ...str, description: "The stage's title" },
      ...identityProperties,
      referredBy: nullable(str),
      referredByName: nullable(str),
      allocatedTo: nullable(str),
      allocatedToName: nullable(str),
      createdBy: str,
      createdByName: str,
      priority: { type: 'integer', description: 'Higher comes first on the waiting list' },
      urgency: nullable({
        type: 'object',
        description: 'Whether urgency was asked for, and endorsements recorded of those needed ("1 of 2 endorsements")',
        properties: { requested: { type: 'boolean' }, endorsements: { type: 'integer' }, needed: { type: 'integer' } },
      }),
      waiting: { type: 'boolean', description: 'Awaiting allocation' },
      waitingSince: nullable(str),
      closed: { type: 'boolean' },
      activeCase: { type: 'boolean', description: "Counts against the officer's capacity" },
      nextDeadline: nullable({ ...str, description: 'The soonest deadline (a date)' }),
      nextDeadlineLabel: nullable(str),
      overdue: { type: 'boolean', description: 'The next deadline is before today (UTC)' },
      worklists: { type: 'array', items: str, description: 'Named lists the case is on (state meta.worklists)' },
      actors: { type: 'array', items: str, description: 'Roles that must act on it now' },
      createdAt: str,
      updatedAt: str,
    },
  },
  CasePage: {
    type: 'object',
    required: ['cases', 'next'],
    properties: {
      cases: { type: 'array', maxItems: 100, items: ref('CaseListItem') },
      next: nullable({ ...str, description: 'Pass as `after` for the next page; null on the last page' }),
      total: { type: 'integer', description: 'Cases matching (first page only), counted up to 10,000' },
      totalCapped: { type: 'boolean', description: 'true when more than 10,000 match (total is then 10,000)' },
    },
  },
  Officer: {
    type: 'object',
    properties: {
      username: str,
      name: str,
      role: str,
      capacity: { type: 'integer' },
      active: { type: 'integer' },
      qualifications: { type: 'array', items: str, description: "The qualifications of the officer's role" },
    },
  },
};

export const caseListPaths = {
  '/api/cases': {
    get: op(
      'A page of the cases you may see (never more than 100): a view, searched, filtered and sorted. Cases you ' +
        'may not see are never sent, counted or found.',
      {
        tag: 'cases',
        params: [
          queryParam(
            'view',
            'all (default): every case you may see; mine: allocated to or referred by you; waiting: awaiting ' +
              'allocation, in allocation order; act: what your role must act on (states whose actors name it, and ' +
              'notices asking it that are not yet done); or a worklist the definitions name (state meta.worklists, ' +
              'e.g. referrals: Requests for Service sent and not yet decided). GET /api/cases/views lists them. ' +
              '`filter` is the older name.',
          ),
          ...filterParams,
          queryParam(
            'sort',
            'oldest (default; waiting for view=waiting): created first; newest; waiting: higher priority, then ' +
              "longest waiting; deadline: next deadline soonest, none last; name: the person's family name",
            { enum: ['oldest', 'newest', 'waiting', 'deadline', 'name'] },
          ),
        ],
        ok: json({
          allOf: [
            ref('CasePage'),
            { type: 'object', properties: { view: str, filter: str, sort: str, limit: { type: 'integer' } } },
          ],
        }),
        errors: [400, 403],
      },
    ),
    post: op('Open a case on a pathway', {
      tag: 'cases',
      body: { type: 'object', required: ['pathway'], properties: { pathway: str } },
      okStatus: 201,
      ok: json(ref('Case'), 'Created'),
      errors: [400, 403, 404],
    }),
  },
  '/api/cases/views': {
    get: op(
      'The views of GET /api/cases your role has (with the titles the settings give them), and the landing view: ' +
        'what your role must act on',
      {
        tag: 'cases',
        ok: json({
          type: 'object',
          properties: {
            views: { type: 'array', items: { type: 'object', properties: { id: str, title: str, intro: str } } },
            landing: { const: 'act' },
            maxPageSize: { const: 100 },
          },
        }),
      },
    ),
  },
  '/api/cases/allocation-queue': {
    get: op(
      'A page of the cases awaiting allocation, in allocation order (higher priority, then longest waiting), ' +
        "with every officer's capacity and active cases",
      {
        tag: 'cases',
        params: filterParams,
        ok: json({
          allOf: [
            ref('CasePage'),
            { type: 'object', properties: { officers: { type: 'array', items: ref('Officer') } } },
          ],
        }),
        errors: [400, 403],
      },
    ),
  },
};
