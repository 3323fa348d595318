// No pathway, form, state, event or role name of the protocol appears in engine/, server/ or forms-ui/: policy lives
// in definitions/ only. engine/ and server/ are read whole — every file, generated ones included, and every file's
// path — so nothing generated from a protocol form can sit there again (issue 22).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDefinitions } from '../../engine/definitions/load.js';
import { walkPathway } from '../../engine/definitions/pathway-walk.js';
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';

const { set } = loadDefinitions(await readDefinitionFiles('definitions'));

/** Words too generic to be policy (a state called "draft" or "final" says nothing about the protocol). */
const GENERIC = new Set([
  'draft',
  'final',
  'open',
  'closed',
  'done',
  'active',
  'completed',
  'work',
  'history',
  'submitted',
  'report',
  'assessment',
  'declined',
  'withdrawn',
  'audited',
  'suspended',
  'escalated',
  'referral',
  'session',
  'complete',
  'referred',
  'resume',
  'ended',
]);

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

/** Every file under `dir`; only source files (.ts, .js) where `sourceOnly`. */
function filesUnder(dir: string, sourceOnly: boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : filesUnder(path, sourceOnly);
    if (name.endsWith('.test.ts')) return [];
    return !sourceOnly || /\.(ts|js)$/.test(name) ? [path] : [];
  });
}

const ROOTS: [root: string, sourceOnly: boolean][] = [
  ['engine', false],
  ['server', false],
  ['forms-ui/src', true],
];

function hitsIn(names: string[], text: string, where: string): string[] {
  const named = (name: string) => new RegExp(`\\b${name.replace(/[-.]/g, '\\$&')}\\b`).test(text);
  return names.filter(named).map((name) => `${where}: ${name}`);
}

describe('policy stays in definitions', () => {
  it('should find no protocol name in any file of engine/ or server/ or forms-ui source, nor in a path', () => {
    const names = protocolNames();
    expect(names.length).toBeGreaterThan(50);
    const hits: string[] = [];
    let read = 0;
    for (const [root, sourceOnly] of ROOTS) {
      for (const file of filesUnder(root, sourceOnly)) {
        hits.push(...hitsIn(names, file, `${file} (its path)`), ...hitsIn(names, readFileSync(file, 'utf8'), file));
        read++;
      }
    }
    expect(read).toBeGreaterThan(100);
    expect(hits).toEqual([]);
  });

  it("should keep generated code in engine/ to what is made from the engine's own meta-schemas", () => {
    // Generated from definitions/ (form validators, form types) is made at load or on demand, never kept here.
    const generated = filesUnder('engine', false).filter((file) => /(^|\/)generated(\/|$)/.test(file));
    expect(generated.sort()).toEqual([
      'engine/definitions/generated/meta-validators.d.ts',
      'engine/definitions/generated/meta-validators.js',
      'engine/forms/generated/form-schema-validators.d.ts',
      'engine/forms/generated/form-schema-validators.js',
    ]);
    // and no code imports form types, which npm run gen:types writes for host developers only
    const importsTypes = ROOTS.flatMap(([root]) => filesUnder(root, true)).filter((file) =>
      /from\s+['"][^'"]*(dist\/types|generated\/forms)\//.test(readFileSync(file, 'utf8')),
    );
    expect(importsTypes).toEqual([]);
  });
});
