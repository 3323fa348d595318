// The one storage interface of the engine: cases with a version number (optimistic concurrency),
// their append-only event log, stored deadlines, form drafts, audit, users and definition versions.
// Times are ISO-8601 strings; JSON values round-trip exactly (key order aside, see postgres-store.ts).
import type { CaseMilestones, PerformanceFigures, PerformanceQuery } from './performance-types.js';
import type { AppointmentStore } from './appointment-types.js';

/**
 * What lists show and search of a case, kept beside its snapshot: in the summary (JSON) and, for filtering, sorting
 * and search, in columns of its own, written in the same transaction as the event (see rows.ts, summaryColumns).
 * Users are named by user name. Made by engine/service/case-summary.ts; every field but `state` is optional so that a
 * summary of an older format (see `format`) still reads.
 */
export interface CaseSummary {
  /** The summary's format; a store backfills summaries of an older one (see casesToResummarise). */
  format?: number;
  /** The case's current state (`parent.child` inside a compound state). */
  state: string;
  /** The current state's title (the stage). */
  title?: string;
  referredBy?: string;
  allocatedTo?: string | null;
  /** Counts against the allocated officer's capacity. */
  activeCase?: boolean;
  /** Higher comes first on the waiting list. */
  priority?: number;
  /** Awaiting allocation (a state with `awaitingAllocation`). */
  waiting?: boolean;
  waitingSince?: string | null;
  closed?: boolean;
  /** The soonest deadline (a date, or a date and time) and its label. */
  nextDeadline?: string | null;
  nextDeadlineLabel?: string | null;
  /** Who the case is about (the pathway's meta.identity). */
  person?: { title?: string; name: string | null; dateOfBirth: string | null } | null;
  caseNumber?: { title?: string; value: string | null } | null;
  people?: { title: string; names: string[] }[];
  /** Whether urgency was asked for, and endorsements recorded of those needed (the pathway's meta.urgency). */
  urgency?: { requested: boolean; endorsements: number; needed: number } | null;
  /** Named lists the case is on (its states' meta.worklists). */
  worklists?: string[];
  /** Roles that must act on the case now (its states' actors and notices asking them). */
  actors?: string[];
  /** When it passed the milestones the service is measured by (the pathway's meta.performance). */
  milestones?: CaseMilestones | null;
  [k: string]: unknown;
}

