// Everything the server needs, ready: the store (given, or opened from a URL or data folder), the definitions folder
// published as the current version, demo accounts in demo mode, the services, the router and the background jobs.
import type { Router } from 'express';
import type { CryptoKey } from 'jose';
import { join } from 'node:path';
import { folderParseCache, YAML_READING, openStore, type CaseStore } from '../engine/index.js';
import { createAppRouter } from './app.js';
import { startBackgroundJobs } from './background-jobs.js';
import { DEFAULT_JWT_CLOCK_TOLERANCE_SECONDS, DEFAULT_JWT_MAX_AGE_SECONDS, type JwtConfig } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { projectFile } from './project-files.js';
import { publishDefinitionsFolder } from './services/definitions-folder.js';
import { createServices, defaultNoticeMailSettings, type Services } from './services/index.js';
import type { MailRetryPolicy } from './services/mail/mail-sender.js';
import { createMailTransport, type MailTransport, type MailTransportConfig } from './services/mail/mail-transports.js';
import { generatePassword } from './services/passwords.js';
import type { SignInLimits } from './services/sign-in-limiter.js';
import {
  resolveSessionSecret,
  retireStoredSessionSecret,
  sessionKeyFile,
  type ResolvedSessionSecret,
} from './services/session-secret.js';
import { SharedDefinitionRegistry } from './services/shared-registry.js';

export interface DaoOptions {
  store?: CaseStore;
  databaseUrl?: string;
  dataDir?: string;
  definitionsDir?: string;
  auth?: {
    sessionSecret?: string;
    jwt?: Partial<JwtConfig> & { key?: CryptoKey | Uint8Array };
    signInLimit?: Partial<SignInLimits>;
  };
  /** Demo mode: seeds the demo accounts of settings.yaml with this password (generated when absent). */
  demo?: { password?: string } | boolean;
  logger?: Logger;
  production?: boolean;
  /** Fire due timers and purge old drafts in this process (default true; an object sets the timer interval). */
  backgroundJobs?: boolean | { timerIntervalMs: number };
  now?: () => string;
  /**
   * Notices by email. Without a transport (or with `{ kind: 'none' }`) the outbox records them and nothing is sent.
   * `publicUrl`: where the web app is reached from outside, for the link in each email.
   */
  mail?: {
    transport?: MailTransportConfig | MailTransport;
    productName?: string;
    publicUrl?: string;
    retry?: Partial<MailRetryPolicy>;
    /** How often due emails are sent (default every 5 seconds). */
    intervalMs?: number;
  };
}

export interface Dao {
  services: Services;
  router: Router;
  definitionVersion: number;
  /** Set when demo accounts were seeded with a generated password: show it once, never log it. */
  generatedDemoPassword?: string;
  close(): Promise<void>;
}

function jwtOptions(jwt: NonNullable<DaoOptions['auth']>['jwt']) {
  if (!jwt) return undefined;
  if (!jwt.key && !jwt.publicKey && !jwt.jwksUrl)
    throw new Error('auth.jwt needs a key, a publicKey (SPKI PEM) or a jwksUrl');
  const lifetime = {
    maxAgeSeconds: DEFAULT_JWT_MAX_AGE_SECONDS,
    clockToleranceSeconds: DEFAULT_JWT_CLOCK_TOLERANCE_SECONDS,
  };
  return { algorithms: ['RS256', 'ES256'], usernameClaim: 'sub', roleClaim: 'role', roleMap: {}, ...lifetime, ...jwt };
}

function logSessionSecret(logger: Logger, session: ResolvedSessionSecret): void {
  if (session.source === 'new key file') {
    logger.info('created the session key file in the data folder (SESSION_SECRET is not set)');
  }
  if (session.keyFileTooOpen) logger.warn("other users than the server's may read the session key file: chmod 600 it");
}

function mailServices(mail: DaoOptions['mail']) {
  const given = mail?.transport;
  const transport = given && 'send' in given ? given : createMailTransport(given ?? { kind: 'none' });
  return {
    settings: {
      productName: mail?.productName ?? defaultNoticeMailSettings.productName,
      publicUrl: mail?.publicUrl ?? defaultNoticeMailSettings.publicUrl,
    },
    ...(transport ? { transport } : {}),
    ...(mail?.retry ? { retry: mail.retry } : {}),
  };
}

export async function createDao(options: DaoOptions = {}): Promise<Dao> {
  const logger = options.logger ?? createLogger();
  const jwt = jwtOptions(options.auth?.jwt);
  // Before anything is opened, so that a production server without a key stops at once, saying what is missing.
  const session = await resolveSessionSecret({
    ...(options.auth?.sessionSecret ? { configured: options.auth.sessionSecret } : {}),
    keyFile: sessionKeyFile(options.dataDir ?? './data'),
    production: options.production ?? false,
  });
  const store =
    options.store ??
    (await openStore({
      ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
      dataDir: options.dataDir ?? './data',
    }));
  // Definition files read before are kept in the data folder (when there is one) and read back at the next start.
  const dataDir = options.dataDir ?? (options.store || options.databaseUrl ? undefined : './data');
  const parseCache = dataDir ? folderParseCache(join(dataDir, 'definitions-cache'), YAML_READING) : undefined;
  const registry = new SharedDefinitionRegistry(store, parseCache ? { parseCache } : {});
  let definitionVersion: number;
  let services: Services;
  let router: Router;
  try {
    const definitionsDir = options.definitionsDir ?? projectFile('definitions');
    definitionVersion = await publishDefinitionsFolder(store, registry, definitionsDir);
    if (await retireStoredSessionSecret(store)) {
      logger.warn('deleted the session key an earlier version kept in the database: everyone signs in again');
    }
    services = createServices({
      store,
      registry,
      logger,
      sessionSecret: session.secret,
      production: options.production ?? false,
      ...(jwt ? { jwt } : {}),
      ...(options.auth?.signInLimit ? { signInLimit: options.auth.signInLimit } : {}),
      ...(options.now ? { now: options.now } : {}),
      mail: mailServices(options.mail),
    });
    // Made here, before any job starts: it fails when the web app is not built (set-up-web-app.ts).
    router = createAppRouter(services);
    // Cases stored by an older version get the summary columns lists read (see CaseService.resummarise).
    const resummarised = await services.cases.resummarise();
    if (resummarised) logger.info({ cases: resummarised }, 'case summaries brought up to date');
  } catch (error) {
    if (!options.store) await store.close();
    throw error;
  }
  logSessionSecret(logger, session);
  let generatedDemoPassword: string | undefined;
  if (options.demo) {
    const given = typeof options.demo === 'object' ? options.demo.password : undefined;
    const password = given ?? (generatedDemoPassword = generatePassword());
    const { defs } = await registry.current();
    const seeded = await services.users.seedDemoAccounts(defs, password);
    logger.info(
      { demo: true, accounts: seeded.map((u) => `${u.username} (${u.role})`) },
      'demo mode: demo accounts ready',
    );
  }
  const jobOptions = {
    ...(typeof options.backgroundJobs === 'object' ? options.backgroundJobs : {}),
    ...(options.mail?.intervalMs ? { mailIntervalMs: options.mail.intervalMs } : {}),
  };
  const jobs = options.backgroundJobs === false ? undefined : startBackgroundJobs(services, jobOptions);
  return {
    services,
    router,
    definitionVersion,
    ...(generatedDemoPassword ? { generatedDemoPassword } : {}),
    async close() {
      await jobs?.stop();
      if (!options.store) await store.close();
    },
  };
}
