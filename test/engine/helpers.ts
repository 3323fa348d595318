// Test helpers: the minimal fixture as an in-memory file map that a test can break one line at a time.
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';
import { checkDefinitions } from '../../engine/definitions/check.js';
import { formatProblem } from '../../engine/definitions/problems.js';
import type { DefinitionFiles } from '../../engine/definitions/types.js';

export const FIXTURE = 'test/fixtures/minimal';

export async function fixtureFiles(): Promise<DefinitionFiles> {
  return readDefinitionFiles(FIXTURE);
}

/** Replaces `find` with `replace` in one file (the text must be present), then applies `alsoChange` to it, and returns all problems as strings. */
export async function problemsAfter(
  file: string,
  find: string,
  replace: string,
  alsoChange?: (text: string) => string,
): Promise<string[]> {
  const files = await fixtureFiles();
  const text = files[file];
  if (text === undefined || !text.includes(find))
    throw new Error(`fixture ${file} does not contain ${JSON.stringify(find)}`);
  files[file] = text.replace(find, replace);
  if (alsoChange) files[file] = alsoChange(files[file]);
  return checkDefinitions(files, 'defs').problems.map(formatProblem);
}
