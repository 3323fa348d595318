// Definitions uploaded by the team manager are data: a path cannot reach outside the definition folders (whatever
// its spelling), and YAML cannot run code or exhaust the server (language tags, alias bombs, deep nesting, huge
// files) — each is refused with a 400 or a 422 that says why, nothing is published, and the server stays up.
// (test/server/definitions.test.ts covers four plain bad paths.)
import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { Client, signIn, startServer, USERS, type TestServer } from '../server/helpers.js';

let server: TestServer;
let lead: Client;
let files: Record<string, string>;
let dataFiles: string[];

beforeAll(async () => {
  server = await startServer();
  lead = await signIn(server.app, USERS.lead);
  files = (await lead.get('/api/definitions').expect(200)).body.files as Record<string, string>;
  dataFiles = readdirSync(server.dir).sort();
});
afterAll(async () => server.close());

const TRAVERSALS = [
  '../x.yaml',
  '../../etc/passwd',
  'pathways/../../x.yaml',
  'pathways/../roles.yaml',
  './roles.yaml',
  'pathways/./flow.yaml',
  'pathways//flow.yaml',
  '/etc/passwd',
  '/tmp/x.yaml',
  'C:\\Windows\\x.yaml',
  'C:/x.yaml',
  '\\\\server\\share\\x.yaml',
  'pathways\\..\\..\\x.yaml',
  'pathways/..\\x.yaml',
  '%2e%2e/x.yaml',
  'pathways/%2e%2e/%2e%2e/x.yaml',
  '..%2fx.yaml',
  'pathways/..%2f..%2fx.yaml',
  '%252e%252e%252fx.yaml',
  'pathways/%2e%2e%5cx.yaml',
  '..%c0%afx.yaml',
  'pathways/\u2025/x.yaml',
  'pathways/\uff0e\uff0e/x.yaml',
  'pathways/x.yaml\u0000.txt',
  'pathways/x\u0000.yaml',
  'pathways/sub/x.yaml',
  'pathways/x.yaml/',
  'pathways/',
  'pathways/.yaml',
  'pathways/..yaml',
  'pathways/.hidden.yaml',
  'pathways/X.yaml',
  'PATHWAYS/x.yaml',
  'pathways/x.yml',
  'pathways/x.yaml ',
  ' pathways/x.yaml',
  'pathways/x.js',
  'forms/x.json',
  'roles.yaml/..',
  'settings.yaml/../../x',
  '~/x.yaml',
  '~root/.ssh/authorized_keys',
  'pathways/x -> /etc/passwd.yaml',
  'pathways/x.lnk',
  'file:///etc/passwd',
  'pathways/x.yaml?raw',
  'pathways/x.yaml#',
  'node_modules/x.yaml',
  'data/dao.sqlite',
  'dao.sqlite',
  '__proto__',
  'constructor',
  'prototype',
  '',
];

async function health() {
  await request(server.app).get('/api/health').expect(200);
}

