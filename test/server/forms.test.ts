// Forms for the browser: the served schema and its precompiled validator module (no eval, so it runs under the CSP).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, importValidatorModule, signInAll, startServer, type RoleName, type TestServer } from './helpers.js';

let server: TestServer;
let users: Record<RoleName, Client>;

beforeAll(async () => {
  server = await startServer();
  users = await signInAll(server.app);
});
afterAll(async () => server.close());

describe('GET /api/forms/:id/validator.js', () => {
  it('should serve an ES module that validates answers like the server does, without eval', async () => {
    const res = await users.requester.get('/api/forms/request/validator.js').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.text).not.toMatch(/new Function|eval\(/);
    const validate = await importValidatorModule(res.text);
    expect(validate({ name: 'Sam', urgent: true })).toBe(true);
    expect(validate({ urgent: true })).toBe(false);
    // The requester is served the schema without the confidential field, so its validator does not know it either.
    expect(validate({ name: 'Sam', urgent: true, secret: 'x' })).toBe(false);
  });

  it('should refuse a form the role may not read', async () => {
    await users.officer.get('/api/forms/notes/validator.js').expect(403);
    await users.lead.get('/api/forms/nothing/validator.js').expect(404);
  });
});

describe('GET /api/forms/:id/types.ts', () => {
  it('should serve the TypeScript type of the answers, made from the schema as served to the reader', async () => {
    // given a reader cleared for the confidential field and one who is not
    const lead = await users.lead.get('/api/forms/request/types.ts').expect(200);
    const requester = await users.requester.get('/api/forms/request/types.ts').expect(200);
    // then each gets a module that exports the form's answers type, with only the questions it may see
    expect(lead.headers['content-type']).toMatch(/^text\/plain/);
    for (const res of [lead, requester]) {
      expect(res.text).toMatch(/export interface RequestAnswers \{/);
      expect(res.text).toMatch(/\bname: string\b/);
      expect(res.text).toMatch(/\burgent: boolean\b/);
    }
    expect(lead.text).toMatch(/\bsecret\?: string\b/);
    expect(requester.text).not.toMatch(/secret|Private note/);
  });

  it('should refuse a form the role may not read, as the form itself is refused', async () => {
    await users.officer.get('/api/forms/notes/types.ts').expect(403);
    await users.lead.get('/api/forms/nothing/types.ts').expect(404);
    await users.lead.get('/api/forms/request/types.ts?version=zero').expect(400);
  });
});

describe('GET /api/pathways/:id/events/:type/validator.js', () => {
  it('should serve the check the server makes of what an event carries, as an ES module without eval', async () => {
    const res = await users.lead.get('/api/pathways/flow/events/ALLOCATE/validator.js').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.text).not.toMatch(/new Function|eval\(/);
    const validate = await importValidatorModule(res.text);
    expect(validate({})).toBe(false);
    expect(validate.errors).toEqual([
      expect.objectContaining({ keyword: 'required', params: { missingProperty: 'officer' } }),
    ]);
    expect(validate({ officer: 7 })).toBe(false);
    expect(validate({ officer: 'officer-1' })).toBe(true);
  });

  it('should answer 404 for an event that carries no details or does not exist', async () => {
    await users.lead.get('/api/pathways/flow/events/FINISH/validator.js').expect(404);
    await users.lead.get('/api/pathways/flow/events/NOPE/validator.js').expect(404);
    await users.lead.get('/api/pathways/nope/events/ALLOCATE/validator.js').expect(404);
  });
});

describe('GET /api/openapi.json', () => {
  it('should describe every route of the API as OpenAPI 3.1', async () => {
    const spec = (await users.lead.get('/api/openapi.json').expect(200)).body;
    expect(spec.openapi).toBe('3.1.0');
    for (const path of [
      '/api/health',
      '/api/session',
      '/api/session/me',
      '/api/pathways/{id}/diagram',
      '/api/forms/{id}/validator.js',
      '/api/cases',
      '/api/cases/allocation-queue',
      '/api/cases/views',
      '/api/cases/{id}/events',
      '/api/cases/{id}/drafts/{formId}',
      '/api/cases/{id}/documents/{instanceId}/print',
      '/api/definitions/publish',
      '/api/definitions/diff',
      '/api/audit',
    ]) {
      expect(spec.paths, path).toHaveProperty([path]);
    }
    expect(spec.paths).toHaveProperty(['/api/forms/{id}/types.ts']);
  });
});
