// The shapes of the API's answers the web app reads (see GET /api/openapi.json). Types only.
import type { InstanceView } from '../../../../engine/runtime/view.js';
import type { Schema } from '../../core/schema.js';
import type { ShownSignOff as SignOff } from '../../../../engine/runtime/sign-offs.js';

export interface User {
  username: string;
  displayName: string;
  role: string;
  roleTitle: string;
  demo: boolean;
  abilities: {
    manageDefinitions: boolean;
    readAudit: boolean;
    readPerformance?: boolean;
    seesAllCases: boolean;
    bookAppointments?: boolean;
    runGroups?: boolean;
  };
  /** What the team calls its screens and what they say (settings `screens`): screen id → text key → text. */
  screens?: Record<string, Record<string, string>>;
  /** Active cases this person may hold, when they are an officer cases are allocated to. */
  capacity?: number;
  /** What their landing screen, the cases waiting for them to act, is called and says (the role's `landing`). */
  landing?: { title: string; intro?: string; empty?: string; sort?: string };
}

export interface AllowedEvent {
  type: string;
  title: string;
}

export interface CaseEvent extends AllowedEvent {
  instance: string;
}

/** One pathway running in a case (the case itself, an inner pathway, a document's lifecycle), as the engine describes it. */
export type Instance = InstanceView;

/** A form a document keeps for itself (its own audit): the answers, who submitted them (by name) and when. */
export interface OwnForm {
  data: Record<string, unknown>;
  submittedBy: string;
  at: string;
  formVersion: number;
  definitionVersion: number;
}

export interface CaseDocument {
  id: string;
  form: string;
  formTitle: string;
  state: string;
  title: string;
  done: boolean;
  cites?: string;
  hasAnswers: boolean;
  allowedEvents: AllowedEvent[];
  signOffs: SignOff[];
  /** The notes of its lifecycle (the Team Manager's comments when returned), for those who work on it. */
  comments: { at: string; by: string; text: string }[];
  /** The forms it keeps for itself (its own audit), as this reader may see them. */
  ownForms: Record<string, OwnForm>;
}

export interface Deadline {
  name: string;
  due: string;
  label: string;
  instance: string;
}

export interface Submission {
  data: Record<string, unknown>;
  submittedBy: string;
  role: string;
  at: string;
  formVersion: number;
  /** The definitions version the answers were collected under: they are shown with that version's form. */
  definitionVersion: number;
}

/** Who a case is about (the pathway's meta.identity), as the reader may see it: shown instead of the case's id. */
export interface CaseIdentity {
  person: { title?: string; name: string | null; dateOfBirth: string | null } | null;
  caseNumber: { title?: string; value: string | null } | null;
  /** Others named on the case (children, the referrer as the form names them), by the pathway's titles. */
  people: { title: string; names: string[] }[];
}

export interface CaseBody {
  id: string;
  version: number;
  pathway: string;
  definitionVersion: number;
  /** Who the case is about (absent from a server older than this web app). */
  identity?: CaseIdentity;
  state: string;
  title: string;
  done: boolean;
  allowedEvents: CaseEvent[];
  tasks: string[];
  formsOpen: string[];
  formsSubmitted: string[];
  deadlines: Deadline[];
  notifications: { at: string; roles: string[]; message: string; instance: string }[];
  instances: Instance[];
  /** Sign-offs of the case and its inner pathways, oldest first (a document's are on the document). */
  signOffs?: (SignOff & { instance: string })[];
  documents: CaseDocument[];
  history: { seq: number; type: string; by: string; role: string; at: string }[];
  values: Record<string, unknown>;
  forms: Record<string, Submission>;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** Display names of the people the case names, by user name. */
  people?: Record<string, string>;
  /** Titles of the roles, by role id. */
  roleTitles?: Record<string, string>;
}

/** A case as the lists show it (GET /api/cases): its summary, never its answers. */
export interface CaseSummary {
  id: string;
  pathway: string;
  version: number;
  definitionVersion?: number;
  state: string;
  title: string;
  /** Who the case is about (the pathway's meta.identity), with the title the pathway gives them. */
  person?: { title?: string; name: string | null; dateOfBirth: string | null } | null;
  caseNumber?: { title?: string; value: string | null } | null;
  /** Others named on the case (children, the referrer as the form names them), by the pathway's titles. */
  people?: { title: string; names: string[] }[];
  referredBy: string | null;
  referredByName?: string | null;
  allocatedTo: string | null;
  allocatedToName?: string | null;
  priority: number;
  /** Whether urgency was asked for, and endorsements recorded of those needed. */
  urgency?: { requested: boolean; endorsements: number; needed: number } | null;
  waiting: boolean;
  waitingSince: string | null;
  closed: boolean;
  activeCase: boolean;
  nextDeadline: string | null;
  nextDeadlineLabel: string | null;
  /** The next deadline is before today. */
  overdue?: boolean;
  /** Roles that must act on it now. */
  actors?: string[];
  createdBy: string;
  createdByName?: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A page of a list: at most 100 cases, the cursor of the next page, and the count on a first page. */
export interface CasePage {
  cases: CaseSummary[];
  next: string | null;
  total?: number;
  totalCapped?: boolean;
  limit?: number;
}

export interface Officer {
  username: string;
  name: string;
  role: string;
  capacity: number;
  active: number;
}

export interface EventDefinition {
  title?: string;
  description?: string;
  data?: Schema;
  /** Sending it signs something off (recorded with who, role and when); `signedAs` words the record. */
  signOff?: boolean;
  signedAs?: string;
  /** It cannot be undone: confirmed first, on a warning button. */
  destructive?: boolean;
  /** What will happen, shown on the confirmation step. */
  confirm?: string;
}

export type { NextStep } from '../../../../engine/runtime/next-step.js';

/** A sign-off as shown: what was signed, by whom (display name), in which role (its title), when. */
export type { SignOff };

export interface PathwayBody {
  id: string;
  definitionVersion: number;
  meta: {
    title?: string;
    description?: string;
    events?: Record<string, EventDefinition>;
    startedBy?: string[];
    instanceForms?: string[];
    /** Case values the summary shows, by path under the case's values. */
    summaryValues?: { title: string; path: string }[];
  };
  states: { path: string; type: string; meta: Record<string, unknown> }[];
}

export interface PathwayListItem {
  id: string;
  title: string;
  description: string | null;
  startsCase: boolean;
  mayStart: boolean;
}
