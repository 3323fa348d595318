// Reads a definitions folder into { relative path: text }. Only the known places are read; nothing is executed.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DefinitionFiles } from './types.js';

const FOLDERS = ['pathways', 'forms', 'scenarios'];
const TOP_FILES = ['settings.yaml', 'roles.yaml'];

async function listYaml(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith('.yaml')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

export async function readDefinitionFiles(dir: string): Promise<DefinitionFiles> {
  const tops = await Promise.all(
    TOP_FILES.map(async (name) => {
      try {
        return [name, await readFile(join(dir, name), 'utf8')] as const;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        return undefined;
      }
    }),
  );
  const inFolders = await Promise.all(
    FOLDERS.map(async (folder) =>
      Promise.all(
        (await listYaml(join(dir, folder))).map(
          async (name) => [`${folder}/${name}`, await readFile(join(dir, folder, name), 'utf8')] as const,
        ),
      ),
    ),
  );
  // Read side by side, listed in the same order as ever: top files, then each folder's files sorted by name.
  const files: DefinitionFiles = {};
  for (const entry of [...tops, ...inFolders.flat()]) if (entry) files[entry[0]] = entry[1];
  return files;
}

/** A definition file's relative path is safe when it is one of the known places and cannot climb out of the folder. */
export function isDefinitionPath(path: string): boolean {
  return TOP_FILES.includes(path) || new RegExp(`^(${FOLDERS.join('|')})/[a-z0-9][a-z0-9-]*\\.yaml$`).test(path);
}
