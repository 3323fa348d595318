// Each form must compile as a strict JSON Schema with only the known x- keywords; so must what each event carries.
import { createFormAjv, isValidFormSchema } from '../../forms/ajv.js';
import type { Path } from '../source.js';
import type { JsonObject } from '../types.js';
import type { LintContext } from './context.js';
import { lintEventData } from './event-data.js';

function findKey(node: unknown, key: string, path: Path = []): Path | undefined {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const found = findKey(node[i], key, [...path, i]);
      if (found) return found;
    }
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === key) return [...path, k];
      const found = findKey(v, key, [...path, k]);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The message of a form's compile error as ajv gives it by default, with the schema checked against the meta-schema
 * and $refs inlined: the shared ajv compiles a $ref'd piece as a function of its own, and an error inside it would then
 * name a path from that piece, not from the form. Compiled again only for a form that failed, beside the forms that
 * compiled before it (as in the shared ajv).
 */
function compileErrorAtFormPath(compiledBefore: JsonObject[], schema: JsonObject): string | undefined {
  const ajv = createFormAjv({ inlineRefs: true });
  for (const other of compiledBefore) ajv.addSchema(other);
  try {
    ajv.compile(schema);
    return undefined;
  } catch (error) {
    return (error as Error).message.split('\n')[0]!;
  }
}

export function lintForms(ctx: LintContext): void {
  // One ajv for the whole set: every form has its own $id, and compiling is the costly part of a load. It checks
  // each schema against JSON Schema 2020-12 with the generated validator first, so it need not compile the meta-schema;
  // a schema that fails is compiled below by an ajv that checks it itself, for ajv's own message.
  const ajv = createFormAjv({ validateSchema: false });
  const compiled: JsonObject[] = [];
  ctx.set.formValidators = new Map();
  for (const [id, form] of ctx.set.forms) {
    try {
      if (!isValidFormSchema(ajv, form.data)) throw new Error('schema is invalid');
      ctx.set.formValidators.set(id, ajv.compile(form.data));
      compiled.push(form.data);
    } catch (error) {
      ajv.removeSchema(id);
      const message = compileErrorAtFormPath(compiled, form.data) ?? (error as Error).message.split('\n')[0]!;
      const quoted = /"([^"]+)"/.exec(message)?.[1];
      const schemaPath = /at path "#\/([^"]*)"/.exec(message)?.[1];
      const at =
        schemaPath !== undefined
          ? [...schemaPath.split('/').filter(Boolean).map(decodeURIComponent), ...(quoted ? [quoted] : [])]
          : undefined;
      const ref = /can't resolve reference (\S+)/.exec(message)?.[1];
      const path =
        at ??
        (quoted ? findKey(form.source.data, quoted) : undefined) ??
        (ref ? findKey(form.source.data, '$ref') : undefined) ??
        [];
      ctx.report(form.source, path, 'form-schema', `form schema: ${message}`, 'key');
    }
  }
  lintEventData(ctx, ajv);
}
