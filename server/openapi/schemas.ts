// The shapes the API sends and receives.
import { caseListSchemas } from './case-lists.js';
import { ref, type Schema } from './helpers.js';

const str = { type: 'string' };
const strings = { type: 'array', items: str };
const event = { type: 'object', properties: { instance: str, type: str, title: str } };

export const schemas: Record<string, Schema> = {
  Problem: {
    type: 'object',
    required: ['type', 'title', 'status'],
    properties: {
      type: str,
      title: str,
      status: { type: 'integer' },
      detail: str,
      code: str,
      allowedEvents: strings,
      errors: { type: 'object', additionalProperties: strings, description: 'Field path → messages' },
      currentVersion: { type: 'integer' },
      problems: { type: 'array', items: ref('DefinitionProblem') },
    },
  },
  User: {
    type: 'object',
    properties: {
      username: str,
      displayName: str,
      role: str,
      roleTitle: str,
      demo: { type: 'boolean' },
      via: { enum: ['session', 'bearer'] },
      abilities: { type: 'object' },
      screens: { type: 'object', additionalProperties: { type: 'object', additionalProperties: str } },
      capacity: { type: 'integer', description: 'Active cases this officer may hold (officers only).' },
    },
  },
  Session: { type: 'object', required: ['user', 'csrfToken'], properties: { user: ref('User'), csrfToken: str } },
  ...caseListSchemas,
  Case: {
    type: 'object',
    required: ['id', 'version', 'state', 'allowedEvents'],
    properties: {
      id: str,
      version: { type: 'integer' },
      pathway: str,
      state: str,
      title: str,
      done: { type: 'boolean' },
      allowedEvents: { type: 'array', items: event },
      tasks: strings,
      formsOpen: strings,
      formsSubmitted: strings,
      deadlines: {
        type: 'array',
        items: { type: 'object', properties: { name: str, label: str, due: str, instance: str } },
      },
      instances: { type: 'array', items: { type: 'object' } },
      documents: {
        type: 'array',
        items: {
          type: 'object',
          properties: { id: str, form: str, formTitle: str, state: str, title: str, done: { type: 'boolean' } },
        },
      },
      history: {
        type: 'array',
        items: {
          type: 'object',
          properties: { seq: { type: 'integer' }, type: str, by: str, byName: str, role: str, at: str },
        },
      },
      notifications: {
        type: 'array',
        description:
          'Notices to roles; one that asks for an action names the events that do it (clearedBy) and is ' +
          'marked done when one is sent',
        items: {
          type: 'object',
          properties: {
            at: str,
            roles: strings,
            message: str,
            instance: str,
            clearedBy: strings,
            done: { type: 'object', properties: { at: str, by: str, byName: str, event: str } },
          },
        },
      },
      createdBy: str,
      createdByName: str,
      userNames: {
        type: 'object',
        additionalProperties: str,
        description: 'Display name of every user named on the case, by user name',
      },
      values: { type: 'object', description: 'Case values, confidential ones withheld by role' },
      forms: {
        type: 'object',
        description: 'Submitted answers the reader may see, confidential parts withheld by role',
      },
    },
  },
  EventRequest: {
    type: 'object',
    required: ['expectedVersion'],
    properties: {
      type: str,
      expectedVersion: { type: 'integer' },
      data: { type: 'object' },
      instance: str,
      forms: { type: 'object', additionalProperties: { type: 'object' } },
    },
  },
  Document: {
    type: 'object',
    properties: {
      id: str,
      caseId: str,
      form: str,
      formTitle: str,
      state: str,
      title: str,
      audience: str,
      person: {
        anyOf: [{ type: 'object', properties: { title: str, name: str, dateOfBirth: str } }, { type: 'null' }],
        description: 'Who the case is about',
      },
      caseNumber: { anyOf: [{ type: 'object', properties: { title: str, value: str } }, { type: 'null' }] },
      answers: { type: ['object', 'null'] },
      schema: { type: 'object' },
      submittedBy: { type: ['string', 'null'] },
      submittedByName: { type: ['string', 'null'] },
      submittedAt: { type: ['string', 'null'] },
    },
  },
  DefinitionFiles: {
    type: 'object',
    required: ['files'],
    properties: {
      files: {
        type: 'object',
        additionalProperties: str,
        description:
          'Relative path (settings.yaml, roles.yaml, pathways/x.yaml, forms/x.yaml, scenarios/x.yaml) → YAML text',
      },
      note: str,
    },
  },
  DefinitionProblem: {
    type: 'object',
    properties: { file: str, line: { type: 'integer' }, col: { type: 'integer' }, message: str, code: str },
  },
};
