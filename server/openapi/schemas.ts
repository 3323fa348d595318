// The shapes the API sends and receives.
import { caseIdentityPart, caseListSchemas } from './case-lists.js';
import { ref, type Schema } from './helpers.js';
import { PROBLEM_CODES, problemType } from '../problem-types.js';

const str = { type: 'string' };
const strings = { type: 'array', items: str };
const event = { type: 'object', properties: { instance: str, type: str, title: str } };
const signOff = {
  type: 'object',
  description: 'Who signed what off, by display name and role title, and when',
  properties: {
    event: str,
    label: str,
    by: str,
    role: str,
    at: str,
    final: { type: 'boolean' },
    forms: strings,
    stage: str,
  },
};

export const schemas: Record<string, Schema> = {
  Problem: {
    type: 'object',
    required: ['type', 'title', 'status'],
    properties: {
      type: { enum: PROBLEM_CODES.map(problemType) },
      title: str,
      status: { type: 'integer' },
      detail: str,
      code: { enum: PROBLEM_CODES, description: "The problem type's code (server/problem-types.ts)" },
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
      landing: {
        type: 'object',
        description: "The role's landing screen (roles.yaml `landing`): the cases it must act on (view=act)",
        properties: { title: str, intro: str, empty: str, sort: str },
      },
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
      identity: ref('CaseIdentity'),
      state: str,
      title: str,
      done: { type: 'boolean' },
      allowedEvents: { type: 'array', items: event },
      tasks: strings,
      formsOpen: strings,
      formsSubmitted: strings,
      deadlines: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            name: str,
            label: str,
            due: str,
            instance: str,
            at: { type: 'string', description: 'The moment it falls due, when it sends an event then' },
            event: { type: 'string', description: 'The event the pathway is sent when it falls due' },
          },
        },
      },
      instances: { type: 'array', items: { type: 'object' } },
      signOffs: {
        type: 'array',
        items: signOff,
        description: 'Sign-offs of the case and its inner pathways (a document has its own)',
      },
      documents: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            id: str,
            form: str,
            formTitle: str,
            state: str,
            title: str,
            done: { type: 'boolean' },
            signOffs: { type: 'array', items: signOff },
            comments: {
              type: 'array',
              items: { type: 'object', properties: { at: str, by: str, text: str } },
              description: 'For those who work on the document',
            },
            ownForms: {
              type: 'object',
              description: 'Forms the document keeps for itself (its own audit), as the reader may see them',
            },
          },
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
      values: { type: 'object', description: 'Case values, confidential ones withheld by role' },
      forms: {
        type: 'object',
        description: 'Submitted answers the reader may see, confidential parts withheld by role',
      },
      people: {
        type: 'object',
        additionalProperties: str,
        description: 'User name → display name of the people the case names',
      },
      roleTitles: { type: 'object', additionalProperties: str },
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
      person: { ...caseIdentityPart('person'), description: 'Who the case is about, as the reader may see it' },
      caseNumber: caseIdentityPart('caseNumber'),
      answers: { type: ['object', 'null'] },
      schema: { type: 'object' },
      submittedBy: { type: ['string', 'null'] },
      submittedByName: { type: ['string', 'null'] },
      submittedAt: { type: ['string', 'null'] },
      signOffs: { type: 'array', items: signOff },
      comments: { type: 'array', items: { type: 'object' } },
      ownForms: { type: 'object' },
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
