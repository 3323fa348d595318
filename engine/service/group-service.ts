// Groups: a programme the definitions declare (a pathway's meta.groups) run once for several cases, with facilitators,
// its scheduled sessions and catch-up sessions. Attendance is taken once for the whole group and sent to each member's
// case as the group's declared event, so that what the case counts from it (a report's attendance) is in definitions.
import { randomUUID } from 'node:crypto';
import { groupKinds, type GroupKind } from '../appointments/appointment-kinds.js';
import type { CaseData } from '../runtime/model.js';
import type { AttendanceOutcome, AttendanceRecord, GroupRecord, GroupSession } from '../store/appointment-types.js';
import { StoreConflictError } from '../store/errors.js';
import type { CaseStore } from '../store/types.js';
import type { CaseService, DefinitionSource, ServiceUser } from './case-service.js';
import { attendanceOutcomes } from './appointment-service.js';
import { CaseServiceError } from './errors.js';
import { instant, invalid } from './appointment-input.js';

export interface CreateGroup {
  kind: string;
  title?: string;
  facilitators: string[];
  /** The first session; the others follow every `everyDays` days (default 7) at the same time and place. */
  firstSessionAt: string;
  place: string;
  everyDays?: number;
}

export interface MemberAttendance {
  outcome: AttendanceOutcome;
  reason?: string;
}

const DAY_MS = 86_400_000;

/** In this state or a state inside it. */
function inState(state: string, wanted: string): boolean {
  return state === wanted || state.startsWith(`${wanted}.`);
}

export class GroupService {
  private readonly now: () => string;

  constructor(
    private readonly store: CaseStore,
    private readonly cases: CaseService,
    private readonly registry: DefinitionSource,
    options: { now?: () => string } = {},
  ) {
    this.now = options.now ?? (() => new Date().toISOString());
  }

  async kinds(): Promise<GroupKind[]> {
    return groupKinds((await this.registry.current()).defs);
  }

  private async kind(name: string): Promise<GroupKind> {
    const kind = (await this.kinds()).find((k) => k.kind === name);
    if (!kind) throw invalid(`"${name}" is not a group the definitions declare`);
    return kind;
  }

  list(): Promise<GroupRecord[]> {
    return this.store.listGroups();
  }

  async get(id: string): Promise<GroupRecord> {
    const group = await this.store.getGroup(id);
    if (!group) throw new CaseServiceError('not-found', `there is no group ${id}`);
    return group;
  }

  async create(user: ServiceUser, request: CreateGroup): Promise<GroupRecord> {
    const kind = await this.kind(request.kind);
    if (!Array.isArray(request.facilitators) || request.facilitators.length === 0) {
      throw invalid('Name at least one facilitator');
    }
    if (typeof request.place !== 'string' || !request.place.trim()) throw invalid('Enter where the group meets');
    await this.checkFacilitators(kind, request.facilitators);
    const first = Date.parse(instant(request.firstSessionAt, 'the first session'));
    const every = (request.everyDays ?? 7) * DAY_MS;
    const sessions: GroupSession[] = Array.from({ length: kind.sessions }, (_, i) => ({
      number: i + 1,
      startsAt: new Date(first + i * every).toISOString(),
      endsAt: new Date(first + i * every + kind.durationMinutes * 60_000).toISOString(),
      place: request.place.trim(),
      catchUp: false,
      attendance: {},
    }));
    const now = this.now();
    const group: GroupRecord = {
      id: randomUUID(),
      kind: kind.kind,
      title: request.title?.trim() || kind.title,
      facilitators: request.facilitators,
      members: [],
      sessions,
      version: 1,
      createdBy: user.id,
      createdAt: now,
      changedBy: user.id,
      changedAt: now,
    };
    await this.store.saveGroup(group);
    return group;
  }

  /** Adds a case whose pathway is in the group's member state, if the user may see it. */
  async addMember(id: string, user: ServiceUser, expectedVersion: number, caseId: string): Promise<GroupRecord> {
    const group = await this.atVersion(id, expectedVersion);
    const kind = await this.kind(group.kind);
    const { record } = await this.cases.load(caseId, user);
    if (record.pathwayId !== kind.pathway || !inState(record.summary.state, kind.memberState)) {
      throw invalid(`This case is not at the stage where it can join ${kind.title}`);
    }
    if (group.members.includes(caseId)) throw invalid('This case is already a member of the group');
    return this.save({ ...group, members: [...group.members, caseId] }, user);
  }

