// Appointments (a session of a case with a date, time and place) and groups (a programme run for several cases at
// once): records of their own beside the cases, kept by the store (appointments.ts). Times are ISO-8601 strings.

/** What was recorded of a person at an appointment. */
export type AttendanceOutcome = 'attended' | 'late' | 'did-not-attend';

export interface AttendanceRecord {
  outcome: AttendanceOutcome;
  /** Why they were late or did not attend. */
  reason?: string;
  /** How the session went (session feedback). */
  feedback?: string;
  recordedBy: string;
  recordedAt: string;
}

export type AppointmentStatus = 'booked' | 'cancelled';

export interface AppointmentRecord {
  id: string;
  caseId: string;
  /** The state that declares it (its `meta.appointment`): `<pathway>#<state path>`. */
  kind: string;
  title: string;
  startsAt: string;
  endsAt: string;
  place: string;
  /** How it is delivered (one of the declaration's `delivery`). */
  delivery: string;
  /** The user on whose agenda it is. */
  officer: string;
  /** Who attends, as the declaration names them. */
  attendees: string[];
  /** Set when it is a session of a group (groups.ts). */
  groupId: string | null;
  status: AppointmentStatus;
  /** Starts at 1 and grows by one per change (optimistic concurrency, as a case's). */
  version: number;
  bookedBy: string;
  bookedAt: string;
  changedBy: string;
  changedAt: string;
  cancelled: { by: string; at: string; reason: string } | null;
  attendance: AttendanceRecord | null;
}

export interface AppointmentFilter {
  caseId?: string;
  officer?: string;
  groupId?: string;
  /** Only those starting at or after this time. */
  from?: string;
  /** Any of these statuses ([] matches nothing); default all. */
  status?: AppointmentStatus[];
  /** Default 100. */
  limit?: number;
}

export interface GroupSession {
  number: number;
  startsAt: string;
  endsAt: string;
  place: string;
  /** A catch-up session, for members who missed one. */
  catchUp: boolean;
  /** The scheduled session a catch-up session makes up for. */
  catchUpFor?: number;
  /** What was recorded of each member (by case id), once for the whole group. */
  attendance: Record<string, AttendanceRecord>;
}

export interface GroupRecord {
  id: string;
  /** The group declaration in the definitions (settings' `groups`) it runs. */
  kind: string;
  title: string;
  facilitators: string[];
  /** The cases of its members. */
  members: string[];
  sessions: GroupSession[];
  version: number;
  createdBy: string;
  createdAt: string;
  changedBy: string;
  changedAt: string;
}

/** The store's part for appointments and groups (CaseStore includes it). */
export interface AppointmentStore {
  /**
   * Without `expectedVersion`, inserts a new appointment (StoreConflictError when the id exists); with it, replaces the
   * appointment still at that version by `record` (whose version is the next), else StoreConflictError.
   */
  saveAppointment(record: AppointmentRecord, expectedVersion?: number): Promise<void>;
  getAppointment(id: string): Promise<AppointmentRecord | undefined>;
  /** Soonest first. */
  listAppointments(filter: AppointmentFilter): Promise<AppointmentRecord[]>;
  /** As saveAppointment. */
  saveGroup(record: GroupRecord, expectedVersion?: number): Promise<void>;
  getGroup(id: string): Promise<GroupRecord | undefined>;
  /** Newest first. */
  listGroups(limit?: number): Promise<GroupRecord[]>;
}
