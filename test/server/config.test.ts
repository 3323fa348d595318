// Configuration: defaults for npm start, fail-fast in production, bearer-token settings.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';

/** The project's own definitions, wherever the server is started from. */
const PROJECT_DEFINITIONS = fileURLToPath(new URL('../../definitions', import.meta.url)).replace(/\/$/, '');

describe('loadConfig', () => {
  it('should default to a local demo server', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: './data',
      definitionsDir: PROJECT_DEFINITIONS,
      demoMode: true,
      production: false,
      trustProxy: false,
    });
  });

  it('should choose the mail transport from MAIL_TRANSPORT, sending nothing by default', () => {
    expect(loadConfig({}).mail).toEqual({ transport: { kind: 'none' } });
    const smtp = { MAIL_TRANSPORT: 'smtp', SMTP_URL: 'smtp://127.0.0.1:1025', MAIL_FROM: 'dao@example.org' };
    expect(loadConfig({ ...smtp, PUBLIC_URL: 'https://dao.example.org/dao/' }).mail).toEqual({
      transport: { kind: 'smtp', url: 'smtp://127.0.0.1:1025', from: 'dao@example.org' },
      publicUrl: 'https://dao.example.org/dao',
    });
    const noUrl = { MAIL_TRANSPORT: 'smtp', MAIL_FROM: 'dao@example.org' };
    expect(() => loadConfig(noUrl)).toThrow(/Missing env var SMTP_URL/);
    const notify = { MAIL_TRANSPORT: 'notify', NOTIFY_API_KEY: 'key', NOTIFY_TEMPLATE_ID: 'template' };
    expect(loadConfig(notify).mail.transport).toEqual({ kind: 'notify', apiKey: 'key', templateId: 'template' });
    expect(() => loadConfig({ MAIL_TRANSPORT: 'notify' })).toThrow(/Missing env var NOTIFY_API_KEY/);
    expect(() => loadConfig({ MAIL_TRANSPORT: 'pigeon' })).toThrow(/MAIL_TRANSPORT must be none, smtp or notify/);
  });

  it('should fail fast in production without a session secret, or with demo mode and no demo password', () => {
    // A data folder with no session key file in it (test/security/session-secret.test.ts covers one with a key file).
    const noKeyFile = { NODE_ENV: 'production', DATA_DIR: 'test/no-such-data-folder' };
    expect(() => loadConfig(noKeyFile)).toThrow(/Missing env var SESSION_SECRET/);
    const secret = 'x'.repeat(32);
    const production = { NODE_ENV: 'production', SESSION_SECRET: secret, TRUST_PROXY: 'loopback' };
    expect(loadConfig(production).demoMode).toBe(false);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: secret, DEMO_MODE: 'true' })).toThrow(
      /Missing env var DEMO_PASSWORD/,
    );
    expect(() => loadConfig({ SESSION_SECRET: 'short' })).toThrow(/at least 32/);
  });

  it('should read bearer-token settings and refuse an issuer without a key', () => {
    const config = loadConfig({
      JWT_JWKS_URL: 'https://idp.example/jwks',
      JWT_ISSUER: 'https://idp.example',
      JWT_ROLE_CLAIM: 'groups',
      JWT_ROLE_MAP: 'sw=social-worker, tm=team-manager',
    });
    expect(config.jwt).toMatchObject({
      jwksUrl: 'https://idp.example/jwks',
      issuer: 'https://idp.example',
      usernameClaim: 'sub',
      roleClaim: 'groups',
      roleMap: { sw: 'social-worker', tm: 'team-manager' },
    });
    expect(() => loadConfig({ JWT_ISSUER: 'https://idp.example' })).toThrow(/JWT_JWKS_URL or JWT_PUBLIC_KEY/);
  });

  it('should refuse, in production, proxy settings that would give every client one address (issue 24)', () => {
    const production = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) };
    expect(() => loadConfig(production)).toThrow(/Missing env var TRUST_PROXY/);
    // only this machine can connect, and no proxy on it is trusted: every client would be the proxy's address
    expect(() => loadConfig({ ...production, TRUST_PROXY: 'false' })).toThrow(/TRUST_PROXY=false with HOST=127.0.0.1/);
    expect(() => loadConfig({ ...production, TRUST_PROXY: '0', HOST: 'localhost' })).toThrow(/TRUST_PROXY=0 with HOST/);
    // a client could claim any address
    expect(() => loadConfig({ ...production, TRUST_PROXY: 'true', HOST: '0.0.0.0' })).toThrow(
      /TRUST_PROXY=true believes/,
    );
    expect(loadConfig({ ...production, TRUST_PROXY: 'false', HOST: '0.0.0.0' }).trustProxy).toBe(false);
    expect(loadConfig({ ...production, TRUST_PROXY: 'loopback' }).trustProxy).toBe('loopback');
    expect(loadConfig({ ...production, TRUST_PROXY: '1', HOST: '::1' }).trustProxy).toBe(1);
    // outside production nothing is required
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
  });

  it('should read ports and proxy settings', () => {
    expect(loadConfig({ PORT: '0', TRUST_PROXY: '1' })).toMatchObject({ port: 0, trustProxy: 1 });
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});
