// Linked cases (issue 26): one case starts another over a link both pathways declare, events cross only as declared,
// both cases are stored in one transaction, each case's own log rebuilds it, a confidential pathway's cases reach only
// cleared roles, and the load-time checks name what is wrong with a link.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDefinitions } from '../../engine/definitions/check.js';
import { formatProblem } from '../../engine/definitions/problems.js';
import type { DefinitionFiles } from '../../engine/definitions/types.js';
import type { CaseData } from '../../engine/runtime/model.js';
import { CaseService } from '../../engine/service/case-service.js';
import { DefinitionRegistry } from '../../engine/service/definition-registry.js';
import { openSqliteStore } from '../../engine/store/sqlite-store.js';
import type { CaseStore } from '../../engine/store/types.js';
import { fixtureFiles } from '../engine/helpers.js';

const HOME = `id: home
meta:
  schemaVersion: 1
  title: Home
  startedBy: [lead]
  links:
    side: { pathway: side, accepts: [SIDE_RAISED] }
  events:
    START_SIDE: { title: Start the side case }
    TELL_SIDE: { title: Tell the side case }
    SIDE_RAISED: { title: The side case raised something }
initial: open
states:
  open:
    meta: { title: Open, actors: [lead] }
    on:
      START_SIDE:
        actions:
          - { type: startLinkedCase, params: { link: side } }
          - { type: sendLinked, params: { link: side, event: HOME_LEVEL, data: { level: { var: case.level } } } }
      TELL_SIDE:
        actions:
          - { type: assign, params: { path: level, value: high } }
          - { type: sendLinked, params: { link: side, event: HOME_LEVEL, data: { level: { var: case.level } } } }
      SIDE_RAISED:
        target: raised
        actions:
          - { type: notify, params: { roles: [lead], message: The side case raised something } }
  raised:
    type: final
    meta: { title: Raised }
`;

const SIDE = `id: side
meta:
  schemaVersion: 1
  title: Side
  startsCase: false
  confidential: true
  links:
    home: { pathway: home, accepts: [HOME_LEVEL] }
  events:
    RAISE: { title: Raise }
    HOME_LEVEL:
      title: The home case's level
      data: { type: object, properties: { level: { type: [string, 'null'] } } }
initial: open
on:
  HOME_LEVEL:
    actions:
      - { type: assign, params: { path: homeLevel, expr: { var: event.data.level } } }
states:
  open:
    meta: { title: Open, actors: [lead] }
    on:
      RAISE:
        actions:
          - { type: sendLinked, params: { link: home, event: SIDE_RAISED } }
`;

async function linkedFiles(): Promise<DefinitionFiles> {
  const files = await fixtureFiles();
  files['pathways/home.yaml'] = HOME;
  files['pathways/side.yaml'] = SIDE;
  files['roles.yaml'] = files['roles.yaml']!.replace(
    'send: [ALLOCATE]',
    'send: [ALLOCATE, START_SIDE, TELL_SIDE, RAISE]',
  )
    .replace('audiences:', '  reviewer: { title: Reviewer, caseVisibility: all, read: [all] }\naudiences:')
    .concat('internal: [SIDE_RAISED, HOME_LEVEL]\n');
  return files;
}

const lead = { id: 'lead-a', role: 'lead' };
let dir: string;
let store: CaseStore;
let service: CaseService;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dao-linked-'));
  store = openSqliteStore(join(dir, 'dao.sqlite'));
  await store.migrate();
  const registry = new DefinitionRegistry(store);
  await registry.publish(await linkedFiles(), 'test');
  service = new CaseService(store, registry, { now: () => '2026-03-02T09:00:00.000Z' });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function startSide(): Promise<{ home: string; side: string }> {
  const home = (await service.openCase(lead, 'home')).record;
  await service.change(home.id, lead, { expectedVersion: 1, type: 'TELL_SIDE' });
  await service.change(home.id, lead, { expectedVersion: 2, type: 'START_SIDE' });
  const data = (await store.getCase(home.id))!.snapshot as CaseData;
  const side = Object.values(data.links ?? {})[0]!.caseId!;
  return { home: home.id, side };
}