export interface CaseRecord {
  id: string;
  pathwayId: string;
  definitionVersion: number;
  /** Starts at 1 and grows by one per committed event, so it always equals the seq of the last event. */
  version: number;
  snapshot: unknown;
  summary: CaseSummary;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * What an event of a case is about: the instance it was sent to (the case, an inner pathway, a document), the forms it
 * submitted. A history entry reaches only a reader who may read what it is about (engine/reading/case-reading.ts).
 */
export interface EventAbout {
  instance?: string;
  forms?: string[];
}

export interface EventRecord {
  caseId: string;
  seq: number;
  type: string;
  userId: string;
  role: string;
  at: string;
  definitionVersion: number;
  data: unknown;
  /** Absent for events stored before it was recorded, where the log did not say (taken as about the case). */
  about?: EventAbout;
}

export type EventHeader = Omit<EventRecord, 'data' | 'caseId' | 'definitionVersion'>;

export interface DeadlineRecord {
  id: string;
  caseId: string;
  name: string;
  /** Stored in canonical UTC form (Date#toISOString) so that text order is time order. */
  dueAt: string;
  event: unknown;
  firedAt?: string | null;
}

export interface DraftRecord {
  caseId: string;
  formId: string;
  userId: string;
  data: unknown;
  /** Stored in canonical UTC form (Date#toISOString). */
  savedAt: string;
}

export interface AuditRecord {
  id?: number;
  at: string;
  userId: string;
  caseId: string | null;
  action: string;
  detail?: unknown;
}

export interface SignInLimit {
  key: string;
  /** Attempts allowed in one window. */
  max: number;
}

/** One limit's count after an attempt was taken: `attempts` of its `max` used in the window ending at `windowEnds`. */
export interface SignInCount {
  key: string;
  attempts: number;
  windowEnds: string;
}

export type SignInAttempt = { taken: true; counts: SignInCount[] } | { taken: false; key: string; windowEnds: string };

export interface UserRecord {
  username: string;
  displayName: string;
  role: string;
  passwordHash: string;
  demo: boolean;
  /** Where notices reach them by email; absent when they have none (their notices stay in the app). */
  email?: string;
}

/**
 * An email to send, written with the event whose notice it carries (CaseSideEffects.mail). Its text is made by the
 * caller and holds no case content beyond a link (see server/services/mail).
 */
export interface NewMail {
  id: string;
  /** The user name of the person it is for. */
  recipient: string;
  address: string;
  subject: string;
  body: string;
  link: string;
}

export type MailStatus = 'pending' | 'sent' | 'failed';

export interface MailRecord extends NewMail {
  caseId: string;
  createdAt: string;
  status: MailStatus;
  /** Sends tried so far. */
  attempts: number;
  /** When a pending email may be sent (again). */
  nextAttemptAt: string;
  /** Why the last try failed; null once sent. */
  lastError: string | null;
  sentAt: string | null;
}

/** What became of a claimed email: sent, or failed and tried again at `retryAt` (null: given up, marked failed). */
export type MailOutcome = { sent: true } | { sent: false; error: string; retryAt: string | null };

export interface MailFilter {
  /** Any of these statuses ([] matches nothing). */
  status?: MailStatus[];
  caseId?: string;
  /** Default 100. */
  limit?: number;
}

export interface DefinitionVersionRecord {
  version: number;
  files: Record<string, string>;
  publishedBy: string;
  publishedAt: string;
  note?: string;
}

/** Which cases a reader may see (roles.yaml caseVisibility): part of every list query. */
export type CaseVisibility =
  | { all: true }
  /** Cases they referred or opened. */
  | { referredBy: string }
  | { allocatedTo: string }
  /** Cases a role must act on now (on its `act:<role>` list). */
  | { acting: string }
  /** Cases any of these admits. */
  | { anyOf: CaseVisibility[] }
  /** Cases `within` admits that are on none of these pathways (confidential pathways a role is not cleared for). */
  | { except: { pathways: string[] }; within: CaseVisibility }
  | { none: true };

export type CaseSort = 'oldest' | 'newest' | 'waiting' | 'deadline' | 'name';

/** A page of a list of cases: what is visible, narrowed by every filter given, in one order. */
export interface CaseQuery {
  visibleTo: CaseVisibility;
  /** Free text: every word must begin a word of the case's identity (its people's names, its case number). */
  q?: string;
  /** Only these cases (at most maxPageSize of them; [] matches nothing): to name the cases something lists. */
  ids?: string[];
  /** On this named list (meta.worklists), or `act:<role>` for the cases that role must act on. */
  list?: string;
  /** Allocated to or referred by this user. */
  involving?: string;
  /** Awaiting allocation. */
  waiting?: boolean;
  /** In any of these states or a state inside one (`a` takes in `a.b`); [] matches nothing. */
  states?: string[];
  pathwayId?: string;
  /** Urgency asked for (true) or not (false). */
  urgent?: boolean;
  minPriority?: number;
  /** A user name, or null for cases allocated to nobody. */
  allocatedTo?: string | null;
  referredBy?: string;
  /** Only cases whose next deadline is strictly before this date (or date and time). */
  dueBefore?: string;
  /** Closed cases are left out unless this is true. */
  includeClosed?: boolean;
  /** Default 'oldest'. */
  sort?: CaseSort;
  /** Cases per page: 1 to maxPageSize (default defaultPageSize). */
  limit?: number;
  /** The `next` of the page before, with the same query. */
  after?: string;
  /** Count the cases matching (up to totalCap). */
  count?: boolean;
}

export const defaultPageSize = 25;
export const maxPageSize = 100;
/** Counting stops here: "10,000 or more" is all a list needs to say. */
export const totalCap = 10_000;

/** A case as lists show it: its summary, never its snapshot. */
export type CaseListItem = Omit<CaseRecord, 'snapshot'>;

export interface CasePage {
  cases: CaseListItem[];
  /** The cursor of the next page, or null on the last. */
  next: string | null;
  /** How many cases match, when counted; at most totalCap (then `totalCapped`). */
  total?: number;
  totalCapped?: boolean;
}

/** A case whose summary is of an older format, with what summarising it again needs. */
export interface CaseToResummarise {
  id: string;
  version: number;
  definitionVersion: number;
  snapshot: unknown;
  createdBy: string;
  createdAt: string;
}

export type NewDeadline = Omit<DeadlineRecord, 'caseId' | 'firedAt'>;
export type NewEvent = Omit<EventRecord, 'caseId' | 'seq'>;
export type NewAudit = Omit<AuditRecord, 'id'>;

/** What is written together with an event, in the same transaction. */
export interface CaseSideEffects {
  /** Inserted, or replacing the deadline with the same id (which becomes unfired again). */
  setDeadlines?: NewDeadline[];
  /** Deadline ids to remove; applied before setDeadlines. */
  cancelDeadlines?: string[];
  audit?: NewAudit[];
  /** Emails carrying the event's notices, to be sent by whichever server claims them (mail-outbox.ts). */
  mail?: NewMail[];
}

export interface CreateCaseInput extends CaseSideEffects {
  id: string;
  pathwayId: string;
  definitionVersion: number;
  snapshot: unknown;
  summary: CaseSummary;
  createdBy: string;
  at: string;
  event: NewEvent;
}

export interface CommitInput extends CaseSideEffects {
  caseId: string;
  expectedVersion: number;
  snapshot: unknown;
  summary: CaseSummary;
  event: NewEvent;
  /**
   * Deadlines of this case that this event fires. They are marked fired in the same transaction;
   * if one is already fired or cancelled the whole commit fails with StoreConflictError, so a
   * deadline handler that commits through here takes effect at most once, even after a crash.
   */
  fireDeadlines?: string[];
  /** Set when the case moves to another definition version. */
  definitionVersion?: number;
  /**
   * The summary of the version this commit replaces (expectedVersion), when the caller has it: summary columns it
   * does not change are then left alone, and so are their indexes. The version check makes it exact: the commit
   * lands only on the row at expectedVersion, whose summary this is.
   */
  previousSummary?: CaseSummary;
}

/** Cases changed together (linked cases: one started or told by another), in one transaction. */
export interface CommitCasesInput {
  creates: CreateCaseInput[];
  commits: CommitInput[];
}

export interface AuditFilter {
  caseId?: string;
  userId?: string;
  limit?: number;
}

export interface CaseStore extends AppointmentStore {
  /** Applies the numbered migrations not yet recorded in schema_migrations; harmless to repeat. */
  migrate(): Promise<void>;
  /**
   * Version 1 and event seq 1, in one transaction. An existing id fails with StoreConflictError. The record
   * returned holds the snapshot and summary objects it was given (as commitEvent's does).
   */
  createCase(input: CreateCaseInput): Promise<CaseRecord>;
  /** Many new cases, each as createCase would store it, in one transaction: all, or none (StoreConflictError). */
  createCases(inputs: CreateCaseInput[]): Promise<void>;
  /**
   * The case as last stored. Its snapshot and summary are for reading only: a store that keeps the cases it has
   * committed (the server's, see case-record-cache.ts) hands every reader the same frozen objects; others parse a
   * copy for each read.
   */
  getCase(id: string): Promise<CaseRecord | undefined>;
  /**
   * A page of cases as lists show them (summaries, never snapshots), with visibility part of the query: a reader
   * never receives, counts or finds a case they may not see. Keyset paging: `next` continues after the last case.
   * A malformed `after` fails with StoreQueryError.
   */
  listCases(query: CaseQuery): Promise<CasePage>;
  /** Active cases held by each of these users (those holding none are left out). */
  countActiveCases(usernames: string[]): Promise<Record<string, number>>;
  /** The service performance figures, month by month, by aggregate queries over the cases' milestone columns. */
  performanceFigures(query: PerformanceQuery): Promise<PerformanceFigures>;
  /** Display names of these users, by user name (unknown ones left out). */
  displayNames(usernames: string[]): Promise<Record<string, string>>;
  /** Up to `limit` cases whose summary format is below `format`, by id after `afterId`. */
  casesToResummarise(format: number, limit: number, afterId?: string): Promise<CaseToResummarise[]>;
  /**
   * Replaces the summary (and its columns) of a case still at `version`, recording no event: a summary is derived from
   * the snapshot. Returns false, changing nothing, when the case has moved on (its newer summary is current).
   */
  replaceSummary(caseId: string, version: number, summary: CaseSummary): Promise<boolean>;
  /**
   * One transaction: version check (StoreConflictError on mismatch, nothing written; StoreNotFoundError
   * for an unknown case), new snapshot and summary, version + 1, event appended with seq = new version,
   * deadlines fired, cancelled and set, audit appended. The record returned holds the snapshot and summary objects
   * it was given, which a store that keeps cases freezes: they are what its getCase hands out from then on.
   */
  commitEvent(input: CommitInput): Promise<CaseRecord>;
  /**
   * New cases and commits to existing ones in one transaction, each as createCase and commitEvent would store it:
   * all of them, or none (StoreConflictError, StoreNotFoundError). Records in the order given, creates first.
   */
  commitCases(input: CommitCasesInput): Promise<CaseRecord[]>;
  /** Ordered by seq. */
  listEvents(caseId: string): Promise<EventRecord[]>;
  /**
   * Who did what and when, ordered by seq, without the events' data (cheap enough for every case response).
   * With `throughSeq` (the version of the case record being shown), the history up to that event only.
   */
  listEventHeaders(caseId: string, throughSeq?: number): Promise<EventHeader[]>;
  countEvents(): Promise<number>;
  /** Inserts or overwrites the draft of (caseId, formId, userId). */
  saveDraft(draft: DraftRecord): Promise<void>;
  getDraft(caseId: string, formId: string, userId: string): Promise<DraftRecord | undefined>;
  deleteDraft(caseId: string, formId: string, userId: string): Promise<void>;
  /** Deletes drafts saved strictly before olderThan; returns how many. */
  purgeDrafts(olderThan: string): Promise<number>;
  /**
   * Claims up to `limit` unfired deadlines due at or before `now` and runs the handler on each, oldest
   * first. A claim is exclusive across processes and instances; a deadline whose handler succeeds is
   * marked fired, one whose handler throws stays unfired and is claimable again at once. If the process
   * dies mid-handler the claim lapses after the lease (see StoreOptions). Returns how many handlers succeeded.
   */
  claimDueDeadlines(now: string, limit: number, handler: (deadline: DeadlineRecord) => Promise<void>): Promise<number>;
  /** The unfired deadlines of a case, soonest first. */
  listDeadlines(caseId: string): Promise<DeadlineRecord[]>;
  /**
   * Reserves up to `limit` pending emails due at or before `now` for `leaseMs` under `claimToken`, soonest first; no
   * other claimant of any instance gets them until the lease ends or the claim is settled.
   */
  claimMail(now: string, limit: number, claimToken: string, leaseMs: number): Promise<MailRecord[]>;
  /**
   * Records what became of a claimed email (counting one more attempt) and ends the claim. False, changing nothing,
   * when the claim is no longer this token's.
   */
  settleMail(id: string, claimToken: string, outcome: MailOutcome, now: string): Promise<boolean>;
  /** Newest first. */
  listMail(filter?: MailFilter): Promise<MailRecord[]>;
  appendAudit(entry: NewAudit): Promise<void>;
  /** Newest first. */
  listAudit(filter?: AuditFilter): Promise<AuditRecord[]>;
  upsertUser(user: UserRecord): Promise<void>;
  getUser(username: string): Promise<UserRecord | undefined>;
  /** Removes the user (harmless when there is none). */
  deleteUser(username: string): Promise<void>;
  /** Ordered by username. */
  listUsers(): Promise<UserRecord[]>;
  /**
   * Records that a session was signed out, so its token — still correctly signed until it expires — is refused by
   * every instance. Ending an ended session again is harmless.
   */
  endSession(sessionId: string, expiresAt: string): Promise<void>;
  isSessionEnded(sessionId: string): Promise<boolean>;
  /** Forgets ended sessions whose tokens expired strictly before `before` (they are refused anyway); returns how many. */
  purgeEndedSessions(before: string): Promise<number>;
  /**
   * Takes one sign-in attempt from each limit (a `key` the caller hashes: who tried, from where), all in one step
   * that no other caller of any instance sharing the store can interleave with: either every limit had an attempt
   * left and each counts one more, or none counts anything and the answer names the first limit used up. A limit's
   * window starts at its first attempt and lasts `windowMs`; attempts of an ended window no longer count.
   */
  takeSignInAttempt(limits: SignInLimit[], at: string, windowMs: number): Promise<SignInAttempt>;
  /** Gives back one attempt taken in the window ending at `windowEnds` (none when that window is over). */
  giveBackSignInAttempt(key: string, windowEnds: string): Promise<void>;
  /** Forgets windows that ended at or before `at`; returns how many. */
  purgeSignInAttempts(at: string): Promise<number>;
  /** Definition versions are immutable: saving an existing number fails with StoreConflictError. */
  saveDefinitionVersion(version: DefinitionVersionRecord): Promise<void>;
  getDefinitionVersion(version: number): Promise<DefinitionVersionRecord | undefined>;
  latestDefinitionVersion(): Promise<DefinitionVersionRecord | undefined>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** How long a claimed deadline stays reserved for its claimant before others may claim it (default 5 min). */
  deadlineLeaseMs?: number;
}
