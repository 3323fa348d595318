// The case service: loads a case, applies commands with the pure runtime, and stores the result, its event and its
// timers in one transaction, refusing stale writes. No HTTP here; the server calls these methods.
import { randomUUID } from 'node:crypto';
import type { CompiledDefinitions } from '../definitions/check.js';
import { capacityOf, SYSTEM_USER, type CaseUser, type OfficerLoad } from '../compile/types.js';
import { applyCommand } from '../runtime/apply.js';
import type { CaseCommand, CaseData, CommandContext } from '../runtime/model.js';
import { describeCase, type CaseView } from '../runtime/view.js';
import { StoreConflictError } from '../store/errors.js';
import { answersTooDeep, exceedsJsonDepth } from '../util/json-limits.js';
import type {
  CasePage,
  CaseQuery,
  CaseRecord,
  CaseStore,
  CommitInput,
  CreateCaseInput,
  EventAbout,
  NewMail,
} from '../store/types.js';
import type { LinkCrossing, NotificationRecord } from '../runtime/model.js';
import { LinkedChanges, type LinkedPlan } from './linked-changes.js';
import { StoreInputs, type LoggedCommands } from './store-inputs.js';
import { SUMMARY_FORMAT, summarise } from './case-summary.js';
/** Where the case service finds definitions: the registry of published versions (or a fixed set, for a walk-through). */
export interface DefinitionSource {
  current(): Promise<{ version: number; defs: CompiledDefinitions }>;
  get(version: number): Promise<CompiledDefinitions>;
}
import { CaseServiceError } from './errors.js';
import { isVisibleTo, visibilityOf } from './visibility.js';
import { draftKey } from './draft-key.js';

/**
 * Makes the emails that carry the notices an event raised; they are written in the event's transaction. The server's
 * (server/services/mail); without one, notices stay in the app.
 */
export interface NoticeMailer {
  mailFor(notices: NotificationRecord[], record: CaseRecord, defs: CompiledDefinitions): Promise<NewMail[]>;
}

export interface ServiceUser {
  id: string;
  role: string;
}

export interface EventRequest {
  expectedVersion: number;
  type: string;
  instance?: string;
  data?: unknown;
  forms?: Record<string, unknown>;
}

export interface CaseSnapshotView {
  record: CaseRecord;
  view: CaseView;
  defs: CompiledDefinitions;
}

export class CaseService {
  private readonly now: () => string;
  /** What the store is given for a new case or a change. */
  readonly inputs: StoreInputs;
  private readonly linkedChanges: LinkedChanges;
  /** A new case's id: random, but for a walk-through, which numbers its cases so that every run is the same. */
  readonly newCaseId: () => string;

  constructor(
    private readonly store: CaseStore,
    private readonly registry: DefinitionSource,
    options: { now?: () => string; noticeMailer?: NoticeMailer; newCaseId?: () => string } = {},
  ) {
    this.now = options.now ?? (() => new Date().toISOString());
    this.newCaseId = options.newCaseId ?? randomUUID;
    this.inputs = new StoreInputs(options.noticeMailer);
    this.linkedChanges = new LinkedChanges(store, registry, this);
  }

  caseUser(defs: CompiledDefinitions, user: ServiceUser): CaseUser {
    return { id: user.id, role: user.role, qualifications: defs.roles.roles[user.role]?.qualifications ?? [] };
  }

  /** Each officer's capacity (from the settings) and active cases (counted by the store in one query). */
  async officerLoads(defs: CompiledDefinitions): Promise<Record<string, OfficerLoad>> {
    const officers = defs.settings.officers ?? [];
    const active = await this.store.countActiveCases(officers.map((o) => o.username));
    const load = (o: { username: string; role: string }): OfficerLoad => ({
      capacity: capacityOf(defs.settings, o.username),
      active: active[o.username] ?? 0,
      qualifications: defs.roles.roles[o.role]?.qualifications ?? [],
    });
    return Object.fromEntries(officers.map((o) => [o.username, load(o)]));
  }

  /** The moment's context; officers' loads are looked up only when the pathway has a condition that reads them. */
  private async context(defs: CompiledDefinitions, user: ServiceUser, pathway?: string): Promise<CommandContext> {
    const ctx: CommandContext = { user: this.caseUser(defs, user), now: this.now() };
    if (!pathway || defs.pathways.get(pathway)?.readsOfficerLoads) ctx.officers = await this.officerLoads(defs);
    return ctx;
  }

  private run(defs: CompiledDefinitions, data: CaseData | undefined, commands: CaseCommand[]): CaseData {
    return this.runCollecting(defs, data, commands).data;
  }

