// Issue 24, finding 3: a bearer token must say when it expires (`exp`) and when it was issued (`iat`); one issued
// longer ago than the host's maximum age, or in the future beyond the allowed clock skew, is refused.
import { exportSPKI, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { startServer, type TestServer } from '../server/helpers.js';

const MAX_AGE_SECONDS = 600;
let server: TestServer;
let privateKey: CryptoKey;

beforeAll(async () => {
  const keys = await generateKeyPair('ES256');
  privateKey = keys.privateKey;
  const publicKey = await exportSPKI(keys.publicKey);
  const jwt = {
    publicKey,
    algorithms: ['ES256'],
    issuer: 'https://portal.example',
    audience: 'dao',
    roleClaim: 'groups',
    maxAgeSeconds: MAX_AGE_SECONDS,
  };
  server = await startServer({ auth: { jwt } });
});
afterAll(async () => server.close());

const now = () => Math.floor(Date.now() / 1000);

/** A token for a known role, with exactly the `iat` and `exp` given (undefined: the claim is left out). */
function token(times: { iat?: number; exp?: number }): Promise<string> {
  const claims = {
    groups: ['requester'],
    ...(times.iat !== undefined ? { iat: times.iat } : {}),
    ...(times.exp !== undefined ? { exp: times.exp } : {}),
  };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256' })
    .setIssuer('https://portal.example')
    .setAudience('dao')
    .setSubject('portal-user')
    .sign(privateKey);
}

async function status(times: { iat?: number; exp?: number }): Promise<number> {
  return (
    await request(server.app)
      .get('/api/session/me')
      .set('Authorization', `Bearer ${await token(times)}`)
  ).status;
}

describe('Bearer token lifetime', () => {
  it('should accept a token issued now that expires in five minutes', async () => {
    expect(await status({ iat: now(), exp: now() + 300 })).toBe(200);
  });

  it('should refuse a token without exp, or without iat', async () => {
    expect(await status({ iat: now() })).toBe(401);
    expect(await status({ exp: now() + 300 })).toBe(401);
  });

  it('should refuse a token issued longer ago than the maximum age, though unexpired (iat in 2001)', async () => {
    expect(await status({ iat: Date.UTC(2001, 0, 1) / 1000, exp: now() + 300 })).toBe(401);
    expect(await status({ iat: now() - MAX_AGE_SECONDS - 120, exp: now() + 300 })).toBe(401);
  });

  it('should refuse a token issued in the future beyond the clock skew, and allow a few seconds of skew', async () => {
    expect(await status({ iat: now() + 600, exp: now() + 900 })).toBe(401);
    expect(await status({ iat: now() + 5, exp: now() + 300 })).toBe(200);
  });

  it('should answer a refused token with the invalid-token problem', async () => {
    const res = await request(server.app)
      .get('/api/cases')
      .set('Authorization', `Bearer ${await token({ iat: now() })}`)
      .expect(401);
    expect(res.body).toMatchObject({ code: 'invalid-token' });
  });
});

describe('Bearer token settings', () => {
  it('should read the maximum age and the clock skew, with defaults, and refuse nonsense', () => {
    const base = { JWT_PUBLIC_KEY: 'pem' };
    expect(loadConfig(base).jwt).toMatchObject({ maxAgeSeconds: 3600, clockToleranceSeconds: 30 });
    expect(loadConfig({ ...base, JWT_MAX_AGE: '300', JWT_CLOCK_TOLERANCE: '5' }).jwt).toMatchObject({
      maxAgeSeconds: 300,
      clockToleranceSeconds: 5,
    });
    expect(() => loadConfig({ ...base, JWT_MAX_AGE: 'forever' })).toThrow(/JWT_MAX_AGE/);
    expect(() => loadConfig({ ...base, JWT_CLOCK_TOLERANCE: '-1' })).toThrow(/JWT_CLOCK_TOLERANCE/);
  });
});
