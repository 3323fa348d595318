// Bearer tokens from a host portal (jose, a locally generated key), sign-in rate limiting, sign-out.
import { exportSPKI, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { createServices } from '../../server/services/index.js';
import { PASSWORD, signIn, startServer, USERS, type TestServer } from './helpers.js';

describe('Bearer tokens', () => {
  let server: TestServer;
  let privateKey: CryptoKey;
  beforeAll(async () => {
    const keys = await generateKeyPair('ES256');
    privateKey = keys.privateKey;
    const publicKey = await exportSPKI(keys.publicKey);
    server = await startServer({
      auth: {
        jwt: {
          publicKey,
          algorithms: ['ES256'],
          issuer: 'https://portal.example',
          audience: 'dao',
          roleClaim: 'groups',
          roleMap: { 'portal-social-worker': 'requester' },
        },
      },
    });
  });
  afterAll(async () => server.close());

  const token = (claims: Record<string, unknown>, audience = 'dao') =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer('https://portal.example')
      .setAudience(audience)
      .setSubject('sw-bearer')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);

  it('should accept a valid token, map its claims to a role, and need no CSRF token for writes', async () => {
    const bearer = `Bearer ${await token({ groups: ['portal-social-worker'], name: 'Sam Worker' })}`;
    const me = await request(server.app).get('/api/session/me').set('Authorization', bearer).expect(200);
    expect(me.body.user).toMatchObject({
      username: 'sw-bearer',
      role: 'requester',
      displayName: 'Sam Worker',
      via: 'bearer',
    });
    const opened = await request(server.app)
      .post('/api/cases')
      .set('Authorization', bearer)
      .send({ pathway: 'flow' })
      .expect(201);
    await request(server.app).get(`/api/cases/${opened.body.id}`).set('Authorization', bearer).expect(200);
  });

  it('should refuse a token for another audience, a tampered token, and a role roles.yaml does not know', async () => {
    await request(server.app)
      .get('/api/cases')
      .set('Authorization', `Bearer ${await token({ groups: ['portal-social-worker'] }, 'other')}`)
      .expect(401);
    const good = await token({ groups: ['portal-social-worker'] });
    await request(server.app)
      .get('/api/cases')
      .set('Authorization', `Bearer ${good.slice(0, -4)}AAAA`)
      .expect(401);
    await request(server.app)
      .get('/api/cases')
      .set('Authorization', `Bearer ${await token({ groups: ['stranger'] })}`)
      .expect(403);
  });

  it('should refuse bearer tokens when none are configured', async () => {
    const plain = await startServer();
    try {
      const res = await request(plain.app).get('/api/cases').set('Authorization', 'Bearer abc').expect(401);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    } finally {
      await plain.close();
    }
  });
});

describe('Sign-in', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server.close());

  it('should refuse further attempts with 429 and Retry-After after 10 failures for one address and username', async () => {
    for (let i = 0; i < 10; i++)
      await request(server.app)
        .post('/api/session')
        .send({ username: USERS.officer, password: `wrong-${i}` })
        .expect(401);
    const limited = await request(server.app)
      .post('/api/session')
      .send({ username: USERS.officer, password: PASSWORD })
      .expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['content-type']).toMatch(/problem\+json/);
    // Another username from the same address is not held up.
    await request(server.app).post('/api/session').send({ username: USERS.lead, password: PASSWORD }).expect(200);
  });

  it('should count the failures of every instance sharing the store, so two instances do not double the attempts', async () => {
    // given a second instance of the server over the same store
    const { store, registry, logger } = server.dao.services;
    const other = createApp(createServices({ store, registry, logger, sessionSecret: 'the other instance' }));
    // when the guesses are spread over both
    for (let i = 0; i < 5; i++)
      await request(server.app)
        .post('/api/session')
        .send({ username: USERS.requester, password: `wrong-a${i}` })
        .expect(401);
    for (let i = 0; i < 5; i++)
      await request(other)
        .post('/api/session')
        .send({ username: USERS.requester, password: `wrong-b${i}` })
        .expect(401);
    // then both refuse the next attempt, even with the right password
    await request(server.app).post('/api/session').send({ username: USERS.requester, password: PASSWORD }).expect(429);
    await request(other).post('/api/session').send({ username: USERS.requester, password: PASSWORD }).expect(429);
  });

  it('should treat an unknown username like a wrong password', async () => {
    const res = await request(server.app)
      .post('/api/session')
      .send({ username: 'nobody', password: PASSWORD })
      .expect(401);
    expect(res.body.code).toBe('sign-in-failed');
  });

  it('should label demo accounts and sign out by clearing the cookie', async () => {
    const lead = await signIn(server.app, USERS.lead);
    const me = await lead.get('/api/session/me').expect(200);
    expect(me.body.user).toMatchObject({
      username: USERS.lead,
      demo: true,
      abilities: { manageDefinitions: true, readAudit: true },
    });
    expect(me.body.csrfToken).toBe(lead.csrfToken);
    const out = await lead.delete('/api/session').expect(204);
    expect(String(out.headers['set-cookie'])).toMatch(/dao_session=;/);
  });

  it('should refuse a copy of the cookie once its session has signed out, and no other session', async () => {
    // given two sessions of one user, each cookie copied before sign-out
    const first = await signIn(server.app, USERS.lead);
    const second = await signIn(server.app, USERS.lead);
    await first.get('/api/session/me').expect(200);
    // when the first signs out
    await first.delete('/api/session').expect(204);
    // then its copied cookie no longer signs anyone in, for reads or writes, and the other session carries on
    const refused = await first.get('/api/session/me').expect(401);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    await first.post('/api/cases', { pathway: 'flow' }).expect(401);
    await second.get('/api/session/me').expect(200);
    const audit = await second.get(`/api/audit?userId=${USERS.lead}`).expect(200);
    expect(JSON.stringify(audit.body)).toContain('signed-out');
  });

  it('should mark the cookie Secure behind TLS (a trusted proxy saying https)', async () => {
    const behindProxy = createApp(server.dao.services, { trustProxy: true });
    const res = await request(behindProxy)
      .post('/api/session')
      .set('X-Forwarded-Proto', 'https')
      .send({ username: USERS.lead, password: PASSWORD })
      .expect(200);
    expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
    const plain = await request(server.app)
      .post('/api/session')
      .set('X-Forwarded-Proto', 'https')
      .send({ username: USERS.lead, password: PASSWORD })
      .expect(200);
    expect(String(plain.headers['set-cookie'])).not.toMatch(/Secure/);
  });

  it('should send the security headers with a Content-Security-Policy that allows no eval', async () => {
    const res = await request(server.app).get('/api/health').expect(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
