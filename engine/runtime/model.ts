// The stored shape of a case: its pathway instances, submitted forms, notifications and durable timers.
import type { CaseUser, OfficerLoad, PathwayEvent } from '../compile/types.js';
import type { FieldErrors } from '../forms/messages.js';

export interface InstanceRecord {
  id: string;
  pathway: string;
  kind: 'case' | 'pathway' | 'document';
  form?: string;
  cites?: string;
  parent?: string;
  openedBy: string;
  openedAt: string;
  done: boolean;
  snapshot: unknown;
  /** A document's own answers, kept with it: a later document of the same form never changes them. */
  answers?: FormSubmission;
  /** The forms this instance fills in for itself (its pathway's `instanceForms`, e.g. a document's own audit). */
  forms?: Record<string, FormSubmission>;
  /** Who signed what off on this instance, oldest first (events marked `signOff` in its pathway). */
  signOffs?: SignOffRecord[];
}

export interface SignOffRecord {
  event: string;
  /** User id and role of the person who signed; their display name is looked up when it is shown. */
  by: string;
  role: string;
  at: string;
  /** The forms signed: the instance's own form and those its state listed when it was signed. */
  forms: string[];
  /** The title of the state it was signed in ("Session 1"). */
  stage?: string;
  /** The sign-off ended the instance (made the document final, closed the case). */
  final: boolean;
}

export interface FormSubmission {
  data: Record<string, unknown>;
  formVersion: number;
  /** The definitions version the answers were collected under, so they render with that form even after a migration. */
  definitionVersion?: number;
  submittedBy: string;
  role: string;
  at: string;
}

export interface TimerRecord {
  id: string;
  instance: string;
  dueAt: string;
  event: PathwayEvent;
}

export interface NotificationRecord {
  at: string;
  roles: string[];
  message: string;
  instance: string;
  /** Events that do what the notice asks (see runtime/notifications.ts). */
  clearedBy?: string[];
  /** Set when someone in one of its roles sent one of those events. */
  done?: { at: string; by: string; event: string };
}

export interface CaseData {
  pathway: string;
  instances: Record<string, InstanceRecord>;
  forms: Record<string, FormSubmission>;
  notifications: NotificationRecord[];
  timers: Record<string, TimerRecord>;
  documentCount: number;
  /**
   * The definition versions the case was on before its current one, oldest first: what was recorded under them is
   * read by their rules of confidentiality too.
   */
  migratedFrom?: number[];
  /** The cases this one started or was started by (its pathway's meta.links), by key (`<link name>:<n>`). */
  links?: Record<string, LinkRecord>;
}

/**
 * One side of a link between two cases: data on both. Only what the pathways declare crosses it (runtime/links.ts);
 * neither side holds anything of the other case but its id and pathway.
 */
export interface LinkRecord {
  /** The link's name in this case's pathway (meta.links). */
  name: string;
  /** The other case's pathway. */
  pathway: string;
  /** The other case; set in the same change that started it (the `linkCase` command). */
  caseId?: string;
  /** This case started the other (else the other started this one). */
  started: boolean;
  at: string;
  by: string;
}

/** What a change asks of linked cases; the case service carries it out in the same transaction (service/links.ts). */
export type LinkCrossing =
  | { kind: 'start'; key: string; pathway: string }
  | { kind: 'send'; link: string; event: string; data: Record<string, unknown> };

/** Everything the outside world knows at the moment of a command; logged with it so replay is exact. */
export interface CommandContext {
  user: CaseUser;
  now: string;
  officers?: Record<string, OfficerLoad>;
}

export type CaseCommand =
  /** `linkedFrom`: the case that started this one over a link its pathway declares (meta.links). */
  | { kind: 'open'; pathway: string; ctx: CommandContext; linkedFrom?: { caseId: string; pathway: string } }
  /** Records the id of the case a link of this one started. */
  | { kind: 'linkCase'; link: string; caseId: string; ctx: CommandContext }
  /** An event sent by a linked case over a link (its pathway's `sendLinked`), to this case's pathway. */
  | { kind: 'receiveLinked'; fromCase: string; type: string; data?: unknown; ctx: CommandContext }
  /** `instance`: the instance the answers are for, where its pathway keeps the form per instance. */
  | {
      kind: 'submitForm';
      form: string;
      data: unknown;
      ctx: CommandContext;
      definitionVersion?: number;
      instance?: string;
    }
  | { kind: 'send'; instance: string; type: string; data?: unknown; ctx: CommandContext }
  | { kind: 'fireTimer'; timer: string; ctx: CommandContext }
  /** Moves every instance onto the definitions the command is applied with (a new version). */
  | { kind: 'migrate'; fromVersion: number; toVersion: number; ctx: CommandContext };

export type CaseErrorCode =
  | 'event-not-allowed'
  | 'guard-failed'
  | 'forbidden'
  | 'form-invalid'
  | 'form-not-open'
  | 'data-invalid'
  | 'not-found'
  | 'instance-closed'
  | 'cannot-migrate'
  | 'definition-error';

export interface CaseError {
  code: CaseErrorCode;
  message: string;
  allowedEvents?: string[];
  fieldErrors?: FieldErrors;
}

export type CaseResult =
  { ok: true; data: CaseData; summary: string; crossings?: LinkCrossing[] } | { ok: false; error: CaseError };
