// The case service over real storage: optimistic concurrency, durable timers across a restart, replay.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseService } from '../../engine/service/case-service.js';
import { DefinitionRegistry } from '../../engine/service/definition-registry.js';
import { openSqliteStore } from '../../engine/store/sqlite-store.js';
import type { CaseStore } from '../../engine/store/types.js';
import { fixtureFiles } from '../engine/helpers.js';

let dir: string;
let stores: CaseStore[] = [];

async function start(clock: { now: string }) {
  const store = openSqliteStore(join(dir, 'dao.sqlite'));
  await store.migrate();
  stores.push(store);
  const registry = new DefinitionRegistry(store);
  await registry.publish(await fixtureFiles(), 'test');
  return { store, service: new CaseService(store, registry, { now: () => clock.now }) };
}

const requester = { id: 'requester-a', role: 'requester' };
const lead = { id: 'lead-a', role: 'lead' };

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dao-service-'));
});
afterEach(async () => {
  await Promise.all(stores.map((s) => s.close()));
  stores = [];
  await rm(dir, { recursive: true, force: true });
});

describe('CaseService', () => {
  describe('#change', () => {
    it('should store forms and the event together and refuse a stale version', async () => {
      const clock = { now: '2026-04-01T09:00:00.000Z' };
      const { service, store } = await start(clock);
      const opened = await service.openCase(requester, 'flow');
      const changed = await service.change(opened.record.id, requester, {
        expectedVersion: 1,
        type: 'SUBMIT',
        forms: { request: { name: 'Sam', urgent: true } },
      });
      expect(changed.record.version).toBe(2);
      expect(changed.view.state).toBe('waiting');
      // when a colleague's screen still holds version 1
      await expect(
        service.change(opened.record.id, lead, {
          expectedVersion: 1,
          type: 'ALLOCATE',
          data: { officer: 'officer-a' },
        }),
      ).rejects.toMatchObject({ code: 'conflict' });
      // then nothing changed
      expect((await store.getCase(opened.record.id))?.version).toBe(2);
      expect(await store.listEvents(opened.record.id)).toHaveLength(2);
    });
    it('should refuse an event not allowed here, listing the allowed ones, and write nothing', async () => {
      const { service, store } = await start({ now: '2026-04-01T09:00:00.000Z' });
      const opened = await service.openCase(requester, 'flow');
      await expect(
        service.change(opened.record.id, lead, {
          expectedVersion: 1,
          type: 'ALLOCATE',
          data: { officer: 'officer-a' },
        }),
      ).rejects.toMatchObject({
        code: 'event-not-allowed',
        details: { allowedEvents: [] },
      });
      expect(await store.listEvents(opened.record.id)).toHaveLength(1);
    });
    it('should refuse an empty change, storing no event and keeping the version (issue 21)', async () => {
      const { service, store } = await start({ now: '2026-04-01T09:00:00.000Z' });
      const opened = await service.openCase(requester, 'flow');
      for (const empty of [
        { expectedVersion: 1, type: '', forms: {} },
        { expectedVersion: 1, type: '' },
      ]) {
        const refused = service.change(opened.record.id, requester, empty);
        await expect(refused).rejects.toMatchObject({ code: 'empty-change' });
      }
      expect((await store.getCase(opened.record.id))?.version).toBe(1);
      expect(await store.listEvents(opened.record.id)).toHaveLength(1);
    });
    it('should record what each event is about: the instance it was sent to and the forms it submitted', async () => {
      const { service, store } = await start({ now: '2026-04-01T09:00:00.000Z' });
      const opened = await service.openCase(requester, 'flow');
      const forms = { request: { name: 'Sam', urgent: true } };
      await service.change(opened.record.id, requester, { expectedVersion: 1, type: 'SUBMIT', forms });
      const headers = await store.listEventHeaders(opened.record.id);
      expect(headers.map((h) => [h.type, h.about])).toEqual([
        ['case.opened', { instance: 'case' }],
        ['SUBMIT', { instance: 'case', forms: ['request'] }],
      ]);
    });
    it('should keep invalid answers out of the store and name the field', async () => {
      const { service, store } = await start({ now: '2026-04-01T09:00:00.000Z' });
      const opened = await service.openCase(requester, 'flow');
      await expect(
        service.change(opened.record.id, requester, {
          expectedVersion: 1,
          type: 'SUBMIT',
          forms: { request: { urgent: true } },
        }),
      ).rejects.toMatchObject({
        code: 'form-invalid',
        details: { fieldErrors: { name: ['Enter name of the person'] } },
      });
      expect(((await store.getCase(opened.record.id))?.snapshot as { forms: object }).forms).toEqual({});
    });
  });

  describe('#fireDueTimers', () => {
    it('should fire a timer that fell due while the server was down', async () => {
      const clock = { now: '2026-04-01T09:00:00.000Z' };
      const first = await start(clock);
      const opened = await first.service.openCase(requester, 'timed');
      await first.service.change(opened.record.id, requester, { expectedVersion: 1, type: 'SUBMIT' });
      expect(await first.store.listDeadlines(opened.record.id)).toHaveLength(1);
      await first.store.close();
      stores = [];
      // when a new server starts four days later
      clock.now = '2026-04-05T09:00:00.000Z';
      const second = await start(clock);
      expect(await second.service.fireDueTimers()).toBe(1);
      // then the case moved on and the notice was sent
      const { view } = await second.service.load(opened.record.id, lead);
      expect(view.state).toBe('overdue');
      expect(view.notifications.map((n) => n.message)).toEqual(['Overdue']);
      expect(await second.service.fireDueTimers()).toBe(0);
    });
    it('should cancel the stored timer when the state is left first', async () => {
      const { service, store } = await start({ now: '2026-04-01T09:00:00.000Z' });
      const opened = await service.openCase(requester, 'timed');
      await service.change(opened.record.id, requester, { expectedVersion: 1, type: 'SUBMIT' });
      expect(await store.listDeadlines(opened.record.id)).toHaveLength(1);
      // when the case leaves the waiting state before the reminder is due
      await service.change(opened.record.id, requester, { expectedVersion: 2, type: 'SUBMIT' });
      // then the stored timer is gone and nothing fires later
      expect(await store.listDeadlines(opened.record.id)).toHaveLength(0);
      expect(await service.fireDueTimers()).toBe(0);
    });
  });

  describe('#replay', () => {
    it('should rebuild the stored snapshot from the event log', async () => {
      const { service, store } = await start({ now: '2026-04-01T09:00:00.000Z' });
      const opened = await service.openCase(requester, 'flow');
      await service.change(opened.record.id, requester, {
        expectedVersion: 1,
        type: 'SUBMIT',
        forms: { request: { name: 'Sam', urgent: false } },
      });
      await service.change(opened.record.id, lead, {
        expectedVersion: 2,
        type: 'ALLOCATE',
        data: { officer: 'officer-a' },
      });
      expect(await service.replay(opened.record.id)).toEqual((await store.getCase(opened.record.id))?.snapshot);
    });
  });

  describe('#waitingList', () => {
    it('should list only visible cases and respect allocation capacity', async () => {
      const { service } = await start({ now: '2026-04-01T09:00:00.000Z' });
      const loads = await service.officerLoads(
        (await (service as unknown as { registry: DefinitionRegistry }).registry.current()).defs,
      );
      expect(loads).toEqual({ 'officer-a': { capacity: 2, active: 0, qualifications: ['qualified'] } });
      const a = await service.openCase(requester, 'flow');
      const b = await service.openCase({ id: 'requester-b', role: 'requester' }, 'flow');
      expect((await service.listCases(requester)).cases.map((c) => c.id)).toEqual([a.record.id]);
      expect((await service.listCases(lead)).cases.map((c) => c.id).sort()).toEqual([a.record.id, b.record.id].sort());
    });
  });
});

