// The one place that reads the environment: every setting of the server, checked once, failing fast in production.
import { projectFile } from './project-files.js';
import { existsSync } from 'node:fs';
import type { MailTransportConfig } from './services/mail/mail-transports.js';
import { MissingSessionSecretError, sessionKeyFile } from './services/session-secret.js';

export interface JwtConfig {
  jwksUrl?: string;
  publicKey?: string;
  algorithms: string[];
  issuer?: string;
  audience?: string;
  usernameClaim: string;
  roleClaim: string;
  /** Claim value → role in roles.yaml, for portals whose role names differ. */
  roleMap: Record<string, string>;
  /** A token issued (`iat`) longer ago than this is refused, whatever its `exp` says. */
  maxAgeSeconds: number;
  /** How far the portal's clock may be off ours when `exp`, `nbf` and `iat` are checked. */
  clockToleranceSeconds: number;
}

/** Notices by email (server/services/mail): how they leave, and what the emails call the service and link to. */
export interface MailConfig {
  transport: MailTransportConfig;
  productName?: string;
  publicUrl?: string;
}

export interface Config {
  production: boolean;
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  definitionsDir: string;
  demoMode: boolean;
  demoPassword?: string;
  sessionSecret?: string;
  trustProxy: boolean | number | string;
  logLevel: string;
  jwt?: JwtConfig;
  mail: MailConfig;
}

type Env = Record<string, string | undefined>;

export const DEFAULT_JWT_MAX_AGE_SECONDS = 3600;
export const DEFAULT_JWT_CLOCK_TOLERANCE_SECONDS = 30;

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

function trustProxy(value: string | undefined): Config['trustProxy'] {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** A proxy setting that, in production, would leave the sign-in limits without each client's own address. */
export class UnsafeProxySettingError extends Error {
  readonly code = 'unsafe-proxy-setting' as const;
  readonly variable = 'TRUST_PROXY' as const;

  constructor(message: string) {
    super(message);
    this.name = 'UnsafeProxySettingError';
  }
}

const PROXIES_TO_TRUST =
  'the proxies to trust: loopback for a proxy on this machine, their addresses or subnets (10.0.0.0/8), or how many ' +
  'proxies stand in front (1)';

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^(::ffff:)?127\./.test(host);
}

/**
 * In production the sign-in limits must see each client's own address: behind a proxy that is not trusted every
 * client has the proxy's address, and one client's failures lock everyone out (or no one is limited apart).
 */
function checkProxySetting(raw: string | undefined, trusted: Config['trustProxy'], host: string): void {
  if (raw === undefined || raw === '') {
    throw new UnsafeProxySettingError(
      'Missing env var TRUST_PROXY: when NODE_ENV=production say whether a proxy forwards requests to this server. ' +
        `Set TRUST_PROXY=false when clients connect to it directly, or name ${PROXIES_TO_TRUST}. Without it every ` +
        "client behind a proxy has the proxy's address and shares one sign-in limit.",
    );
  }
  if ((trusted === false || trusted === 0) && isLoopback(host)) {
    throw new UnsafeProxySettingError(
      `TRUST_PROXY=${raw} with HOST=${host}: only this machine can connect, so every client would come through a ` +
        "proxy here and have that proxy's address, sharing one sign-in limit. Set TRUST_PROXY=loopback (or the " +
        "proxy's address), or set HOST to the address clients connect to.",
    );
  }
  if (trusted === true) {
    throw new UnsafeProxySettingError(
      'TRUST_PROXY=true believes X-Forwarded-For from anyone when NODE_ENV=production: a client could claim any ' +
        `address and escape the sign-in limits. Name ${PROXIES_TO_TRUST}.`,
    );
  }
}