  /** Applies the commands, keeping what they ask of linked cases (runtime/links.ts). */
  runCollecting(
    defs: CompiledDefinitions,
    data: CaseData | undefined,
    commands: CaseCommand[],
  ): { data: CaseData; crossings: LinkCrossing[] } {
    let current = data;
    const crossings: LinkCrossing[] = [];
    for (const command of commands) {
      const result = applyCommand(defs, current, command);
      if (!result.ok) throw new CaseServiceError(result.error.code, result.error.message, result.error);
      current = result.data;
      crossings.push(...(result.crossings ?? []));
    }
    return { data: current!, crossings };
  }

  async openCase(user: ServiceUser, pathway: string): Promise<CaseSnapshotView> {
    const { version, defs } = await this.registry.current();
    const ctx = await this.context(defs, user, pathway);
    const { input, view } = await this.creation(defs, version, user, { kind: 'open', pathway, ctx });
    return { record: await this.store.createCase(input), view, defs };
  }

  /** A new case (by `open`, or over a link), as the store creates it; `view` as its opener sees it. */
  async creation(
    defs: CompiledDefinitions,
    version: number,
    user: ServiceUser,
    command: Extract<CaseCommand, { kind: 'open' }>,
  ): Promise<{ input: CreateCaseInput; view: CaseView; crossings: LinkCrossing[] }> {
    const commands: CaseCommand[] = [command];
    const { data, crossings } = this.runCollecting(defs, undefined, commands);
    return { ...(await this.inputs.creationOf(defs, version, user, this.newCaseId(), data, commands)), crossings };
  }

  async load(caseId: string, user: ServiceUser): Promise<CaseSnapshotView> {
    const { record, defs } = await this.loadVisible(caseId, user);
    const view = describeCase(defs, record.snapshot as CaseData, this.caseUser(defs, user), this.now());
    return { record, view, defs };
  }

  /** The case and its definitions, if this user may see it; without the view, which a change computes afterwards. */
  private async loadVisible(
    caseId: string,
    user: ServiceUser,
  ): Promise<{ record: CaseRecord; defs: CompiledDefinitions }> {
    const record = await this.store.getCase(caseId);
    if (!record) throw new CaseServiceError('not-found', `there is no case ${caseId}`);
    const defs = await this.registry.get(record.definitionVersion);
    if (!isVisibleTo(defs, user, record))
      throw new CaseServiceError('not-visible', `case ${caseId} is not one of yours`);
    return { record, defs };
  }

  /** Submits forms and/or sends an event as one change: all of it is stored, or none. */
  async change(caseId: string, user: ServiceUser, request: EventRequest): Promise<CaseSnapshotView> {
    const formIds = Object.keys(request.forms ?? {});
    // A change with nothing in it would still be an event of the log and a new version: refused before anything.
    if (!request.type && formIds.length === 0) {
      throw new CaseServiceError('empty-change', 'Nothing was sent: send an event, the answers to a form, or both.');
    }
    const { record, defs } = await this.loadVisible(caseId, user);
    if (record.version !== request.expectedVersion) {
      throw new CaseServiceError(
        'conflict',
        `the case has changed since you loaded it (version ${record.version}, not ${request.expectedVersion}): reload it and try again`,
        { currentVersion: record.version },
      );
    }
    const data0 = record.snapshot as CaseData;
    const ctx = await this.context(
      defs,
      user,
      request.type ? data0.instances[request.instance ?? 'case']?.pathway : undefined,
    );
    const commands: CaseCommand[] = Object.entries(request.forms ?? {}).map(([form, data]) => ({
      kind: 'submitForm',
      form,
      data,
      ctx,
      definitionVersion: record.definitionVersion,
      ...(request.instance ? { instance: request.instance } : {}),
    }));
    if (request.type)
      commands.push({
        kind: 'send',
        instance: request.instance ?? 'case',
        type: request.type,
        data: request.data ?? {},
        ctx,
      });
    const before = record.snapshot as CaseData;
    const ran = this.runCollecting(defs, before, commands);
    const type = request.type || `forms.submitted`;
    const linked = await this.linkedChanges.plan({ record, defs, user, ctx, data: ran.data, commands }, ran.crossings);
    const after = linked.data;
    const about: EventAbout = {
      ...(request.type || request.instance ? { instance: request.instance ?? 'case' } : {}),
      ...(formIds.length ? { forms: formIds } : {}),
    };
    const { input, view } = await this.inputs.commitFor(defs, record, after, { user, ctx, commands, type, about });
    input.audit = [
      {
        at: ctx.now,
        userId: user.id,
        caseId,
        action: type,
        detail: { instance: request.instance ?? 'case', forms: Object.keys(request.forms ?? {}) },
      },
    ];
    input.expectedVersion = request.expectedVersion;
    try {
      const saved = await this.commitWithLinked(input, linked);
      for (const form of Object.keys(request.forms ?? {})) {
        for (const key of new Set([form, draftKey(form, request.instance)])) {
          await this.store.deleteDraft(caseId, key, user.id);
        }
      }
      return { record: saved, view, defs };
    } catch (error) {
      if (error instanceof StoreConflictError)
        throw new CaseServiceError('conflict', error.message, { currentVersion: error.actualVersion });
      throw error;
    }
  }

