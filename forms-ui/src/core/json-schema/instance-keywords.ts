// The keywords that look inside an instance of one type: objects (properties and their kin), arrays (items, tuples,
// contains), numbers and strings; each is skipped for an instance of another type, as in ajv.
import {
  child,
  fresh,
  isTrivial,
  present,
  type Evaluated,
  type Evaluation,
  type Keyword,
  type Place,
} from './evaluate.js';
import { codePointLength, deepEqual } from './equal.js';
import { checkFormat } from './formats.js';
import { isNode, type AnySchema, type SchemaNode } from './resources.js';

type ObjectKeyword = (run: Evaluation, s: SchemaNode, data: SchemaNode, at: Place, ev: Evaluated) => boolean;
type ArrayKeyword = (run: Evaluation, s: SchemaNode, data: unknown[], at: Place, ev: Evaluated) => boolean;

const forObjects =
  (check: ObjectKeyword): Keyword =>
  (run, s, data, at, ev) =>
    !isNode(data) || check(run, s, data, at, ev);
const forArrays =
  (check: ArrayKeyword): Keyword =>
  (run, s, data, at, ev) =>
    !Array.isArray(data) || check(run, s, data, at, ev);
/** minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf: a number against the keyword's value. */
const numberLimit = (name: string, ok: (n: number, limit: number) => boolean, key = 'limit'): [string, Keyword] => [
  name,
  (run, s, data, at) => {
    const limit = s[name];
    return (
      typeof data !== 'number' ||
      !Number.isFinite(data) ||
      typeof limit !== 'number' ||
      ok(data, limit) ||
      run.fail(name, at, { [key]: limit })
    );
  },
];
/** minLength, maxItems, minProperties …: how long or big the instance is against the keyword's limit. */
const countLimit = (name: string, count: (data: unknown) => number | undefined): [string, Keyword] => [
  name,
  (run, s, data, at) => {
    const n = count(data);
    const limit = Number(s[name]);
    return (
      n === undefined || (name.startsWith('min') ? n >= limit : n <= limit) || run.fail(name, at, { limit: s[name] })
    );
  },
];
const length = (data: unknown) => (typeof data === 'string' ? codePointLength(data) : undefined);
const itemCount = (data: unknown) => (Array.isArray(data) ? data.length : undefined);
const propertyCount = (data: unknown) => (isNode(data) ? Object.keys(data).length : undefined);

function every<T>(list: T[], check: (item: T, i: number) => boolean): boolean {
  return list.map(check).every(Boolean);
}

/** Property dependencies: dependentRequired, and the list form of draft-07's dependencies. */
function requireDependents(run: Evaluation, keyword: string, map: unknown, data: SchemaNode, at: Place): boolean {
  if (!isNode(map)) return true;
  return every(Object.entries(map), ([property, deps]) => {
    if (!Array.isArray(deps) || !present(data, property)) return true;
    const params = { property, depsCount: deps.length, deps: deps.join(', ') };
    return every(
      deps.map(String),
      (dep) => present(data, dep) || run.fail(keyword, at, { ...params, missingProperty: dep }),
    );
  });
}

/** Schema dependencies: dependentSchemas, and the schema form of draft-07's dependencies. */
function applyDependents(
  run: Evaluation,
  keyword: string,
  map: unknown,
  data: SchemaNode,
  at: Place,
  ev: Evaluated,
): boolean {
  if (!isNode(map)) return true;
  return every(
    Object.entries(map),
    ([property, schema]) =>
      Array.isArray(schema) || !present(data, property) || run.inPlace(schema, data, at, ev, `${keyword}/${property}`),
  );
}

function addProps(ev: Evaluated, keys: string[]): void {
  if (ev.props !== true) for (const key of keys) ev.props.add(key);
}

