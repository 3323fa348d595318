// Form types are generated on demand, never committed: every form's module, written to a temp folder as
// `npm run gen:types -- DIR` writes it, must compile with tsc, and the answers the scenarios submit must fit them.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDefinitions } from '../../engine/definitions/load.js';
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';
import { formTypeName, generateFormTypes } from '../../engine/forms/generate-types.js';

const { set } = loadDefinitions(await readDefinitionFiles('definitions'));
const dir = await mkdtemp(join(tmpdir(), 'dao-form-types-'));

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every answer set the scenarios submit, by form. */
function scenarioAnswers(): Map<string, unknown[]> {
  const byForm = new Map<string, unknown[]>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const forms = (node as { forms?: unknown }).forms;
    if (forms && typeof forms === 'object' && !Array.isArray(forms)) {
      for (const [id, answers] of Object.entries(forms)) {
        if (set.forms.has(id)) byForm.set(id, [...(byForm.get(id) ?? []), answers]);
      }
    }
    Object.values(node).forEach(visit);
  };
  for (const scenario of set.scenarios.values()) visit(scenario.data);
  return byForm;
}

/** tsc's diagnostics for the files, strict, as a host project would compile them. */
function compileErrors(files: string[]): string[] {
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    const file = d.file ? `${d.file.fileName.slice(dir.length + 1)}:${(where?.line ?? 0) + 1}` : '';
    return `${file} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

describe('generated form types', () => {
  it('should compile with tsc for every form, with one exported answers type each', async () => {
    // given every form's module written to a folder, as npm run gen:types -- DIR writes it
    const files = await generateFormTypes(set);
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    expect((await readdir(dir)).sort()).toEqual([...[...set.forms.keys()].map((id) => `${id}.ts`), 'index.ts'].sort());
    // when tsc compiles them, with the scenarios' answers typed by them
    const answers = scenarioAnswers();
    const uses = [...answers].map(
      ([id, list]) =>
        `import type { ${formTypeName(id)} } from './index.js';\n` +
        list
          .map((a, i) => `export const ${formTypeName(id)}${i}: ${formTypeName(id)} = ${JSON.stringify(a)};`)
          .join('\n'),
    );
    await writeFile(join(dir, 'answers.ts'), uses.join('\n') + '\n');
    // then there is no error
    expect(compileErrors([join(dir, 'index.ts'), join(dir, 'answers.ts')])).toEqual([]);
    expect(answers.size).toBeGreaterThan(10);
    for (const id of set.forms.keys())
      expect(files[`${id}.ts`], id).toMatch(new RegExp(`export (interface|type) ${formTypeName(id)}\\b`));
  });
});
