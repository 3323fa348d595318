// How an email leaves the server, chosen by configuration (config.ts, MAIL_TRANSPORT): SMTP through nodemailer, or
// GOV.UK Notify through its client, whose email template is given the subject, body and link as personalisation.
// Each client is imported only when its transport is chosen: a server without email (the default) never loads them,
// and Notify's client alone (with axios) took about 120 ms of every server's start.
import { type MailRecord } from '../../../engine/index.js';

export interface MailTransport {
  /** Resolves once the email is accepted for delivery; rejects with why it was not. */
  send(mail: MailRecord): Promise<void>;
}

export type MailTransportConfig =
  | { kind: 'none' }
  | { kind: 'smtp'; url: string; from: string }
  | { kind: 'notify'; apiKey: string; templateId: string };

/** Time given to an SMTP server to answer, well inside the sender's lease (mail-sender.ts). */
const SMTP_TIMEOUT_MS = 30_000;

export function createMailTransport(config: MailTransportConfig): MailTransport | undefined {
  switch (config.kind) {
    case 'smtp':
      return smtpTransport(config.url, config.from);
    case 'notify':
      return notifyTransport(config.apiKey, config.templateId);
    default:
      return undefined;
  }
}

function smtpTransport(url: string, from: string): MailTransport {
  const transporter = import('nodemailer').then(({ default: nodemailer }) =>
    nodemailer.createTransport({
      url,
      connectionTimeout: SMTP_TIMEOUT_MS,
      greetingTimeout: SMTP_TIMEOUT_MS,
      socketTimeout: SMTP_TIMEOUT_MS,
    }),
  );
  return {
    async send(mail) {
      await (await transporter).sendMail({ from, to: mail.address, subject: mail.subject, text: mail.body });
    },
  };
}

function notifyTransport(apiKey: string, templateId: string): MailTransport {
  const client = import('notifications-node-client').then(({ NotifyClient }) => new NotifyClient(apiKey));
  return {
    async send(mail) {
      await (
        await client
      ).sendEmail(templateId, mail.address, {
        personalisation: { subject: mail.subject, body: mail.body, link: mail.link },
        reference: mail.id,
      });
    },
  };
}
