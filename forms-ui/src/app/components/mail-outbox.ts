// <mail-outbox>: emails of notices not yet delivered (still being tried, with the last error, or given up on), for
// those who read the audit log. Shows nothing more than the server lists: who, which case, what became of it.
import { html } from 'lit';
import type { AppContext } from '../core/context.js';
import { caseReference, formatDateTime } from '../core/format.js';
import { LightElement } from '../core/light-element.js';
import { href } from '../core/router.js';
import { loaded } from '../core/templates.js';
import { LoadController } from '../controllers/load-controller.js';

interface OutboxEmail {
  id: string;
  caseId: string;
  recipientName: string;
  address: string;
  subject: string;
  status: 'pending' | 'failed' | 'sent';
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
}

interface Outbox {
  sending: boolean;
  mail: OutboxEmail[];
}

/** Properties: `context`. */
export class MailOutbox extends LightElement {
  static override properties = { context: { attribute: false } };

  declare context: AppContext;
  readonly #load = new LoadController<Outbox>(
    this,
    () => this.context.api.get<Outbox>('api/outbox'),
    () => (this.context ? 'outbox' : undefined),
  );

  #state(email: OutboxEmail): string {
    if (email.status === 'failed') return `Not sent after ${email.attempts} tries`;
    if (email.attempts === 0) return 'Waiting to be sent';
    return `Tried ${email.attempts} times; next try ${formatDateTime(email.nextAttemptAt)}`;
  }

  protected override render(): unknown {
    return html`<h2 class="heading-m">Emails not yet delivered</h2>
      ${loaded(this.#load, (outbox) => {
        const off = outbox.sending ? '' : html`<p class="body">This server sends no email (MAIL_TRANSPORT).</p>`;
        const none = html`<p class="body">Every email of a notice has been delivered.</p>`;
        if (outbox.mail.length === 0) return html`${off}${none}`;
        return html`${off}<ul class="audit-list">
          ${outbox.mail.map(
            (email) => html`<li class="audit-list__item">
              <p class="audit-list__what"><strong>${this.#state(email)}</strong>: to ${email.recipientName}
                (${email.address}) –
                <a class="link" href=${href('/cases', email.caseId)}>Case ${caseReference(email.caseId)}</a></p>
              <p class="audit-list__detail hint">${email.subject}${email.lastError ? ` – ${email.lastError}` : ''}</p>
            </li>`,
          )}
        </ul>`;
      })}`;
  }
}

if (!customElements.get('mail-outbox')) customElements.define('mail-outbox', MailOutbox);
