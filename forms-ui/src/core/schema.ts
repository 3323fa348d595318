// Reading a form schema for display: the widget a field gets, its choices and its texts ($ref and allOf are
// resolved by ./schema-view.ts). No DOM.
import { dateTimeParts } from './date-time.js';
import { deepEqual } from './json-schema/equal.js';
import { isNode } from './json-schema/resources.js';
import { resolveSchema, type Schema } from './schema-view.js';
import { variantsOf } from './variants.js';

export { resolveSchema, type Schema } from './schema-view.js';

export interface Choice {
  value: unknown;
  title: string;
  description?: string;
  colour?: string;
}

/** Whether answers to `node` are an object (questions, or variants that are all groups of questions). */
export function takesObject(root: Schema, node: Schema): boolean {
  const view = resolveSchema(root, node);
  if (typeOf(view) === 'object') return true;
  const variants = variantsOf(root, view);
  return !!variants && variants.every((v) => typeOf(v.view) === 'object');
}

/** The schema of every item of a list (not of a tuple's fixed positions). */
export function itemsOf(root: Schema, node: Schema): Schema {
  return isNode(node.items) ? resolveSchema(root, node.items) : {};
}

const ANY: Schema = {};

/** The questions of an object: `true` (any answer) is asked as text, `false` (no answer allowed) not at all. */
export function propertiesOf(node: Schema): [string, Schema][] {
  return Object.entries((node.properties ?? {}) as Record<string, Schema | boolean>)
    .filter(([, s]) => s !== false)
    .map(([k, s]) => [k, isNode(s) ? s : ANY]);
}

export function requiredOf(node: Schema): Set<string> {
  return new Set(Array.isArray(node.required) ? (node.required as string[]) : []);
}

/** The type of value a node takes: its `type` (the one that is not null), else what its keywords imply. */
export function typeOf(node: Schema): string | undefined {
  const type = node.type;
  if (Array.isArray(type)) return (type as string[]).find((t) => t !== 'null') ?? (type.length ? 'null' : undefined);
  if (typeof type === 'string') return type;
  if (typeof node.const === 'boolean') return 'boolean';
  if (isNode(node.properties) || Array.isArray(node.required) || isNode(node.patternProperties)) return 'object';
  if (node.items !== undefined || Array.isArray(node.prefixItems)) return 'array';
  return undefined;
}

/** How a value reads as an option or an answer: an object by its name, else its answers ("from: A, to: B"). */
export function choiceTitle(value: unknown): string {
  if (value === true || value === false) return value ? 'Yes' : 'No';
  if (value === null || value === undefined) return 'None';
  if (Array.isArray(value)) return value.map(choiceTitle).join(', ');
  if (!isNode(value)) return String(value);
  const name = ['title', 'name', 'label'].map((k) => value[k]).find((v) => typeof v === 'string');
  return typeof name === 'string'
    ? name
    : Object.entries(value)
        .map(([k, v]) => `${k}: ${choiceTitle(v)}`)
        .join(', ');
}

export function sameValue(a: unknown, b: unknown): boolean {
  return deepEqual(a, b);
}

/** The choices of a field: oneOf consts with titles, an enum, yes/no for a boolean, or an integer range for a scale. */
export function choicesOf(node: Schema): Choice[] | undefined {
  if (
    Array.isArray(node.oneOf) &&
    node.oneOf.length &&
    node.oneOf.every((o) => o && typeof o === 'object' && 'const' in o)
  ) {
    return (node.oneOf as Schema[]).map((o) => ({
      value: o.const,
      title: typeof o.title === 'string' ? o.title : choiceTitle(o.const),
      description: o.description as string | undefined,
      colour: o['x-colour'] as string | undefined,
    }));
  }
  if (Array.isArray(node.enum)) return node.enum.map((v) => ({ value: v, title: choiceTitle(v) }));
  if ('const' in node && typeof node.const !== 'boolean')
    return [{ value: node.const, title: choiceTitle(node.const) }];
  const type = typeOf(node);
  if (type === 'boolean')
    return [
      { value: true, title: 'Yes' },
      { value: false, title: 'No' },
    ];
  if ((type === 'integer' || type === 'number') && node['x-widget'] === 'scale') {
    const min = Number(node.minimum ?? 1);
    const max = Number(node.maximum ?? 10);
    return Array.from({ length: Math.max(0, max - min + 1) }, (_, i) => ({ value: min + i, title: String(min + i) }));
  }
  return undefined;
}

