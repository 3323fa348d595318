// Builds the form element's part of dist/ once per test process (npm run build's work), so the browser tests pass
// on a clean clone.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleFormElement, buildFormAssets } from '../../../scripts/build-forms-ui.js';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

let built: Promise<string[]> | undefined;

/** Builds what these tests load (dist/dao-form.js, dist/schemas, dist/validators); returns the ids of the forms. */
export function ensureBuilt(): Promise<string[]> {
  const dist = join(REPO_ROOT, 'dist');
  built ??= Promise.all([bundleFormElement(dist), buildFormAssets(dist)]).then(([, forms]) => forms);
  return built;
}

export async function servedSchema(id: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(REPO_ROOT, 'dist/schemas', `${id}.json`), 'utf8')) as Record<string, unknown>;
}

/** The built forms with a top-level question shown by `widget`. */
export async function formsWithWidget(forms: string[], widget: string): Promise<string[]> {
  const found: string[] = [];
  for (const id of forms) {
    const properties = Object.values((await servedSchema(id)).properties as Record<string, Record<string, unknown>>);
    if (properties.some((p) => p['x-widget'] === widget)) found.push(id);
  }
  return found;
}
