// The schema of the field at a path ("people.0.name"), found the way a reader of the form would: a property
// declared on the object, or in a branch that applies to it (allOf, then/else, dependentSchemas, a oneOf/anyOf
// variant), a pattern property or additionalProperties; an array item by its position (prefixItems, the list form
// of items) or the items schema. With `matches`, a branch whose condition holds for the answers is preferred.
export interface FieldSchema {
  title?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  oneOf?: unknown[];
  const?: unknown;
  items?: unknown;
  'x-widget'?: string;
  'x-errorMessage'?: Record<string, string>;
  [key: string]: unknown;
}

export interface SchemaLookup {
  /** Resolves a `$ref` written in `from` (JSON pointers into the root are resolved without it). */
  resolve?: (ref: string, from: FieldSchema) => unknown;
  /** Whether `data` passes `schema` (a subschema of the root): picks the branch of an if/then/else that applies. */
  matches?: (schema: unknown, data: unknown) => boolean;
}

const isNode = (value: unknown): value is FieldSchema => !!value && typeof value === 'object' && !Array.isArray(value);

function pointer(root: FieldSchema, ref: string): unknown {
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>(
      (n, k) =>
        isNode(n) || Array.isArray(n)
          ? (n as Record<string, unknown>)[k.replace(/~1/g, '/').replace(/~0/g, '~')]
          : undefined,
      root,
    );
}

/** The node with its `$ref` target merged in (the node's own keywords win). */
export function withRef(
  root: FieldSchema,
  node: unknown,
  lookup: SchemaLookup = {},
  depth = 0,
): FieldSchema | undefined {
  if (!isNode(node)) return undefined;
  const ref = node.$ref;
  if (typeof ref !== 'string' || depth > 20) return node;
  const target = ref.startsWith('#/') ? pointer(root, ref) : ref === '#' ? root : lookup.resolve?.(ref, node);
  const own = Object.fromEntries(Object.entries(node).filter(([k]) => k !== '$ref'));
  return { ...(withRef(root, target, lookup, depth + 1) ?? {}), ...own };
}

/** The subschemas that apply to the same value as `node` when `value` is the answer. */
function branches(node: FieldSchema, value: unknown, lookup: SchemaLookup): unknown[] {
  const condition = node.if;
  const holds = condition === undefined || !lookup.matches ? undefined : lookup.matches(condition, value);
  const thenElse = holds === undefined ? [node.then, node.else] : [holds ? node.then : node.else];
  const dependents = [node.dependentSchemas, node.dependencies].flatMap((map) =>
    isNode(map) ? Object.values(map) : [],
  );
  const lists = [node.allOf, node.oneOf, node.anyOf].flatMap((list) => (Array.isArray(list) ? list : []));
  return [...thenElse, ...lists, ...dependents].filter(isNode);
}

function childOf(
  root: FieldSchema,
  node: FieldSchema,
  key: string,
  value: unknown,
  lookup: SchemaLookup,
  seen: Set<unknown>,
): unknown {
  if (seen.has(node) || seen.size > 200) return undefined;
  seen.add(node);
  if (/^\d+$/.test(key)) {
    const i = Number(key);
    const prefix = Array.isArray(node.prefixItems)
      ? node.prefixItems
      : Array.isArray(node.items)
        ? node.items
        : undefined;
    if (prefix?.[i] !== undefined) return prefix[i];
    if (prefix && !Array.isArray(node.prefixItems) && node.additionalItems !== undefined) return node.additionalItems;
    if (isNode(node.items)) return node.items;
  }
  const own = isNode(node.properties) ? node.properties[key] : undefined;
  if (isNode(own) && own.title) return own;
  for (const branch of branches(node, value, lookup)) {
    const found = childOf(root, withRef(root, branch, lookup) ?? {}, key, value, lookup, seen);
    if (isNode(found) && (found.title || !own)) return found;
  }
  if (own !== undefined) return own;
  const patterns = isNode(node.patternProperties) ? Object.entries(node.patternProperties) : [];
  const pattern = patterns.find(([source]) => {
    try {
      return new RegExp(source, 'u').test(key);
    } catch {
      return false;
    }
  });
  return pattern?.[1] ?? (isNode(node.additionalProperties) ? node.additionalProperties : undefined);
}

/** Finds the schema of a field by walking from the root along `path`. */
export function schemaAt(
  root: FieldSchema,
  path: string,
  lookup: SchemaLookup & { data?: unknown } = {},
): FieldSchema | undefined {
  let node = withRef(root, root, lookup);
  let value = lookup.data;
  for (const key of path ? path.split('.') : []) {
    if (!node) return undefined;
    node = withRef(root, childOf(root, node, key, value, lookup, new Set()), lookup);
    value = isNode(value) || Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
  }
  return node;
}
