// The audit of failed sign-ins and of the lock-outs they begin. An entry names the account when the username is one
// (its own spelling), else only "(unknown user)": what was typed as a username is often a password typed in the
// wrong box, so it is never kept, not even hashed (a short password is found again from its hash by guessing).
// The password typed is never kept either.
import type { CaseStore } from '../../engine/index.js';
import type { Logger } from '../logger.js';
import type { SignInLockOut } from './sign-in-limiter.js';

export const UNKNOWN_USER = '(unknown user)';

export interface FailedSignIn {
  /** The account of the username typed, when there is one. */
  account: string | undefined;
  address: string;
  lockOuts: SignInLockOut[];
}

export class SignInAudit {
  constructor(
    private readonly store: CaseStore,
    private readonly logger: Logger,
    private readonly now: () => string,
  ) {}

  async failed({ account, address, lockOuts }: FailedSignIn): Promise<void> {
    const userId = account ?? UNKNOWN_USER;
    const at = this.now();
    await this.store.appendAudit({ at, userId, caseId: null, action: 'sign-in.failed', detail: { address } });
    for (const { limit, until } of lockOuts) {
      this.logger.warn({ user: userId, limit, until }, 'sign-in locked out');
      await this.store.appendAudit({
        at,
        userId,
        caseId: null,
        action: 'sign-in.locked-out',
        detail: { address, limit, until },
      });
    }
  }
}