const objectKeywords: [string, Keyword][] = [
  [
    'required',
    forObjects(
      (run, s, data, at) =>
        !Array.isArray(s.required) ||
        every(
          s.required.map(String),
          (key) => present(data, key) || run.fail('required', at, { missingProperty: key }),
        ),
    ),
  ],
  countLimit('minProperties', propertyCount),
  countLimit('maxProperties', propertyCount),
  [
    'dependentRequired',
    forObjects((run, s, data, at) => requireDependents(run, 'dependentRequired', s.dependentRequired, data, at)),
  ],
  [
    'dependencies',
    forObjects((run, s, data, at, ev) =>
      [
        requireDependents(run, 'dependencies', s.dependencies, data, at),
        applyDependents(run, 'dependencies', s.dependencies, data, at, ev),
      ].every(Boolean),
    ),
  ],
  [
    'dependentSchemas',
    forObjects((run, s, data, at, ev) => applyDependents(run, 'dependentSchemas', s.dependentSchemas, data, at, ev)),
  ],
  [
    'properties',
    forObjects((run, s, data, at, ev) => {
      const properties = isNode(s.properties) ? s.properties : {};
      addProps(ev, Object.keys(properties));
      return every(
        Object.entries(properties),
        ([key, sub]) =>
          !present(data, key) || run.validate(sub as AnySchema, data[key], child(at, key, `properties/${key}`)),
      );
    }),
  ],
  [
    'patternProperties',
    forObjects((run, s, data, at, ev) =>
      every(Object.entries(s.patternProperties as SchemaNode), ([source, sub]) => {
        const pattern = run.pattern(source, at);
        const keys = pattern ? Object.keys(data).filter((key) => pattern.test(key)) : [];
        addProps(ev, keys);
        return every(keys, (key) =>
          run.validate(sub as AnySchema, data[key], child(at, key, `patternProperties/${source}`)),
        );
      }),
    ),
  ],
  [
    'additionalProperties',
    forObjects((run, s, data, at, ev) => {
      const declared = isNode(s.properties) ? s.properties : {};
      const patterns = Object.keys(isNode(s.patternProperties) ? s.patternProperties : {}).map((p) =>
        run.pattern(p, at),
      );
      const extra = Object.keys(data).filter(
        (key) => !Object.hasOwn(declared, key) && !patterns.some((p) => p?.test(key)),
      );
      ev.props = true;
      const sub = s.additionalProperties as AnySchema;
      return every(extra, (key) =>
        sub === false
          ? run.fail('additionalProperties', at, { additionalProperty: key })
          : run.validate(sub, data[key], child(at, key, 'additionalProperties')),
      );
    }),
  ],
  [
    'propertyNames',
    forObjects((run, s, data, at) =>
      every(
        Object.keys(data),
        (key) =>
          run.quietly(() =>
            run.validate(s.propertyNames as AnySchema, key, { ...at, schemaPath: `${at.schemaPath}/propertyNames` }),
          ) || run.fail('propertyNames', at, { propertyName: key }),
      ),
    ),
  ],
];

/** The schemas for fixed positions (prefixItems, or draft-07's array form of items) and for the items after them. */
function tupleOf(s: SchemaNode): { prefix: AnySchema[]; rest: unknown; restKeyword: string } {
  if (Array.isArray(s.prefixItems))
    return { prefix: s.prefixItems as AnySchema[], rest: s.items, restKeyword: 'items' };
  if (Array.isArray(s.items))
    return { prefix: s.items as AnySchema[], rest: s.additionalItems, restKeyword: 'additionalItems' };
  return { prefix: [], rest: s.items, restKeyword: 'items' };
}

function checkItems(run: Evaluation, s: SchemaNode, data: unknown[], at: Place, ev: Evaluated): boolean {
  const { prefix, rest, restKeyword } = tupleOf(s);
  const prefixKeyword = Array.isArray(s.prefixItems) ? 'prefixItems' : 'items';
  const positions = data.slice(0, prefix.length);
  let valid = true;
  positions.forEach(
    (item, i) => (valid = run.validate(prefix[i]!, item, child(at, i, `${prefixKeyword}/${i}`)) && valid),
  );
  if (ev.items !== true) ev.items = Math.max(ev.items, prefix.length);
  if (rest === undefined) return valid;
  const after = data.slice(prefix.length);
  if (rest === false && after.length) return run.fail(restKeyword, at, { limit: prefix.length });
  after.forEach(
    (item, i) => (valid = run.validate(rest as AnySchema, item, child(at, prefix.length + i, restKeyword)) && valid),
  );
  ev.items = true;
  return valid;
}

