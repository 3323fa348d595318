// No pathway, form, state, event or role name of the protocol appears in engine/, server/ or forms-ui/ source:
// policy lives in definitions/ only.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDefinitions } from '../../engine/definitions/load.js';
import { walkPathway } from '../../engine/definitions/pathway-walk.js';
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';

const { set } = loadDefinitions(await readDefinitionFiles('definitions'));

/** Words too generic to be policy (a state called "draft" or "final" says nothing about the protocol). */
const GENERIC = new Set(['draft', 'final', 'open', 'closed', 'done', 'active', 'completed', 'work', 'history', 'submitted', 'report', 'assessment', 'declined', 'withdrawn', 'audited', 'suspended', 'escalated', 'referral', 'session', 'complete', 'referred', 'resume', 'ended']);

function protocolNames(): string[] {
  const names = new Set<string>();
  for (const id of set.forms.keys()) names.add(id);
  for (const [id, pathway] of set.pathways) {
    names.add(id);
    for (const event of Object.keys((pathway.data.meta as { events: object }).events)) names.add(event);
    for (const state of walkPathway(pathway.data).states) if (state.statePath.length) names.add(state.key);
  }
  for (const role of Object.keys(set.roles?.data.roles ?? {})) names.add(role);
  return [...names].filter((n) => n.length >= 5 && !GENERIC.has(n));
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' || name === 'node_modules' ? [] : sources(path);
    return /\.(ts|js)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('policy stays in definitions', () => {
  it('should find no protocol name in engine, server or forms-ui source', () => {
    const names = protocolNames();
    expect(names.length).toBeGreaterThan(50);
    const hits: string[] = [];
    for (const root of ['engine', 'server', 'forms-ui/src']) {
      let files: string[] = [];
      try {
        files = sources(root);
      } catch {
        continue;
      }
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        for (const name of names) if (new RegExp(`\\b${name.replace(/[-.]/g, '\\$&')}\\b`).test(text)) hits.push(`${file}: ${name}`);
      }
    }
    expect(hits).toEqual([]);
  });
});
