// Sends what the outbox holds. Due emails are claimed for a lease (so two servers never send the same one at once),
// each is handed to the transport, and what became of it is recorded: sent, or kept with its error and tried again
// after a pause that doubles each time, until it is marked failed for the Team Manager to see (GET /api/outbox).
import { randomUUID } from 'node:crypto';
import { type CaseStore, type MailOutcome } from '../../../engine/index.js';
import { errorSummary, type Logger } from '../../logger.js';
import type { MailTransport } from './mail-transports.js';

export interface MailRetryPolicy {
  /** Tries before an email is marked failed. */
  maxAttempts: number;
  /** The pause after the first failed try; each later one is twice the one before, up to maxDelayMs. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** How long a claim holds; longer than a send can take (mail-transports.ts). */
  leaseMs: number;
}

export const defaultMailRetryPolicy: MailRetryPolicy = {
  maxAttempts: 8,
  firstDelayMs: 60_000,
  maxDelayMs: 6 * 60 * 60_000,
  leaseMs: 5 * 60_000,
};

export class MailSender {
  constructor(
    private readonly store: CaseStore,
    private readonly transport: MailTransport | undefined,
    private readonly now: () => string,
    private readonly logger: Logger,
    private readonly policy: MailRetryPolicy = defaultMailRetryPolicy,
  ) {}

  /** Whether emails leave this server at all (without a transport the outbox only records them). */
  get sending(): boolean {
    return this.transport !== undefined;
  }

  /** Sends up to `limit` due emails; returns how many were sent. */
  async sendDue(limit = 20): Promise<number> {
    if (!this.transport) return 0;
    const claimToken = randomUUID();
    const claimed = await this.store.claimMail(this.now(), limit, claimToken, this.policy.leaseMs);
    let sent = 0;
    for (const mail of claimed) {
      let outcome: MailOutcome;
      try {
        await this.transport.send(mail);
        outcome = { sent: true };
        sent += 1;
      } catch (error) {
        const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
        outcome = { sent: false, error: reason, retryAt: this.retryAt(mail.attempts + 1) };
        this.logger.warn({ mail: mail.id, caseId: mail.caseId, error: errorSummary(error) }, 'email not sent');
      }
      await this.store.settleMail(mail.id, claimToken, outcome, this.now());
    }
    return sent;
  }

  /** When to try again after `attempts` failed tries, or null to give up. */
  private retryAt(attempts: number): string | null {
    const { maxAttempts, firstDelayMs, maxDelayMs } = this.policy;
    if (attempts >= maxAttempts) return null;
    const delay = Math.min(firstDelayMs * 2 ** (attempts - 1), maxDelayMs);
    return new Date(Date.parse(this.now()) + delay).toISOString();
  }
}
