// The security headers: helmet with our Content-Security-Policy on every answer, and API answers kept out of caches.
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { setUpWebSecurity } from '../../server/middleware/set-up-web-security.js';

const PATHS = ['/', '/api/x', '/API/Y', '/apix'];

function appWithWebSecurity() {
  const app = express();
  app.use(setUpWebSecurity());
  app.get(PATHS, (_req, res) => {
    res.json({});
  });
  return app;
}

describe('setUpWebSecurity', () => {
  it('should give every answer the security headers and our Content-Security-Policy', async () => {
    const app = appWithWebSecurity();
    for (const path of PATHS) {
      const res = await request(app).get(path).expect(200);
      expect(res.headers['content-security-policy'], path).toBe(
        "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data:;font-src 'self';" +
          "connect-src 'self';object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'self'",
      );
      expect(res.headers['strict-transport-security'], path).toBe('max-age=31536000; includeSubDomains');
      expect(res.headers, path).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
      });
      expect(res.headers['cross-origin-embedder-policy'], path).toBeUndefined();
      expect(res.headers['x-powered-by'], path).toBeUndefined();
    }
  });

  it('should keep API answers, in any letter case, out of every cache, and only them', async () => {
    const app = appWithWebSecurity();
    expect((await request(app).get('/api/x')).headers['cache-control']).toBe('no-store');
    expect((await request(app).get('/API/Y')).headers['cache-control']).toBe('no-store');
    expect((await request(app).get('/apix')).headers['cache-control']).toBeUndefined();
    expect((await request(app).get('/')).headers['cache-control']).toBeUndefined();
  });
});
