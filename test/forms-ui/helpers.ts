// Served form schemas (placeholders filled), read once per test file.
import { loadDefinitions } from '../../engine/definitions/load.js';
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';

export type Schema = Record<string, unknown>;

export async function servedForms(): Promise<Map<string, Schema>> {
  const { set } = loadDefinitions(await readDefinitionFiles('definitions'));
  return new Map([...set.forms].filter(([id]) => !set.broken.forms.has(id)).map(([id, form]) => [id, form.data]));
}

/** Every node of a schema, depth first. */
export function* nodes(node: unknown): Generator<Schema> {
  if (Array.isArray(node)) for (const item of node) yield* nodes(item);
  else if (node && typeof node === 'object') {
    yield node as Schema;
    for (const value of Object.values(node)) yield* nodes(value);
  }
}
