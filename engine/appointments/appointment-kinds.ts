// What the definitions say is held as an appointment (a state's `meta.appointment`) and which groups run (a pathway's
// `meta.groups`), read once from the compiled definitions. Pure: no storage here.
import type { CompiledDefinitions } from '../definitions/check.js';
import { walkPathway } from '../definitions/pathway-walk.js';
import type { JsonObject } from '../definitions/types.js';
import { derivedFrom } from '../util/derived.js';
import type { Duration } from '../util/working-days.js';

export interface AppointmentKind {
  /** `<pathway>#<state path>`: what an appointment record names as its kind. */
  kind: string;
  pathway: string;
  state: string;
  title: string;
  durationMinutes: number;
  attendees: string[];
  delivery: string[];
  /** Sent to the pathway's instance when attendance is recorded (appointment-attendance.ts). */
  attendanceEvent?: string;
}

export interface GroupKind {
  kind: string;
  pathway: string;
  title: string;
  description?: string;
  sessions: number;
  durationMinutes: number;
  /** Cases in this state (or inside it) may join. */
  memberState: string;
  attendanceEvent: string;
  /** Roles whose people may facilitate. */
  facilitators: string[];
}

/** Calendar minutes: a working day has no meaning for how long a session lasts, so it counts as a day. */
export function durationMinutes(duration: Duration): number {
  const d = duration as Record<string, number | undefined>;
  const days = (d.weeks ?? 0) * 7 + (d.days ?? 0) + (d.workingDays ?? 0);
  return Math.round(days * 24 * 60 + (d.hours ?? 0) * 60 + (d.minutes ?? 0));
}

/**
 * Every state held as an appointment, in the order of the pathways and their states. Worked out once per definition
 * version: it walks every state of every pathway, 600 µs for the protocol's definitions against 0.06 µs kept (side by
 * side, median of 11 rounds), and listing a case's appointments, booking, moving one and recording attendance ask.
 */
export const appointmentKinds = derivedFrom((defs: CompiledDefinitions): AppointmentKind[] => {
  const kinds: AppointmentKind[] = [];
  for (const [pathwayId, pathway] of defs.pathways) {
    for (const state of walkPathway(pathway.config).states) {
      const meta = (state.node.meta ?? {}) as JsonObject;
      const declared = meta.appointment as JsonObject | undefined;
      if (!declared) continue;
      const statePath = state.statePath.join('.');
      kinds.push({
        kind: `${pathwayId}#${statePath}`,
        pathway: pathwayId,
        state: statePath,
        title: (declared.title as string | undefined) ?? (meta.title as string | undefined) ?? statePath,
        durationMinutes: durationMinutes(declared.duration as Duration),
        attendees: declared.attendees as string[],
        delivery: declared.delivery as string[],
        ...(typeof declared.attendanceEvent === 'string' ? { attendanceEvent: declared.attendanceEvent } : {}),
      });
    }
  }
  return kinds;
});

export function appointmentKind(defs: CompiledDefinitions, kind: string): AppointmentKind | undefined {
  return appointmentKinds(defs).find((k) => k.kind === kind);
}

/** Every group the definitions declare. */
export function groupKinds(defs: CompiledDefinitions): GroupKind[] {
  const kinds: GroupKind[] = [];
  for (const [pathwayId, pathway] of defs.pathways) {
    const groups = ((pathway.config.meta as JsonObject | undefined)?.groups ?? {}) as Record<string, JsonObject>;
    for (const [name, group] of Object.entries(groups)) {
      kinds.push({
        kind: name,
        pathway: pathwayId,
        title: group.title as string,
        ...(typeof group.description === 'string' ? { description: group.description } : {}),
        sessions: group.sessions as number,
        durationMinutes: durationMinutes(group.duration as Duration),
        memberState: group.memberState as string,
        attendanceEvent: group.attendanceEvent as string,
        facilitators: (group.facilitators as string[] | undefined) ?? [],
      });
    }
  }
  return kinds;
}
