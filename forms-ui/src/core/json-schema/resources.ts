// Where every subschema of a JSON Schema lives: base URIs ($id), anchors ($anchor, $dynamicAnchor, draft-07's
// "$id": "#name") and JSON pointers, so `$ref`, `$dynamicRef` and `$recursiveRef` resolve the way ajv resolves them
// inside one document. The renderer resolves `$ref` with the same index. No DOM.
export type SchemaNode = Record<string, unknown>;
export type AnySchema = SchemaNode | boolean;

/** Keywords whose value is a schema, a list of schemas, or a map of schemas (the ones worth indexing). */
const ONE = [
  'items',
  'additionalItems',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'contains',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
];
const LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items'];
const MAP = ['$defs', 'definitions', 'properties', 'patternProperties', 'dependentSchemas', 'dependencies'];
const ROOT_BASE = 'dao-form:///schema';

export function isNode(value: unknown): value is SchemaNode {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** The subschemas of a node with the keyword path to each ("properties/name"). */
export function childSchemas(node: SchemaNode): [string, AnySchema][] {
  const out: [string, AnySchema][] = [];
  const add = (path: string, value: unknown) =>
    (isNode(value) || typeof value === 'boolean') && out.push([path, value]);
  for (const key of ONE) add(key, node[key]);
  for (const key of LIST)
    if (Array.isArray(node[key])) (node[key] as unknown[]).forEach((s, i) => add(`${key}/${i}`, s));
  for (const key of MAP) {
    const map = node[key];
    if (isNode(map))
      for (const [name, s] of Object.entries(map)) add(`${key}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`, s);
  }
  return out;
}

function resolveUri(ref: string, base: string): string | undefined {
  try {
    return new URL(ref, base).href;
  } catch {
    return undefined;
  }
}

function splitFragment(uri: string): [string, string] {
  const at = uri.indexOf('#');
  return at < 0 ? [uri, ''] : [uri.slice(0, at), decodeURIComponent(uri.slice(at + 1))];
}

export class SchemaIndex {
  readonly #resources = new Map<string, AnySchema>();
  readonly #anchors = new Map<string, SchemaNode>();
  readonly #baseOf = new WeakMap<SchemaNode, string>();
  /** The resource (the nearest node with $id, or the root) each node belongs to. */
  readonly #resourceOf = new WeakMap<SchemaNode, SchemaNode>();

  constructor(readonly root: AnySchema) {
    this.#resources.set(ROOT_BASE, root);
    if (isNode(root)) this.#visit(root, ROOT_BASE, root);
  }

  #visit(node: SchemaNode, parentBase: string, resource: SchemaNode): void {
    if (this.#baseOf.has(node)) return;
    let base = parentBase;
    const id = node.$id;
    if (typeof id === 'string') {
      const uri = resolveUri(id, parentBase);
      const [path, fragment] = uri ? splitFragment(uri) : ['', ''];
      if (uri && fragment && !id.startsWith('#/')) this.#anchors.set(`${path}#${fragment}`, node);
      if (uri && !id.startsWith('#')) {
        base = path;
        resource = node;
        this.#resources.set(path, node);
      }
    }
    this.#baseOf.set(node, base);
    this.#resourceOf.set(node, resource);
    for (const key of ['$anchor', '$dynamicAnchor'])
      if (typeof node[key] === 'string') this.#anchors.set(`${base}#${String(node[key])}`, node);
    for (const [, child] of childSchemas(node)) if (isNode(child)) this.#visit(child, base, resource);
  }

  /** The base URI a `$ref` written in `node` is resolved against. */
  baseOf(node: SchemaNode): string {
    return this.#baseOf.get(node) ?? ROOT_BASE;
  }

  resourceOf(node: SchemaNode): SchemaNode | undefined {
    return this.#resourceOf.get(node);
  }

  /** The schema `ref` points at from `node`, or undefined when it is outside this document. */
  resolve(ref: string, node: SchemaNode): AnySchema | undefined {
    const uri = resolveUri(ref, this.baseOf(node));
    if (!uri) return undefined;
    const [path, fragment] = splitFragment(uri);
    const resource = this.#resources.get(path);
    if (resource === undefined) return undefined;
    if (!fragment) return resource;
    if (!fragment.startsWith('/')) return this.#anchors.get(`${path}#${fragment}`);
    let target: unknown = resource;
    for (const part of fragment.slice(1).split('/')) {
      const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
      target = Array.isArray(target) ? target[Number(key)] : isNode(target) ? target[key] : undefined;
    }
    return isNode(target) || typeof target === 'boolean' ? target : undefined;
  }

  /** The node holding `$dynamicAnchor: name` in the resource `resource`, if any. */
  dynamicAnchor(resource: SchemaNode, name: string): SchemaNode | undefined {
    const found = this.#anchors.get(`${this.baseOf(resource)}#${name}`);
    return found && found.$dynamicAnchor === name ? found : undefined;
  }
}

const indexes = new WeakMap<SchemaNode, SchemaIndex>();

/** One index per root schema object. */
export function indexOf(root: SchemaNode): SchemaIndex {
  let index = indexes.get(root);
  if (!index) indexes.set(root, (index = new SchemaIndex(root)));
  return index;
}
