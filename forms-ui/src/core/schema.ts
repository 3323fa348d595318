// Reading a form schema for display: $ref resolution, the widget a field gets, its choices and its texts. No DOM.
export type Schema = Record<string, unknown>;

export interface Choice {
  value: unknown;
  title: string;
  description?: string;
  colour?: string;
}

const resolved = new WeakMap<Schema, Schema>();

/** The node with a local `$ref` merged in (the node's own keywords win, as in `schemaAt`). Memoised per node. */
export function resolveSchema(root: Schema, node: Schema): Schema {
  const ref = node.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
  const cached = resolved.get(node);
  if (cached) return cached;
  const target = ref
    .slice(2)
    .split('/')
    .reduce<unknown>((n, k) => (n as Schema | undefined)?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], root) as Schema | undefined;
  const { $ref: _ignored, ...own } = node;
  const merged = { ...resolveSchema(root, target ?? {}), ...own };
  resolved.set(node, merged);
  return merged;
}

export function propertiesOf(node: Schema): [string, Schema][] {
  return Object.entries((node.properties ?? {}) as Record<string, Schema>);
}

export function requiredOf(node: Schema): Set<string> {
  return new Set(Array.isArray(node.required) ? (node.required as string[]) : []);
}

function typeOf(node: Schema): string | undefined {
  return Array.isArray(node.type) ? (node.type as string[]).find((t) => t !== 'null') : (node.type as string | undefined);
}

/** The choices of a field: oneOf consts with titles, an enum, yes/no for a boolean, or an integer range for a scale. */
export function choicesOf(node: Schema): Choice[] | undefined {
  if (Array.isArray(node.oneOf) && node.oneOf.every((o) => o && typeof o === 'object' && 'const' in o)) {
    return (node.oneOf as Schema[]).map((o) => ({
      value: o.const,
      title: typeof o.title === 'string' ? o.title : String(o.const),
      description: o.description as string | undefined,
      colour: o['x-colour'] as string | undefined,
    }));
  }
  if (Array.isArray(node.enum)) return node.enum.map((v) => ({ value: v, title: String(v) }));
  const type = typeOf(node);
  if (type === 'boolean') return [{ value: true, title: 'Yes' }, { value: false, title: 'No' }];
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
  const type = typeOf(node);
  if (type === 'object') return 'section';
  if (type === 'array') {
    const items = node.items && typeof node.items === 'object' ? resolveSchema(root, node.items as Schema) : {};
    return choicesOf(items) ? 'checkboxes' : 'table';
  }
  if (type === 'boolean') return 'yesno';
  if (node.format === 'date') return 'date';
  if (choicesOf(node)) return 'radios';
  if (type === 'integer' || type === 'number') return 'number';
  if (type === 'string' || type === undefined) return 'text';
  return type;
}

export function titleOf(node: Schema, path: string): string {
  return typeof node.title === 'string' && node.title.trim() ? node.title : (path.split('.').pop() ?? '');
}

/** A text split into paragraphs on blank lines (descriptions, x-help); x-content may already be a list. */
export function paragraphsOf(text: unknown): string[] {
  const list = Array.isArray(text) ? text : typeof text === 'string' ? [text] : [];
  return list.flatMap((t) => String(t).split(/\n\s*\n/)).map((p) => p.trim()).filter(Boolean);
}

export function isConfidential(node: Schema): boolean {
  return node['x-confidential'] === true;
}

/** The text a stored answer reads as in a read-only view. */
export function displayValue(node: Schema, value: unknown, root: Schema): string {
  if (value === undefined || value === null || value === '') return 'Not answered';
  const choices = choicesOf(node);
  if (Array.isArray(value)) {
    const items = node.items && typeof node.items === 'object' ? resolveSchema(root, node.items as Schema) : {};
    return value.length ? value.map((v) => displayValue(items, v, root)).join(', ') : 'Not answered';
  }
  const choice = choices?.find((c) => c.value === value);
  if (choice) return choice.title;
  if (node.format === 'date' && typeof value === 'string') return formatDate(value);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}
