// A state held as an appointment, and a group, name the events that carry attendance to the pathway: those events
// must be declared under meta.events; a group's members are in a state of the pathway.
import type { JsonObject } from '../types.js';
import type { LintContext } from './context.js';

export function lintAppointments(ctx: LintContext): void {
  for (const [id, pathway] of ctx.set.pathways) {
    const walk = ctx.walks.get(id);
    if (!walk) continue;
    const meta = (pathway.data.meta ?? {}) as JsonObject;
    const events = (meta.events ?? {}) as Record<string, unknown>;
    const checkEvent = (name: unknown, path: (string | number)[]) => {
      if (typeof name === 'string' && !(name in events)) {
        ctx.report(
          pathway.source,
          path,
          'unknown-event',
          `attendanceEvent "${name}" is not declared under meta.events`,
        );
      }
    };
    for (const state of walk.states) {
      const appointment = (state.node.meta as JsonObject | undefined)?.appointment as JsonObject | undefined;
      checkEvent(appointment?.attendanceEvent, [...state.yamlPath, 'meta', 'appointment', 'attendanceEvent']);
    }
    const statePaths = new Set(walk.states.map((s) => s.statePath.join('.')));
    for (const [name, group] of Object.entries((meta.groups ?? {}) as Record<string, JsonObject>)) {
      checkEvent(group.attendanceEvent, ['meta', 'groups', name, 'attendanceEvent']);
      if (typeof group.memberState === 'string' && !statePaths.has(group.memberState)) {
        ctx.report(
          pathway.source,
          ['meta', 'groups', name, 'memberState'],
          'unknown-state',
          `memberState "${group.memberState}" is not a state of this pathway (write its path, "parent.child")`,
        );
      }
    }
  }
}
