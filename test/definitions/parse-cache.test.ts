// Values of definition files kept in the data folder by content (issue 22): read back exactly, ignored when they
// cannot be trusted, written whole, and never in the way of a load.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDefinitions } from '../../engine/definitions/check.js';
import { folderParseCache } from '../../engine/definitions/parse-cache.js';
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';
import { parseSource, YAML_READING } from '../../engine/definitions/source.js';

const dirs: string[] = [];

async function cacheDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dao-parse-cache-'));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** The cache's files once every write has landed (they are written after the load goes on). */
async function cachedFiles(dir: string, count: number): Promise<string[]> {
  await expect
    .poll(async () => (await readdir(dir).catch(() => [])).filter((n) => n.endsWith('.v8')).length)
    .toBe(count);
  return (await readdir(dir)).filter((n) => n.endsWith('.v8')).map((n) => join(dir, n));
}

const TEXT = '__proto__: { a: 1 }\nshared: &s { b: 2 }\nagain: *s\nzero: -0\nnot: .nan\nfar: .inf\nwhen: 2026-01-31\n';

describe('folderParseCache', () => {
  it('should give back exactly the value yaml gave, what JSON would lose included', async () => {
    // given a text read once through the cache
    const dir = await cacheDir();
    const cache = folderParseCache(dir, YAML_READING);
    const first = parseSource('x.yaml', TEXT, cache);
    await cachedFiles(dir, 1);
    // when it is read again, then the value is the same, to -0, NaN, a shared value and an own __proto__ key
    const kept = cache.read(TEXT)!.value as Record<string, unknown>;
    expect(kept).toStrictEqual(first.source.data);
    expect(Object.is(kept.zero, -0)).toBe(true);
    expect(kept.not).toBeNaN();
    expect(kept.again).toBe(kept.shared);
    expect(Object.getPrototypeOf(kept)).toBe(Object.prototype);
    expect(Object.keys(kept)).toContain('__proto__');
  });

  it('should use a kept value for exactly the same text only, and by the same reading', async () => {
    const dir = await cacheDir();
    const cache = folderParseCache(dir, YAML_READING);
    parseSource('x.yaml', 'a: 1\n', cache);
    await cachedFiles(dir, 1);
    expect(cache.read('a: 1\n')).toEqual({ value: { a: 1 } });
    expect(cache.read('a: 1 \n')).toBeUndefined();
    expect(folderParseCache(dir, `${YAML_READING} another version`).read('a: 1\n')).toBeUndefined();
  });

  it('should read a file it holds instead of parsing the text again', async () => {
    // given a kept value replaced by another with a right checksum (what only a cache hit can return)
    const dir = await cacheDir();
    const cache = folderParseCache(dir, YAML_READING);
    parseSource('x.yaml', 'a: 1\n', cache);
    const [file] = await cachedFiles(dir, 1);
    const payload = serialize({ value: { a: 'from the cache' } });
    await writeFile(file!, Buffer.concat([createHash('sha256').update(payload).digest(), payload]));
    // when the same text is read, then the kept value is the file's
    expect(parseSource('x.yaml', 'a: 1\n', cache).source.data).toEqual({ a: 'from the cache' });
  });

  it('should ignore a kept file that is truncated, altered, empty or not its format, and read the text', async () => {
    const dir = await cacheDir();
    const cache = folderParseCache(dir, YAML_READING);
    parseSource('x.yaml', TEXT, cache);
    const [file] = await cachedFiles(dir, 1);
    const good = await readFile(file!);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 3]! ^= 0xff;
    const notV8 = Buffer.from('not a serialised value');
    const wrongShape = serialize(['no value key']);
    for (const bad of [
      good.subarray(0, good.length - 5),
      flipped,
      Buffer.alloc(0),
      good.subarray(0, 32),
      notV8,
      Buffer.concat([createHash('sha256').update(notV8).digest(), notV8]),
      Buffer.concat([createHash('sha256').update(wrongShape).digest(), wrongShape]),
    ]) {
      await writeFile(file!, bad);
      expect(cache.read(TEXT)).toBeUndefined();
      // (read through the cache, keeping nothing: a new good file would race the next bad one)
      const { source, problems } = parseSource('x.yaml', TEXT, {
        read: (text) => cache.read(text),
        keep: () => undefined,
      });
      expect(problems).toEqual([]);
      expect(JSON.stringify(source.data)).toBe(JSON.stringify(parseSource('x.yaml', TEXT).source.data));
    }
  });

  it('should keep nothing for a file with problems, and keep out of the way when it cannot write', async () => {
    const dir = await cacheDir();
    parseSource('x.yaml', 'a: [1\n', folderParseCache(dir, YAML_READING));
    // a file where the folder should be: every write fails
    await writeFile(join(dir, 'blocked'), 'a file, not a folder');
    const blocked = folderParseCache(join(dir, 'blocked'), YAML_READING);
    expect(parseSource('x.yaml', 'a: 1\n', blocked).source.data).toEqual({ a: 1 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await readdir(dir)).sort()).toEqual(['blocked']);
  });

  it('should load the protocol from kept values exactly as from its text', async () => {
    // given the protocol checked once with a cache folder
    const dir = await cacheDir();
    const files = await readDefinitionFiles('definitions');
    const parseCache = folderParseCache(dir, YAML_READING);
    const cold = checkDefinitions(files, 'definitions', { parseCache });
    await cachedFiles(dir, Object.keys(files).length);
    // when it is checked again, every file read from the cache
    const warm = checkDefinitions(files, 'definitions', { parseCache });
    // then the result is the same
    expect(warm.problems).toEqual([]);
    expect(cold.problems).toEqual([]);
    for (const [id, form] of cold.set.forms) expect(warm.set.forms.get(id)!.data, id).toStrictEqual(form.data);
    for (const [id, pathway] of cold.set.pathways)
      expect(warm.set.pathways.get(id)!.data, id).toStrictEqual(pathway.data);
    expect([...warm.compiled!.pathways.keys()]).toEqual([...cold.compiled!.pathways.keys()]);
  });

  it('should still place a problem found later in a kept file at its line and column', async () => {
    // given a pathway whose value comes from the cache, with a reference to a form that does not exist
    const dir = await cacheDir();
    const files = await readDefinitionFiles('test/fixtures/minimal');
    files['pathways/flow.yaml'] = files['pathways/flow.yaml']!.replace(
      'params: { form: request }',
      'params: { form: nothing }',
    );
    const parseCache = folderParseCache(dir, YAML_READING);
    const cold = checkDefinitions(files, 'defs', { parseCache }).problems;
    await cachedFiles(dir, Object.keys(files).length);
    // then the check from kept values reports it at the same place
    expect(cold.length).toBeGreaterThan(0);
    expect(checkDefinitions(files, 'defs', { parseCache }).problems).toEqual(cold);
  });
});
