// The code's habits beyond what Prettier enforces: Prettier breaks code at 120 characters but leaves a long string,
// template or comment whole, so this says where one is over 160 (generated code and fixtures aside).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['engine', 'server', 'forms-ui', 'scripts', 'bench', 'test'];
const SKIP = new Set(['node_modules', 'generated', 'fixtures', 'dist', 'build']);
const CODE = /\.(ts|js|mjs)$/;

function codeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return SKIP.has(name) ? [] : codeFiles(path);
    return CODE.test(name) && !name.includes('.generated.') ? [path] : [];
  });
}

describe('line length', () => {
  it('should have no line over 160 characters outside generated code', () => {
    const over = ROOTS.flatMap(codeFiles).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (line.length > 160 ? [`${file}:${i + 1}: ${line.length} characters`] : [])),
    );
    expect(over, 'split the string or comment at these places').toEqual([]);
  });
});
