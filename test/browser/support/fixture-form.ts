// A small form with one of each behaviour the element must get right, served with its standalone validator.
import { standaloneValidatorModule } from '../../../engine/forms/standalone.js';
import type { StaticServer } from './static-server.js';

export const fixtureForm = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'fixture-behaviours',
  'x-schemaVersion': 1,
  'x-version': 3,
  title: 'Fixture form',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'when', 'urgent'],
  properties: {
    name: { type: 'string', title: 'Your name', 'x-errorMessage': { required: 'Enter your name' } },
    when: { type: 'string', format: 'date', title: 'Date of the incident' },
    urgent: { type: 'boolean', title: 'Is this urgent?', 'x-help': 'Urgent means today.' },
    why: { type: 'string', title: 'Why is this urgent?', 'x-widget': 'textarea', maxLength: 40 },
    secret: { type: 'string', title: 'Victim’s new address', 'x-confidential': true },
    count: { type: 'integer', title: 'How many?', minimum: 1 },
    twice: {
      type: 'integer',
      title: 'Twice as many',
      readOnly: true,
      'x-compute': { '*': [{ var: ['form.count', 0] }, 2] },
    },
  },
  if: { properties: { urgent: { const: true } }, required: ['urgent'] },
  then: { required: ['why'] },
} as const;

export function serveFixture(server: StaticServer): { schemaSrc: string; validatorSrc: string } {
  server.files.set('/t/fixture.json', JSON.stringify(fixtureForm));
  server.files.set(
    '/t/fixture-validator.js',
    standaloneValidatorModule(fixtureForm as unknown as Record<string, unknown>),
  );
  return { schemaSrc: '/t/fixture.json', validatorSrc: '/t/fixture-validator.js' };
}
