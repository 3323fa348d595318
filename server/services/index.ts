// Builds the server's services once; routes and middleware receive them, never import globals.
import { AppointmentService, CaseService, GroupService, type CaseStore } from '../../engine/index.js';
import type { CryptoKey } from 'jose';
import type { JwtConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { createBearerVerifier } from './bearer-tokens.js';
import { CaseHistoryJson } from './case-history-json.js';
import { DefinitionsAdmin } from './definitions-admin.js';
import { DisclosureAudit } from './disclosure-audit.js';
import { EndedSessions } from './ended-sessions.js';
import { MailSender, defaultMailRetryPolicy, type MailRetryPolicy } from './mail/mail-sender.js';
import type { MailTransport } from './mail/mail-transports.js';
import { NoticeMail, type NoticeMailSettings } from './mail/notice-mail.js';
import { PeopleDirectory } from './people.js';
import type { SharedDefinitionRegistry } from './shared-registry.js';
import { SessionTokens } from './session-tokens.js';
import { SignInAudit } from './sign-in-audit.js';
import { SignInLimiter, type SignInLimits } from './sign-in-limiter.js';
import { UserService } from './users.js';
import { ValidatorModules } from './validator-modules.js';

export interface ServiceDependencies {
  store: CaseStore;
  registry: SharedDefinitionRegistry;
  logger: Logger;
  sessionSecret: string;
  production?: boolean;
  jwt?: JwtConfig & { key?: CryptoKey | Uint8Array };
  signInLimit?: Partial<SignInLimits>;
  now?: () => string;
  /** Notices by email: recorded in the outbox always, sent when there is a transport. */
  mail?: { settings: NoticeMailSettings; transport?: MailTransport; retry?: Partial<MailRetryPolicy> };
}

export const defaultNoticeMailSettings: NoticeMailSettings = {
  productName: 'DAO Pathways',
  publicUrl: 'http://127.0.0.1:3000',
};

export function createServices(deps: ServiceDependencies) {
  const now = deps.now ?? (() => new Date().toISOString());
  const noticeMailer = new NoticeMail(deps.store, deps.mail?.settings ?? defaultNoticeMailSettings);
  const retry = { ...defaultMailRetryPolicy, ...deps.mail?.retry };
  const cases = new CaseService(deps.store, deps.registry, { now, noticeMailer });
  return {
    store: deps.store,
    registry: deps.registry,
    logger: deps.logger,
    production: deps.production ?? false,
    now,
    cases,
    appointments: new AppointmentService(deps.store, cases, { now }),
    groups: new GroupService(deps.store, cases, deps.registry, { now }),
    calendar: deps.mail?.settings ?? defaultNoticeMailSettings,
    mailSender: new MailSender(deps.store, deps.mail?.transport, now, deps.logger, retry),
    users: new UserService(deps.store),
    people: new PeopleDirectory(deps.store),
    sessions: new SessionTokens(deps.sessionSecret),
    endedSessions: new EndedSessions(deps.store),
    signInLimiter: new SignInLimiter(deps.store, deps.signInLimit),
    signInAudit: new SignInAudit(deps.store, deps.logger, now),
    bearer: deps.jwt ? createBearerVerifier(deps.jwt) : undefined,
    disclosures: new DisclosureAudit(deps.store, now),
    caseHistory: new CaseHistoryJson(),
    validatorModules: new ValidatorModules(),
    definitions: new DefinitionsAdmin(deps.store, deps.registry),
  };
}

export type Services = ReturnType<typeof createServices>;
