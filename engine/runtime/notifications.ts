// Notices on a case. One that asks for something names the events that do it (notify's `clearedBy`); it is marked
// done, never removed, when a person in one of its roles sends one of them, so an inbox lists only what is still
// asked and the case keeps what was asked and when it was done.
import type { Effect } from '../compile/types.js';
import type { CaseData, CommandContext, NotificationRecord } from './model.js';

export function notificationOf(effect: Extract<Effect, { kind: 'notify' }>, instance: string): NotificationRecord {
  return {
    at: effect.at,
    roles: effect.roles,
    message: effect.message,
    instance,
    ...(effect.clearedBy ? { clearedBy: effect.clearedBy } : {}),
  };
}

/** Marks done the open notices that `type`, sent by this user, answers (replaced, never changed in place). */
export function markActedOn(data: CaseData, type: string, ctx: CommandContext): void {
  data.notifications = data.notifications.map((notice) =>
    isOpenFor(notice, ctx.user.role) && notice.clearedBy!.includes(type)
      ? { ...notice, done: { at: ctx.now, by: ctx.user.id, event: type } }
      : notice,
  );
}

/** A notice that still asks someone in this role to act. */
export function isOpenFor(notice: NotificationRecord, role: string): boolean {
  return notice.clearedBy !== undefined && notice.done === undefined && notice.roles.includes(role);
}

/** The roles still asked to act by some notice of the case. */
export function rolesAskedToAct(data: CaseData): string[] {
  const roles = new Set<string>();
  for (const notice of data.notifications) {
    if (notice.clearedBy !== undefined && notice.done === undefined) for (const role of notice.roles) roles.add(role);
  }
  return [...roles];
}
