// The security headers are helmet's, recorded once: every response gets exactly what helmet itself would set.
import express from 'express';
import helmet from 'helmet';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { HELMET_OPTIONS, setUpWebSecurity } from '../../server/middleware/set-up-web-security.js';

function headersOf(res: request.Response): Record<string, unknown> {
  const { date: _date, etag: _etag, ...rest } = res.headers;
  return rest;
}

const PATHS = ['/', '/api/x', '/API/Y', '/apix'];

function appWith(...middleware: express.RequestHandler[]) {
  const app = express();
  app.use(...(middleware as [express.RequestHandler]));
  app.get(PATHS, (_req, res) => {
    res.json({});
  });
  return app;
}

describe('setUpWebSecurity', () => {
  it('should set the same headers as helmet with our policy, and keep API answers out of every cache', async () => {
    const ours = appWith(setUpWebSecurity());
    const theirs = appWith(helmet(HELMET_OPTIONS), express.Router().use('/api', (_req, res, next) => {
      res.set('Cache-Control', 'no-store');
      next();
    }));
    for (const path of PATHS) {
      const [mine, helmets] = await Promise.all([request(ours).get(path), request(theirs).get(path)]);
      expect(headersOf(mine), path).toEqual(headersOf(helmets));
    }
    expect((await request(ours).get('/api/x')).headers['cache-control']).toBe('no-store');
    expect((await request(ours).get('/apix')).headers['cache-control']).toBeUndefined();
    expect(String((await request(ours).get('/')).headers['content-security-policy'])).toContain("frame-ancestors 'self'");
  });
});
