// The keywords that apply subschemas to the instance itself: $ref and its dynamic kin, the boolean combinations,
// if/then/else, and the checks every instance gets (type, const, enum).
import { fresh, merge, type Evaluation, type Keyword, type Place } from './evaluate.js';
import { isNode, type AnySchema, type SchemaNode } from './resources.js';
import { deepEqual } from './equal.js';
import { typeMatches } from './data-types.js';

function dynamicTarget(
  run: Evaluation,
  s: SchemaNode,
  at: Place,
  ref: string,
  flag: '$dynamicAnchor' | '$recursiveAnchor',
) {
  const target = run.index.resolve(ref, s);
  if (!isNode(target)) return target;
  if (flag === '$dynamicAnchor') {
    const name = ref.startsWith('#') ? ref.slice(1) : undefined;
    if (!name || target.$dynamicAnchor !== name) return target;
    for (const resource of at.dynamic) {
      const anchor = run.index.dynamicAnchor(resource, name);
      if (anchor) return anchor;
    }
    return target;
  }
  if (target.$recursiveAnchor !== true) return target;
  return at.dynamic.find((resource) => resource.$recursiveAnchor === true) ?? target;
}

export const applicators: [string, Keyword][] = [
  [
    '$ref',
    (run, s, data, at, ev) => run.followRef(run.index.resolve(String(s.$ref), s), String(s.$ref), data, at, ev, '$ref'),
  ],
  [
    '$dynamicRef',
    (run, s, data, at, ev) => {
      const ref = String(s.$dynamicRef);
      return run.followRef(dynamicTarget(run, s, at, ref, '$dynamicAnchor'), ref, data, at, ev, '$dynamicRef');
    },
  ],
  [
    '$recursiveRef',
    (run, s, data, at, ev) => {
      const ref = String(s.$recursiveRef);
      return run.followRef(dynamicTarget(run, s, at, ref, '$recursiveAnchor'), ref, data, at, ev, '$recursiveRef');
    },
  ],
  [
    'type',
    (run, s, data, at) => {
      const types = Array.isArray(s.type) ? s.type : [s.type];
      return types.some((t) => typeMatches(t, data)) || run.fail('type', at, { type: s.type });
    },
  ],
  ['const', (run, s, data, at) => deepEqual(data, s.const) || run.fail('const', at, { allowedValue: s.const })],
  [
    'enum',
    (run, s, data, at) =>
      !Array.isArray(s.enum) ||
      s.enum.some((v) => deepEqual(data, v)) ||
      run.fail('enum', at, { allowedValues: s.enum }),
  ],
  [
    'not',
    (run, s, data, at) =>
      !run.quietly(() =>
        run.validate(s.not as AnySchema, data, { ...at, schemaPath: `${at.schemaPath}/not` }, fresh()),
      ) || run.fail('not', at),
  ],
  [
    'allOf',
    (run, s, data, at, ev) =>
      (s.allOf as unknown[]).map((sub, i) => run.inPlace(sub, data, at, ev, `allOf/${i}`)).every(Boolean),
  ],
  [
    'anyOf',
    (run, s, data, at, ev) => {
      const mark = run.errors.length;
      const passed = (s.anyOf as unknown[]).map((sub, i) => run.inPlace(sub, data, at, ev, `anyOf/${i}`)).some(Boolean);
      if (passed) run.errors.length = mark;
      return passed || run.fail('anyOf', at);
    },
  ],
  [
    'oneOf',
    (run, s, data, at, ev) => {
      const mark = run.errors.length;
      const branches = s.oneOf as unknown[];
      const results = branches.map((sub, i) => {
        const sev = fresh();
        return run.validate(sub as AnySchema, data, { ...at, schemaPath: `${at.schemaPath}/oneOf/${i}` }, sev)
          ? sev
          : undefined;
      });
      const passing = results.flatMap((r, i) => (r ? [i] : []));
      if (passing.length) run.errors.length = mark;
      if (passing.length === 1) return (merge(ev, results[passing[0]!]!), true);
      return run.fail('oneOf', at, { passingSchemas: passing.length ? passing.slice(0, 2) : null });
    },
  ],
  [
    'if',
    (run, s, data, at, ev) => {
      if (s.then === undefined && s.else === undefined) return true;
      const sev = fresh();
      const holds = run.quietly(() =>
        run.validate(s.if as AnySchema, data, { ...at, schemaPath: `${at.schemaPath}/if` }, sev),
      );
      if (holds) merge(ev, sev);
      const branch = holds ? 'then' : 'else';
      if (s[branch] === undefined) return true;
      return run.inPlace(s[branch], data, at, ev, branch) || run.fail('if', at, { failingKeyword: branch });
    },
  ],
];
