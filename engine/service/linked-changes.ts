// Carries out what a change asks of linked cases (runtime/links.ts): the cases it starts and the events it sends over
// its links, and what those cases in turn ask, so that the case service stores all of it in one transaction. Nothing
// crosses but what the pathways declare: a new case knows only who started it, an event carries only its data.
import type { CompiledDefinitions } from '../definitions/check.js';
import { linkedCaseIds } from '../runtime/links.js';
import type { CaseCommand, CaseData, CommandContext, LinkCrossing } from '../runtime/model.js';
import type { CaseRecord, CaseStore, CommitInput, CreateCaseInput } from '../store/types.js';
import type { CaseService, DefinitionSource, ServiceUser } from './case-service.js';
import { CaseServiceError } from './errors.js';

/** More deliveries than this in one change means two pathways keep answering each other. */
const MAX_DELIVERIES = 20;

interface WorkingCase {
  id: string;
  defs: CompiledDefinitions;
  data: CaseData;
  commands: CaseCommand[];
  /** Absent for a case this change creates. */
  record?: CaseRecord;
  version: number;
  arrivals: string[];
}

export interface LinkOrigin {
  record: CaseRecord;
  defs: CompiledDefinitions;
  user: ServiceUser;
  ctx: CommandContext;
  data: CaseData;
  /** The change's commands: the `linkCase` commands that record the cases it started are added to them. */
  commands: CaseCommand[];
}

export interface LinkedPlan {
  /** The origin's data with the cases it started recorded. */
  data: CaseData;
  other: { creates: CreateCaseInput[]; commits: CommitInput[] };
}

/** The names of this case's links to any of these cases. */
function linkNamesTo(data: CaseData, caseIds: string[]): string[] {
  const names = Object.values(data.links ?? {}).flatMap((l) =>
    l.caseId && caseIds.includes(l.caseId) ? [l.name] : [],
  );
  return [...new Set(names)];
}

export class LinkedChanges {
  constructor(
    private readonly store: CaseStore,
    private readonly registry: DefinitionSource,
    private readonly service: CaseService,
  ) {}

  async plan(origin: LinkOrigin, crossings: LinkCrossing[]): Promise<LinkedPlan> {
    if (crossings.length === 0) return { data: origin.data, other: { creates: [], commits: [] } };
    const { record, defs, user, ctx } = origin;
    const start: WorkingCase = {
      id: record.id,
      defs,
      data: origin.data,
      commands: origin.commands,
      record,
      version: record.definitionVersion,
      arrivals: [],
    };
    const cases = new Map<string, WorkingCase>([[record.id, start]]);
    const queue = crossings.map((crossing) => ({ from: start, crossing }));
    let deliveries = 0;
    const apply = (target: WorkingCase, command: CaseCommand) => {
      const ran = this.service.runCollecting(target.defs, target.data, [command]);
      target.data = ran.data;
      target.commands.push(command);
      queue.push(...ran.crossings.map((crossing) => ({ from: target, crossing })));
    };
    while (queue.length) {
      const { from, crossing } = queue.shift()!;
      if (++deliveries > MAX_DELIVERIES) {
        throw new CaseServiceError('definition-error', 'linked cases kept sending events to each other: stopped');
      }
      if (crossing.kind === 'start') {
        const opened = await this.open(from, crossing.pathway, ctx);
        cases.set(opened.id, opened.working);
        queue.push(...opened.crossings.map((c) => ({ from: opened.working, crossing: c })));
        apply(from, { kind: 'linkCase', link: crossing.key, caseId: opened.id, ctx });
        continue;
      }
      for (const id of linkedCaseIds(from.data, crossing.link)) {
        const target = cases.get(id) ?? (await this.load(id));
        if (!target) continue;
        cases.set(id, target);
        target.arrivals.push(crossing.event);
        apply(target, { kind: 'receiveLinked', fromCase: from.id, type: crossing.event, data: crossing.data, ctx });
      }
    }
    const other = { creates: [] as CreateCaseInput[], commits: [] as CommitInput[] };
    for (const target of cases.values()) {
      if (target === start) continue;
      if (!target.record) {
        const made = await this.service.inputs.creationOf(
          target.defs,
          target.version,
          user,
          target.id,
          target.data,
          target.commands,
        );
        other.creates.push(made.input);
        continue;
      }
      const type = target.arrivals.at(-1)!;
      const about = { instance: 'case' };
      const change = { user, ctx, commands: target.commands, type, about };
      const { input } = await this.service.inputs.commitFor(target.defs, target.record, target.data, change);
      input.audit = [
        {
          at: ctx.now,
          userId: user.id,
          caseId: target.id,
          action: 'linked.event',
          // The link, not the other case: a case this one's readers may not see is never named in its audit.
          detail: { links: linkNamesTo(target.data, [...cases.keys()]), events: target.arrivals },
        },
      ];
      other.commits.push(input);
    }
    return { data: start.data, other };
  }

  private async open(from: WorkingCase, pathway: string, ctx: CommandContext) {
    const { version, defs } = await this.registry.current();
    const command: CaseCommand = {
      kind: 'open',
      pathway,
      ctx,
      linkedFrom: { caseId: from.id, pathway: from.data.pathway },
    };
    const ran = this.service.runCollecting(defs, undefined, [command]);
    const id = this.service.newCaseId();
    const working: WorkingCase = { id, defs, data: ran.data, commands: [command], version, arrivals: [] };
    return { id, working, crossings: ran.crossings };
  }

  private async load(id: string): Promise<WorkingCase | undefined> {
    const record = await this.store.getCase(id);
    if (!record) return undefined;
    const defs = await this.registry.get(record.definitionVersion);
    const data = record.snapshot as CaseData;
    return { id, defs, data, commands: [], record, version: record.definitionVersion, arrivals: [] };
  }
}
