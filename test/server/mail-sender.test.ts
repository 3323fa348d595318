// The mail sender's retry policy: a failed send waits twice as long each time, and is marked failed after the last
// try; a sender without a transport sends nothing and leaves the outbox as it is.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../engine/store/index.js';
import type { CaseStore, MailRecord } from '../../engine/store/index.js';
import { createLogger } from '../../server/logger.js';
import { MailSender } from '../../server/services/mail/mail-sender.js';

const START = Date.UTC(2026, 0, 5, 9, 0);
const minutes = (n: number) => new Date(START + n * 60_000).toISOString();
const silent = createLogger({ level: 'silent' });

let dir: string;
let store: CaseStore;
let clock: number;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dao-mail-'));
  store = openSqliteStore(join(dir, 'dao.sqlite'));
  await store.migrate();
  clock = 0;
  await store.createCase({
    id: 'c1',
    pathwayId: 'p',
    definitionVersion: 1,
    snapshot: {},
    summary: { state: 'open' },
    createdBy: 'ann',
    at: minutes(0),
    event: { type: 'opened', userId: 'ann', role: 'r', at: minutes(0), definitionVersion: 1, data: {} },
    mail: [{ id: 'm1', recipient: 'tess', address: 'tess@example.org', subject: 's', body: 'b', link: 'l' }],
  });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('MailSender', () => {
  describe('#sendDue', () => {
    it('should retry after 1, then 2 minutes, and mark the email failed after the third try', async () => {
      const tries: string[] = [];
      const refusing = {
        send: async (mail: MailRecord) => {
          tries.push(mail.id);
          throw new Error('451 try later');
        },
      };
      const policy = { maxAttempts: 3, firstDelayMs: 60_000, maxDelayMs: 3_600_000, leaseMs: 300_000 };
      const sender = new MailSender(store, refusing, () => minutes(clock), silent, policy);
      expect(await sender.sendDue()).toBe(0);
      expect((await store.listMail())[0]).toMatchObject({
        status: 'pending',
        nextAttemptAt: minutes(1),
        lastError: '451 try later',
      });
      clock = 0.5;
      await sender.sendDue();
      expect(tries).toEqual(['m1']);
      clock = 1;
      await sender.sendDue();
      expect((await store.listMail())[0]).toMatchObject({ status: 'pending', attempts: 2, nextAttemptAt: minutes(3) });
      clock = 3;
      await sender.sendDue();
      expect((await store.listMail())[0]).toMatchObject({ status: 'failed', attempts: 3 });
      clock = 600;
      await sender.sendDue();
      expect(tries).toEqual(['m1', 'm1', 'm1']);
    });

    it('should send nothing and leave the email pending without a transport', async () => {
      const sender = new MailSender(store, undefined, () => minutes(5), silent);
      expect(sender.sending).toBe(false);
      expect(await sender.sendDue()).toBe(0);
      expect((await store.listMail())[0]).toMatchObject({ status: 'pending', attempts: 0 });
    });
  });
});
