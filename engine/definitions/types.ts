// A loaded set of definitions: every file parsed, with its source kept for positions.
import type { Settings } from '../compile/types.js';
import type { SourceFile } from './source.js';

export type DefinitionFiles = Record<string, string>;

export interface Loaded<T> {
  id: string;
  source: SourceFile;
  data: T;
}

export type JsonObject = Record<string, unknown>;

/** A rule of which cases a role sees (engine/service/visibility.ts). */
export type VisibilityRule = 'referred' | 'allocated' | 'all' | 'acting' | 'none';

export interface RoleDefinition {
  title: string;
  description?: string;
  /** One rule, or several of which any lets the role see a case. */
  caseVisibility: VisibilityRule | VisibilityRule[];
  confidential?: boolean;
  qualifications?: string[];
  send?: string[];
  fill?: string[];
  read?: string[];
  manageDefinitions?: boolean;
  readAudit?: boolean;
  /** May read the service performance figures (waiting times, caseloads, outcomes), never a case's content. */
  readPerformance?: boolean;
  bookAppointments?: boolean;
  runGroups?: boolean;
  /** The role's landing screen: the cases it must act on now (GET /api/cases?view=act), in the team's words. */
  landing?: {
    title: string;
    intro?: string;
    empty?: string;
    sort?: 'oldest' | 'newest' | 'waiting' | 'deadline' | 'name';
  };
}

export interface RolesFile {
  roles: Record<string, RoleDefinition>;
  audiences?: Record<string, { title: string; description?: string; confidential?: boolean }>;
  internal?: string[];
}

export interface ScenarioStep {
  /** The step is for the case at the end of this link of the scenario's case (its latest), not the case itself. */
  case?: string;
  as?: string;
  user?: string;
  note?: string;
  forms?: Record<string, JsonObject>;
  send?: string;
  data?: JsonObject;
  to?: { document?: string; pathway?: string };
  advance?: { weeks?: number; days?: number; workingDays?: number; hours?: number; minutes?: number };
  expect?: {
    state?: string;
    tasks?: string[];
    forms?: string[];
    deadlines?: Record<string, string | null>;
    documents?: Record<string, string>;
    pathways?: Record<string, string>;
    case?: JsonObject;
    answers?: Record<string, JsonObject>;
    documentValues?: Record<string, JsonObject>;
    signOffs?: Record<string, { event: string; role?: string; by?: string }[]>;
    readers?: Record<string, ReaderExpectation>;
    allowedEvents?: string[];
    notAllowedEvents?: string[];
    notifications?: string[];
  };
  expectError?: { code: string; allowedEvents?: string[]; message?: string; messageIncludes?: string };
}

/** What one reader (a role, or a user by name) is expected to see of the case after a step. */
export interface ReaderExpectation {
  /** The case is visible to them (else the server answers 404). */
  sees?: boolean;
  /** Views and worklists (GET /api/cases?view=…) the case is on for them, or not. */
  lists?: string[];
  notLists?: string[];
  /** Forms whose answers (case-level or as a document) reach them, or not. */
  reads?: string[];
  notReads?: string[];
  /** Notices (by message) that reach them, or not. */
  notified?: string[];
  notNotified?: string[];
  /** Event types in the history they are shown, or not. */
  history?: string[];
  notHistory?: string[];
}

export interface ScenarioFile {
  title: string;
  description?: string;
  pathway: string;
  now?: string;
  start?: { as?: string; user?: string };
  steps: ScenarioStep[];
}

export interface DefinitionSet {
  label: string;
  files: DefinitionFiles;
  settings?: Loaded<Settings>;
  roles?: Loaded<RolesFile>;
  forms: Map<string, Loaded<JsonObject>>;
  pathways: Map<string, Loaded<JsonObject>>;
  scenarios: Map<string, Loaded<ScenarioFile>>;
  /** Ids of files that failed to parse or to match their meta-schema: other files' references to them are not reported again. */
  broken: { forms: Set<string>; pathways: Set<string> };
  /** Form validators compiled while the forms were checked, so compiling the set does not do it twice. */
  formValidators?: Map<string, import('ajv').ValidateFunction>;
}
