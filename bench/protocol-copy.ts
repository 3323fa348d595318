// The protocol's definitions copied for a load run, with the team's officers replaced by n simulated officers
// (settings.yaml is the one place that lists them; nothing else changes).
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { officerSettings } from './simulated-officers.js';

export async function protocolWithOfficers(into: string, officers: number): Promise<string> {
  const dir = join(into, 'definitions');
  await cp('definitions', dir, { recursive: true });
  const settings = join(dir, 'settings.yaml');
  const original = await readFile(settings, 'utf8');
  const changed = officerSettings(original, officers);
  if (changed === original) throw new Error('settings.yaml has no officers list to replace');
  await writeFile(settings, changed);
  return dir;
}
