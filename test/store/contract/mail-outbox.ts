// Contract: the mail outbox is written with the event, claimed by one sender at a time for a lease, and keeps what
// became of each try (sent, pending again with its error, or failed).
import { describe, expect, it } from 'vitest';
import { StoreConflictError } from '../../../engine/store/errors.js';
import type { NewMail } from '../../../engine/store/types.js';
import { minutesIn, newCase, nextCommit, type CurrentStore } from './fixtures.js';

const LEASE_MS = 5 * 60_000;

export function describeMailOutboxContract(store: CurrentStore): void {
  const mail = (id: string, recipient = 'tess'): NewMail => ({
    id,
    recipient,
    address: `${recipient}@example.org`,
    subject: `Subject ${id}`,
    body: `Body of ${id}\nwith a second line`,
    link: `https://dao.example.org/cases/${id}`,
  });

  describe('mail outbox', () => {
    it('should store the mail of a new case and of a commit, pending and due at the event', async () => {
      const created = await store().createCase(newCase('c1', { mail: [mail('m1')] }));
      await store().commitEvent(nextCommit(created, { mail: [mail('m2', 'sam'), mail('m3')] }));
      const listed = await store().listMail({ caseId: 'c1' });
      expect(listed.map((m) => m.id).sort()).toEqual(['m1', 'm2', 'm3']);
      expect(listed.find((m) => m.id === 'm1')).toEqual({
        ...mail('m1'),
        caseId: 'c1',
        createdAt: minutesIn(0),
        status: 'pending',
        attempts: 0,
        nextAttemptAt: minutesIn(0),
        lastError: null,
        sentAt: null,
      });
    });

    it('should write no mail when the commit is refused', async () => {
      const created = await store().createCase(newCase('c1'));
      const stale = { ...nextCommit(created, { mail: [mail('m1')] }), expectedVersion: 7 };
      await expect(store().commitEvent(stale)).rejects.toBeInstanceOf(StoreConflictError);
      expect(await store().listMail()).toEqual([]);
    });

    it('should hand a due email to one claimant only until its lease ends', async () => {
      await store().createCase(newCase('c1', { mail: [mail('m1'), mail('m2')] }));
      const first = await store().claimMail(minutesIn(1), 10, 'first', LEASE_MS);
      expect(first.map((m) => m.id)).toEqual(['m1', 'm2']);
      expect(await store().claimMail(minutesIn(2), 10, 'second', LEASE_MS)).toEqual([]);
      const afterLease = await store().claimMail(minutesIn(6), 1, 'third', LEASE_MS);
      expect(afterLease.map((m) => m.id)).toEqual(['m1']);
      // The first claimant's lease has ended and its row was taken: its word no longer counts.
      expect(await store().settleMail('m1', 'first', { sent: true }, minutesIn(6))).toBe(false);
      expect(await store().settleMail('m1', 'third', { sent: true }, minutesIn(6))).toBe(true);
    });

    it('should keep a failed try pending with its error until its retry time, then send it once', async () => {
      await store().createCase(newCase('c1', { mail: [mail('m1')] }));
      await store().claimMail(minutesIn(1), 10, 'a', LEASE_MS);
      const failure = { sent: false as const, error: 'connect ECONNREFUSED', retryAt: minutesIn(10) };
      expect(await store().settleMail('m1', 'a', failure, minutesIn(1))).toBe(true);
      const [pending] = await store().listMail({ status: ['pending'] });
      expect(pending).toMatchObject({ status: 'pending', attempts: 1, lastError: 'connect ECONNREFUSED' });
      expect(pending?.nextAttemptAt).toBe(minutesIn(10));
      expect(await store().claimMail(minutesIn(9), 10, 'b', LEASE_MS)).toEqual([]);
      expect((await store().claimMail(minutesIn(10), 10, 'c', LEASE_MS)).map((m) => m.id)).toEqual(['m1']);
      await store().settleMail('m1', 'c', { sent: true }, minutesIn(10));
      const [sent] = await store().listMail();
      expect(sent).toMatchObject({ status: 'sent', attempts: 2, lastError: null, sentAt: minutesIn(10) });
      expect(await store().claimMail(minutesIn(60), 10, 'd', LEASE_MS)).toEqual([]);
    });

    it('should mark an email failed when the sender gives up, and list by status', async () => {
      await store().createCase(newCase('c1', { mail: [mail('m1'), mail('m2')] }));
      await store().claimMail(minutesIn(1), 10, 'a', LEASE_MS);
      await store().settleMail('m1', 'a', { sent: false, error: 'mailbox unavailable', retryAt: null }, minutesIn(1));
      await store().settleMail('m2', 'a', { sent: true }, minutesIn(1));
      expect(await store().listMail({ status: ['failed'] })).toMatchObject([
        { id: 'm1', status: 'failed', attempts: 1, lastError: 'mailbox unavailable' },
      ]);
      expect((await store().listMail({ status: ['failed', 'pending'] })).map((m) => m.id)).toEqual(['m1']);
      expect(await store().listMail({ status: [] })).toEqual([]);
      expect(await store().claimMail(minutesIn(60), 10, 'b', LEASE_MS)).toEqual([]);
    });
  });
}
