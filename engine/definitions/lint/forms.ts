// Each form must compile as a strict JSON Schema with only the known x- keywords; so must what each event carries.
import { createFormAjv } from '../../forms/ajv.js';
import type { Path } from '../source.js';
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

export function lintForms(ctx: LintContext): void {
  // One ajv for the whole set: every form has its own $id, and compiling is the costly part of a load.
  const ajv = createFormAjv();
  ctx.set.formValidators = new Map();
  for (const [id, form] of ctx.set.forms) {
    try {
      ctx.set.formValidators.set(id, ajv.compile(form.data));
    } catch (error) {
      ajv.removeSchema(id);
      const message = (error as Error).message.split('\n')[0]!;
      const quoted = /"([^"]+)"/.exec(message)?.[1];
      const schemaPath = /at path "#\/([^"]*)"/.exec(message)?.[1];
      const at = schemaPath !== undefined ? [...schemaPath.split('/').filter(Boolean).map(decodeURIComponent), ...(quoted ? [quoted] : [])] : undefined;
      const ref = /can't resolve reference (\S+)/.exec(message)?.[1];
      const path = at ?? (quoted ? findKey(form.source.data, quoted) : undefined) ?? (ref ? findKey(form.source.data, '$ref') : undefined) ?? [];
      ctx.report(form.source, path, 'form-schema', `form schema: ${message}`, 'key');
    }
  }
  lintEventData(ctx, ajv);
}
