// The engine's public entry and the import boundaries between the parts (DESIGN.md, issue 22): the server reaches the
// engine only through engine/index.ts; the engine imports neither express nor lit; forms-ui imports no server module
// and nothing of the engine that touches storage. Import specifiers are read from the sources with TypeScript's parser.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as entry from '../../engine/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ENTRY = 'engine/index.ts';

interface ImportSite {
  file: string;
  line: number;
  specifier: string;
  /** Gone at run time (`import type`, `export type`, an `import()` type): the module is not loaded. */
  typeOnly: boolean;
}

/** Source files under a folder of the project, tests left out (they may reach into any module). */
function sourcesUnder(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|js|mjs)$/.test(file) && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'))
    .filter((file) => !file.split('/').includes('node_modules'))
    .map((file) => join(folder, file));
}

function importsOf(file: string): ImportSite[] {
  const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const sites: ImportSite[] = [];
  const add = (node: ts.Node, specifier: ts.Expression, typeOnly: boolean) => {
    if (!ts.isStringLiteralLike(specifier)) return;
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    sites.push({ file, line, specifier: specifier.text, typeOnly });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      // `import { type A }` still loads its module under verbatimModuleSyntax (as `import {}`); `import type` does not.
      add(node, node.moduleSpecifier, !!node.importClause?.isTypeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      add(node, node.moduleSpecifier, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0]) {
      add(node, node.arguments[0], false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, node.argument.literal, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return sites;
}

/** The project file a relative specifier names (`../engine/x.js` is the source `engine/x.ts`); undefined if bare. */
function projectFile(site: ImportSite): string | undefined {
  if (!site.specifier.startsWith('.')) return undefined;
  const path = relative(root, resolve(root, dirname(site.file), site.specifier));
  const source = path.replace(/\.js$/, '.ts');
  return existsSync(join(root, source)) ? source : path;
}

const where = (site: ImportSite) => `${site.file}:${site.line}: ${site.specifier}`;

describe("engine/index (the engine's public entry)", () => {
  it('should be the only engine module a server/ file imports', () => {
    const sites = sourcesUnder('server').flatMap(importsOf);
    const intoEngine = sites.filter((site) => projectFile(site)?.startsWith('engine/'));
    const offenders = intoEngine.filter((site) => projectFile(site) !== ENTRY).map(where);
    expect(offenders, 'import these from engine/index.js; export a name there if it is missing').toEqual([]);
    expect(intoEngine.length).toBeGreaterThan(20);
  });

  it('should only re-export names it lists, so its surface is chosen and loading it does nothing of its own', () => {
    const source = ts.createSourceFile(ENTRY, readFileSync(join(root, ENTRY), 'utf8'), ts.ScriptTarget.Latest, true);
    const namedReExport = (st: ts.Statement) =>
      ts.isExportDeclaration(st) && !!st.moduleSpecifier && !!st.exportClause && ts.isNamedExports(st.exportClause);
    const lineOf = (st: ts.Statement) => source.getLineAndCharacterOfPosition(st.getStart(source)).line + 1;
    const notNamedReExports = source.statements
      .filter((st) => !namedReExport(st))
      .map((st) => `${ENTRY}:${lineOf(st)}: ${st.getText(source)}`);
    expect(notNamedReExports).toEqual([]);
  });

  it('should load with every value it names defined', () => {
    const undefinedNames = Object.entries(entry)
      .filter(([, value]) => value === undefined)
      .map(([name]) => name);
    expect(undefinedNames).toEqual([]);
    expect(typeof entry.CaseService).toBe('function');
    expect(typeof entry.openStore).toBe('function');
  });
});

describe('import boundaries', () => {
  it('should keep express and lit out of the engine', () => {
    const offenders = sourcesUnder('engine')
      .flatMap(importsOf)
      .filter((site) => /^(express|lit|@lit\/[^/]+|lit-html|lit-element)(\/|$)/.test(site.specifier))
      .map(where);
    expect(offenders).toEqual([]);
  });

  it('should keep forms-ui away from the server, and from any engine module that loads storage', () => {
    const sites = sourcesUnder('forms-ui').flatMap(importsOf);
    const intoServer = sites.filter((site) => projectFile(site)?.startsWith('server/')).map(where);
    expect(intoServer).toEqual([]);
    // Follow what the browser would load: every engine module forms-ui imports, and what those import in turn.
    const loaded = new Map<string, ImportSite>();
    const queue = sites.filter((site) => !site.typeOnly && projectFile(site)?.startsWith('engine/'));
    for (let site = queue.shift(); site; site = queue.shift()) {
      const file = projectFile(site)!;
      if (loaded.has(file)) continue;
      loaded.set(file, site);
      queue.push(...importsOf(file).filter((next) => !next.typeOnly && projectFile(next)));
    }
    const isStorage = (file: string) => file.startsWith('engine/store/') || file === ENTRY;
    // Only where the way crosses into storage, not every store module after it.
    const storage = [...loaded]
      .filter(([file, site]) => isStorage(file) && !isStorage(site.file))
      .map(([file, site]) => `${file}, through ${where(site)}`);
    expect(storage).toEqual([]);
    expect([...loaded.keys()]).toContain('engine/expressions/logic.ts');
  });
});
