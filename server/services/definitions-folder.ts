// At start, the definitions folder becomes the current version, unless nothing in it changed since it was last
// published from here: then versions the team manager published since (through the API) stay current.
import {
  readDefinitionFiles,
  type DefinitionFiles,
  type DefinitionRegistry,
  type CaseStore,
} from '../../engine/index.js';

export const FOLDER_PUBLISHER = 'definitions folder';

function sameFiles(a: DefinitionFiles, b: DefinitionFiles): boolean {
  const keys = Object.keys(a).sort();
  return JSON.stringify(keys) === JSON.stringify(Object.keys(b).sort()) && keys.every((k) => a[k] === b[k]);
}

async function lastFromFolder(store: CaseStore): Promise<DefinitionFiles | undefined> {
  const latest = await store.latestDefinitionVersion();
  for (let v = latest?.version ?? 0; v > 0; v--) {
    const record = v === latest!.version ? latest : await store.getDefinitionVersion(v);
    if (record?.publishedBy === FOLDER_PUBLISHER) return record.files;
  }
  return undefined;
}

/** Returns the current version number after publishing (or not). Throws DefinitionProblemsError for a broken folder. */
export async function publishDefinitionsFolder(
  store: CaseStore,
  registry: DefinitionRegistry,
  dir: string,
): Promise<number> {
  const files = await readDefinitionFiles(dir);
  const previous = await lastFromFolder(store);
  const latest = await store.latestDefinitionVersion();
  if (latest && previous && sameFiles(previous, files)) return latest.version;
  // Its scenarios are not read to start: `npm run scenarios` and the editor's checks run them.
  return registry.publish(files, FOLDER_PUBLISHER, `published from ${dir} at start`, { withScenarios: false });
}
