// readDefinitionFiles reads the files side by side but lists them in a fixed order: settings, roles, then each folder
// (pathways, forms, scenarios) sorted by name. The order matters to whatever iterates the files.
import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';

describe('readDefinitionFiles', () => {
  it('should list every file in the fixed order, with its text', async () => {
    const expected: [string, string][] = [];
    for (const name of ['settings.yaml', 'roles.yaml'])
      expected.push([name, await readFile(`definitions/${name}`, 'utf8')]);
    for (const folder of ['pathways', 'forms', 'scenarios']) {
      for (const name of (await readdir(`definitions/${folder}`)).filter((n) => n.endsWith('.yaml')).sort()) {
        expected.push([`${folder}/${name}`, await readFile(`definitions/${folder}/${name}`, 'utf8')]);
      }
    }
    expect(Object.entries(await readDefinitionFiles('definitions'))).toEqual(expected);
  });

  it('should give nothing for a folder that does not exist', async () => {
    expect(await readDefinitionFiles('test/fixtures/no-such-folder')).toEqual({});
  });
});
