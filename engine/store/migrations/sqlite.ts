// Numbered schema migrations for SQLite. Never edit a published one: add the next number.
// STRICT tables make SQLite refuse a value of the wrong type instead of storing it.
import type { Migration } from '../sql-database.js';

export const sqliteMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'cases, events, deadlines, drafts, audit, users, definition versions',
    sql: `
CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  pathway_id TEXT NOT NULL,
  definition_version INTEGER NOT NULL,
  version INTEGER NOT NULL,
  snapshot TEXT NOT NULL,
  summary TEXT NOT NULL,
  state TEXT NOT NULL,
  referred_by TEXT,
  allocated_to TEXT,
  closed INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX cases_state ON cases (state);
CREATE INDEX cases_referred_by ON cases (referred_by);
CREATE INDEX cases_allocated_to ON cases (allocated_to);
CREATE INDEX cases_created_at ON cases (created_at, id);

CREATE TABLE events (
  case_id TEXT NOT NULL REFERENCES cases (id),
  seq INTEGER NOT NULL,
  type TEXT NOT NULL,
  user_id TEXT NOT NULL,
  role TEXT NOT NULL,
  at TEXT NOT NULL,
  definition_version INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (case_id, seq)
) STRICT;

CREATE TABLE deadlines (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id),
  name TEXT NOT NULL,
  due_at TEXT NOT NULL,
  event TEXT NOT NULL,
  fired_at TEXT,
  claim_token TEXT,
  claimed_until TEXT
) STRICT;
CREATE INDEX deadlines_unfired_due ON deadlines (due_at) WHERE fired_at IS NULL;
CREATE INDEX deadlines_case ON deadlines (case_id);

CREATE TABLE drafts (
  case_id TEXT NOT NULL,
  form_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  data TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  PRIMARY KEY (case_id, form_id, user_id)
) STRICT;
CREATE INDEX drafts_saved_at ON drafts (saved_at);

CREATE TABLE audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  user_id TEXT NOT NULL,
  case_id TEXT,
  action TEXT NOT NULL,
  detail TEXT
) STRICT;
CREATE INDEX audit_case ON audit (case_id);
CREATE INDEX audit_user ON audit (user_id);

CREATE TABLE users (
  username TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  demo INTEGER NOT NULL
) STRICT;

CREATE TABLE definition_versions (
  version INTEGER PRIMARY KEY,
  files TEXT NOT NULL,
  published_by TEXT NOT NULL,
  published_at TEXT NOT NULL,
  note TEXT
) STRICT;
`,
  },
  {
    version: 2,
    name: 'ended sessions (signed out before their tokens expire)',
    sql: `
CREATE TABLE ended_sessions (
  session_id TEXT PRIMARY KEY,
  expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX ended_sessions_expiry ON ended_sessions (expires_at);
`,
  },
  {
    version: 3,
    name: 'failed sign-ins, counted by every instance',
    sql: `
CREATE TABLE sign_in_failures (
  attempt_key TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;
CREATE INDEX sign_in_failures_key_at ON sign_in_failures (attempt_key, at);
CREATE INDEX sign_in_failures_at ON sign_in_failures (at);
`,
  },
  {
    version: 4,
    name: 'fewer pages written at each commit: audit ids without AUTOINCREMENT, deadlines kept in their key order',
    // Audit entries are never deleted, so a plain INTEGER PRIMARY KEY gives the same ever-growing ids without
    // AUTOINCREMENT's extra write to sqlite_sequence at each insert. A WITHOUT ROWID deadlines table is its own
    // primary-key index, one b-tree fewer to change when an event sets or cancels a deadline.
    sql: `
CREATE TABLE audit_next (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_id TEXT NOT NULL,
  case_id TEXT,
  action TEXT NOT NULL,
  detail TEXT
) STRICT;
INSERT INTO audit_next (id, at, user_id, case_id, action, detail) SELECT id, at, user_id, case_id, action, detail FROM audit;
DROP TABLE audit;
ALTER TABLE audit_next RENAME TO audit;
CREATE INDEX audit_case ON audit (case_id);
CREATE INDEX audit_user ON audit (user_id);
DELETE FROM sqlite_sequence WHERE name = 'audit';

CREATE TABLE deadlines_next (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id),
  name TEXT NOT NULL,
  due_at TEXT NOT NULL,
  event TEXT NOT NULL,
  fired_at TEXT,
  claim_token TEXT,
  claimed_until TEXT
) STRICT, WITHOUT ROWID;
INSERT INTO deadlines_next SELECT id, case_id, name, due_at, event, fired_at, claim_token, claimed_until FROM deadlines;
DROP TABLE deadlines;
ALTER TABLE deadlines_next RENAME TO deadlines;
CREATE INDEX deadlines_unfired_due ON deadlines (due_at) WHERE fired_at IS NULL;
CREATE INDEX deadlines_case ON deadlines (case_id);
`,
  },
  {
    version: 5,
    name: 'case summaries in columns for lists: who a case is about, urgency, stage, deadlines; worklists; search',
    // Lists filter, sort and search these columns and never read a snapshot. The partial indexes serve the lists of
    // open cases, whose number does not grow with the years of closed cases kept; a case's columns are filled from its
    // stored data at start-up (engine/service/resummarise.ts), since who a case is about comes from the definitions.
    // The snapshot, the one large value of a row, moves to the end of it: SQLite keeps what does not fit in a page
    // in overflow pages, and reading any column after it would walk them; lists read every other column.
    // case_search is an FTS5 index of search_text kept by triggers, found again by the case's rowid (a rowid table
    // keeps its rowids unless VACUUM renumbers them; after a VACUUM run "INSERT INTO case_search (case_search) VALUES
    // ('rebuild')").
    sql: `
ALTER TABLE cases ADD COLUMN summary_format INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN state_title TEXT;
ALTER TABLE cases ADD COLUMN active_case INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN urgent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN endorsements INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN endorsements_needed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN waiting INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN waiting_since TEXT;
ALTER TABLE cases ADD COLUMN queue_since TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN next_deadline TEXT;
ALTER TABLE cases ADD COLUMN next_deadline_label TEXT;
ALTER TABLE cases ADD COLUMN deadline_sort TEXT NOT NULL DEFAULT '9999-12-31';
ALTER TABLE cases ADD COLUMN person_name TEXT;
ALTER TABLE cases ADD COLUMN birth_date TEXT;
ALTER TABLE cases ADD COLUMN name_sort TEXT NOT NULL DEFAULT '1';
ALTER TABLE cases ADD COLUMN case_number TEXT;
ALTER TABLE cases ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN snapshot_last TEXT NOT NULL DEFAULT '';
UPDATE cases SET snapshot_last = snapshot;
ALTER TABLE cases DROP COLUMN snapshot;
ALTER TABLE cases RENAME COLUMN snapshot_last TO snapshot;
CREATE INDEX cases_summary_format ON cases (summary_format);
CREATE INDEX cases_created_by ON cases (created_by);
CREATE INDEX cases_open_created ON cases (created_at, id) WHERE NOT closed;
CREATE INDEX cases_deadline ON cases (deadline_sort, id);
CREATE INDEX cases_open_deadline ON cases (deadline_sort, id) WHERE NOT closed;
CREATE INDEX cases_name ON cases (name_sort, id);
CREATE INDEX cases_open_name ON cases (name_sort, id) WHERE NOT closed;
CREATE INDEX cases_waiting ON cases (priority DESC, queue_since, id) WHERE waiting AND NOT closed;
CREATE INDEX cases_open_allocated ON cases (allocated_to) WHERE NOT closed;
CREATE INDEX cases_open_referred ON cases (referred_by) WHERE NOT closed;
CREATE INDEX cases_active ON cases (allocated_to) WHERE active_case;

CREATE TABLE case_lists (
  list TEXT NOT NULL,
  case_id TEXT NOT NULL REFERENCES cases (id),
  PRIMARY KEY (list, case_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX case_lists_case ON case_lists (case_id);

CREATE VIRTUAL TABLE case_search USING fts5 (
  search_text, content = 'cases', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER case_search_insert AFTER INSERT ON cases BEGIN
  INSERT INTO case_search (rowid, search_text) VALUES (new.rowid, new.search_text);
END;
CREATE TRIGGER case_search_delete AFTER DELETE ON cases BEGIN
  INSERT INTO case_search (case_search, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
CREATE TRIGGER case_search_update AFTER UPDATE OF search_text ON cases BEGIN
  INSERT INTO case_search (case_search, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
  INSERT INTO case_search (rowid, search_text) VALUES (new.rowid, new.search_text);
END;
INSERT INTO case_search (case_search) VALUES ('rebuild');
`,
  },
  {
    version: 6,
    name: 'sign-in attempts counted per window, taken in one step (the failures counted before are dropped)',
    // One row per limit, changed by one upsert, so that taking an attempt cannot interleave with another's.
    sql: `
DROP TABLE sign_in_failures;
CREATE TABLE sign_in_attempts (
  attempt_key TEXT PRIMARY KEY,
  attempts INTEGER NOT NULL,
  window_ends TEXT NOT NULL
) STRICT;
CREATE INDEX sign_in_attempts_window_ends ON sign_in_attempts (window_ends);
`,
  },
  {
    version: 7,
    name: 'what each event is about (the instance it was sent to, the forms it submitted), for the history of each reader',
    // Events stored before are given theirs from the commands they logged (engine/service/case-service.ts): the
    // instance of the last command (a timer's is the part of its id before "/") and the forms submitted.
    sql: `
ALTER TABLE events ADD COLUMN about TEXT;
UPDATE events SET about = json_object(
  'instance', COALESCE(
    json_extract(data, '$.commands[#-1].instance'),
    CASE WHEN instr(COALESCE(json_extract(data, '$.commands[#-1].timer'), ''), '/') > 0
      THEN substr(
        json_extract(data, '$.commands[#-1].timer'), 1, instr(json_extract(data, '$.commands[#-1].timer'), '/') - 1
      )
    END),
  'forms', json((SELECT json_group_array(json_extract(c.value, '$.form')) FROM json_each(events.data, '$.commands') AS c
                 WHERE json_extract(c.value, '$.kind') = 'submitForm')))
WHERE json_valid(data) AND json_type(data, '$.commands') = 'array';
`,
  },
  {
    version: 8,
    name: 'email addresses of users, and the mail outbox written with the event whose notices it sends',
    // One row per recipient of a notice. A sender claims due rows for a lease (claim_token, claimed_until), so two
    // servers never send the same row at once; a failed send is kept with its error and tried again after a pause
    // (next_attempt_at), until it is marked failed.
    sql: `
ALTER TABLE users ADD COLUMN email TEXT;
CREATE TABLE mail_outbox (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id),
  recipient TEXT NOT NULL,
  address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  link TEXT NOT NULL,
  created_at TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT,
  sent_at TEXT,
  claim_token TEXT,
  claimed_until TEXT
) STRICT;
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX mail_outbox_status ON mail_outbox (status, created_at);
`,
  },
  {
    version: 10,
    name: 'appointments of cases (date, time, place, attendance) and groups run for several cases',
    // The columns that lists filter and sort by, beside the whole record as JSON (appointments.ts).
    sql: `
CREATE TABLE appointments (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id),
  officer TEXT NOT NULL,
  group_id TEXT,
  starts_at TEXT NOT NULL,
  status TEXT NOT NULL,
  version INTEGER NOT NULL,
  record TEXT NOT NULL
) STRICT;
CREATE INDEX appointments_case ON appointments (case_id, starts_at);
CREATE INDEX appointments_officer ON appointments (officer, starts_at);
CREATE INDEX appointments_group ON appointments (group_id, starts_at) WHERE group_id IS NOT NULL;
CREATE TABLE programme_groups (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  created_at TEXT NOT NULL,
  version INTEGER NOT NULL,
  record TEXT NOT NULL
) STRICT;
`,
  },
  {
    version: 11,
    name: 'milestones of each case (referred, waiting, allocated, assessed, closed, outcome) for the performance figures',
    // The times a service is measured by (engine/store/milestone-columns.ts), for the performance figures' aggregate
    // queries (performance-figures.ts): each index holds every column its query reads, so a month's figures are read
    // from the index alone. Cases stored before are given theirs at start-up, as a new summary format
    // (engine/service/case-summary.ts).
    sql: `
ALTER TABLE cases ADD COLUMN referred_at TEXT;
ALTER TABLE cases ADD COLUMN waitlisted_at TEXT;
ALTER TABLE cases ADD COLUMN allocated_at TEXT;
ALTER TABLE cases ADD COLUMN assessed_at TEXT;
ALTER TABLE cases ADD COLUMN closed_at TEXT;
ALTER TABLE cases ADD COLUMN outcome TEXT;
ALTER TABLE cases ADD COLUMN days_to_allocation REAL;
ALTER TABLE cases ADD COLUMN days_waiting REAL;
ALTER TABLE cases ADD COLUMN days_to_assessment REAL;
ALTER TABLE cases ADD COLUMN group_member INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN group_completed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN sessions_attended INTEGER;
CREATE INDEX cases_referred_at ON cases (referred_at) WHERE referred_at IS NOT NULL;
CREATE INDEX cases_allocated_at ON cases (
  allocated_at, days_to_allocation, days_waiting, assessed_at, days_to_assessment, waitlisted_at, closed_at
) WHERE allocated_at IS NOT NULL;
CREATE INDEX cases_unallocated_waitlisted ON cases (waitlisted_at, closed_at)
  WHERE allocated_at IS NULL AND waitlisted_at IS NOT NULL;
CREATE INDEX cases_closed_at ON cases (closed_at, outcome, group_member, group_completed, sessions_attended)
  WHERE closed_at IS NOT NULL;
`,
  },
];
