// forms-ui/src/widgets: every widget of the definition format is registered (this product's own once its extensions
// load); unknown ones fail clearly; the pure parts of the date, time and number inputs; what a schema asks for that the
// form cannot show.
import { beforeAll, describe, expect, it } from 'vitest';
import { WIDGETS } from '../../engine/definitions/meta-schemas/form.schema.js';
import '../../forms-ui/src/widgets/index.js';
import { dateParts, joinDate } from '../../forms-ui/src/widgets/date.js';
import { parseNumber } from '../../forms-ui/src/widgets/number.js';
import { getWidget, registeredWidgets } from '../../forms-ui/src/widgets/registry.js';
import { widgetOf } from '../../forms-ui/src/core/schema.js';
import { dateTimeParts, joinDateTime, joinTime, localOffset, timeParts } from '../../forms-ui/src/core/date-time.js';
import { schemaGaps } from '../../forms-ui/src/core/schema-gaps.js';
import { EXTENSION_WIDGETS, extensionsReady, loadExtensions, usesExtensions } from '../../forms-ui/src/extensions.js';
import { widgets as extensionWidgets } from '../../forms-ui/src/product-extensions.js';

describe('widget registry', () => {
  it("should have a renderer for every widget of any JSON Schema before this product's extensions load", () => {
    const own = WIDGETS.filter((name) => !EXTENSION_WIDGETS.includes(name));
    expect(registeredWidgets()).toEqual(expect.arrayContaining([...own, 'date-time', 'time', 'tuple', 'variants']));
    expect(registeredWidgets()).not.toContain('frequency-grid');
  });

  it('should have a renderer for every widget a form may name once the extensions load (issue 23)', async () => {
    expect(Object.keys(extensionWidgets).sort()).toEqual([...EXTENSION_WIDGETS, 'computed'].sort());
    await loadExtensions();
    expect(registeredWidgets()).toEqual(expect.arrayContaining([...WIDGETS, 'computed']));
  });

  it('should fail with "cannot render field <type>" for an unknown widget', () => {
    expect(() => getWidget('mystery')).toThrow('cannot render field mystery');
  });

  it('should choose a widget from the type when x-widget is left out', () => {
    const root = { $defs: { c: { oneOf: [{ const: 'a' }] } } };
    expect(widgetOf(root, { type: 'string' })).toBe('text');
    expect(widgetOf(root, { type: 'string', format: 'date' })).toBe('date');
    expect(widgetOf(root, { type: 'boolean' })).toBe('yesno');
    expect(widgetOf(root, { type: 'integer' })).toBe('number');
    expect(widgetOf(root, { type: 'object' })).toBe('section');
    expect(widgetOf(root, { type: 'array', items: { $ref: '#/$defs/c' } })).toBe('checkboxes');
    expect(widgetOf(root, { type: 'array', items: { type: 'object' } })).toBe('table');
    expect(widgetOf(root, { type: 'string', enum: ['x'] })).toBe('radios');
    expect(widgetOf(root, { type: 'integer', 'x-compute': {} })).toBe('computed');
  });

  it('should choose one for what any JSON Schema may hold (issue 23)', () => {
    const root = {};
    expect(widgetOf(root, { type: 'string', format: 'date-time' })).toBe('date-time');
    expect(widgetOf(root, { type: 'string', format: 'time' })).toBe('time');
    expect(widgetOf(root, { type: 'null' })).toBe('null');
    expect(widgetOf(root, { prefixItems: [{ type: 'boolean' }] })).toBe('tuple');
    expect(widgetOf(root, { type: 'array', items: [{ type: 'string' }] })).toBe('tuple');
    expect(widgetOf(root, { oneOf: [{ type: 'string', format: 'email' }, { type: 'string' }] })).toBe('variants');
    expect(widgetOf(root, { oneOf: [{ const: 'a' }, { const: 'b' }] })).toBe('radios');
    expect(widgetOf(root, { properties: { a: {} } })).toBe('section');
    expect(widgetOf(root, { const: true })).toBe('yesno');
  });
});

