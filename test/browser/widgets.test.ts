// Issue 6: widgets whose behaviour goes beyond showing a control — repeating table rows (Add another / Remove),
// check boxes, signature blocks, and a clear failure for a type nobody can render; an x-widget that is no widget of
// ours (a hint for another renderer) is shown as its type is, with a warning (issue 23).
import { beforeAll, describe, expect, it } from 'vitest';
import { standaloneValidatorModule } from '../../engine/forms/standalone.js';
import { ensureBuilt } from './support/build.js';
import { FormPage } from './support/form-page.js';
import { useBrowserSession } from './support/session.js';

const tableForm = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'fixture-widgets',
  'x-schemaVersion': 1,
  'x-version': 1,
  title: 'Widgets',
  type: 'object',
  additionalProperties: false,
  required: ['plan'],
  properties: {
    plan: {
      title: 'Plan',
      type: 'array',
      minItems: 1,
      'x-widget': 'table',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['what'],
        properties: {
          what: { type: 'string', title: 'What will we do?' },
          by: { type: 'string', format: 'date', title: 'By when?' },
        },
      },
    },
    contacts: {
      title: 'Who may we contact?',
      type: 'array',
      uniqueItems: true,
      items: {
        type: 'string',
        oneOf: [
          { const: 'gp', title: 'GP' },
          { const: 'police', title: 'Police' },
        ],
      },
    },
    signed: {
      title: 'Signature',
      type: 'object',
      'x-widget': 'signature',
      additionalProperties: false,
      properties: {
        name: { type: 'string', title: 'Name' },
        date: { type: 'string', format: 'date', title: 'Date' },
        signed: { type: 'boolean', title: 'I confirm this is true' },
      },
    },
  },
};

await ensureBuilt();
const session = useBrowserSession();

beforeAll(() => {
  const { server } = session;
  server.files.set('/t/widgets.json', JSON.stringify(tableForm));
  server.files.set('/t/widgets.js', standaloneValidatorModule(tableForm));
  const odd = (schema: Record<string, unknown>) =>
    JSON.stringify({ ...tableForm, properties: { odd: schema }, required: [] });
  server.files.set('/t/mystery.json', odd({ type: 'mystery', title: 'Odd' }));
  server.files.set('/t/hint.json', odd({ type: 'string', title: 'Odd', 'x-widget': 'mystery' }));
});

describe('widgets', () => {
  it('table: should add a row, focus its first question, and remove a row', async () => {
    const form = await FormPage.open(session.browser, session.server, {
      schemaSrc: '/t/widgets.json',
      validatorSrc: '/t/widgets.js',
    });
    try {
      await form.element.locator('[id="f-plan.0.what"]').fill('Attend sessions');
      await form.element.getByRole('button', { name: 'Add another row' }).click();
      await form.settle();
      expect(await form.focused()).toMatchObject({ id: 'f-plan.1.what' });
      await form.page.keyboard.type('Call weekly');
      await form.element.getByRole('button', { name: 'Remove row 1' }).click();
      await form.settle();
      expect(await form.element.locator('[id="f-plan.0.what"]').inputValue()).toBe('Call weekly');
      expect(await form.element.locator('[id="f-plan.1.what"]').count()).toBe(0);
      await form.element.getByLabel('Police').check();
      await form.element.getByLabel('I confirm this is true').check();
      await form.submit();
      expect(await form.events('dao-submit')).toEqual([
        {
          data: { plan: [{ what: 'Call weekly' }], contacts: ['police'], signed: { signed: true } },
          formId: 'fixture-widgets',
          formVersion: 1,
        },
      ]);
      expect(await form.axe()).toEqual([]);
    } finally {
      await form.close();
    }
  });

  it('should say "cannot render field <type>" for a type nobody can render', async () => {
    const form = await FormPage.open(session.browser, session.server, {
      schemaSrc: '/t/mystery.json',
      validatorSrc: '/t/widgets.js',
    });
    try {
      expect(await form.shadowText()).toContain('cannot render field mystery');
      expect(form.consoleErrors.join('\n')).toContain('cannot render field mystery');
    } finally {
      await form.close();
    }
  });

  it('should show a field whose x-widget is no widget of ours as its type is, and warn naming its place', async () => {
    const sources = { schemaSrc: '/t/hint.json', validatorSrc: '/t/widgets.js' };
    const form = await FormPage.open(session.browser, session.server, sources);
    try {
      await form.element.getByLabel('Odd').fill('typed');
      expect(await form.element.getByLabel('Odd').inputValue()).toBe('typed');
      const warning = '#/properties/odd x-widget: "mystery" is not a widget of this form';
      expect(form.consoleWarnings.join('\n')).toContain(warning);
      expect(form.consoleErrors).toEqual([]);
    } finally {
      await form.close();
    }
  });
});