  /** Commits a change, with the linked cases it started or changed in the same transaction when there are any. */
  private async commitWithLinked(input: CommitInput, linked: LinkedPlan): Promise<CaseRecord> {
    const { creates, commits } = linked.other;
    if (creates.length + commits.length === 0) return this.store.commitEvent(input);
    const records = await this.store.commitCases({ creates, commits: [input, ...commits] });
    return records[creates.length]!;
  }

  /** Fires stored timers that are due, including those that fell due while no server was running. */
  async fireDueTimers(limit = 50): Promise<number> {
    const now = this.now();
    return this.store.claimDueDeadlines(now, limit, async (deadline) => {
      const record = await this.store.getCase(deadline.caseId);
      if (!record) return;
      const defs = await this.registry.get(record.definitionVersion);
      const before = record.snapshot as CaseData;
      const timer = (deadline.event as { timer: string }).timer;
      const system = { id: 'system', role: 'system', qualifications: [] };
      const commands: CaseCommand[] = [
        { kind: 'fireTimer', timer, ctx: { user: system, now, officers: await this.officerLoads(defs) } },
      ];
      const ran = this.runCollecting(defs, before, commands);
      const user = { id: system.id, role: system.role };
      const ctx = commands[0]!.ctx;
      const linked = await this.linkedChanges.plan(
        { record, defs, user, ctx, data: ran.data, commands },
        ran.crossings,
      );
      const about = { instance: before.timers[timer]?.instance ?? 'case' };
      const change = { user, ctx, commands, type: 'timer.fired', about, fired: [deadline.id], audited: false };
      const { input } = await this.inputs.commitFor(defs, record, linked.data, change);
      await this.commitWithLinked(input, linked);
    });
  }

  /** Rebuilds a case's data from its event log alone. */
  async replay(caseId: string): Promise<CaseData> {
    const record = await this.store.getCase(caseId);
    if (!record) throw new CaseServiceError('not-found', `there is no case ${caseId}`);
    let data: CaseData | undefined;
    for (const event of await this.store.listEvents(caseId)) {
      const defs = await this.registry.get(event.definitionVersion);
      data = this.run(defs, data, (event.data as LoggedCommands).commands);
    }
    return data!;
  }

  /** A page of the cases this user may see (visibility is part of the store's query), by the current roles. */
  async listCases(user: ServiceUser, query: Omit<CaseQuery, 'visibleTo'> = {}): Promise<CasePage> {
    const { defs } = await this.registry.current();
    return this.store.listCases({ ...query, visibleTo: visibilityOf(defs, user) });
  }

  /** Cases awaiting allocation to an officer, in allocation order: higher priority first, then the longest waiting. */
  allocationQueue(user: ServiceUser, query: Omit<CaseQuery, 'visibleTo' | 'waiting' | 'sort'> = {}): Promise<CasePage> {
    return this.listCases(user, { ...query, waiting: true, sort: 'waiting' });
  }

  /**
   * Summarises again, in batches, every stored case whose summary is of an older format (SUMMARY_FORMAT), so that lists
   * read its current columns; run at start-up. Harmless to repeat: a case summarised (or changed) since is left alone.
   */
  async resummarise(batchSize = 200): Promise<number> {
    let done = 0;
    let after: string | undefined;
    for (;;) {
      const batch = await this.store.casesToResummarise(SUMMARY_FORMAT, batchSize, after);
      if (batch.length === 0) return done;
      for (const stored of batch) {
        const defs = await this.registry.get(stored.definitionVersion);
        const data = stored.snapshot as CaseData;
        const view = describeCase(defs, data, SYSTEM_USER, this.now());
        if (await this.store.replaceSummary(stored.id, stored.version, summarise(defs, data, view, stored))) done += 1;
      }
      after = batch.at(-1)!.id;
    }
  }

  async saveDraft(caseId: string, user: ServiceUser, formId: string, data: unknown): Promise<string> {
    const { defs } = await this.loadVisible(caseId, user);
    if (exceedsJsonDepth(data)) {
      const { code, message, fieldErrors } = answersTooDeep(String(defs.forms.get(formId)?.schema.title ?? formId));
      throw new CaseServiceError(code, message, { fieldErrors: fieldErrors! });
    }
    const savedAt = this.now();
    await this.store.saveDraft({ caseId, formId, userId: user.id, data, savedAt });
    return savedAt;
  }

  async getDraft(caseId: string, user: ServiceUser, formId: string) {
    await this.loadVisible(caseId, user);
    return this.store.getDraft(caseId, formId, user.id);
  }
}
