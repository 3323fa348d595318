// Numbered schema migrations for PostgreSQL. Never edit a published one: add the next number.
// Same tables and column names as migrations/sqlite.ts, so one set of SQL statements serves both.
import type { Migration } from '../sql-database.js';

export const postgresMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'cases, events, deadlines, drafts, audit, users, definition versions',
    sql: `
CREATE TABLE cases (
  id text PRIMARY KEY,
  pathway_id text NOT NULL,
  definition_version integer NOT NULL,
  version integer NOT NULL,
  snapshot jsonb NOT NULL,
  summary jsonb NOT NULL,
  state text NOT NULL,
  referred_by text,
  allocated_to text,
  closed boolean NOT NULL,
  created_by text NOT NULL,
  created_at text NOT NULL,
  updated_at text NOT NULL
);
CREATE INDEX cases_state ON cases (state);
CREATE INDEX cases_referred_by ON cases (referred_by);
CREATE INDEX cases_allocated_to ON cases (allocated_to);
CREATE INDEX cases_created_at ON cases (created_at, id);

CREATE TABLE events (
  case_id text NOT NULL REFERENCES cases (id),
  seq integer NOT NULL,
  type text NOT NULL,
  user_id text NOT NULL,
  role text NOT NULL,
  at text NOT NULL,
  definition_version integer NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (case_id, seq)
);

CREATE TABLE deadlines (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases (id),
  name text NOT NULL,
  due_at text NOT NULL,
  event jsonb NOT NULL,
  fired_at text,
  claim_token text,
  claimed_until text
);
CREATE INDEX deadlines_unfired_due ON deadlines (due_at) WHERE fired_at IS NULL;
CREATE INDEX deadlines_case ON deadlines (case_id);

CREATE TABLE drafts (
  case_id text NOT NULL,
  form_id text NOT NULL,
  user_id text NOT NULL,
  data jsonb NOT NULL,
  saved_at text NOT NULL,
  PRIMARY KEY (case_id, form_id, user_id)
);
CREATE INDEX drafts_saved_at ON drafts (saved_at);

CREATE TABLE audit (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at text NOT NULL,
  user_id text NOT NULL,
  case_id text,
  action text NOT NULL,
  detail jsonb
);
CREATE INDEX audit_case ON audit (case_id);
CREATE INDEX audit_user ON audit (user_id);

CREATE TABLE users (
  username text PRIMARY KEY,
  display_name text NOT NULL,
  role text NOT NULL,
  password_hash text NOT NULL,
  demo boolean NOT NULL
);

CREATE TABLE definition_versions (
  version integer PRIMARY KEY,
  files jsonb NOT NULL,
  published_by text NOT NULL,
  published_at text NOT NULL,
  note text
);
`,
  },
  {
    version: 2,
    name: 'ended sessions (signed out before their tokens expire)',
    sql: `
CREATE TABLE ended_sessions (
  session_id text PRIMARY KEY,
  expires_at text NOT NULL
);
CREATE INDEX ended_sessions_expiry ON ended_sessions (expires_at);
`,
  },
  {
    version: 3,
    name: 'failed sign-ins, counted by every instance',
    sql: `
CREATE TABLE sign_in_failures (
  attempt_key text NOT NULL,
  at text NOT NULL
);
CREATE INDEX sign_in_failures_key_at ON sign_in_failures (attempt_key, at);
CREATE INDEX sign_in_failures_at ON sign_in_failures (at);
`,
  },
  {
    version: 5,
    name: 'case summaries in columns for lists: who a case is about, urgency, stage, deadlines; worklists; search',
    // Lists filter, sort and search these columns and never read a snapshot. The partial indexes serve the lists of
    // open cases, whose number does not grow with the years of closed cases kept; a case's columns are filled from its
    // stored data at start-up (engine/service/resummarise.ts), since who a case is about comes from the definitions.
    // search_vector is the full-text form of search_text, kept by PostgreSQL itself. Its index takes each change at
    // once (fastupdate off): a search never reads through a list of pending entries, and names change rarely.
    sql: `
ALTER TABLE cases
  ADD COLUMN summary_format integer NOT NULL DEFAULT 0,
  ADD COLUMN state_title text,
  ADD COLUMN active_case boolean NOT NULL DEFAULT false,
  ADD COLUMN priority integer NOT NULL DEFAULT 0,
  ADD COLUMN urgent boolean NOT NULL DEFAULT false,
  ADD COLUMN endorsements integer NOT NULL DEFAULT 0,
  ADD COLUMN endorsements_needed integer NOT NULL DEFAULT 0,
  ADD COLUMN waiting boolean NOT NULL DEFAULT false,
  ADD COLUMN waiting_since text,
  ADD COLUMN queue_since text NOT NULL DEFAULT '',
  ADD COLUMN next_deadline text,
  ADD COLUMN next_deadline_label text,
  ADD COLUMN deadline_sort text NOT NULL DEFAULT '9999-12-31',
  ADD COLUMN person_name text,
  ADD COLUMN birth_date text,
  ADD COLUMN name_sort text NOT NULL DEFAULT '1',
  ADD COLUMN case_number text,
  ADD COLUMN search_text text NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED;
CREATE INDEX cases_search ON cases USING gin (search_vector) WITH (fastupdate = off);
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
  list text NOT NULL,
  case_id text NOT NULL REFERENCES cases (id),
  PRIMARY KEY (list, case_id)
);
CREATE INDEX case_lists_case ON case_lists (case_id);
`,
  },
  {
    version: 6,
    name: 'sign-in attempts counted per window, taken in one step (the failures counted before are dropped)',
    // One row per limit, changed by one upsert, so that taking an attempt cannot interleave with another's.
    sql: `
DROP TABLE sign_in_failures;
CREATE TABLE sign_in_attempts (
  attempt_key text PRIMARY KEY,
  attempts integer NOT NULL,
  window_ends text NOT NULL
);
CREATE INDEX sign_in_attempts_window_ends ON sign_in_attempts (window_ends);
`,
  },
  {
    version: 7,
    name: 'what each event is about (the instance it was sent to, the forms it submitted), for the history of each reader',
    // As in migrations/sqlite.ts: events stored before are given theirs from the commands they logged.
    sql: `
ALTER TABLE events ADD COLUMN about text;
UPDATE events SET about = jsonb_build_object(
  'instance', COALESCE(
    data->'commands'->-1->>'instance',
    CASE WHEN position('/' in COALESCE(data->'commands'->-1->>'timer', '')) > 0
      THEN split_part(data->'commands'->-1->>'timer', '/', 1)
    END),
  'forms', COALESCE(
    (SELECT jsonb_agg(c->>'form') FROM jsonb_array_elements(data->'commands') AS c WHERE c->>'kind' = 'submitForm'),
    '[]'::jsonb))::text
WHERE jsonb_typeof(data->'commands') = 'array';
`,
  },
  {
    version: 8,
    name: 'email addresses of users, and the mail outbox written with the event whose notices it sends',
    // As in migrations/sqlite.ts: one row per recipient of a notice, claimed for a lease by one sender at a time, a
    // failed send kept with its error and tried again after a pause, until it is marked failed.
    sql: `
ALTER TABLE users ADD COLUMN email text;
CREATE TABLE mail_outbox (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases (id),
  recipient text NOT NULL,
  address text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  link text NOT NULL,
  created_at text NOT NULL,
  status text NOT NULL,
  attempts integer NOT NULL,
  next_attempt_at text NOT NULL,
  last_error text,
  sent_at text,
  claim_token text,
  claimed_until text
);
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
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases (id),
  officer text NOT NULL,
  group_id text,
  starts_at text NOT NULL,
  status text NOT NULL,
  version integer NOT NULL,
  record text NOT NULL
);
CREATE INDEX appointments_case ON appointments (case_id, starts_at);
CREATE INDEX appointments_officer ON appointments (officer, starts_at);
CREATE INDEX appointments_group ON appointments (group_id, starts_at) WHERE group_id IS NOT NULL;
CREATE TABLE programme_groups (
  id text PRIMARY KEY,
  kind text NOT NULL,
  created_at text NOT NULL,
  version integer NOT NULL,
  record text NOT NULL
);
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
ALTER TABLE cases
  ADD COLUMN referred_at text,
  ADD COLUMN waitlisted_at text,
  ADD COLUMN allocated_at text,
  ADD COLUMN assessed_at text,
  ADD COLUMN closed_at text,
  ADD COLUMN outcome text,
  ADD COLUMN days_to_allocation double precision,
  ADD COLUMN days_waiting double precision,
  ADD COLUMN days_to_assessment double precision,
  ADD COLUMN group_member boolean NOT NULL DEFAULT false,
  ADD COLUMN group_completed boolean NOT NULL DEFAULT false,
  ADD COLUMN sessions_attended integer;
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
