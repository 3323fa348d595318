// The generated form types must match what `npm run gen:types` would write now.
import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadDefinitions } from '../../engine/definitions/load.js';
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';
import { generateFormTypes } from '../../engine/forms/generate-types.js';

describe('generated form types', () => {
  it('should be fresh: run npm run gen:types after changing a form', async () => {
    const { set } = loadDefinitions(await readDefinitionFiles('definitions'));
    const expected = await generateFormTypes(set);
    const dir = 'engine/generated/forms';
    const present = (await readdir(dir)).sort();
    expect(present).toEqual(Object.keys(expected).sort());
    for (const [name, text] of Object.entries(expected)) {
      expect(await readFile(`${dir}/${name}`, 'utf8'), `${dir}/${name} is stale`).toBe(text);
    }
    expect(Object.keys(expected).length).toBe(set.forms.size + 1);
  });
});
