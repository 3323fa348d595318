// The emails that carry a case's notices: one per person who should read the notice, made from a fixed template
// holding only the product's name, the notice as the pathway words it, the case's number and a link. A notice's
// message is static text of the definitions (compile/actions/notify.ts takes no expression), so no answer of a case,
// confidential or not, can reach an email; reading the case needs signing in through the link.
import { randomUUID } from 'node:crypto';
import {
  isVisibleTo,
  type CaseRecord,
  type CaseStore,
  type CompiledDefinitions,
  type NewMail,
  type NoticeMailer,
  type NotificationRecord,
  type UserRecord,
} from '../../../engine/index.js';

export interface NoticeMailSettings {
  /** The name the emails give the service. */
  productName: string;
  /** Where the web app is reached from outside, links to cases starting with it (no trailing slash). */
  publicUrl: string;
}

export class NoticeMail implements NoticeMailer {
  constructor(
    private readonly store: CaseStore,
    private readonly settings: NoticeMailSettings,
  ) {}

  /**
   * A notice reaches the people of its roles who may see the case (roles.yaml caseVisibility: a referrer their own
   * referrals, an officer the cases allocated to them) and who have an email address.
   */
  async mailFor(notices: NotificationRecord[], record: CaseRecord, defs: CompiledDefinitions): Promise<NewMail[]> {
    const users = (await this.store.listUsers()).filter((user) => user.email);
    const mail: NewMail[] = [];
    for (const notice of notices) {
      const readers = users.filter(
        (user) => notice.roles.includes(user.role) && isVisibleTo(defs, { id: user.username, role: user.role }, record),
      );
      for (const reader of readers) mail.push(this.compose(notice, record, reader));
    }
    return mail;
  }

  /** The link to the case in the web app, and the case's own number (or the start of its id, as the app shows it). */
  private compose(notice: NotificationRecord, record: CaseRecord, reader: UserRecord): NewMail {
    const { productName, publicUrl } = this.settings;
    const caseNumber = record.summary.caseNumber?.value ?? record.id.slice(0, 8);
    const link = `${publicUrl}/#/cases/${encodeURIComponent(record.id)}`;
    return {
      id: randomUUID(),
      recipient: reader.username,
      address: reader.email!,
      subject: `${productName}: ${notice.message} (case ${caseNumber})`,
      body: [
        `${productName} has a notice for you about case ${caseNumber}:`,
        '',
        notice.message,
        '',
        `Sign in to read the case: ${link}`,
        '',
        'This email holds no case details. Do not reply to it.',
      ].join('\n'),
      link,
    };
  }
}
