// Notices by email (issue 25 item 3): a referral's arrival emails the Team Manager through a real local SMTP server,
// with a link and no case answers; with the SMTP server stopped the email waits in the outbox with its error, and is
// delivered exactly once when it is back.
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { signIn, startServer, type Client, type TestServer } from './helpers.js';

interface Received {
  to: string[];
  text: string;
}

/** The message as written (nodemailer sends long lines quoted-printable, with soft line breaks). */
function decodeQuotedPrintable(raw: string): string {
  const unfolded = raw.replace(/=\r?\n/g, '');
  return unfolded.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** An SMTP server on 127.0.0.1 that keeps what it is sent; `listen(port)` again after `stop()` reuses the port. */
class LocalSmtp {
  readonly received: Received[] = [];
  private server: SMTPServer | undefined;
  port = 0;

  async listen(port = 0): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData: (stream, session, done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const to = session.envelope.rcptTo.map((r) => r.address);
          this.received.push({ to, text: decodeQuotedPrintable(Buffer.concat(chunks).toString('utf8')) });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

const smtp = new LocalSmtp();
let server: TestServer;
let referralForms: Record<string, Record<string, unknown>>;

beforeAll(async () => {
  await smtp.listen();
  server = await startServer({
    definitionsDir: 'definitions',
    mail: {
      transport: { kind: 'smtp', url: `smtp://127.0.0.1:${smtp.port}`, from: 'dao@dao.example.org' },
      publicUrl: 'https://dao.example.org',
      retry: { firstDelayMs: 0 },
    },
  });
  const scenario = parse(await readFile('definitions/scenarios/one-to-one-work-to-closure.yaml', 'utf8'));
  referralForms = scenario.steps[0].forms;
});
afterAll(async () => {
  await server.close();
  await smtp.stop().catch(() => undefined);
});

async function sendReferral(socialWorker: Client): Promise<string> {
  const opened = await socialWorker.post('/api/cases', { pathway: 'referral' }).expect(201);
  const id = opened.body.id as string;
  await socialWorker
    .post(`/api/cases/${id}/events`, { type: 'SUBMIT_REQUEST', expectedVersion: 1, forms: referralForms })
    .expect(200);
  return id;
}

/** Every string of the answers, at any depth: none of them may reach an email. */
function answerTexts(value: unknown): string[] {
  if (typeof value === 'string') return value.length > 3 ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(answerTexts);
  if (value && typeof value === 'object') return Object.values(value).flatMap(answerTexts);
  return [];
}

describe('Notices by email', () => {
  it('should email the Team Manager a link, and no answer of the case, when a referral arrives', async () => {
    const socialWorker = await signIn(server.app, 'social-worker');
    const id = await sendReferral(socialWorker);
    expect(await server.dao.services.mailSender.sendDue()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    const [email] = smtp.received;
    expect(email!.to).toEqual(['manager@dao.example.org']);
    expect(email!.text).toContain('New Request for Service');
    expect(email!.text).toContain(`https://dao.example.org/#/cases/${id}`);
    for (const answer of answerTexts(referralForms)) expect(email!.text).not.toContain(answer);
    const [stored] = (await server.dao.services.store.listMail({ caseId: id }))!;
    expect(stored).toMatchObject({ status: 'sent', recipient: 'manager', attempts: 1 });
  });

  it('should keep an email waiting with its error while the SMTP server is down, then deliver it exactly once', async () => {
    const socialWorker = await signIn(server.app, 'social-worker');
    const manager = await signIn(server.app, 'manager');
    const before = smtp.received.length;
    const port = smtp.port;
    await smtp.stop();
    const id = await sendReferral(socialWorker);
    expect(await server.dao.services.mailSender.sendDue()).toBe(0);
    const waiting = (await manager.get('/api/outbox').expect(200)).body;
    expect(waiting.sending).toBe(true);
    expect(waiting.mail).toEqual([
      expect.objectContaining({
        caseId: id,
        status: 'pending',
        attempts: 1,
        recipient: 'manager',
        lastError: expect.any(String),
      }),
    ]);
    expect(waiting.mail[0]).not.toHaveProperty('body');
    await socialWorker.get('/api/outbox').expect(403);
    await smtp.listen(port);
    expect(await server.dao.services.mailSender.sendDue()).toBe(1);
    expect(await server.dao.services.mailSender.sendDue()).toBe(0);
    const arrived = smtp.received.slice(before);
    expect(arrived).toHaveLength(1);
    expect(arrived[0]!.text).toContain(`/#/cases/${id}`);
    expect((await manager.get('/api/outbox').expect(200)).body.mail).toEqual([]);
    const [sent] = (await manager.get('/api/outbox?status=sent').expect(200)).body.mail.filter(
      (m: { caseId: string }) => m.caseId === id,
    );
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });
});
