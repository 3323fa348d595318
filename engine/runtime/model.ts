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
}

/** Everything the outside world knows at the moment of a command; logged with it so replay is exact. */
export interface CommandContext {
  user: CaseUser;
  now: string;
  officers?: Record<string, OfficerLoad>;
}

export type CaseCommand =
  | { kind: 'open'; pathway: string; ctx: CommandContext }
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

export type CaseResult = { ok: true; data: CaseData; summary: string } | { ok: false; error: CaseError };
