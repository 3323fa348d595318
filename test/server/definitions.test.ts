// Definitions management over HTTP: validate with positions, run scenarios, diff, publish; only definition paths.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';
import { Client, DEFINITIONS, signIn, startServer, USERS, type TestServer } from './helpers.js';

let server: TestServer;
let lead: Client;
let files: Record<string, string>;

beforeAll(async () => {
  server = await startServer();
  lead = await signIn(server.app, USERS.lead);
  files = await readDefinitionFiles(DEFINITIONS);
});
afterAll(async () => server.close());

const edited = () => ({
  ...files,
  'pathways/flow.yaml': files['pathways/flow.yaml']!.replace('title: Working', 'title: In progress'),
});

describe('Definitions API', () => {
  it('should return the published files with their version', async () => {
    const res = await lead.get('/api/definitions').expect(200);
    expect(res.body.version).toBe(1);
    expect(Object.keys(res.body.files)).toContain('roles.yaml');
  });

  it('should report problems with file, line and column', async () => {
    const broken = {
      ...files,
      'pathways/flow.yaml': files['pathways/flow.yaml']!.replace('target: working', 'target: nowhere'),
    };
    const res = await lead.post('/api/definitions/validate', { files: broken }).expect(200);
    expect(res.body.valid).toBe(false);
    expect(res.body.problems[0]).toMatchObject({
      file: 'pathways/flow.yaml',
      line: expect.any(Number),
      col: expect.any(Number),
      message: expect.stringContaining('nowhere'),
      code: expect.any(String),
    });
    expect((await lead.post('/api/definitions/validate', { files }).expect(200)).body).toEqual({
      valid: true,
      problems: [],
    });
  });

  it('should run the scenarios of a draft', async () => {
    const res = await lead.post('/api/definitions/scenarios', { files }).expect(200);
    expect(res.body).toMatchObject({ ran: true, passed: true });
    expect(res.body.results.length).toBeGreaterThan(0);
  });

  it('should diff a draft against the published version', async () => {
    const res = await lead.post('/api/definitions/diff', { files: edited() }).expect(200);
    expect(res.body.against).toBe(1);
    expect(res.body.changes).toHaveLength(1);
    expect(res.body.changes[0].file).toBe('pathways/flow.yaml');
    expect(res.body.changes[0].diff).toContain('-    meta: { title: Working');
    expect(res.body.changes[0].diff).toContain('+    meta: { title: In progress');
  });

  it('should refuse paths outside the definition folders', async () => {
    for (const path of ['../server/main.ts', 'pathways/../../x.yaml', 'forms/x.js', '/etc/passwd']) {
      const res = await lead.post('/api/definitions/publish', { files: { ...files, [path]: 'x: 1' } }).expect(400);
      expect(res.body.code).toBe('bad-path');
    }
  });

  it('should refuse to publish definitions with problems (422) and publish good ones as a new version', async () => {
    const broken = { ...files, 'roles.yaml': 'roles: [' };
    const refused = await lead.post('/api/definitions/publish', { files: broken, note: 'broken' }).expect(422);
    expect(refused.body.problems).toContainEqual(expect.objectContaining({ file: 'roles.yaml' }));
    const published = await lead
      .post('/api/definitions/publish', { files: edited(), note: 'rename a state' })
      .expect(200);
    expect(published.body.version).toBe(2);
    const againstOld = await lead.get('/api/definitions/diff?against=1').expect(200);
    expect(againstOld.body.changes.map((c: { file: string }) => c.file)).toEqual(['pathways/flow.yaml']);
    const pathway = await lead.get('/api/pathways/flow').expect(200);
    expect(pathway.body.definitionVersion).toBe(2);
  });
});

describe('Scenarios, read on demand (issue 22)', () => {
  const brokenScenario = (text: string) => text.replace('send: ALLOCATE', 'send: ALLOCATE_NOW');

  it('should start without reading the scenarios, and check them at their place on validate and publish', async () => {
    // given a definitions folder whose scenario sends an event no pathway declares
    const folder = await mkdtemp(join(tmpdir(), 'dao-definitions-'));
    await cp(DEFINITIONS, folder, { recursive: true });
    const scenario = join(folder, 'scenarios/happy.yaml');
    await writeFile(scenario, brokenScenario(files['scenarios/happy.yaml']!));
    // when a server starts on it, then it publishes the folder: running cases never reads a scenario
    const started = await startServer({ definitionsDir: folder });
    try {
      expect(started.dao.definitionVersion).toBe(1);
      const manager = await signIn(started.app, USERS.lead);
      const draft = await readDefinitionFiles(folder);
      // when the editor checks the same files, then the scenario's problem is reported at its line and column
      const checked = await manager.post('/api/definitions/validate', { files: draft }).expect(200);
      const problem = { file: 'scenarios/happy.yaml', line: 12, col: 11, code: 'unknown-event' };
      expect(checked.body.problems).toEqual([expect.objectContaining(problem)]);
      const ran = await manager.post('/api/definitions/scenarios', { files: draft }).expect(200);
      expect(ran.body).toMatchObject({ ran: false, problems: [expect.objectContaining(problem)] });
      // and a publish through the API of a changed set refuses it, at the same place
      const changed = { ...draft, 'pathways/flow.yaml': edited()['pathways/flow.yaml']! };
      const refused = await manager.post('/api/definitions/publish', { files: changed }).expect(422);
      expect(refused.body.problems).toEqual([expect.objectContaining(problem)]);
    } finally {
      await started.close();
      await rm(folder, { recursive: true, force: true });
    }
  });
});
