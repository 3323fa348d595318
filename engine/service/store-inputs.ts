// What the store is given for a new case or a change to one: snapshot, summary, the event with the commands it logs
// (replayed to rebuild the case), the timers set and cancelled, the emails of its notices and its audit entries.
import type { CompiledDefinitions } from '../definitions/check.js';
import type { CaseCommand, CaseData, CommandContext } from '../runtime/model.js';
import { describeCase, type CaseView } from '../runtime/view.js';
import type { CaseRecord, CommitInput, CreateCaseInput, EventAbout, NewDeadline, NewMail } from '../store/types.js';
import type { NoticeMailer, ServiceUser } from './case-service.js';
import { summarise } from './case-summary.js';

/** What an event's record holds: the commands that made it, replayed in order to rebuild the case. */
export interface LoggedCommands {
  commands: CaseCommand[];
}

export class StoreInputs {
  constructor(private readonly noticeMailer?: NoticeMailer) {}

  /** The emails for the notices `after` holds that `before` did not (notices are only ever added, never removed). */
  private async noticeMail(
    defs: CompiledDefinitions,
    before: CaseData | undefined,
    after: CaseData,
    record: CaseRecord,
  ): Promise<{ mail?: NewMail[] }> {
    const raised = after.notifications.slice(before?.notifications.length ?? 0);
    if (!this.noticeMailer || raised.length === 0) return {};
    const mail = await this.noticeMailer.mailFor(raised, record, defs);
    return mail.length ? { mail } : {};
  }

  timerChanges(caseId: string, before: CaseData | undefined, after: CaseData, fired: string[] = []) {
    const old = before?.timers ?? {};
    const setDeadlines: NewDeadline[] = Object.values(after.timers)
      .filter((t) => !old[t.id] || old[t.id]!.dueAt !== t.dueAt)
      .map((t) => ({ id: `${caseId}:${t.id}`, name: t.event.type, dueAt: t.dueAt, event: { timer: t.id } }));
    const cancelDeadlines = Object.keys(old)
      .filter((id) => !after.timers[id])
      .map((id) => `${caseId}:${id}`)
      .filter((id) => !fired.includes(id));
    return { setDeadlines, cancelDeadlines };
  }

  /** The store's input for a new case `id` whose commands (the first an `open`) made `data`. */
  async creationOf(
    defs: CompiledDefinitions,
    version: number,
    user: ServiceUser,
    id: string,
    data: CaseData,
    commands: CaseCommand[],
  ): Promise<{ input: CreateCaseInput; view: CaseView }> {
    const command = commands[0] as Extract<CaseCommand, { kind: 'open' }>;
    const { pathway, ctx } = command;
    const view = describeCase(defs, data, ctx.user, ctx.now);
    const summary = summarise(defs, data, view, { createdBy: user.id, createdAt: ctx.now });
    const opened = { id, pathwayId: pathway, definitionVersion: version, version: 1, snapshot: data, summary };
    const dates = { createdBy: user.id, createdAt: ctx.now, updatedAt: ctx.now };
    const mail = await this.noticeMail(defs, undefined, data, { ...opened, ...dates });
    const linkedFrom = command.linkedFrom ? { linkedFrom: command.linkedFrom.caseId } : {};
    const input: CreateCaseInput = {
      id,
      pathwayId: pathway,
      definitionVersion: version,
      snapshot: data,
      summary,
      createdBy: user.id,
      at: ctx.now,
      event: {
        type: 'case.opened',
        userId: user.id,
        role: user.role,
        at: ctx.now,
        definitionVersion: version,
        data: { commands } satisfies LoggedCommands,
        about: { instance: 'case' },
      },
      ...this.timerChanges(id, undefined, data),
      ...mail,
      audit: [{ at: ctx.now, userId: user.id, caseId: id, action: 'case.opened', detail: { pathway, ...linkedFrom } }],
    };
    return { input, view };
  }

  /** A commit of `after` to a stored case, as `user` changed it by `commands` (`type` names the event). */
  async commitFor(
    defs: CompiledDefinitions,
    record: CaseRecord,
    after: CaseData,
    change: {
      user: ServiceUser;
      ctx: CommandContext;
      commands: CaseCommand[];
      type: string;
      about: EventAbout;
      /** Deadlines of the case this change fires (a timer's). */
      fired?: string[];
      /** Whether the change is audited (a timer firing is not: nobody did it). Default true. */
      audited?: boolean;
    },
  ): Promise<{ input: CommitInput; view: CaseView }> {
    const { user, ctx, commands, type, about, fired } = change;
    const before = record.snapshot as CaseData;
    const view = describeCase(defs, after, ctx.user, ctx.now);
    const summary = summarise(defs, after, view, record);
    const mail = await this.noticeMail(defs, before, after, { ...record, snapshot: after, summary });
    const input: CommitInput = {
      caseId: record.id,
      expectedVersion: record.version,
      snapshot: after,
      summary,
      previousSummary: record.summary,
      event: {
        type,
        userId: user.id,
        role: user.role,
        at: ctx.now,
        definitionVersion: record.definitionVersion,
        data: { commands } satisfies LoggedCommands,
        about,
      },
      ...(fired ? { fireDeadlines: fired } : {}),
      ...this.timerChanges(record.id, before, after, fired),
      ...mail,
      ...(change.audited === false
        ? {}
        : { audit: [{ at: ctx.now, userId: user.id, caseId: record.id, action: type, detail: about }] }),
    };
    return { input, view };
  }
}
