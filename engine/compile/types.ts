// The data every pathway instance carries, and the envelope every event arrives in.

export interface CaseUser {
  id: string;
  role: string;
  qualifications: string[];
}

export interface OfficerLoad {
  capacity: number;
  active: number;
  /** The qualifications of the officer's role (roles.yaml). */
  qualifications?: string[];
}

/** What the runtime knows at the moment of an event; stored with the event so replay is exact. */
export interface EventContext {
  user: CaseUser;
  now: string;
  forms: Record<string, unknown>;
  officers?: Record<string, OfficerLoad>;
  /** The sign-off records of the instance the event is sent to. */
  signOffs?: { event: string; by: string; role: string; at: string }[];
}

export interface PathwayEvent {
  type: string;
  data?: unknown;
  $ctx?: EventContext;
}

export interface Deadline {
  due: string;
  label: string;
  /** The moment it falls due (its `due` is that moment's date), kept when it sends an event then. */
  at?: string;
  /** An event the instance is sent when it falls due, wherever the instance is by then (setDeadline's dueEvent). */
  event?: string;
}

export type Effect =
  | { kind: 'openDocument'; form: string; lifecycle: string; cites?: string; by: string; role: string }
  | { kind: 'startPathway'; pathway: string; by: string; role: string }
  | { kind: 'notify'; roles: string[]; message: string; at: string; clearedBy?: string[] }
  | { kind: 'clearForm'; form: string; by: string; role: string }
  | { kind: 'startLinkedCase'; link: string; by: string }
  | { kind: 'sendLinked'; link: string; event: string; data: Record<string, unknown> };

export interface Note {
  at: string;
  by: string;
  text: string;
}

export interface InstanceContext {
  case: Record<string, unknown>;
  deadlines: Record<string, Deadline>;
  notes: Note[];
  outbox: Effect[];
}

/** What conditions and actions can read. */
export interface EvaluationEnv {
  case: Record<string, unknown>;
  forms: Record<string, unknown>;
  event: { type: string; data: unknown };
  user: CaseUser;
  now: string;
  officers: Record<string, OfficerLoad>;
  /** The team's settings (settings.yaml), so that a policy kept there (a list, a figure) decides a condition. */
  settings: Settings;
  /** Sign-off records of the instance the event is for (who signed off what, in which role, when). */
  signOffs: { event: string; by: string; role: string; at: string }[];
}

export interface Settings {
  county: string;
  bankHolidays?: { country: string; region?: string };
  capacity: { default: number; officers?: Record<string, number> };
  officers?: { username: string; role: string; name?: string }[];
  /** What the web app's screens are called and say: screen id → text key → text. */
  screens?: Record<string, Record<string, string>>;
  [key: string]: unknown;
}

/** How many active cases an officer may hold: their own figure in the settings, or the team's default. */
export function capacityOf(settings: Settings, username: string): number {
  return settings.capacity.officers?.[username] ?? settings.capacity.default;
}

export const SYSTEM_USER: CaseUser = { id: 'system', role: 'system', qualifications: [] };

/** The event's context; XState's init event carries it inside `input`. */
export function eventContext(event: PathwayEvent): EventContext | undefined {
  return event.$ctx ?? (event as { input?: { $ctx?: EventContext } }).input?.$ctx;
}

const NO_SETTINGS: Settings = { county: '', capacity: { default: 0 } };

export function evaluationEnv(context: InstanceContext, event: PathwayEvent, settings = NO_SETTINGS): EvaluationEnv {
  const ctx = eventContext(event);
  return {
    case: context.case,
    forms: ctx?.forms ?? {},
    event: { type: event.type, data: event.data ?? {} },
    user: ctx?.user ?? SYSTEM_USER,
    now: ctx?.now ?? new Date(0).toISOString(),
    officers: ctx?.officers ?? {},
    settings,
    signOffs: ctx?.signOffs ?? [],
  };
}