  /** A catch-up session for a scheduled session some members missed. */
  async addCatchUp(
    id: string,
    user: ServiceUser,
    request: { expectedVersion: number; catchUpFor: number; startsAt: string; place: string },
  ): Promise<GroupRecord> {
    const group = await this.atVersion(id, request.expectedVersion);
    const kind = await this.kind(group.kind);
    if (!group.sessions.some((s) => !s.catchUp && s.number === request.catchUpFor)) {
      throw invalid(`There is no session ${request.catchUpFor} to catch up on`);
    }
    if (typeof request.place !== 'string' || !request.place.trim()) throw invalid('Enter where it is held');
    const startsAt = instant(request.startsAt, 'the start');
    const session: GroupSession = {
      number: Math.max(...group.sessions.map((s) => s.number)) + 1,
      catchUpFor: request.catchUpFor,
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + kind.durationMinutes * 60_000).toISOString(),
      place: request.place.trim(),
      catchUp: true,
      attendance: {},
    };
    return this.save({ ...group, sessions: [...group.sessions, session] }, user);
  }

  /**
   * Attendance at one session, for every member named, taken once: each member's case receives the group's
   * attendance event (refused like any event its pathway does not accept now), and the group keeps it. A member whose
   * case refuses it stops the request there: those before it keep their attendance, on the case and in the group.
   */
  async recordAttendance(
    id: string,
    number: number,
    user: ServiceUser,
    expectedVersion: number,
    attendance: Record<string, MemberAttendance>,
  ): Promise<GroupRecord> {
    const group = await this.atVersion(id, expectedVersion);
    const kind = await this.kind(group.kind);
    const session = group.sessions.find((s) => s.number === number);
    if (!session) throw new CaseServiceError('not-found', `the group has no session ${number}`);
    const taken = Object.entries(attendance ?? {});
    if (taken.length === 0) throw invalid('Record the attendance of at least one member');
    for (const [caseId, member] of taken) {
      if (!group.members.includes(caseId)) throw invalid(`Case ${caseId} is not a member of the group`);
      if (session.attendance[caseId]) throw invalid('Attendance at this session is already recorded for a member');
      if (!attendanceOutcomes.includes(member?.outcome)) throw invalid('Select attended, late or did not attend');
    }
    // Kept after each member's case has it, so that a refusal part way leaves the group saying exactly which cases
    // have this session's attendance (taking it again sends it only to the others).
    let current = group;
    for (const [caseId, member] of taken) {
      const { record } = await this.cases.load(caseId, user);
      const instance = Object.values((record.snapshot as CaseData).instances)
        .filter((i) => i.pathway === kind.pathway && !i.done)
        .at(-1)?.id;
      await this.cases.change(caseId, user, {
        expectedVersion: record.version,
        type: kind.attendanceEvent,
        ...(instance ? { instance } : {}),
        data: {
          session: session.catchUpFor ?? session.number,
          attended: member.outcome !== 'did-not-attend',
          catchUp: session.catchUp,
          outcome: member.outcome,
          ...(member.reason?.trim() ? { reason: member.reason.trim() } : {}),
        },
      });
      const recorded: AttendanceRecord = {
        outcome: member.outcome,
        ...(member.reason?.trim() ? { reason: member.reason.trim() } : {}),
        recordedBy: user.id,
        recordedAt: this.now(),
      };
      const sessions = current.sessions.map((s) =>
        s.number === number ? { ...s, attendance: { ...s.attendance, [caseId]: recorded } } : s,
      );
      current = await this.save({ ...current, sessions }, user);
    }
    return current;
  }

  /** Each facilitator is a user of a role the group declares may facilitate (any user when it declares none). */
  private async checkFacilitators(kind: GroupKind, facilitators: string[]): Promise<void> {
    for (const username of facilitators) {
      const user = await this.store.getUser(String(username));
      if (!user || (kind.facilitators.length > 0 && !kind.facilitators.includes(user.role))) {
        throw invalid(`${username} cannot facilitate ${kind.title}`);
      }
    }
  }

  private async atVersion(id: string, expectedVersion: number): Promise<GroupRecord> {
    const group = await this.get(id);
    if (group.version !== expectedVersion) {
      throw new CaseServiceError(
        'conflict',
        `the group has changed since you loaded it (version ${group.version}, not ${expectedVersion})`,
        { currentVersion: group.version },
      );
    }
    return group;
  }

  private async save(group: GroupRecord, user: ServiceUser): Promise<GroupRecord> {
    const next = { ...group, version: group.version + 1, changedBy: user.id, changedAt: this.now() };
    try {
      await this.store.saveGroup(next, group.version);
    } catch (error) {
      if (!(error instanceof StoreConflictError)) throw error;
      throw new CaseServiceError('conflict', 'the group has changed since you loaded it: reload it', {});
    }
    return next;
  }
}