describe('migrateCases', () => {
  it('should move cases whose states still exist, refuse the others with the reason, and keep timers', async () => {
    const { migrateCases } = await import('../../engine/service/migrate-cases.js');
    const clock = { now: '2026-04-01T09:00:00.000Z' };
    const { service, store } = await start(clock);
    const registry = (service as unknown as { registry: DefinitionRegistry }).registry;
    const waiting = await service.openCase(requester, 'timed');
    await service.change(waiting.record.id, requester, { expectedVersion: 1, type: 'SUBMIT' });
    const draft = await service.openCase(requester, 'timed');
    // given a new version in which the "open" state is renamed
    const files = await fixtureFiles();
    files['pathways/timed.yaml'] = files['pathways/timed.yaml']!.replace('initial: open', 'initial: started')
      .replace('  open:\n', '  started:\n')
      .replace('SUBMIT: open', 'SUBMIT: started');
    const version = await registry.publish(files, 'lead-a', 'rename open');
    expect(version).toBe(2);
    // when the cases are migrated
    const report = await migrateCases(store, registry, lead, version);
    // then the waiting case moved with its timer, the draft one could not and says why
    expect(report.moved).toContain(waiting.record.id);
    expect(report.cannotMove).toEqual([
      expect.objectContaining({
        caseId: draft.record.id,
        fromVersion: 1,
        reasons: [expect.stringContaining('"open" does not exist in the new version')],
      }),
    ]);
    expect((await store.getCase(waiting.record.id))?.definitionVersion).toBe(2);
    expect((await store.getCase(draft.record.id))?.definitionVersion).toBe(1);
    expect(await store.listDeadlines(waiting.record.id)).toHaveLength(1);
    expect((await store.listEvents(waiting.record.id)).at(-1)?.type).toBe('case.migrated');
    expect(await service.replay(waiting.record.id)).toEqual((await store.getCase(waiting.record.id))?.snapshot);
  });
});
