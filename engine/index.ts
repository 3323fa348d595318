// The engine's one public entry: what a host (our server, the CLI, a script) may use, named one by one so that the
// surface is chosen, not whatever a module happens to export. Only re-exports: importing it runs nothing of its own.
// The server imports the engine only from here (test/engine/public-entry.test.ts checks it).

// Definitions: read a folder, load and check it (problems with file:line:col), compile it, publish versions of it.
export { readDefinitionFiles, isDefinitionPath } from './definitions/read-files.js';
export { loadDefinitions } from './definitions/load.js';
export type { LoadOptions } from './definitions/load.js';
export { checkDefinitions } from './definitions/check.js';
export type { CompiledDefinitions } from './definitions/check.js';
export { formatProblem } from './definitions/problems.js';
export type { Problem } from './definitions/problems.js';
export { walkPathway } from './definitions/pathway-walk.js';
export type { DefinitionFiles, JsonObject } from './definitions/types.js';
// A parse cache keyed by file content; YAML_READING names the parser and options a cached value was made with.
export { folderParseCache } from './definitions/parse-cache.js';
export { YAML_READING } from './definitions/source.js';
export { DefinitionRegistry, DefinitionProblemsError } from './service/definition-registry.js';

// The case service: create cases, send events, list and migrate them; what each user may see and do.
export { CaseService } from './service/case-service.js';
export type { CaseSnapshotView, NoticeMailer, ServiceUser } from './service/case-service.js';
export { AppointmentService, attendanceOutcomes } from './service/appointment-service.js';
export type { BookAppointment, MoveAppointment, RecordAttendance } from './service/appointment-service.js';
export { GroupService, type CreateGroup, type MemberAttendance } from './service/group-service.js';
export {
  appointmentKinds,
  groupKinds,
  type AppointmentKind,
  type GroupKind,
} from './appointments/appointment-kinds.js';
export type {
  AppointmentRecord,
  AttendanceOutcome,
  AttendanceRecord,
  GroupRecord,
  GroupSession,
} from './store/appointment-types.js';
export type { IdentityMeta } from './service/case-identity.js';
export { CaseServiceError } from './service/errors.js';
export { migrateCases } from './service/migrate-cases.js';
export { BUILT_IN_VIEWS, viewNames, viewQuery, worklistNames } from './service/case-views.js';
export type { ListQuery } from './service/case-views.js';
export { isVisibleTo, seesAllCases, seesNoCases } from './service/visibility.js';
export { draftKey } from './service/draft-key.js';
export { mayFill } from './runtime/permissions.js';
export { capacityOf } from './compile/types.js';
export type { InstanceContext } from './compile/types.js';
export type { CaseData, FormSubmission, InstanceRecord, NotificationRecord, SignOffRecord } from './runtime/model.js';
export type { ShownSignOff } from './runtime/sign-offs.js';
export { JSON_LIMITS, exceedsJsonDepth } from './util/json-limits.js';
export { derivedFrom } from './util/derived.js';

// Reading a case: the one place deciding what of it reaches a reader (role, audience, confidentiality).
export { Redactor } from './reading/redaction.js';
export { readerIsCleared, readerMayReadForm, readerMaySeeCaseOf } from './reading/reader.js';
export type { Reader } from './reading/reader.js';
export { documentShown, formShown, historyFor, noticesFor } from './reading/case-reading.js';
export { documentReachesReader, sharedOnly } from './reading/document-sharing.js';
export { nameWithRole, signOffWording, whoAndWhen } from './reading/person-wording.js';

// Stores: SQLite (the default, writes on a worker thread) or PostgreSQL, behind one CaseStore interface.
export { openStore, openSqliteStore, openPostgresStore, caseSorts, maxPageSize } from './store/index.js';
export { StoreConflictError, StoreInUseError, StoreNotFoundError, StoreQueryError } from './store/index.js';
export { MAX_REPORT_MONTHS } from './store/index.js';
export type { CaseMilestones, PerformanceFigures, PerformanceQuery } from './store/index.js';
export type { PerformanceMeta } from './service/case-milestones.js';
export type {
  CaseListItem,
  CasePage,
  CaseSort,
  CaseRecord,
  CaseStore,
  CaseSummary,
  EventHeader,
  MailOutcome,
  MailRecord,
  MailStatus,
  NewMail,
  SignInCount,
  StoreOptions,
  UserRecord,
} from './store/index.js';

// Forms: computed answers, a form's validator as a standalone module for the browser, its answers' TypeScript type.
export { BANK_HOLIDAYS_KEYWORD, computesWorkingDays } from './forms/compute.js';
export { standaloneValidatorModule } from './forms/standalone.js';
export { formTypeScript, generateFormTypes } from './forms/generate-types.js';

// Expressions: the one JSON Logic evaluator, with the options (bank holidays) the definitions' settings give it.
export { evaluateLogic } from './expressions/logic.js';
export { logicOptionsFor } from './compile/evaluate.js';

// Scenarios (the definitions' executable walk-throughs) and the pathway diagram.
export { runAllScenarios } from './scenarios/run-scenario.js';
export { pathwayToMermaid } from './diagram/mermaid.js';