function checkContains(run: Evaluation, s: SchemaNode, data: unknown[], at: Place, ev: Evaluated): boolean {
  const min = typeof s.minContains === 'number' ? s.minContains : 1;
  const max = typeof s.maxContains === 'number' ? s.maxContains : undefined;
  const params = max === undefined ? { minContains: min } : { minContains: min, maxContains: max };
  if (max === undefined && min === 0) return true;
  if (max !== undefined && min > max) return run.fail('contains', at, params);
  const schema = s.contains as AnySchema;
  if (!isTrivial(schema)) ev.items = true;
  const count = run.quietly(
    () => data.filter((item, i) => run.validate(schema, item, child(at, i, 'contains'))).length,
  );
  return (count >= min && (max === undefined || count <= max)) || run.fail('contains', at, params);
}

const arrayKeywords: [string, Keyword][] = [
  countLimit('minItems', itemCount),
  countLimit('maxItems', itemCount),
  [
    'uniqueItems',
    forArrays((run, s, data, at) => {
      if (s.uniqueItems !== true) return true;
      for (let i = data.length - 1; i > 0; i--) {
        for (let j = i - 1; j >= 0; j--) if (deepEqual(data[i], data[j])) return run.fail('uniqueItems', at, { i, j });
      }
      return true;
    }),
  ],
  ['prefixItems', forArrays(checkItems)],
  ['items', forArrays((run, s, data, at, ev) => Array.isArray(s.prefixItems) || checkItems(run, s, data, at, ev))],
  ['contains', forArrays(checkContains)],
];

const numberKeywords: [string, Keyword][] = [
  numberLimit('minimum', (n, limit) => n >= limit),
  numberLimit('maximum', (n, limit) => n <= limit),
  numberLimit('exclusiveMinimum', (n, limit) => n > limit),
  numberLimit('exclusiveMaximum', (n, limit) => n < limit),
  // ajv divides and compares with parseInt, so 0.3 is not a multiple of 0.1 there either.
  numberLimit(
    'multipleOf',
    (n, divisor) => divisor !== 0 && n / divisor === parseInt(String(n / divisor)),
    'multipleOf',
  ),
];

const stringKeywords: [string, Keyword][] = [
  countLimit('minLength', length),
  countLimit('maxLength', length),
  [
    'pattern',
    (run, s, data, at) =>
      typeof data !== 'string' ||
      run.pattern(String(s.pattern), at)?.test(data) !== false ||
      run.fail('pattern', at, { pattern: s.pattern }),
  ],
];

const formatKeyword: [string, Keyword] = [
  'format',
  (run, s, data, at) => {
    const verdict = checkFormat(String(s.format), data);
    if (verdict === undefined) run.problems.add(`${at.schemaPath}/format: "${String(s.format)}" is unknown`);
    return verdict !== false || run.fail('format', at, { format: s.format });
  },
];

/** Last: they see what every other keyword of the same schema (and its passing subschemas) evaluated. */
const unevaluatedKeywords: [string, Keyword][] = [
  [
    'unevaluatedProperties',
    forObjects((run, s, data, at, ev) => {
      const seen = ev.props;
      ev.props = true;
      if (seen === true) return true;
      const sub = s.unevaluatedProperties as AnySchema;
      return every(
        Object.keys(data).filter((key) => !seen.has(key)),
        (key) =>
          sub === false
            ? run.fail('unevaluatedProperties', at, { unevaluatedProperty: key })
            : run.validate(sub, data[key], child(at, key, 'unevaluatedProperties'), fresh()),
      );
    }),
  ],
  [
    'unevaluatedItems',
    forArrays((run, s, data, at, ev) => {
      const seen = ev.items;
      ev.items = true;
      if (seen === true || data.length <= seen) return true;
      const sub = s.unevaluatedItems as AnySchema;
      if (sub === false) return run.fail('unevaluatedItems', at, { limit: seen });
      return every(data.slice(seen), (item, i) => run.validate(sub, item, child(at, seen + i, 'unevaluatedItems')));
    }),
  ],
];

export const instanceKeywords = [
  ...objectKeywords,
  ...arrayKeywords,
  ...numberKeywords,
  ...stringKeywords,
  formatKeyword,
];
export { unevaluatedKeywords };
