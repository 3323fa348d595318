// Load + lint + compile in one call: what the CLI, the server and the editor use.
import { compilePathway, type CompiledPathway } from '../compile/compile-pathway.js';
import type { Settings } from '../compile/types.js';
import { createFormAjv } from '../forms/ajv.js';
import { withConfidentialComputedAnswers } from '../forms/computed-confidentiality.js';
import { compileFormValidator, formValidator, type FormValidator } from '../forms/validator.js';
import { lintDefinitions } from './lint/index.js';
import { loadDefinitions, type LoadOptions } from './load.js';
import { sortProblems, type Problem } from './problems.js';
import type { DefinitionFiles, DefinitionSet, JsonObject, RolesFile } from './types.js';

export interface CompiledDefinitions {
  set: DefinitionSet;
  settings: Settings;
  roles: RolesFile;
  pathways: Map<string, CompiledPathway>;
  forms: Map<string, { schema: JsonObject; validator: FormValidator }>;
}

export interface CheckResult {
  set: DefinitionSet;
  problems: Problem[];
  compiled?: CompiledDefinitions;
}

export interface CheckOptions extends LoadOptions {
  /**
   * Problems of these codes are reported but do not stop the set compiling: for a version published before the rule
   * that finds them, when the server guards what they are about at run time (lint/confidential-flow.ts).
   */
  tolerate?: ReadonlySet<string>;
}

export function checkDefinitions(
  files: DefinitionFiles,
  label = 'definitions',
  options: CheckOptions = {},
): CheckResult {
  const { tolerate, ...loadOptions } = options;
  const { set, problems } = loadDefinitions(files, label, loadOptions);
  problems.push(...lintDefinitions(set));
  const sorted = sortProblems(problems);
  const blocking = tolerate ? sorted.filter((p) => !tolerate.has(p.code)) : sorted;
  if (blocking.length > 0 || !set.settings || !set.roles) return { set, problems: sorted };
  return { set, problems: sorted, compiled: compileDefinitions(set) };
}

/** Compiles a set that has passed the checks. */
export function compileDefinitions(set: DefinitionSet): CompiledDefinitions {
  const settings = set.settings!.data;
  let ajv: ReturnType<typeof createFormAjv> | undefined;
  const forms = new Map<string, { schema: JsonObject; validator: FormValidator }>();
  for (const [id, form] of set.forms) {
    const checked = set.formValidators?.get(id);
    const validator = checked
      ? formValidator(checked, id, form.data)
      : compileFormValidator((ajv ??= createFormAjv()), id, form.data);
    // Redaction and the server's reading of what is confidential see computed answers that may hold some as marked.
    forms.set(id, { schema: withConfidentialComputedAnswers(form.data), validator });
  }
  const pathways = new Map<string, CompiledPathway>();
  for (const [id, pathway] of set.pathways) pathways.set(id, compilePathway(id, pathway.data, settings));
  return { set, settings, roles: set.roles!.data, pathways, forms };
}
