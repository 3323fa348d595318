// Contract: cases, their versions and their event log.
import { describe, expect, it } from 'vitest';
import { StoreConflictError, StoreNotFoundError } from '../../../engine/store/errors.js';
import { awkwardJson, minutesIn, newCase, nextCommit, type CurrentStore } from './fixtures.js';

export function describeCaseContract(store: CurrentStore): void {
  describe('#migrate', () => {
    it('should be harmless to run again on a store holding data', async () => {
      await store().createCase(newCase('c1'));
      await store().migrate();
      await store().migrate();
      expect((await store().getCase('c1'))?.version).toBe(1);
    });
  });

  describe('#createCase', () => {
    it('should store the case at version 1 with event seq 1', async () => {
      const created = await store().createCase(newCase('c1'));
      expect(created).toEqual({
        id: 'c1',
        pathwayId: 'pathway-a',
        definitionVersion: 1,
        version: 1,
        snapshot: newCase('c1').snapshot,
        summary: newCase('c1').summary,
        createdBy: 'ann',
        createdAt: minutesIn(0),
        updatedAt: minutesIn(0),
      });
      expect(await store().listEvents('c1')).toEqual([{ caseId: 'c1', seq: 1, ...newCase('c1').event }]);
    });

    it('should write its deadlines and audit entries with it', async () => {
      await store().createCase(
        newCase('c1', {
          setDeadlines: [{ id: 'c1:reply', name: 'reply', dueAt: minutesIn(60), event: { type: 'timeout' } }],
          audit: [{ at: minutesIn(0), userId: 'ann', caseId: 'c1', action: 'create' }],
        }),
      );
      expect((await store().listDeadlines('c1')).map((d) => d.id)).toEqual(['c1:reply']);
      expect((await store().listAudit({ caseId: 'c1' })).map((a) => a.action)).toEqual(['create']);
    });

    it('should refuse an existing id with a conflict and leave the case as it was', async () => {
      await store().createCase(newCase('c1'));
      const again = store().createCase(newCase('c1', { snapshot: 'other' }));
      await expect(again).rejects.toBeInstanceOf(StoreConflictError);
      expect((await store().getCase('c1'))?.snapshot).toEqual(newCase('c1').snapshot);
      expect(await store().listEvents('c1')).toHaveLength(1);
    });
  });

  describe('#createCases', () => {
    it('should store each case as createCase would, all in one go', async () => {
      await store().createCases([newCase('c1'), newCase('c2', { at: minutesIn(1) })]);
      expect(await store().getCase('c2')).toMatchObject({ id: 'c2', version: 1, createdAt: minutesIn(1) });
      expect(await store().listEvents('c1')).toEqual([{ caseId: 'c1', seq: 1, ...newCase('c1').event }]);
    });

    it('should store none of them when one of them exists already', async () => {
      await store().createCase(newCase('c2'));
      await expect(store().createCases([newCase('c1'), newCase('c2')])).rejects.toBeInstanceOf(StoreConflictError);
      expect(await store().getCase('c1')).toBeUndefined();
      expect(await store().countEvents()).toBe(1);
    });
  });

  describe('#getCase', () => {
    it('should return undefined for an unknown id', async () => {
      expect(await store().getCase('nobody')).toBeUndefined();
    });

    it('should round-trip unicode, emoji, right-to-left text and nested JSON exactly', async () => {
      await store().createCase(
        newCase('c1', {
          snapshot: awkwardJson,
          summary: { state: 'open', title: awkwardJson.rightToLeft, extra: awkwardJson.nested },
          event: { ...newCase('c1').event, data: awkwardJson },
        }),
      );
      const stored = await store().getCase('c1');
      expect(stored?.snapshot).toEqual(awkwardJson);
      expect(stored?.summary).toEqual({ state: 'open', title: awkwardJson.rightToLeft, extra: awkwardJson.nested });
      expect((await store().listEvents('c1'))[0]?.data).toEqual(awkwardJson);
    });
  });

  describe('#commitEvent', () => {
    it('should increment the version, replace snapshot and summary and append the event', async () => {
      const created = await store().createCase(newCase('c1'));
      const commit = nextCommit(created);
      const updated = await store().commitEvent(commit);
      expect(updated).toEqual({
        ...created,
        version: 2,
        snapshot: commit.snapshot,
        summary: commit.summary,
        updatedAt: commit.event.at,
      });
      expect(await store().getCase('c1')).toEqual(updated);
      expect(await store().listEvents('c1')).toEqual([
        { caseId: 'c1', seq: 1, ...newCase('c1').event },
        { caseId: 'c1', seq: 2, ...commit.event },
      ]);
    });

    it('should move the case to another definition version when asked', async () => {
      const created = await store().createCase(newCase('c1'));
      expect((await store().commitEvent(nextCommit(created, { definitionVersion: 2 }))).definitionVersion).toBe(2);
    });

    it('should refuse a stale expected version with a conflict and change nothing at all', async () => {
      // given a case with a deadline, an audit entry and two events
      const created = await store().createCase(
        newCase('c1', {
          setDeadlines: [{ id: 'c1:old', name: 'old', dueAt: minutesIn(10), event: null }],
          audit: [{ at: minutesIn(0), userId: 'ann', caseId: 'c1', action: 'create' }],
        }),
      );
      await store().commitEvent(nextCommit(created));
      const before = await everythingAbout('c1');
      // when a commit still expects version 1
      const stale = store().commitEvent(
        nextCommit(created, {
          snapshot: 'lost',
          fireDeadlines: ['c1:old'],
          cancelDeadlines: ['c1:old'],
          setDeadlines: [{ id: 'c1:new', name: 'new', dueAt: minutesIn(20), event: null }],
          audit: [{ at: minutesIn(3), userId: 'bob', caseId: 'c1', action: 'stale write' }],
        }),
      );
      // then
      await expect(stale).rejects.toMatchObject({ code: 'conflict', expectedVersion: 1, actualVersion: 2 });
      await expect(stale).rejects.toBeInstanceOf(StoreConflictError);
      expect(await everythingAbout('c1')).toEqual(before);
      expect(await store().countEvents()).toBe(2);
    });

    it('should report an unknown case as not found', async () => {
      const ghost = { ...(await store().createCase(newCase('c1'))), id: 'ghost' };
      await expect(store().commitEvent(nextCommit(ghost))).rejects.toBeInstanceOf(StoreNotFoundError);
      expect(await store().countEvents()).toBe(1);
    });
  });

  describe('#listEvents', () => {
    it('should return the events of one case ordered by seq', async () => {
      let record = await store().createCase(newCase('c1'));
      await store().createCase(newCase('c2'));
      for (let i = 0; i < 11; i += 1) record = await store().commitEvent(nextCommit(record));
      const events = await store().listEvents('c1');
      expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      expect(events.every((e) => e.caseId === 'c1')).toBe(true);
      expect(record.version).toBe(12);
    });

    it('should return nothing for an unknown case', async () => {
      expect(await store().listEvents('nobody')).toEqual([]);
    });
  });

  describe('#listEventHeaders', () => {
    it('should return who did what and when, in order, without the data', async () => {
      const record = await store().createCase(newCase('c1'));
      await store().commitEvent(nextCommit(record));
      const full = await store().listEvents('c1');
      const headers = await store().listEventHeaders('c1');
      expect(headers).toEqual(full.map(({ seq, type, userId, role, at }) => ({ seq, type, userId, role, at })));
      expect(headers).toHaveLength(2);
    });

    it('should keep up with events committed after an earlier read, and stop at throughSeq when given', async () => {
      let record = await store().createCase(newCase('c1'));
      expect((await store().listEventHeaders('c1')).map((h) => h.seq)).toEqual([1]);
      for (let i = 0; i < 3; i++) record = await store().commitEvent(nextCommit(record));
      expect((await store().listEventHeaders('c1')).map((h) => h.seq)).toEqual([1, 2, 3, 4]);
      expect((await store().listEventHeaders('c1', 2)).map((h) => h.seq)).toEqual([1, 2]);
      record = await store().commitEvent(nextCommit(record));
      expect((await store().listEventHeaders('c1', record.version)).map((h) => h.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(await store().listEventHeaders('c1', 9)).toHaveLength(5);
      expect(await store().listEventHeaders('nobody')).toEqual([]);
      const full = await store().listEvents('c1');
      expect(await store().listEventHeaders('c1')).toEqual(
        full.map(({ seq, type, userId, role, at }) => ({ seq, type, userId, role, at })),
      );
    });
  });

  describe('#countEvents', () => {
    it('should count the events of all cases', async () => {
      expect(await store().countEvents()).toBe(0);
      const created = await store().createCase(newCase('c1'));
      await store().createCase(newCase('c2'));
      await store().commitEvent(nextCommit(created));
      expect(await store().countEvents()).toBe(3);
    });
  });

  async function everythingAbout(caseId: string): Promise<unknown> {
    return {
      case: await store().getCase(caseId),
      events: await store().listEvents(caseId),
      deadlines: await store().listDeadlines(caseId),
      audit: await store().listAudit(),
    };
  }
}