describe('Linked cases', () => {
  describe('#change startLinkedCase', () => {
    it('should store the new case linked both ways, with only the declared value sent to it', async () => {
      const { home, side } = await startSide();
      const sideRecord = (await store.getCase(side))!;
      expect(sideRecord.pathwayId).toBe('side');
      expect(Object.values((sideRecord.snapshot as CaseData).links!)).toEqual([
        expect.objectContaining({ name: 'home', pathway: 'home', caseId: home, started: false }),
      ]);
      const sideView = await service.load(side, lead);
      expect(sideView.view.values).toEqual({ homeLevel: 'high' });
      expect((await store.getCase(home))!.version).toBe(3);
    });

    it('should rebuild each case from its own log alone', async () => {
      const { home, side } = await startSide();
      await service.change(side, lead, { expectedVersion: 1, type: 'RAISE' });
      for (const id of [home, side]) expect(await service.replay(id)).toEqual((await store.getCase(id))!.snapshot);
    });
  });

  describe('#change sendLinked', () => {
    it('should send the event the other pathway accepts, where it is taken as that pathway says', async () => {
      const { home, side } = await startSide();
      await service.change(side, lead, { expectedVersion: 1, type: 'RAISE' });
      const homeView = (await service.load(home, lead)).view;
      expect(homeView.state).toBe('raised');
      expect(homeView.notifications.map((n) => n.message)).toEqual(['The side case raised something']);
      const audit = await store.listAudit({ caseId: home });
      expect(audit[0]).toMatchObject({ action: 'linked.event', detail: { links: ['side'], events: ['SIDE_RAISED'] } });
    });

    it('should refuse an event sent straight to a case that only another case may send', async () => {
      const { home } = await startSide();
      const sent = service.change(home, lead, { expectedVersion: 3, type: 'SIDE_RAISED' });
      await expect(sent).rejects.toMatchObject({ code: 'forbidden' });
    });
  });

  describe('#change refused over a link', () => {
    it('should refuse the whole change, storing nothing, when what crosses is not what the other side declares', async () => {
      // given a home case whose level is not the number the side pathway's HOME_LEVEL declares
      const home = (await service.openCase(lead, 'home')).record;
      await service.change(home.id, lead, { expectedVersion: 1, type: 'TELL_SIDE' });
      const registry = new DefinitionRegistry(store);
      const files = await linkedFiles();
      files['pathways/side.yaml'] = SIDE.replace("level: { type: [string, 'null'] }", 'level: { type: integer }');
      await registry.publish(files, 'test');
      const strict = new CaseService(store, registry, { now: () => '2026-03-02T09:00:00.000Z' });
      // when the side case is started and told the level
      const started = strict.change(home.id, lead, { expectedVersion: 2, type: 'START_SIDE' });
      // then nothing is stored
      await expect(started).rejects.toMatchObject({ code: 'data-invalid' });
      expect((await store.getCase(home.id))!.version).toBe(2);
      expect((await strict.listCases(lead, { includeClosed: true })).cases.map((c) => c.id)).toEqual([home.id]);
    });
  });

  describe('confidential pathways', () => {
    it('should keep the linked case from a role not cleared, in a read and in every list', async () => {
      const { home, side } = await startSide();
      const reviewer = { id: 'reviewer-a', role: 'reviewer' };
      await expect(service.load(side, reviewer)).rejects.toMatchObject({ code: 'not-visible' });
      expect((await service.load(home, reviewer)).record.id).toBe(home);
      const listed = async (user: typeof lead) =>
        (await service.listCases(user, { includeClosed: true, count: true })).cases.map((c) => c.id).sort();
      expect(await listed(reviewer)).toEqual([home]);
      expect(await listed(lead)).toEqual([home, side].sort());
    });
  });

  describe('load-time checks', () => {
    const problemsWith = async (home: string, side: string) => {
      const files = await linkedFiles();
      Object.assign(files, { 'pathways/home.yaml': home, 'pathways/side.yaml': side });
      return checkDefinitions(files, 'defs').problems.map(formatProblem).join('\n');
    };

    it('should accept the links as written', async () => {
      expect(await problemsWith(HOME, SIDE)).toBe('');
    });

    it('should name an undeclared link and an event the other side does not accept', async () => {
      const home = HOME.replace('{ link: side, event: HOME_LEVEL, data', '{ link: side, event: RAISE, data').replace(
        'startLinkedCase, params: { link: side }',
        'startLinkedCase, params: { link: elsewhere }',
      );
      const problems = await problemsWith(home, SIDE);
      expect(problems).toContain('link "elsewhere" is not declared under meta.links');
      expect(problems).toContain('pathway "side" does not accept "RAISE" over its link "home"');
    });

    it('should name a link with no way back', async () => {
      const side = SIDE.replace('home: { pathway: home, accepts: [HOME_LEVEL] }', 'home: { pathway: flow }');
      const problems = await problemsWith(HOME, side);
      expect(problems).toContain('pathway "side" must declare one link back to "home" under meta.links');
      expect(problems).toContain('pathway "flow" must declare one link back to "side"');
    });
  });
});
