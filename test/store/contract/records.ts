// Contract: drafts, audit, users and definition versions.
import { describe, expect, it } from 'vitest';
import { StoreConflictError } from '../../../engine/store/errors.js';
import type { DefinitionVersionRecord, DraftRecord, UserRecord } from '../../../engine/store/types.js';
import { awkwardJson, minutesIn, newCase, type CurrentStore } from './fixtures.js';

export function describeRecordContract(store: CurrentStore): void {
  const draft = (overrides: Partial<DraftRecord> = {}): DraftRecord => ({
    caseId: 'c1',
    formId: 'form-a',
    userId: 'ann',
    data: { answer: 'yes' },
    savedAt: minutesIn(0),
    ...overrides,
  });

  describe('#saveDraft', () => {
    it('should save a draft that getDraft returns exactly', async () => {
      await store().saveDraft(draft({ data: awkwardJson }));
      expect(await store().getDraft('c1', 'form-a', 'ann')).toEqual(draft({ data: awkwardJson }));
    });

    it('should overwrite the draft of the same case, form and user only', async () => {
      await store().saveDraft(draft());
      await store().saveDraft(draft({ userId: 'bob' }));
      await store().saveDraft(draft({ data: { answer: 'no' }, savedAt: minutesIn(5) }));
      expect(await store().getDraft('c1', 'form-a', 'ann')).toEqual(
        draft({ data: { answer: 'no' }, savedAt: minutesIn(5) }),
      );
      expect(await store().getDraft('c1', 'form-a', 'bob')).toEqual(draft({ userId: 'bob' }));
    });
  });

  describe('#getDraft', () => {
    it('should return undefined when there is no draft', async () => {
      expect(await store().getDraft('c1', 'form-a', 'ann')).toBeUndefined();
    });
  });

  describe('#deleteDraft', () => {
    it('should delete one draft and be harmless when it is gone', async () => {
      await store().saveDraft(draft());
      await store().saveDraft(draft({ formId: 'form-b' }));
      await store().deleteDraft('c1', 'form-a', 'ann');
      await store().deleteDraft('c1', 'form-a', 'ann');
      expect(await store().getDraft('c1', 'form-a', 'ann')).toBeUndefined();
      expect(await store().getDraft('c1', 'form-b', 'ann')).toBeDefined();
    });
  });

  describe('#purgeDrafts', () => {
    it('should delete drafts saved before the given time and count them', async () => {
      await store().saveDraft(draft({ formId: 'old', savedAt: minutesIn(1) }));
      await store().saveDraft(draft({ formId: 'older', savedAt: minutesIn(0) }));
      await store().saveDraft(draft({ formId: 'new', savedAt: minutesIn(10) }));
      expect(await store().purgeDrafts(minutesIn(10))).toBe(2);
      expect(await store().getDraft('c1', 'new', 'ann')).toBeDefined();
      expect(await store().getDraft('c1', 'old', 'ann')).toBeUndefined();
    });
  });

  describe('#appendAudit', () => {
    it('should keep entries with and without a case, with their JSON detail', async () => {
      await store().appendAudit({ at: minutesIn(0), userId: 'ann', caseId: null, action: 'login' });
      await store().appendAudit({ at: minutesIn(1), userId: 'ann', caseId: 'c1', action: 'read', detail: awkwardJson });
      await store().appendAudit({ at: minutesIn(2), userId: 'bob', caseId: 'c1', action: 'read', detail: null });
      const entries = await store().listAudit();
      expect(entries.map(({ id: _id, ...entry }) => entry)).toEqual([
        { at: minutesIn(2), userId: 'bob', caseId: 'c1', action: 'read', detail: null },
        { at: minutesIn(1), userId: 'ann', caseId: 'c1', action: 'read', detail: awkwardJson },
        { at: minutesIn(0), userId: 'ann', caseId: null, action: 'login' },
      ]);
      expect(entries.every((e) => typeof e.id === 'number')).toBe(true);
    });
  });

  describe('#listAudit', () => {
    it('should filter by case and user, newest first, up to the limit', async () => {
      await store().createCase(
        newCase('c1', { audit: [{ at: minutesIn(0), userId: 'ann', caseId: 'c1', action: 'create' }] }),
      );
      for (const [minute, userId, caseId] of [
        [1, 'bob', 'c1'],
        [2, 'ann', 'c2'],
        [3, 'ann', 'c1'],
      ] as const) {
        await store().appendAudit({ at: minutesIn(minute), userId, caseId, action: `action ${minute}` });
      }
      const actions = async (filter: Parameters<ReturnType<CurrentStore>['listAudit']>[0]) =>
        (await store().listAudit(filter)).map((e) => e.action);
      expect(await actions({ caseId: 'c1' })).toEqual(['action 3', 'action 1', 'create']);
      expect(await actions({ userId: 'ann' })).toEqual(['action 3', 'action 2', 'create']);
      expect(await actions({ caseId: 'c1', userId: 'ann', limit: 1 })).toEqual(['action 3']);
      expect(await actions({ limit: 2 })).toEqual(['action 3', 'action 2']);
    });
  });

  describe('#upsertUser', () => {
    const user = (overrides: Partial<UserRecord> = {}): UserRecord => ({
      username: 'ann',
      displayName: 'Ann Ó Súilleabháin',
      role: 'worker',
      passwordHash: 'scrypt$abc',
      demo: true,
      ...overrides,
    });

    it('should insert, then replace, a user by username', async () => {
      await store().upsertUser(user());
      await store().upsertUser(user({ username: 'bob', demo: false }));
      await store().upsertUser(user({ role: 'manager', demo: false }));
      expect(await store().getUser('ann')).toEqual(user({ role: 'manager', demo: false }));
      expect(await store().listUsers()).toEqual([
        user({ role: 'manager', demo: false }),
        user({ username: 'bob', demo: false }),
      ]);
      expect(await store().getUser('nobody')).toBeUndefined();
    });

    it('should keep and remove the email address of a user', async () => {
      await store().upsertUser(user({ email: 'ann@example.org' }));
      expect((await store().getUser('ann'))?.email).toBe('ann@example.org');
      await store().upsertUser(user());
      expect(await store().getUser('ann')).toEqual(user());
    });
  });

  describe('#deleteUser', () => {
    it('should remove that user only, and be harmless for one that is not there', async () => {
      await store().upsertUser({ username: 'ann', displayName: 'Ann', role: 'worker', passwordHash: 'h', demo: false });
      await store().upsertUser({ username: 'bob', displayName: 'Bob', role: 'worker', passwordHash: 'h', demo: false });
      await store().deleteUser('ann');
      await store().deleteUser('nobody');
      expect(await store().getUser('ann')).toBeUndefined();
      expect((await store().listUsers()).map((u) => u.username)).toEqual(['bob']);
    });
  });

  describe('#endSession', () => {
    it('should mark only that session ended, and be harmless when ended twice', async () => {
      await store().endSession('sid-a', minutesIn(60));
      await store().endSession('sid-a', minutesIn(90));
      expect(await store().isSessionEnded('sid-a')).toBe(true);
      expect(await store().isSessionEnded('sid-b')).toBe(false);
    });
  });

  describe('#purgeEndedSessions', () => {
    it('should forget sessions whose tokens expired before the given time and count them', async () => {
      await store().endSession('expired', minutesIn(10));
      await store().endSession('live', minutesIn(30));
      expect(await store().purgeEndedSessions(minutesIn(20))).toBe(1);
      expect(await store().isSessionEnded('expired')).toBe(false);
      expect(await store().isSessionEnded('live')).toBe(true);
    });
  });

  describe('#saveDefinitionVersion', () => {
    const published = (version: number, overrides: Partial<DefinitionVersionRecord> = {}): DefinitionVersionRecord => ({
      version,
      files: { 'pathway.yaml': `version: ${version}\n`, 'forms/a.yaml': 'title: Ünïcode 📋\n' },
      publishedBy: 'ann',
      publishedAt: minutesIn(version),
      ...overrides,
    });

    it('should keep versions, find one by number and the latest', async () => {
      expect(await store().latestDefinitionVersion()).toBeUndefined();
      await store().saveDefinitionVersion(published(1, { note: 'first' }));
      await store().saveDefinitionVersion(published(3));
      await store().saveDefinitionVersion(published(2));
      expect(await store().getDefinitionVersion(1)).toEqual(published(1, { note: 'first' }));
      expect(await store().getDefinitionVersion(4)).toBeUndefined();
      expect(await store().latestDefinitionVersion()).toEqual(published(3));
    });

    it('should refuse to change a published version', async () => {
      await store().saveDefinitionVersion(published(1));
      const change = store().saveDefinitionVersion(published(1, { files: { 'pathway.yaml': 'changed' } }));
      await expect(change).rejects.toBeInstanceOf(StoreConflictError);
      await expect(change).rejects.toMatchObject({ code: 'conflict' });
      expect(await store().getDefinitionVersion(1)).toEqual(published(1));
    });
  });
}
