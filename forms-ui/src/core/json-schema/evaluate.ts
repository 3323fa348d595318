// An interpreter for JSON Schema (draft-07, 2019-09, 2020-12) that gives ajv's verdicts and ajv's error objects
// (keyword, instancePath, params), so engine/forms/messages.ts words them exactly as it words the server's. Where
// ajv departs from the letter of the specification (keywords beside `$ref` are applied in draft-07 too; `multipleOf`
// divides; `required` asks `data[key] !== undefined`), this follows ajv: the point is to agree with the server.
import { isNode, type AnySchema, type SchemaIndex, type SchemaNode } from './resources.js';

/** An error as ajv reports it (the fields engine/forms/messages.ts reads). */
export interface SchemaError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
}

/** What a schema evaluated of the instance, for unevaluatedProperties and unevaluatedItems. */
export interface Evaluated {
  props: Set<string> | true;
  items: number | true;
}

export interface Place {
  instancePath: string;
  schemaPath: string;
  /** The schema resources entered so far, outermost first (the dynamic scope of $dynamicRef). */
  dynamic: SchemaNode[];
}

export type Keyword = (run: Evaluation, s: SchemaNode, data: unknown, at: Place, ev: Evaluated) => boolean;

const ANNOTATIONS = new Set([
  'title',
  'description',
  '$comment',
  'examples',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  '$schema',
  '$id',
  '$anchor',
  '$defs',
  'definitions',
]);

/** A schema that accepts everything (ajv's alwaysValidSchema). */
export function isTrivial(schema: AnySchema): boolean {
  return (
    schema === true || (isNode(schema) && Object.keys(schema).every((k) => ANNOTATIONS.has(k) || k.startsWith('x-')))
  );
}

function escapeKey(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function child(at: Place, key: string | number, schemaKey: string): Place {
  return {
    instancePath: `${at.instancePath}/${escapeKey(key)}`,
    schemaPath: `${at.schemaPath}/${schemaKey}`,
    dynamic: at.dynamic,
  };
}

export const fresh = (): Evaluated => ({ props: new Set(), items: 0 });

export function merge(into: Evaluated, from: Evaluated): void {
  if (into.props !== true) into.props = from.props === true ? true : new Set([...into.props, ...from.props]);
  if (into.items !== true) into.items = from.items === true ? true : Math.max(into.items, from.items);
}

export const present = (data: SchemaNode, key: string) => data[key] !== undefined;

export class Evaluation {
  readonly errors: SchemaError[] = [];
  readonly problems = new Set<string>();
  readonly #patterns = new Map<string, RegExp | null>();

  constructor(
    readonly index: SchemaIndex,
    private readonly keywords: readonly [string, Keyword][],
  ) {}

  fail(keyword: string, at: Place, params: Record<string, unknown> = {}): false {
    this.errors.push({ keyword, instancePath: at.instancePath, schemaPath: `${at.schemaPath}/${keyword}`, params });
    return false;
  }

  /** A `pattern` as ajv compiles it (with the u flag); an invalid one is reported and ignored. */
  pattern(source: string, at: Place): RegExp | null {
    if (!this.#patterns.has(source)) {
      try {
        this.#patterns.set(source, new RegExp(source, 'u'));
      } catch {
        this.problems.add(`${at.schemaPath}/pattern: not a regular expression`);
        this.#patterns.set(source, null);
      }
    }
    return this.#patterns.get(source)!;
  }

  validate(schema: AnySchema, data: unknown, at: Place, ev: Evaluated = fresh()): boolean {
    if (schema === true) return true;
    if (schema === false) return this.fail('false schema', { ...at, schemaPath: at.schemaPath.replace(/\/?$/, '') });
    if (!isNode(schema)) return true;
    const resource = this.index.resourceOf(schema);
    const here = resource && at.dynamic.at(-1) !== resource ? { ...at, dynamic: [...at.dynamic, resource] } : at;
    let valid = true;
    for (const [name, keyword] of this.keywords)
      if (name in schema && !keyword(this, schema, data, here, ev)) valid = false;
    return valid;
  }

  /** A subschema applied to the same instance; what it evaluated counts only when it passes. */
  inPlace(schema: unknown, data: unknown, at: Place, ev: Evaluated, keyword: string): boolean {
    const sub = fresh();
    const valid = this.validate(schema as AnySchema, data, { ...at, schemaPath: `${at.schemaPath}/${keyword}` }, sub);
    if (valid) merge(ev, sub);
    return valid;
  }

  /** Runs `check` and forgets the errors it reported (not, if, contains, and the passing branches of anyOf). */
  quietly<T>(check: () => T): T {
    const mark = this.errors.length;
    const result = check();
    this.errors.length = mark;
    return result;
  }

  followRef(
    target: AnySchema | undefined,
    ref: string,
    data: unknown,
    at: Place,
    ev: Evaluated,
    keyword: string,
  ): boolean {
    if (target === undefined) {
      this.problems.add(`${at.schemaPath}/${keyword}: "${ref}" is not in this schema`);
      return true;
    }
    return this.inPlace(target, data, at, ev, keyword);
  }
}
