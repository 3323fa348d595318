// Property: whatever sequence of events and answers is accepted or refused, the stored snapshot always equals
// the snapshot rebuilt by replaying the case's event log.
import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseService } from '../../engine/service/case-service.js';
import { DefinitionRegistry } from '../../engine/service/definition-registry.js';
import { CaseServiceError } from '../../engine/service/errors.js';
import { openSqliteStore } from '../../engine/store/sqlite-store.js';
import { fixtureFiles } from '../engine/helpers.js';

const users = [
  { id: 'requester-a', role: 'requester' },
  { id: 'lead-a', role: 'lead' },
  { id: 'officer-a', role: 'officer' },
];
const events = ['SUBMIT', 'ALLOCATE', 'FINISH', 'NOPE'];
const answers = [
  { name: 'Sam', urgent: true },
  { name: 'Ali', urgent: false },
  { urgent: 'no' },
  { name: 'x'.repeat(5000), urgent: true, secret: 'hidden' },
];

const action = fc.record({
  user: fc.constantFrom(...users),
  type: fc.constantFrom(...events),
  pathway: fc.constantFrom('flow', 'timed'),
  answers: fc.option(fc.constantFrom(...answers)),
  days: fc.integer({ min: 0, max: 5 }),
  stale: fc.boolean(),
});

describe('event log replay', () => {
  it('should always rebuild exactly the stored snapshot', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dao-replay-'));
    const store = openSqliteStore(join(dir, 'dao.sqlite'));
    await store.migrate();
    const registry = new DefinitionRegistry(store);
    await registry.publish(await fixtureFiles(), 'test');
    const clock = { now: Date.parse('2026-04-01T09:00:00Z') };
    const service = new CaseService(store, registry, { now: () => new Date(clock.now).toISOString() });
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('flow', 'timed'),
          fc.array(action, { maxLength: 12 }),
          async (pathway, actions) => {
            const { record } = await service.openCase(users[0]!, pathway);
            for (const a of actions) {
              clock.now += a.days * 86_400_000;
              await service.fireDueTimers();
              const current = (await store.getCase(record.id))!;
              try {
                await service.change(record.id, a.user, {
                  expectedVersion: a.stale ? current.version - 1 : current.version,
                  type: a.type,
                  data: a.type === 'ALLOCATE' ? { officer: 'officer-a' } : {},
                  ...(a.answers ? { forms: { request: a.answers } } : {}),
                });
              } catch (error) {
                expect(error).toBeInstanceOf(CaseServiceError);
              }
            }
            const stored = (await store.getCase(record.id))!;
            expect(await service.replay(record.id)).toEqual(stored.snapshot);
            expect((await store.listEvents(record.id)).length).toBe(stored.version);
          },
        ),
        { numRuns: 40 },
      );
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
