// Appointments and groups in SQL: the whole record as JSON beside the columns lists filter and sort by. A change names
// the version it replaces, as a case's commit does, so two officers moving the same appointment cannot both win.
import type { AppointmentFilter, AppointmentRecord, GroupRecord } from './appointment-types.js';
import { StoreConflictError } from './errors.js';
import { toInstant, toJson } from './rows.js';
import type { SqlDatabase, SqlParam } from './sql-database.js';

/** Times in canonical UTC form, so that text order is time order. */
function canonical(record: AppointmentRecord): AppointmentRecord {
  return { ...record, startsAt: toInstant(record.startsAt), endsAt: toInstant(record.endsAt) };
}

/** Inserts a new appointment (version 1), or replaces the one at `expectedVersion` with `record` (version + 1). */
export async function saveAppointment(
  db: SqlDatabase,
  record: AppointmentRecord,
  expectedVersion?: number,
): Promise<void> {
  const stored = canonical(record);
  const columns = [stored.officer, stored.groupId, stored.startsAt, stored.status, stored.version, toJson(stored)];
  if (expectedVersion === undefined) {
    const inserted = await db.run(
      `INSERT INTO appointments (id, case_id, officer, group_id, starts_at, status, version, record)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      [stored.id, stored.caseId, ...columns],
    );
    if (inserted === 0) {
      throw new StoreConflictError(`appointment ${record.id} already exists`, {
        entity: 'appointment',
        key: record.id,
      });
    }
    return;
  }
  const updated = await db.run(
    `UPDATE appointments SET officer = ?, group_id = ?, starts_at = ?, status = ?, version = ?, record = ?
     WHERE id = ? AND version = ?`,
    [...columns, stored.id, expectedVersion],
  );
  if (updated === 0) {
    throw new StoreConflictError(
      `appointment ${record.id} has changed since version ${expectedVersion} (or does not exist): reload it`,
      { entity: 'appointment', key: record.id, expectedVersion },
    );
  }
}

export async function getAppointment(db: SqlDatabase, id: string): Promise<AppointmentRecord | undefined> {
  const [row] = await db.all('SELECT record FROM appointments WHERE id = ?', [id]);
  return row ? (JSON.parse(String(row.record)) as AppointmentRecord) : undefined;
}

/** Soonest first. */
export async function listAppointments(db: SqlDatabase, filter: AppointmentFilter): Promise<AppointmentRecord[]> {
  const conditions: string[] = [];
  const params: SqlParam[] = [];
  const equal = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    conditions.push(`${column} = ?`);
    params.push(value);
  };
  equal('case_id', filter.caseId);
  equal('officer', filter.officer);
  equal('group_id', filter.groupId);
  if (filter.from !== undefined) {
    conditions.push('starts_at >= ?');
    params.push(toInstant(filter.from));
  }
  if (filter.status !== undefined) {
    conditions.push(filter.status.length ? `status IN (${filter.status.map(() => '?').join(', ')})` : '1 = 0');
    params.push(...filter.status);
  }
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  params.push(Math.max(0, Math.floor(filter.limit ?? 100)));
  const rows = await db.all(`SELECT record FROM appointments ${where} ORDER BY starts_at, id LIMIT ?`, params);
  return rows.map((row) => JSON.parse(String(row.record)) as AppointmentRecord);
}

/** As saveAppointment, for a group. */
export async function saveGroup(db: SqlDatabase, record: GroupRecord, expectedVersion?: number): Promise<void> {
  if (expectedVersion === undefined) {
    const inserted = await db.run(
      `INSERT INTO programme_groups (id, kind, created_at, version, record) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO NOTHING`,
      [record.id, record.kind, toInstant(record.createdAt), record.version, toJson(record)],
    );
    if (inserted === 0) {
      throw new StoreConflictError(`group ${record.id} already exists`, { entity: 'group', key: record.id });
    }
    return;
  }
  const updated = await db.run('UPDATE programme_groups SET version = ?, record = ? WHERE id = ? AND version = ?', [
    record.version,
    toJson(record),
    record.id,
    expectedVersion,
  ]);
  if (updated === 0) {
    throw new StoreConflictError(
      `group ${record.id} has changed since version ${expectedVersion} (or does not exist): reload it`,
      { entity: 'group', key: record.id, expectedVersion },
    );
  }
}

export async function getGroup(db: SqlDatabase, id: string): Promise<GroupRecord | undefined> {
  const [row] = await db.all('SELECT record FROM programme_groups WHERE id = ?', [id]);
  return row ? (JSON.parse(String(row.record)) as GroupRecord) : undefined;
}

/** Newest first. */
export async function listGroups(db: SqlDatabase, limit = 100): Promise<GroupRecord[]> {
  const rows = await db.all('SELECT record FROM programme_groups ORDER BY created_at DESC, id LIMIT ?', [
    Math.max(0, Math.floor(limit)),
  ]);
  return rows.map((row) => JSON.parse(String(row.record)) as GroupRecord);
}
