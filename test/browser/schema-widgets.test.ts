// Issue 23: what a portal's schema gets beyond a control per property — variants chosen by radios (and switching
// between them), a question whose options depend on an if/then branch, tuples that keep their types, date and time
// in the reader's time zone, a long list as a select past a threshold the host sets, and a console warning naming
// the place in the schema for what cannot be shown.
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../fixtures/schema-corpus.js';
import { ensureBuilt } from './support/build.js';
import { SchemaPage } from './support/schema-page.js';
import { useBrowserSession } from './support/session.js';

await ensureBuilt();
const session = useBrowserSession();
const corpus = new Map(loadCorpus().map((e) => [e.name, e.schema]));

async function withPage(
  attributes: string,
  run: (page: SchemaPage) => Promise<void>,
  timezoneId?: string,
): Promise<SchemaPage> {
  const page = await SchemaPage.open(session.browser, session.server, attributes, timezoneId);
  try {
    await run(page);
    return page;
  } finally {
    await page.close();
  }
}

const data = (page: SchemaPage) =>
  page.page.evaluate(() => (document.querySelector('dao-form') as unknown as { data: unknown }).data);
const form = (page: SchemaPage) => page.page.locator('dao-form');

describe('<dao-form> with a portal’s schema', () => {
  it('should ask which variant applies, fill in its constant, and keep only its answers when switched', async () => {
    await withPage('', async (page) => {
      await page.show(corpus.get('32-root-oneof'), undefined);
      expect(await form(page).locator('input[type=text], input[type=email]').count()).toBe(0);
      await form(page).getByLabel('By post').check();
      await form(page).getByLabel('Postal address').fill('1 High Street');
      expect(await data(page)).toEqual({ method: 'post', address: '1 High Street' });
      await form(page).getByLabel('By email').check();
      expect(await data(page)).toEqual({ method: 'email' });
      await form(page).getByLabel('Email address').fill('ada@example.com');
      expect((await page.validate()).valid).toBe(true);
      expect(page.problems).toEqual([]);
    });
  });

  it('should word the error of the variant chosen, not of the others', async () => {
    await withPage('', async (page) => {
      await page.show(corpus.get('34-property-oneof-scalars'), undefined);
      await form(page).getByLabel('Phone', { exact: true }).check();
      await form(page).locator('#f-contact').fill('nobody');
      expect((await page.validate()).errors).toEqual({
        contact: ['Enter phone number or email address in the correct format'],
      });
      await form(page).getByLabel('Email', { exact: true }).check();
      await form(page).locator('#f-contact').fill('nobody');
      expect((await page.validate()).errors).toEqual({
        contact: ['Enter phone number or email address in the correct format, like name@example.com'],
      });
    });
  });

  it('should offer the options of the if/then branch that applies', async () => {
    await withPage('', async (page) => {
      await page.show(corpus.get('30-if-branches-same-property'), undefined);
      await form(page).getByLabel('Shirt').check();
      await page.validate();
      expect(
        await form(page)
          .locator('#f-size')
          .evaluate((el) => el.closest('fieldset')!.textContent),
      ).toMatch(/Shirt size\s*.*S\s*M\s*L/s);
      await form(page).getByLabel('Shoes').check();
      expect(
        await form(page)
          .locator('[name="f-size"]')
          .evaluateAll((els) => els.map((el) => (el as HTMLInputElement).labels![0]!.textContent!.trim())),
      ).toEqual(['6', '7', '8']);
    });
  });

  it('should keep a tuple’s yes/no a boolean and its count a number', async () => {
    await withPage('', async (page) => {
      await page.show(corpus.get('38-tuple-items-array-draft7'), undefined);
      await form(page).getByLabel('Your name').fill('Ada');
      await form(page).getByLabel('Yes').check();
      await form(page).getByLabel('How many visits?').fill('3');
      expect(await data(page)).toEqual({ answer: ['Ada', true, 3] });
      expect((await page.validate()).valid).toBe(true);
    });
  });

  it('should store a date and time with the reader’s offset on that day (summer time included)', async () => {
    await withPage(
      '',
      async (page) => {
        await page.show(corpus.get('13-format-date-time'), undefined);
        const boxes = [
          ['#f-at', '1'],
          ['#f-at-month', '6'],
          ['#f-at-year', '2024'],
          ['#f-at-hour', '14'],
          ['#f-at-minute', '30'],
        ];
        for (const [box, value] of boxes) await form(page).locator(box!).fill(value!);
        expect(await data(page)).toEqual({ at: '2024-06-01T14:30:00+01:00' });
        await form(page).locator('#f-at-month').fill('12');
        expect(await data(page)).toEqual({ at: '2024-12-01T14:30:00Z' });
        await form(page).locator('#f-at-hour').fill('');
        expect((await page.validate()).errors).toEqual({
          at: ['Your answer to “When did it happen?” must be a real date and time'],
        });
        await page.show(corpus.get('13-format-date-time'), { at: '2024-06-01T13:30:00Z' });
        expect(await form(page).locator('#f-at-hour').inputValue()).toBe('14');
      },
      'Europe/London',
    );
  });

  it('should show a list longer than select-threshold as a select', async () => {
    const schema = {
      type: 'object',
      properties: { colour: { title: 'Colour', enum: ['Red', 'Green', 'Blue', 'Grey'] } },
    };
    await withPage('select-threshold="3"', async (page) => {
      await page.show(schema, { colour: 'Blue' });
      expect(await form(page).locator('select#f-colour').inputValue()).not.toBe('');
      await form(page).locator('select#f-colour').selectOption({ label: 'Grey' });
      expect(await data(page)).toEqual({ colour: 'Grey' });
      expect(await page.axe()).toEqual([]);
    });
    await withPage('', async (page) => {
      await page.show(schema, undefined);
      expect(await form(page).locator('input[type=radio]').count()).toBe(4);
    });
  });

  it('should warn on the console, naming the place in the schema, of what it cannot show', async () => {
    await withPage('', async (page) => {
      await page.show(
        {
          type: 'object',
          properties: {
            tags: { type: 'object', title: 'Tags', additionalProperties: { type: 'string' } },
            at: { type: 'string', format: 'sometime' },
          },
        },
        undefined,
      );
      expect(page.warnings).toEqual(
        expect.arrayContaining([
          expect.stringContaining('#/properties/tags additionalProperties'),
          expect.stringContaining('#/properties/at format'),
        ]),
      );
      expect(page.problems).toEqual([]);
    });
  });

  it("should show a field whose x-widget is another renderer's hint as its type is, and say so", async () => {
    await withPage('', async (page) => {
      const schema = {
        type: 'object',
        properties: { colour: { type: 'string', title: 'Colour', 'x-widget': 'colour-wheel' } },
      };
      await page.show(schema, { colour: 'teal' });
      expect(await form(page).getByLabel('Colour').inputValue()).toBe('teal');
      expect(page.warnings).toEqual([expect.stringContaining('#/properties/colour x-widget: "colour-wheel"')]);
      expect(page.problems).toEqual([]);
    });
  });
});

describe("this product's extensions (its own widgets and computed answers)", () => {
  it("should be loaded, styles included, by a form using one and never for a portal's schema", async () => {
    await withPage('', async (page) => {
      const requested: string[] = [];
      page.page.on('request', (request) => requested.push(new URL(request.url()).pathname));
      await page.show(corpus.get('31-root-allof'), undefined);
      expect(requested).not.toContain('/dist/dao-form-extensions.js');
      const scored = {
        type: 'object',
        properties: { score: { type: 'integer', title: 'Score', minimum: 1, maximum: 5, 'x-widget': 'scale' } },
      };
      await page.show(scored, { score: 4 });
      expect(requested.filter((path) => path === '/dist/dao-form-extensions.js')).toHaveLength(1);
      expect(await form(page).locator('input[type=radio]').count()).toBe(5);
      // .radios--small comes with the extensions' styles: 24 px radios, not the 40 px of GOV.UK's own.
      expect(
        await form(page)
          .locator('input[type=radio]')
          .first()
          .evaluate((el) => getComputedStyle(el).width),
      ).toBe('24px');
      expect((await page.validate()).data).toEqual({ score: 4 });
      expect(page.problems).toEqual([]);
    });
  });
});
