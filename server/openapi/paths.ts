// Every route of the API, one operation per line of intent.
import { appointmentPaths } from './appointments.js';
import { caseListPaths } from './case-lists.js';
import { json, op, pathParam, queryParam, ref } from './helpers.js';
import { reportPaths } from './reports.js';

const caseId = pathParam('id', 'Case id');
const audience = queryParam('audience', 'An audience or role of roles.yaml');
const instanceParam = queryParam('instance', 'For a form an instance keeps for itself: the instance');
const draftParams = [caseId, pathParam('formId', 'Form id'), instanceParam];
const documentParams = [caseId, pathParam('instanceId', 'Document instance id'), audience];
const formPrintParams = [caseId, pathParam('formId', 'Form id'), instanceParam, audience];
const str = { type: 'string' };
const text = (type: string) => ({ description: 'OK', content: { [type]: { schema: { type: 'string' } } } });

export const paths = {
  '/api/health': {
    get: op('Health check', {
      tag: 'service',
      public: true,
      ok: json({ type: 'object', properties: { status: { const: 'ok' } } }),
    }),
  },
  '/api/openapi.json': { get: op('This document', { tag: 'service', public: true }) },
  '/api/session': {
    post: op('Sign in with a local account; sets the session cookie', {
      tag: 'session',
      public: true,
      body: {
        type: 'object',
        required: ['username', 'password'],
        properties: { username: { type: 'string' }, password: { type: 'string' } },
      },
      ok: json(ref('Session')),
      errors: [400, 401, 429],
    }),
    delete: op(
      'Sign out: clears the cookie and ends the session for every instance, so a copy of the cookie is refused',
      { tag: 'session', okStatus: 204, ok: { description: 'Signed out' }, errors: [403] },
    ),
  },
  '/api/session/me': {
    get: op('Who am I (and the CSRF token for this session)', { tag: 'session', ok: json(ref('Session')) }),
  },
  '/api/pathways': { get: op('Pathways of the current definitions', { tag: 'pathways' }) },
  '/api/pathways/{id}': {
    get: op('One pathway: meta and states', {
      tag: 'pathways',
      params: [
        pathParam('id', 'Pathway id'),
        queryParam('version', 'A published version of the definitions (default: the current one)', {
          type: 'integer',
          minimum: 1,
        }),
      ],
      errors: [400, 404],
    }),
  },
  '/api/pathways/{id}/diagram': {
    get: op('Mermaid state diagram; ?case marks that case’s current states', {
      tag: 'pathways',
      params: [pathParam('id', 'Pathway id'), queryParam('case', 'Case id')],
      ok: text('text/plain'),
      errors: [404],
    }),
  },
  '/api/pathways/{id}/events/{type}/validator.js': {
    get: op('The precompiled validator of what an event carries, as an ES module', {
      tag: 'pathways',
      params: [
        pathParam('id', 'Pathway id'),
        pathParam('type', 'Event type'),
        queryParam('version', 'A published version of the definitions (default: the current one)', {
          type: 'integer',
          minimum: 1,
        }),
      ],
      ok: text('text/javascript'),
      errors: [400, 404],
    }),
  },
  '/api/forms/{id}': {
    get: op('A form’s JSON Schema as served to you (confidential parts withheld unless your role is cleared)', {
      tag: 'forms',
      params: [
        pathParam('id', 'Form id'),
        queryParam('version', 'A published version of the definitions (default: the current one)', {
          type: 'integer',
          minimum: 1,
        }),
      ],
      errors: [400, 403, 404],
    }),
  },
  '/api/forms/{id}/validator.js': {
    get: op('The form’s precompiled validator as an ES module', {
      tag: 'forms',
      params: [
        pathParam('id', 'Form id'),
        queryParam('version', 'A published version of the definitions (default: the current one)', {
          type: 'integer',
          minimum: 1,
        }),
      ],
      ok: text('text/javascript'),
      errors: [400, 403, 404],
    }),
  },
  '/api/forms/{id}/types.ts': {
    get: op('The TypeScript type of the form’s answers, made from the schema as served to you', {
      tag: 'forms',
      params: [
        pathParam('id', 'Form id'),
        queryParam('version', 'A published version of the definitions (default: the current one)', {
          type: 'integer',
          minimum: 1,
        }),
      ],
      ok: text('text/plain'),
      errors: [400, 403, 404],
    }),
  },
  ...caseListPaths,
  ...reportPaths,
  ...appointmentPaths,
  '/api/cases/{id}': {
    get: op('One case as you may see it', { tag: 'cases', params: [caseId], ok: json(ref('Case')), errors: [404] }),
  },
  '/api/cases/{id}/events': {
    post: op('Submit forms and/or send an event', {
      tag: 'cases',
      params: [caseId],
      body: ref('EventRequest'),
      ok: json(ref('Case')),
      errors: [400, 403, 404, 409, 413, 422],
    }),
  },
  '/api/cases/{id}/drafts/{formId}': {
    get: op('Your autosaved draft of a form', { tag: 'drafts', params: draftParams, errors: [403, 404] }),
    put: op('Autosave a draft (also sent with keepalive as the page is left; nested at most 32 levels deep)', {
      tag: 'drafts',
      params: draftParams,
      body: { type: 'object', required: ['data'], properties: { data: { type: 'object' } } },
      errors: [400, 403, 404, 413, 422],
    }),
  },
  '/api/cases/{id}/documents/{instanceId}': {
    get: op('A document with its lifecycle state and the answers you (or ?audience) may see', {
      tag: 'documents',
      params: documentParams,
      ok: json(ref('Document')),
      errors: [400, 403, 404],
    }),
  },
  '/api/cases/{id}/documents/{instanceId}/print': {
    get: op('Printable HTML of a document for an audience (403 not-shared before the stage its pathway shares it)', {
      tag: 'documents',
      params: documentParams,
      ok: text('text/html'),
      errors: [400, 403, 404],
    }),
  },
  '/api/cases/{id}/documents/{instanceId}/pdf': {
    get: op('The same print view of a document as a PDF', {
      tag: 'documents',
      params: documentParams,
      ok: text('application/pdf'),
      errors: [400, 403, 404],
    }),
  },
  '/api/cases/{id}/forms/{formId}/print': {
    get: op('Printable HTML of a form of the case (?instance: a form a document keeps for itself, its audit say)', {
      tag: 'documents',
      params: formPrintParams,
      ok: text('text/html'),
      errors: [400, 403, 404],
    }),
  },
  '/api/cases/{id}/forms/{formId}/pdf': {
    get: op('The same print view of a form as a PDF', {
      tag: 'documents',
      params: formPrintParams,
      ok: text('application/pdf'),
      errors: [400, 403, 404],
    }),
  },
  '/api/definitions': {
    get: op('Files of the current (or ?version) published definitions', {
      tag: 'definitions',
      params: [queryParam('version', 'Version number')],
      errors: [403, 404],
    }),
  },
  '/api/definitions/validate': {
    post: op('Check a draft set of definition files', {
      tag: 'definitions',
      body: ref('DefinitionFiles'),
      ok: json({
        type: 'object',
        properties: { valid: { type: 'boolean' }, problems: { type: 'array', items: ref('DefinitionProblem') } },
      }),
      errors: [400, 403],
    }),
  },
  '/api/definitions/scenarios': {
    post: op('Run the draft’s scenarios', { tag: 'definitions', body: ref('DefinitionFiles'), errors: [400, 403] }),
  },
  '/api/definitions/diff': {
    get: op('Current published files vs version ?against', {
      tag: 'definitions',
      params: [queryParam('against', 'Version number')],
      errors: [403, 404],
    }),
    post: op('Draft files vs the published version (or ?against)', {
      tag: 'definitions',
      body: ref('DefinitionFiles'),
      params: [queryParam('against', 'Version number')],
      errors: [400, 403, 404],
    }),
  },
  '/api/definitions/publish': {
    post: op('Publish the files as a new version', {
      tag: 'definitions',
      body: ref('DefinitionFiles'),
      ok: json({ type: 'object', properties: { version: { type: 'integer' } } }),
      errors: [400, 403, 422],
    }),
  },
  '/api/definitions/migrate': {
    post: op(
      'Move in-flight cases onto a version (the current one unless toVersion is given); dryRun only reports which can move and why the others cannot',
      {
        tag: 'definitions',
        body: {
          type: 'object',
          properties: {
            toVersion: { type: 'integer' },
            caseIds: { type: 'array', items: { type: 'string' } },
            dryRun: { type: 'boolean' },
          },
        },
        ok: json({
          type: 'object',
          properties: {
            toVersion: { type: 'integer' },
            moved: { type: 'array', items: { type: 'string' } },
            cannotMove: { type: 'array', items: { type: 'object' } },
            cases: { type: 'object', additionalProperties: ref('CaseIdentity') },
          },
        }),
        errors: [400, 403, 404],
      },
    ),
  },
  '/api/audit': {
    get: op('Audit log, newest first; each entry names its user by user name (userId) and display name (userName)', {
      tag: 'audit',
      params: [
        queryParam('caseId', 'Case id'),
        queryParam('userId', 'Username'),
        queryParam('limit', 'At most (default 200)'),
      ],
      ok: json({
        type: 'object',
        properties: {
          entries: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                id: { type: 'integer' },
                at: str,
                userId: str,
                userName: str,
                caseId: { type: ['string', 'null'] },
                action: str,
                detail: { type: ['object', 'null'] },
              },
            },
          },
          cases: {
            type: 'object',
            additionalProperties: ref('CaseIdentity'),
            description: 'Case id → who the case is about, for the cases named that the reader may see',
          },
        },
      }),
      errors: [403],
    }),
  },
  '/api/outbox': {
    get: op(
      'Emails of notices still waiting to go (with the error of their last try) and those given up on, newest first',
      {
        tag: 'audit',
        params: [
          queryParam('status', 'Statuses, comma-separated: pending, failed, sent (default pending,failed)'),
          queryParam('limit', 'At most (default 100)'),
        ],
        errors: [403],
      },
    ),
  },
};
