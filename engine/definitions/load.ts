// Loads definition files: parse with positions, check each against its meta-schema, fill in {county}-style settings.
import type { Settings } from '../compile/types.js';
// The meta-schemas of engine/definitions/meta-schemas/ compiled ahead of time (npm run gen:validators).
import * as metaValidators from './generated/meta-validators.js';
import type { ParseCache } from './parse-cache.js';
import type { Problem } from './problems.js';
import { isDefinitionPath } from './read-files.js';
import { schemaProblems } from './schema-problems.js';
import { parseSource, problemAt } from './source.js';
import type { DefinitionFiles, DefinitionSet, JsonObject, RolesFile, ScenarioFile } from './types.js';

function kindOf(path: string): 'pathway' | 'form' | 'roles' | 'settings' | 'scenario' | undefined {
  if (path === 'roles.yaml') return 'roles';
  if (path === 'settings.yaml') return 'settings';
  if (path.startsWith('pathways/')) return 'pathway';
  if (path.startsWith('forms/')) return 'form';
  if (path.startsWith('scenarios/')) return 'scenario';
  return undefined;
}

const TEXT_KEYS = new Set(['title', 'description', 'x-help', 'x-hint', 'x-content']);

/** Replaces {setting} placeholders in the texts of a form with the team's settings. */
export function fillPlaceholders<T>(node: T, settings: Record<string, unknown>): T {
  const fill = (text: string) =>
    text.includes('{')
      ? text.replace(/\{(\w+)\}/g, (m, key: string) =>
          typeof settings[key] === 'string' ? (settings[key] as string) : m,
        )
      : text;
  const walk = (value: unknown, textual: boolean): unknown => {
    if (typeof value === 'string') return textual ? fill(value) : value;
    if (Array.isArray(value)) return value.map((v) => walk(v, textual));
    if (value && typeof value === 'object') {
      // A copy with the same own keys in the same order; `__proto__` stays a key, never a prototype.
      const copy: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        const filled = walk(
          (value as Record<string, unknown>)[key],
          TEXT_KEYS.has(key) || (textual && key !== 'const'),
        );
        if (key === '__proto__')
          Object.defineProperty(copy, key, { value: filled, writable: true, enumerable: true, configurable: true });
        else copy[key] = filled;
      }
      return copy;
    }
    return value;
  };
  return walk(node, false) as T;
}

export interface LoadOptions {
  /** Values of files read before (kept in the data folder by the server), used for a file whose text is the same. */
  parseCache?: ParseCache;
  /**
   * false: scenario files stay in `files` but are neither read nor checked, and `set.scenarios` is empty. What a
   * server needs to start (scenarios are only run: `npm run scenarios`, the editor's checks, a publish through the
   * API); the protocol's take nearly half its YAML. Default true.
   */
  withScenarios?: boolean;
}

export function loadDefinitions(
  files: DefinitionFiles,
  label = 'definitions',
  options: LoadOptions = {},
): { set: DefinitionSet; problems: Problem[] } {
  const set: DefinitionSet = {
    label,
    files,
    forms: new Map(),
    pathways: new Map(),
    scenarios: new Map(),
    broken: { forms: new Set(), pathways: new Set() },
  };
  const problems: Problem[] = [];
  for (const [path, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const display = `${label}/${path}`;
    const kind = kindOf(path);
    if (!kind || !isDefinitionPath(path)) {
      problems.push({
        code: 'unknown-file',
        message: `not a definition file: expected settings.yaml, roles.yaml, or pathways/, forms/, scenarios/ with lower-case-hyphenated names`,
        file: display,
        line: 1,
        col: 1,
      });
      continue;
    }
    if (kind === 'scenario' && options.withScenarios === false) continue;
    const { source, problems: parseProblems } = parseSource(display, text, options.parseCache);
    problems.push(...parseProblems);
    const fileId = path.replace(/^.*\//, '').replace(/\.yaml$/, '');
    const markBroken = () => {
      if (kind === 'form') set.broken.forms.add(fileId);
      if (kind === 'pathway') set.broken.pathways.add(fileId);
    };
    if (source.parseFailed) {
      markBroken();
      continue;
    }
    if (!source.data || typeof source.data !== 'object' || Array.isArray(source.data)) {
      problems.push(problemAt(source, [], 'schema', `${kind} file must be a YAML mapping`));
      markBroken();
      continue;
    }
    const validate = metaValidators[kind];
    if (!validate(source.data)) {
      problems.push(...schemaProblems(source, validate.errors, `${kind} file`));
      markBroken();
      continue;
    }
    const id = fileId;
    const data = source.data as JsonObject;
    if (kind === 'settings') set.settings = { id, source, data: data as unknown as Settings };
    else if (kind === 'roles') set.roles = { id, source, data: data as unknown as RolesFile };
    else if (kind === 'scenario') set.scenarios.set(id, { id, source, data: data as unknown as ScenarioFile });
    else {
      const declared = kind === 'form' ? data.$id : data.id;
      if (declared !== id) {
        problems.push(
          problemAt(
            source,
            [kind === 'form' ? '$id' : 'id'],
            'id-mismatch',
            `${kind} id "${String(declared)}" must match its file name "${id}"`,
          ),
        );
      }
      (kind === 'form' ? set.forms : set.pathways).set(id, { id, source, data });
    }
  }
  if (!set.settings)
    problems.push({
      code: 'missing-file',
      message: 'settings.yaml is missing',
      file: `${label}/settings.yaml`,
      line: 1,
      col: 1,
    });
  if (!set.roles)
    problems.push({
      code: 'missing-file',
      message: 'roles.yaml is missing',
      file: `${label}/roles.yaml`,
      line: 1,
      col: 1,
    });
  if (set.settings) {
    for (const form of set.forms.values()) form.data = fillPlaceholders(form.data, set.settings.data);
  }
  return { set, problems };
}
