// Conversions between store records and table rows. Both dialects hand JSON columns over as text
// (postgres-store.ts turns off pg's jsonb parsing), so one set of mappers serves both.
import { milestoneColumnNames, milestoneColumns } from './milestone-columns.js';
import { nameSortKey, searchText } from './search-terms.js';
import type { Row, SqlParam } from './sql-database.js';
import type {
  AuditRecord,
  CaseListItem,
  CaseRecord,
  CaseSummary,
  CaseToResummarise,
  DeadlineRecord,
  DefinitionVersionRecord,
  DraftRecord,
  EventHeader,
  EventRecord,
  UserRecord,
} from './types.js';

/** JSON text for a column; undefined is stored as JSON null. */
export function toJson(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

/** JSON text, or SQL NULL for an absent optional value, so that absent and null stay distinct. */
export function toOptionalJson(value: unknown): string | null {
  return value === undefined ? null : toJson(value);
}

function fromJson(text: unknown): unknown {
  return JSON.parse(String(text));
}

/** Canonical UTC form, so that comparing the stored text compares the times. */
export function toInstant(time: string): string {
  const millis = Date.parse(time);
  if (Number.isNaN(millis)) throw new TypeError(`'${time}' is not an ISO-8601 date and time`);
  return new Date(millis).toISOString();
}

/**
 * The columns a summary is kept in beside its JSON, for lists to filter, sort and search on, in the order of
 * summaryColumns(). Sort keys are never null (nothing to tell apart between the two databases' ways with nulls).
 */
export const summaryColumnNames = [
  'state',
  'state_title',
  'referred_by',
  'allocated_to',
  'closed',
  'active_case',
  'priority',
  'urgent',
  'endorsements',
  'endorsements_needed',
  'waiting',
  'waiting_since',
  'queue_since',
  'next_deadline',
  'next_deadline_label',
  'deadline_sort',
  'person_name',
  'birth_date',
  'name_sort',
  'case_number',
  'search_text',
  'summary_format',
  ...milestoneColumnNames,
] as const;

/** Sorts after every date, for cases with no deadline. */
export const NO_DEADLINE = '9999-12-31';

export function summaryColumns(summary: CaseSummary): SqlParam[] {
  const closed = summary.closed === true;
  const nextDeadline = summary.nextDeadline ?? null;
  const personName = summary.person?.name ?? null;
  const caseNumber = summary.caseNumber?.value ?? null;
  return [
    summary.state,
    summary.title ?? null,
    summary.referredBy ?? null,
    summary.allocatedTo ?? null,
    closed,
    summary.activeCase === true && !closed,
    Math.trunc(Number(summary.priority ?? 0)) || 0,
    summary.urgency?.requested === true,
    summary.urgency?.endorsements ?? 0,
    summary.urgency?.needed ?? 0,
    summary.waiting === true && !closed,
    summary.waitingSince ?? null,
    summary.waitingSince ?? '',
    nextDeadline,
    summary.nextDeadlineLabel ?? null,
    nextDeadline ?? NO_DEADLINE,
    personName,
    summary.person?.dateOfBirth ?? null,
    nameSortKey(personName),
    caseNumber,
    searchText([personName, caseNumber, ...(summary.people ?? []).flatMap((p) => p.names)]),
    summary.format ?? 0,
    ...milestoneColumns(summary.milestones),
  ];
}

/** The lists a case is on: its worklists, and `act:<role>` for each role that must act; none once closed. */
export function caseLists(summary: CaseSummary): string[] {
  if (summary.closed === true) return [];
  return [...new Set([...(summary.worklists ?? []), ...(summary.actors ?? []).map((role) => `act:${role}`)])];
}

/** A case as the store keeps it: its plain columns, and its two JSON columns as the text stored. */
export interface StoredCase {
  head: CaseHead;
  snapshotJson: string;
  summaryJson: string;
}

/** Everything of a case record but its JSON columns. */
export type CaseHead = Omit<CaseRecord, 'snapshot' | 'summary'>;

/** The columns of a CaseHead, for a RETURNING that need not send the JSON back. */
export const caseHeadColumns = 'id, pathway_id, definition_version, version, created_by, created_at, updated_at';

export function toCaseHead(row: Row): CaseHead {
  return {
    id: String(row.id),
    pathwayId: String(row.pathway_id),
    definitionVersion: Number(row.definition_version),
    version: Number(row.version),
    createdBy: String(row.created_by),
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
  };
}

export function toStoredCase(row: Row): StoredCase {
  return { head: toCaseHead(row), snapshotJson: String(row.snapshot), summaryJson: String(row.summary) };
}

/** A new record from the stored text each time, so that no caller can change what another one reads. */
export function fromStoredCase({ head, snapshotJson, summaryJson }: StoredCase): CaseRecord {
  return committedRecord(head, { snapshot: fromJson(snapshotJson), summary: fromJson(summaryJson) as CaseSummary });
}

export function toCase(row: Row): CaseRecord {
  return fromStoredCase(toStoredCase(row));
}

/**
 * A case record from its plain columns and the given snapshot and summary. A create or commit returns the very
 * objects the caller committed: it has just made them, and parsing their JSON again would only give it a copy.
 */
export function committedRecord(head: CaseHead, input: { snapshot: unknown; summary: CaseSummary }): CaseRecord {
  return {
    id: head.id,
    pathwayId: head.pathwayId,
    definitionVersion: head.definitionVersion,
    version: head.version,
    snapshot: input.snapshot,
    summary: input.summary,
    createdBy: head.createdBy,
    createdAt: head.createdAt,
    updatedAt: head.updatedAt,
  };
}

/** The columns of a CaseListItem: the summary, never the snapshot. */
export const listItemColumns = `${caseHeadColumns}, summary`;

export function toListItem(row: Row): CaseListItem {
  const head = toCaseHead(row);
  return {
    id: head.id,
    pathwayId: head.pathwayId,
    definitionVersion: head.definitionVersion,
    version: head.version,
    summary: fromJson(row.summary) as CaseSummary,
    createdBy: head.createdBy,
    createdAt: head.createdAt,
    updatedAt: head.updatedAt,
  };
}

export function toCaseToResummarise(row: Row): CaseToResummarise {
  return {
    id: String(row.id),
    version: Number(row.version),
    definitionVersion: Number(row.definition_version),
    snapshot: fromJson(row.snapshot),
    createdBy: String(row.created_by),
    createdAt: String(row.created_at),
  };
}

export function toEventHeader(row: Row): EventHeader {
  const header: EventHeader = {
    seq: Number(row.seq),
    type: String(row.type),
    userId: String(row.user_id),
    role: String(row.role),
    at: String(row.at),
  };
  const about = aboutOf(row.about);
  if (about) header.about = about;
  return header;
}

/** What an event is about, as stored; an instance or forms a migrated event did not have (null, []) left out. */
function aboutOf(text: unknown): EventRecord['about'] {
  if (text === null || text === undefined) return undefined;
  const stored = fromJson(text) as { instance?: unknown; forms?: unknown } | null;
  const about: NonNullable<EventRecord['about']> = {};
  if (typeof stored?.instance === 'string') about.instance = stored.instance;
  if (Array.isArray(stored?.forms) && stored.forms.length) about.forms = stored.forms.map(String);
  return about;
}

export function toEvent(row: Row): EventRecord {
  return {
    caseId: String(row.case_id),
    seq: Number(row.seq),
    type: String(row.type),
    userId: String(row.user_id),
    role: String(row.role),
    at: String(row.at),
    definitionVersion: Number(row.definition_version),
    data: fromJson(row.data),
    ...(aboutOf(row.about) ? { about: aboutOf(row.about) } : {}),
  };
}

export function toDeadline(row: Row): DeadlineRecord {
  return {
    id: String(row.id),
    caseId: String(row.case_id),
    name: String(row.name),
    dueAt: String(row.due_at),
    event: fromJson(row.event),
    firedAt: row.fired_at == null ? null : String(row.fired_at),
  };
}

export function toDraft(row: Row): DraftRecord {
  return {
    caseId: String(row.case_id),
    formId: String(row.form_id),
    userId: String(row.user_id),
    data: fromJson(row.data),
    savedAt: String(row.saved_at),
  };
}

export function toAudit(row: Row): AuditRecord {
  const entry: AuditRecord = {
    id: Number(row.id),
    at: String(row.at),
    userId: String(row.user_id),
    caseId: row.case_id == null ? null : String(row.case_id),
    action: String(row.action),
  };
  if (row.detail != null) entry.detail = fromJson(row.detail);
  return entry;
}

export function toUser(row: Row): UserRecord {
  return {
    username: String(row.username),
    displayName: String(row.display_name),
    role: String(row.role),
    passwordHash: String(row.password_hash),
    demo: Boolean(row.demo),
    ...(row.email === null || row.email === undefined ? {} : { email: String(row.email) }),
  };
}

export function toDefinitionVersion(row: Row): DefinitionVersionRecord {
  const record: DefinitionVersionRecord = {
    version: Number(row.version),
    files: fromJson(row.files) as Record<string, string>,
    publishedBy: String(row.published_by),
    publishedAt: String(row.published_at),
  };
  if (row.note != null) record.note = String(row.note);
  return record;
}
