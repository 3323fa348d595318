// forms-ui/src/widgets: every widget of the definition format is registered; unknown ones fail clearly; the pure
// parts of the date and number inputs.
import { describe, expect, it } from 'vitest';
import { WIDGETS } from '../../engine/definitions/meta-schemas/form.schema.js';
import '../../forms-ui/src/widgets/index.js';
import { dateParts, joinDate } from '../../forms-ui/src/widgets/date.js';
import { parseNumber } from '../../forms-ui/src/widgets/number.js';
import { getWidget, registeredWidgets } from '../../forms-ui/src/widgets/registry.js';
import { widgetOf } from '../../forms-ui/src/core/schema.js';

describe('widget registry', () => {
  it('should have a renderer for every widget a form may name', () => {
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