function roleMap(value: string | undefined): Record<string, string> {
  const pairs = (value ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  return Object.fromEntries(pairs.map((pair) => pair.split('=').map((s) => s.trim()) as [string, string]));
}

function jwtConfig(env: Env): JwtConfig | undefined {
  if (!env.JWT_JWKS_URL && !env.JWT_PUBLIC_KEY) {
    if (env.JWT_ISSUER || env.JWT_AUDIENCE)
      throw new Error('Missing env var JWT_JWKS_URL or JWT_PUBLIC_KEY (JWT_ISSUER/JWT_AUDIENCE are set)');
    return undefined;
  }
  return {
    ...(env.JWT_JWKS_URL ? { jwksUrl: env.JWT_JWKS_URL } : {}),
    ...(env.JWT_PUBLIC_KEY ? { publicKey: env.JWT_PUBLIC_KEY.replace(/\\n/g, '\n') } : {}),
    algorithms: (env.JWT_ALGORITHMS ?? 'RS256,ES256').split(',').map((a) => a.trim()),
    ...(env.JWT_ISSUER ? { issuer: env.JWT_ISSUER } : {}),
    ...(env.JWT_AUDIENCE ? { audience: env.JWT_AUDIENCE } : {}),
    usernameClaim: env.JWT_USERNAME_CLAIM ?? 'sub',
    roleClaim: env.JWT_ROLE_CLAIM ?? 'role',
    roleMap: roleMap(env.JWT_ROLE_MAP),
    maxAgeSeconds: seconds('JWT_MAX_AGE', env.JWT_MAX_AGE, DEFAULT_JWT_MAX_AGE_SECONDS),
    clockToleranceSeconds: seconds('JWT_CLOCK_TOLERANCE', env.JWT_CLOCK_TOLERANCE, DEFAULT_JWT_CLOCK_TOLERANCE_SECONDS),
  };
}

function seconds(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value)) throw new Error(`${name} must be a whole number of seconds, not "${value}"`);
  return Number(value);
}

function required(env: Env, name: string, why: string): string {
  const value = env[name];
  if (!value) throw new Error(`Missing env var ${name} (${why})`);
  return value;
}

/** MAIL_TRANSPORT: none (the default: the outbox records, nothing is sent), smtp or notify. */
function mailTransport(env: Env): MailTransportConfig {
  const kind = env.MAIL_TRANSPORT || 'none';
  if (kind === 'none') return { kind };
  if (kind === 'smtp') {
    const why = 'MAIL_TRANSPORT=smtp';
    return { kind, url: required(env, 'SMTP_URL', why), from: required(env, 'MAIL_FROM', why) };
  }
  if (kind === 'notify') {
    const why = 'MAIL_TRANSPORT=notify';
    return { kind, apiKey: required(env, 'NOTIFY_API_KEY', why), templateId: required(env, 'NOTIFY_TEMPLATE_ID', why) };
  }
  throw new Error(`MAIL_TRANSPORT must be none, smtp or notify, not "${kind}"`);
}

function mailConfig(env: Env): MailConfig {
  return {
    transport: mailTransport(env),
    ...(env.MAIL_PRODUCT_NAME ? { productName: env.MAIL_PRODUCT_NAME } : {}),
    ...(env.PUBLIC_URL ? { publicUrl: env.PUBLIC_URL.replace(/\/+$/, '') } : {}),
  };
}

function port(value: string | undefined): number {
  const n = Number(value ?? 3000);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`PORT must be a port number, not "${value}"`);
  return n;
}

export function loadConfig(env: Env = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const demoMode = flag(env.DEMO_MODE, !production);
  const config: Config = {
    production,
    port: port(env.PORT),
    host: env.HOST || '127.0.0.1',
    dataDir: env.DATA_DIR || './data',
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    definitionsDir: env.DEFINITIONS_DIR || projectFile('definitions'),
    demoMode,
    ...(env.DEMO_PASSWORD ? { demoPassword: env.DEMO_PASSWORD } : {}),
    ...(env.SESSION_SECRET ? { sessionSecret: env.SESSION_SECRET } : {}),
    trustProxy: trustProxy(env.TRUST_PROXY),
    logLevel: env.LOG_LEVEL || 'info',
    mail: mailConfig(env),
  };
  const jwt = jwtConfig(env);
  if (jwt) config.jwt = jwt;
  if (production) {
    const keyFile = sessionKeyFile(config.dataDir);
    if (!config.sessionSecret && !existsSync(keyFile)) throw new MissingSessionSecretError(keyFile);
    if (demoMode && !config.demoPassword)
      throw new Error('Missing env var DEMO_PASSWORD (DEMO_MODE is on in production)');
    checkProxySetting(env.TRUST_PROXY, config.trustProxy, config.host);
  }
  if (config.sessionSecret && config.sessionSecret.length < 32)
    throw new Error('SESSION_SECRET must be at least 32 characters');
  return config;
}
