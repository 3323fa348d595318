// The definition CLIs as a team manager runs them: exit codes and messages on good and broken copies.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const dirs: string[] = [];

async function copyOf(source: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dao-defs-'));
  dirs.push(dir);
  await cp(source, dir, { recursive: true });
  return dir;
}

async function cli(script: string, ...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(TSX, [`engine/cli/${script}.ts`, ...args], { cwd: process.cwd() });
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, out: e.stdout };
  }
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('check:definitions', () => {
  it('should exit 0 with a one-line summary on the repository definitions', async () => {
    const { code, out } = await cli('check-definitions');
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(out).toMatch(/^definitions: OK — \d+ pathways, \d+ forms, \d+ roles, \d+ scenarios/);
    expect(code).toBe(0);
  });
  it('should exit 1 naming the file, line and column of a broken YAML line in a form', async () => {
    const dir = await copyOf('definitions');
    const file = join(dir, 'forms/consent.yaml');
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines[4] = 'title: [Consent Form';
    await writeFile(file, lines.join('\n'));
    const { code, out } = await cli('check-definitions', dir);
    expect(code).toBe(1);
    expect(out).toContain(`${dir}/forms/consent.yaml:5:`);
  });
  it('should exit 1 naming a form that a pathway asks for but does not exist', async () => {
    const dir = await copyOf('definitions');
    const file = join(dir, 'pathways/referral.yaml');
    const text = await readFile(file, 'utf8');
    // The forms a state asks for (the form is also named elsewhere, e.g. in the document header).
    expect(text).toContain('forms: [request-for-service');
    await writeFile(file, text.replace('forms: [request-for-service', 'forms: [request-for-servise'));
    const { code, out } = await cli('check-definitions', dir);
    expect(code).toBe(1);
    expect(out).toMatch(new RegExp(`${dir}/pathways/referral\\.yaml:\\d+:\\d+: unknown form "request-for-servise"`));
  });
});

describe('diagram', () => {
  it('should print a pathway as a Mermaid state diagram', async () => {
    const { code, out } = await cli('diagram', 'flow', 'test/fixtures/minimal');
    expect(code).toBe(0);
    expect(out).toContain('stateDiagram-v2');
    expect(out).toContain('[*] --> draft');
    expect(out).toContain('draft --> waiting : SUBMIT');
    expect(out).toContain('done --> [*]');
  });
  it('should exit 1 listing the pathways for an unknown id', async () => {
    const { code } = await cli('diagram', 'nope', 'test/fixtures/minimal');
    expect(code).toBe(1);
  });
});

describe('gen:types', () => {
  it('should write one module per form and an index to the folder named, removing a form that is gone', async () => {
    // given an output folder holding the module of a form that no longer exists
    const out = await mkdtemp(join(tmpdir(), 'dao-types-'));
    dirs.push(out);
    await writeFile(join(out, 'gone.ts'), 'export type GoneAnswers = {};\n');
    // when the types of the minimal definitions are written there
    const { code, out: printed } = await cli('gen-types', out, 'test/fixtures/minimal');
    // then the folder holds exactly their modules
    expect(code).toBe(0);
    expect(printed).toContain(`to ${out}`);
    expect((await readdir(out)).sort()).toEqual(['index.ts', 'request.ts']);
    expect(await readFile(join(out, 'request.ts'), 'utf8')).toMatch(/export interface RequestAnswers \{/);
    const index = await readFile(join(out, 'index.ts'), 'utf8');
    expect(index).toContain("export type { RequestAnswers } from './request.js';");
  });
});