describe('Definition upload paths', () => {
  it.each(['publish', 'validate', 'scenarios', 'diff'])(
    'should refuse every path outside the definition folders on %s (400 bad-path)',
    async (action) => {
      const accepted: string[] = [];
      for (const path of TRAVERSALS) {
        const res = await lead.post(`/api/definitions/${action}`, { files: { ...files, [path]: 'x: 1\n' } });
        if (res.status !== 400 || res.body.code !== 'bad-path')
          accepted.push(`${JSON.stringify(path)} → ${res.status}`);
      }
      expect(accepted).toEqual([]);
    },
  );

  it('should refuse __proto__ and constructor as file names even when they arrive as own JSON keys', async () => {
    const body = `{"files": {"roles.yaml": ${JSON.stringify(files['roles.yaml'])}, "__proto__": {"x": "y"}, "constructor": "x: 1"}}`;
    const res = await request(server.app)
      .post('/api/definitions/publish')
      .set('Cookie', lead.cookie!)
      .set('X-CSRF-Token', lead.csrfToken!)
      .set('Content-Type', 'application/json')
      .send(body);
    expect(res.status).toBe(400);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('should have published nothing and written no file', async () => {
    expect((await lead.get('/api/definitions').expect(200)).body.version).toBe(1);
    expect(readdirSync(server.dir).sort()).toEqual(dataFiles);
    for (const path of ['x.yaml', '../x.yaml', 'definitions/x.yaml', 'test/x.yaml'])
      expect(existsSync(path), path).toBe(false);
    await health();
  });
});

const laughs = [
  'a: &a [x, x, x, x, x, x, x, x, x]',
  ...'bcdefgh'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]`),
  'i: [*h, *h, *h, *h, *h, *h, *h, *h, *h]',
].join('\n');

describe('Definition upload content', () => {
  const withFile = (path: string, text: string) => ({ ...files, [path]: text });
  const flow = () => files['pathways/flow.yaml']!;

  async function refused(
    path: string,
    text: string,
  ): Promise<{ problems: { file: string; message: string; code: string }[] }> {
    const started = Date.now();
    const res = await lead.post('/api/definitions/publish', { files: withFile(path, text), note: 'hostile' });
    expect(res.status, res.text.slice(0, 300)).toBe(422);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.problems.length).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    const validated = await lead.post('/api/definitions/validate', { files: withFile(path, text) });
    expect(validated.status).toBe(200);
    expect(validated.body.valid).toBe(false);
    await health();
    return res.body;
  }

  const TAGS = [
    'description: !!js/function "function () { globalThis.pwned = true; return 1 }"',
    'description: !!js/eval "globalThis.pwned = true"',
    'description: !!js/regexp /x/',
    'description: !!js/undefined ""',
    'description: !!python/object/apply:os.system ["touch /tmp/dao-pwned"]',
    'description: !include /etc/passwd',
    'description: !<tag:yaml.org,2002:js/function> "function () {}"',
  ];

  it('should refuse YAML language tags with a problem naming the tag, and run nothing (bug: they are ignored and the file published)', async () => {
    const outcomes: string[] = [];
    for (const line of TAGS) {
      // In a description, where any string would do: only the tag is wrong.
      const text = flow().replace(/^meta:\n/m, `meta:\n  ${line}\n`);
      expect(text).not.toBe(flow());
      const res = await lead.post('/api/definitions/publish', {
        files: withFile('pathways/flow.yaml', text),
        note: 'hostile',
      });
      const named =
        res.status === 422 && (res.body.problems as { message: string }[]).some((p) => /tag/i.test(p.message));
      outcomes.push(`${line.slice(13, 40)} → ${res.status}${named ? ' naming the tag' : ''}`);
      await health();
    }
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
    expect(existsSync('/tmp/dao-pwned')).toBe(false);
    expect(outcomes).toEqual(TAGS.map((line) => `${line.slice(13, 40)} → 422 naming the tag`));
  });

  it('should refuse alias bombs (billion laughs, merge keys) with a problem, not a 500 (bug: toJS throws)', async () => {
    const merges = [
      'a: &a {a0: 1, a1: 1}',
      ...'bcdefghij'
        .split('')
        .map((name, i) => `${name}: &${name} {<<: [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}], ${name}0: 1}`),
    ].join('\n');
    for (const bomb of [laughs, merges]) {
      const body = await refused('settings.yaml', `${files['settings.yaml']}\n${bomb}\n`);
      expect(body.problems.some((p) => p.file === 'settings.yaml' && /alias/i.test(p.message))).toBe(true);
    }
  });

  it.each([
    ['flow sequences 50 000 deep', '['.repeat(50_000) + ']'.repeat(50_000)],
    ['flow maps 20 000 deep', '{a: '.repeat(20_000) + '1' + '}'.repeat(20_000)],
    ['block maps 1 000 deep', Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1'],
  ])('should refuse %s with a problem', async (_label, text) => {
    await refused('settings.yaml', text);
  });

  it('should refuse a file of 900 KB of junk without trouble', async () => {
    await refused('pathways/junk.yaml', `junk: "${'x'.repeat(900_000)}"\n`);
  });

  it('should still publish good definitions afterwards', async () => {
    const before = (await lead.get('/api/definitions').expect(200)).body.version as number;
    const touched = { ...files, 'roles.yaml': `${files['roles.yaml']}\n# checked after the hostile uploads\n` };
    const published = await lead.post('/api/definitions/publish', { files: touched, note: 'good' }).expect(200);
    expect(published.body.version).toBe(before + 1);
  });
});
