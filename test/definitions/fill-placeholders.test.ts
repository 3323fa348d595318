// fillPlaceholders copies a form with {setting} filled in its texts: same keys in the same order, `__proto__` kept as a
// key, `const` values never filled. Checked against the plain entries/fromEntries copy it replaced.
import { describe, expect, it } from 'vitest';
import { fillPlaceholders, loadDefinitions } from '../../engine/definitions/load.js';
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';

const TEXT_KEYS = new Set(['title', 'description', 'x-help', 'x-hint', 'x-content']);

function referenceFill(node: unknown, settings: Record<string, unknown>): unknown {
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (m, key: string) => (typeof settings[key] === 'string' ? (settings[key] as string) : m));
  const walk = (value: unknown, textual: boolean): unknown => {
    if (typeof value === 'string') return textual ? fill(value) : value;
    if (Array.isArray(value)) return value.map((v) => walk(v, textual));
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, walk(v, TEXT_KEYS.has(k) || (textual && k !== 'const'))]),
      );
    }
    return value;
  };
  return walk(node, false);
}

describe('fillPlaceholders', () => {
  it('should fill every form of the protocol as the plain copy does', async () => {
    const files = await readDefinitionFiles('definitions');
    const { set } = loadDefinitions(files);
    const settings = set.settings!.data as unknown as Record<string, unknown>;
    const unfilled = loadDefinitions(
      Object.fromEntries(Object.entries(files).filter(([path]) => path !== 'settings.yaml')),
    ).set;
    expect(unfilled.forms.size).toBe(set.forms.size);
    for (const [id, form] of unfilled.forms) {
      const filled = fillPlaceholders(form.data, settings);
      expect(JSON.stringify(filled), id).toBe(JSON.stringify(referenceFill(form.data, settings)));
      expect(JSON.stringify(filled), id).toBe(JSON.stringify(set.forms.get(id)!.data));
    }
  });

  it('should keep __proto__ and other awkward keys as own keys, in order, and leave const alone', () => {
    const node = JSON.parse(
      '{"title":"In {county}","__proto__":{"title":"{county} {nope}"},"constructor":["{county}"],' +
        '"description":{"const":"{county}","x":"{county}"},"n":1,"z":null}',
    );
    const filled = fillPlaceholders(node, { county: 'Kent' }) as Record<string, unknown>;
    expect(Object.getPrototypeOf(filled)).toBe(Object.prototype);
    expect(Object.keys(filled)).toEqual(['title', '__proto__', 'constructor', 'description', 'n', 'z']);
    expect(Object.getOwnPropertyDescriptor(filled, '__proto__')).toEqual({
      value: { title: 'Kent {nope}' },
      writable: true,
      enumerable: true,
      configurable: true,
    });
    expect(JSON.stringify(filled)).toBe(JSON.stringify(referenceFill(node, { county: 'Kent' })));
    expect(JSON.stringify(filled)).toBe(
      '{"title":"In Kent","__proto__":{"title":"Kent {nope}"},"constructor":["{county}"],"description":{"const":"{county}","x":"Kent"},"n":1,"z":null}',
    );
  });
});