describe('date input', () => {
  it('should join day, month and year into an ISO date, keeping partial dates as typed', () => {
    expect(joinDate({ day: '7', month: '3', year: '2024' })).toBe('2024-03-07');
    expect(joinDate({ day: '', month: '', year: '' })).toBeUndefined();
    expect(joinDate({ day: '7', month: '', year: '2024' })).toBe('2024--7');
    expect(dateParts('2024-03-07')).toEqual({ day: '07', month: '03', year: '2024' });
    expect(dateParts('2024--7')).toEqual({ day: '7', month: '', year: '2024' });
  });
});

describe('number input', () => {
  it('should read numbers and keep anything else as typed', () => {
    expect(parseNumber('12')).toBe(12);
    expect(parseNumber(' ')).toBeUndefined();
    expect(parseNumber('1.')).toBe('1.');
    expect(parseNumber('ten')).toBe('ten');
  });
});

describe('time and date-time boxes', () => {
  it('should join hour and minute with an offset, keep a part-filled time as typed, and read both back', () => {
    expect(joinTime({ hour: '9', minute: '5' }, '+01:00')).toBe('09:05:00+01:00');
    expect(joinTime({ hour: '9', minute: '' }, 'Z')).toBe('9:');
    expect(joinTime({ hour: '', minute: '' }, 'Z')).toBeUndefined();
    expect(timeParts('14:30:00+01:00')).toEqual({ hour: '14', minute: '30', offset: '+01:00' });
    expect(timeParts('9:')).toEqual({ hour: '9', minute: '' });
  });

  it('should use the reader’s offset on the day itself, summer time included', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Europe/London';
    try {
      expect(joinDateTime({ day: '1', month: '6', year: '2024', hour: '14', minute: '30' })).toBe(
        '2024-06-01T14:30:00+01:00',
      );
      expect(joinDateTime({ day: '1', month: '12', year: '2024', hour: '14', minute: '30' })).toBe(
        '2024-12-01T14:30:00Z',
      );
      expect(joinDateTime({ day: '1', month: '12', year: '', hour: '14', minute: '30' })).toBe('-12-01T14:30');
      expect(dateTimeParts('2024-06-01T13:30:00Z')).toEqual({
        day: '01',
        month: '06',
        year: '2024',
        hour: '14',
        minute: '30',
      });
      expect(localOffset(new Date(2024, 0, 1))).toBe('Z');
    } finally {
      process.env.TZ = zone;
    }
  });
});

describe('schemaGaps', () => {
  it('should name each place in the schema the form cannot show, and nothing in a schema it can', () => {
    expect(schemaGaps({ type: 'object', properties: { a: { type: 'string', format: 'date' } } })).toEqual([]);
    expect(
      schemaGaps({
        properties: {
          map: { additionalProperties: { type: 'string' } },
          pair: { prefixItems: [{ type: 'string' }], items: { type: 'number' } },
          far: { $ref: 'https://example.org/other.json' },
          when: { format: 'sometime' },
          either: { type: ['string', 'number'] },
        },
      }),
    ).toEqual([
      '#/properties/map additionalProperties: answers under other names cannot be entered',
      '#/properties/pair items after the fixed positions cannot be added',
      '#/properties/far $ref: not in this schema, not shown',
      '#/properties/when format: unknown, shown as text and not checked',
      '#/properties/either type: only the first type is offered',
    ]);
  });
});

describe('extensions', () => {
  it("should be needed only by a schema that names one of this product's widgets or computes an answer", () => {
    expect(usesExtensions({ properties: { a: { type: 'string', 'x-widget': 'textarea' } } })).toBe(false);
    expect(usesExtensions({ properties: { a: { type: 'integer', 'x-widget': 'scale' } } })).toBe(true);
    expect(usesExtensions({ properties: { a: { type: 'integer', 'x-compute': { '+': [1, 1] } } } })).toBe(true);
    expect(extensionsReady({ properties: { a: { type: 'string' } } })).toBe(true);
  });
});

describe('schemaGaps of x-widget', () => {
  beforeAll(() => loadExtensions());

  it('should name an x-widget written for another renderer, which is shown as its type is (issue 23)', () => {
    const isWidget = (name: string) => registeredWidgets().includes(name);
    const schema = {
      properties: { colour: { type: 'string', 'x-widget': 'color-picker' }, n: { 'x-widget': 'scale' } },
    };
    expect(schemaGaps(schema, isWidget)).toEqual([
      '#/properties/colour x-widget: "color-picker" is not a widget of this form',
    ]);
  });
});
