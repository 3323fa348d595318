// Issue 24, finding 9: no dependency runs code at install time unless it was reviewed. package.json's `allowScripts`
// (npm 11's own policy, kept with `npm approve-scripts`) is the one allow-list, and .npmrc makes npm refuse to install
// anything else with an install script; this check fails `npm test` too, whichever npm installed the tree.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface LockEntry {
  name?: string;
  version?: string;
  hasInstallScript?: boolean;
}

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockEntry> };
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { allowScripts?: Record<string, unknown> };

/** The installed packages of the lock file: name (from its path, or its own name when aliased) and version. */
const installed = Object.entries(lock.packages)
  .filter(([path]) => path.includes('node_modules/'))
  .map(([path, entry]) => ({
    name: entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length),
    ...entry,
  }));

/** Whether allowScripts approves this version: by name (any version) or pinned as name@version. */
function approved(name: string, version: string | undefined): boolean {
  const allow = manifest.allowScripts ?? {};
  return allow[name] === true || (version !== undefined && allow[`${name}@${version}`] === true);
}

describe('Dependencies', () => {
  it('should have no install script that package.json allowScripts does not approve', () => {
    const unapproved = installed
      .filter((p) => p.hasInstallScript && !approved(p.name, p.version))
      .map((p) => `${p.name}@${p.version}`);
    expect(unapproved, 'review the script, then `npm approve-scripts NAME` (or remove the package)').toEqual([]);
  });

  it('should approve only packages that are installed, so the list says what runs', () => {
    const withScripts = new Set(installed.filter((p) => p.hasInstallScript).map((p) => p.name));
    const stale = Object.keys(manifest.allowScripts ?? {}).filter(
      (entry) => !withScripts.has(entry.replace(/(.)@[^@]*$/, '$1')),
    );
    expect(stale).toEqual([]);
  });

  it('should make npm refuse to install a package whose install script is not approved', () => {
    const npmrc = readFileSync('.npmrc', 'utf8')
      .split('\n')
      .map((line) => line.trim());
    expect(npmrc).toContain('strict-allow-scripts=true');
  });

  it('should install no telemetry package', () => {
    expect(installed.map((p) => p.name).filter((name) => /telemetry/i.test(name))).toEqual([]);
  });
});