/** The widget a field is shown with: `x-widget`, else chosen from its type (docs/definitions.md, "Widgets"). */
export function widgetOf(root: Schema, node: Schema): string {
  if ('x-compute' in node) return 'computed';
  if (typeof node['x-widget'] === 'string') return node['x-widget'];
  if (variantsOf(root, node)) return 'variants';
  const type = typeOf(node);
  if (type === 'null') return 'null';
  if (type === 'object') return 'section';
  if (type === 'array') {
    if (Array.isArray(node.prefixItems) || Array.isArray(node.items)) return 'tuple';
    return choicesOf(itemsOf(root, node)) ? 'checkboxes' : 'table';
  }
  if (type === 'boolean') return 'yesno';
  if (node.format === 'date' || node.format === 'date-time' || node.format === 'time') return node.format;
  if (choicesOf(node)) return 'radios';
  if (type === 'integer' || type === 'number') return 'number';
  if (type === 'string' || type === undefined) return 'text';
  return type;
}

/** A question's title; untitled, an item of a list or tuple reads "Item 2", the whole form "Your answer". */
export function titleOf(node: Schema, path: string): string {
  if (typeof node.title === 'string' && node.title.trim()) return node.title;
  const key = path.split('.').pop() ?? '';
  return /^\d+$/.test(key) ? `Item ${Number(key) + 1}` : key || 'Your answer';
}

/** A text split into paragraphs on blank lines (descriptions, x-help); x-content may already be a list. */
export function paragraphsOf(text: unknown): string[] {
  const list = Array.isArray(text) ? text : typeof text === 'string' ? [text] : [];
  return list
    .flatMap((t) => String(t).split(/\n\s*\n/))
    .map((p) => p.trim())
    .filter(Boolean);
}

export function isConfidential(node: Schema): boolean {
  return node['x-confidential'] === true;
}

/** The text a stored answer reads as in a read-only view. */
export function displayValue(node: Schema, value: unknown, root: Schema): string {
  if (value === undefined || value === null || value === '') return 'Not answered';
  const choice = choicesOf(node)?.find((c) => sameValue(c.value, value));
  if (choice) return choice.title;
  if (Array.isArray(value)) {
    const positions = Array.isArray(node.prefixItems) ? node.prefixItems : Array.isArray(node.items) ? node.items : [];
    const shown = value.map((v, i) =>
      displayValue(isNode(positions[i]) ? resolveSchema(root, positions[i]) : itemsOf(root, node), v, root),
    );
    return shown.length ? shown.join(', ') : 'Not answered';
  }
  if (isNode(value)) {
    const props = isNode(node.properties) ? (node.properties as Record<string, Schema>) : {};
    const answer = ([k, v]: [string, unknown]) => {
      const child = props[k] ? resolveSchema(root, props[k]) : {};
      return `${titleOf(child, k)}: ${displayValue(child, v, root)}`;
    };
    return Object.entries(value).map(answer).join('; ');
  }
  if (typeof value === 'string' && node.format === 'date') return formatDate(value);
  if (typeof value === 'string' && (node.format === 'date-time' || node.format === 'time'))
    return formatDateTime(value);
  return typeof value === 'boolean' ? choiceTitle(value) : String(value);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "1 June 2024 at 14:30" (in the reader's time zone) or "14:30"; as stored when it is not a real date or time. */
export function formatDateTime(iso: string): string {
  if (!/^(\d{4}-\d\d-\d\dT)?\d\d:\d\d/.test(iso)) return iso;
  if (!iso.includes('T')) return iso.slice(0, 5);
  const p = dateTimeParts(iso);
  return `${formatDate(`${p.year}-${p.month}-${p.day}`)} at ${p.hour}:${p.minute}`;
}

export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}
