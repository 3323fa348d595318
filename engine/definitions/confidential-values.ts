// Which case values and notes may hold confidential information. An expression whose value is kept (an `assign`, a
// `recordNote`) holds confidential information when one of its reads (engine/expressions/data-reads.ts) reaches it:
// when the path it reads — or, for a path worked out at run time, any path it could work out — is, holds or lies
// inside a confidential form or question, or a case value that may hold some. Case values copied from such values
// are found too, however many copies deep. Decided from the expressions' trees over the pathways' configs, so the lint
// (over files as loaded) and the server (over compiled definitions) decide alike.
import { actionRegistry } from '../compile/actions/index.js';
import { walkExpression, type DataRead } from '../expressions/data-reads.js';
import { isConfidential, pathIsConfidential } from '../forms/confidential-schema.js';
import { derivedFrom } from '../util/derived.js';
import type { CompiledDefinitions } from './check.js';
import { walkPathway, type NamedUse } from './pathway-walk.js';
import type { Path } from './source.js';
import type { JsonObject } from './types.js';

/** Each form's schema, with its computed answers marked as engine/forms/computed-confidentiality.ts marks them. */
export type FormSchemas = ReadonlyMap<string, JsonObject>;

export interface ConfidentialSources {
  forms: FormSchemas;
  /** Case value paths (assign targets) that may hold confidential information. */
  values: ReadonlySet<string>;
}

/** An instance started by another holds a copy of its opener's case values under `case.parent`. */
const PARENT = 'parent';

const formHoldsConfidential = (schema: JsonObject) => isConfidential(schema) || pathIsConfidential(schema, []);
const anyFormConfidential = (forms: FormSchemas) => [...forms.values()].some(formHoldsConfidential);

function valueReaches(value: string, values: ReadonlySet<string>): boolean {
  if (value === '') return values.size > 0;
  for (const known of values) {
    if (value === known || value.startsWith(`${known}.`) || known.startsWith(`${value}.`)) return true;
  }
  if (value === PARENT) return values.size > 0;
  return value.startsWith(`${PARENT}.`) && valueReaches(value.slice(PARENT.length + 1), values);
}

/** A value path that begins with `begun` (its last part perhaps cut short). */
function valueBeginningReaches(begun: string, values: ReadonlySet<string>): boolean {
  for (const known of values) if (known.startsWith(begun) || begun.startsWith(`${known}.`)) return true;
  if (PARENT.startsWith(begun)) return values.size > 0;
  return begun.startsWith(`${PARENT}.`) && valueBeginningReaches(begun.slice(PARENT.length + 1), values);
}

function pathReaches(parts: string[], { forms, values }: ConfidentialSources): boolean {
  const [root, ...rest] = parts;
  if (root === undefined) return anyFormConfidential(forms) || values.size > 0;
  if (root === 'case') return valueReaches(rest.join('.'), values);
  if (root !== 'forms') return false;
  const [formId, ...inside] = rest;
  if (formId === undefined) return anyFormConfidential(forms);
  const schema = forms.get(formId);
  return schema !== undefined && (isConfidential(schema) || pathIsConfidential(schema, inside));
}

function beginningReaches(begun: string, sources: ConfidentialSources): boolean {
  const dot = begun.indexOf('.');
  if (dot === -1) {
    return (
      ('forms'.startsWith(begun) && anyFormConfidential(sources.forms)) ||
      ('case'.startsWith(begun) && sources.values.size > 0)
    );
  }
  const [root, rest] = [begun.slice(0, dot), begun.slice(dot + 1)];
  if (root === 'case') return valueBeginningReaches(rest, sources.values);
  if (root !== 'forms') return false;
  const formDot = rest.indexOf('.');
  if (formDot === -1) {
    return [...sources.forms].some(([id, schema]) => id.startsWith(rest) && formHoldsConfidential(schema));
  }
  const schema = sources.forms.get(rest.slice(0, formDot));
  // The last part may be cut short (a question's name begun), so only the parts before it bound what is reached.
  const whole = rest
    .slice(formDot + 1)
    .split('.')
    .slice(0, -1);
  return schema !== undefined && (isConfidential(schema) || pathIsConfidential(schema, whole));
}

/** Whether a read of a pathway's data ({case, forms, event, user, now, …}) could reach confidential information. */
export function readReachesConfidential(
  read: Pick<DataRead, 'path' | 'literal'>,
  sources: ConfidentialSources,
): boolean {
  if (!read.literal) return beginningReaches(read.path, sources);
  return pathReaches(read.path === '' ? [] : read.path.split('.'), sources);
}

/** An expression whose value is kept where people read it, with what it reads (not from an item of a list). */
export interface KeptExpression {
  pathway: string;
  use: NamedUse;
  as: 'case value' | 'note';
  /** The case value it records, for a case value. */
  target?: string;
  /** Where the expression is in the pathway's file. */
  at: Path;
  reads: DataRead[];
}

export interface ConfidentialFlow {
  sources: ConfidentialSources;
  /** The pathways one of whose notes may hold confidential information. */
  notePathways: Set<string>;
  kept: KeptExpression[];
}

function keptExpressions(id: string, config: JsonObject): KeptExpression[] {
  return walkPathway(config).uses.flatMap((use) => {
    const references = use.kind === 'action' ? actionRegistry.get(use.type)?.references?.(use.params) : undefined;
    if (!references?.keeps) return [];
    const { param, as } = references.keeps;
    // A read from an item reads what the list it walks holds, and that list's own read is among these.
    const reads = walkExpression(use.params[param]).reads.filter((r) => !r.fromItem);
    const target = as === 'case value' ? references.writes?.[0] : undefined;
    return [{ pathway: id, use, as, ...(target ? { target } : {}), at: [...use.yamlPath, 'params', param], reads }];
  });
}

/** What of the pathways' case values and notes may hold confidential information from `forms`. */
export function confidentialFlow(pathways: Iterable<[string, JsonObject]>, forms: FormSchemas): ConfidentialFlow {
  const kept = [...pathways].flatMap(([id, config]) => keptExpressions(id, config));
  const values = new Set<string>();
  const sources = { forms, values };
  const reaches = (expression: KeptExpression) => expression.reads.some((r) => readReachesConfidential(r, sources));
  // Values are one namespace across pathways (a started pathway reads its opener's under `parent`): until no more.
  for (let changed = true; changed;) {
    changed = false;
    for (const expression of kept) {
      if (!expression.target || values.has(expression.target) || !reaches(expression)) continue;
      values.add(expression.target);
      changed = true;
    }
  }
  const notePathways = new Set(kept.filter((e) => e.as === 'note' && reaches(e)).map((e) => e.pathway));
  return { sources, notePathways, kept };
}

/**
 * confidentialFlow of a compiled definition version (whose forms are compiled with computed answers marked), worked
 * out once: 2.2 ms for the protocol's definitions against 0.14 µs kept (side by side, median of 11 rounds), and
 * redaction asks about once a request on average (bench/simulated-officers.ts's mix of requests).
 */
export const confidentialFlowOf = derivedFrom((defs: CompiledDefinitions): ConfidentialFlow => {
  const forms = new Map([...defs.forms].map(([id, form]) => [id, form.schema]));
  return confidentialFlow(
    [...defs.pathways].map(([id, pathway]) => [id, pathway.config]),
    forms,
  );
});
