// Where the server finds the project's own files (the web app's page, stylesheet and bundle; the definitions), whether
// it runs from its source (server/) or compiled by `npm run build` (build/server/): the nearest folder up with a
// package.json, so that neither copy needs to know how deep it sits.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function nearestPackageFolder(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`There is no package.json in ${from} or any folder above it.`);
  }
}

export const PROJECT_ROOT = nearestPackageFolder(dirname(fileURLToPath(import.meta.url)));

export function projectFile(...path: string[]): string {
  return join(PROJECT_ROOT, ...path);
}
