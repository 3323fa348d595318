// Contract: appointments and groups are stored whole, changed only at the version they were read at, and listed by
// case, officer or group, soonest first.
import { describe, expect, it } from 'vitest';
import type { AppointmentRecord, GroupRecord } from '../../../engine/store/appointment-types.js';
import { StoreConflictError } from '../../../engine/store/errors.js';
import { minutesIn, newCase, type CurrentStore } from './fixtures.js';

export function appointment(id: string, overrides: Partial<AppointmentRecord> = {}): AppointmentRecord {
  return {
    id,
    caseId: 'c1',
    kind: 'pathway-a#session1',
    title: `Session ${id}`,
    startsAt: minutesIn(60),
    endsAt: minutesIn(180),
    place: 'Room 2, Civic Centre',
    delivery: 'In person',
    officer: 'tess',
    attendees: ['The perpetrator', 'The DAO'],
    groupId: null,
    status: 'booked',
    version: 1,
    bookedBy: 'tess',
    bookedAt: minutesIn(0),
    changedBy: 'tess',
    changedAt: minutesIn(0),
    cancelled: null,
    attendance: null,
    ...overrides,
  };
}

export function describeAppointmentContract(store: CurrentStore): void {
  describe('appointments', () => {
    it('should store an appointment and give it back whole', async () => {
      await store().createCase(newCase('c1'));
      const booked = appointment('a1', { attendees: ['Zoë — 日本語'] });
      await store().saveAppointment(booked);
      expect(await store().getAppointment('a1')).toEqual(booked);
      expect(await store().getAppointment('nope')).toBeUndefined();
    });

    it('should refuse a second appointment with the same id', async () => {
      await store().createCase(newCase('c1'));
      await store().saveAppointment(appointment('a1'));
      await expect(store().saveAppointment(appointment('a1'))).rejects.toBeInstanceOf(StoreConflictError);
    });

    it('should change an appointment at the version read, and refuse a stale change', async () => {
      await store().createCase(newCase('c1'));
      await store().saveAppointment(appointment('a1'));
      const moved = appointment('a1', { version: 2, startsAt: minutesIn(600), endsAt: minutesIn(720) });
      await store().saveAppointment(moved, 1);
      expect(await store().getAppointment('a1')).toEqual(moved);
      const stale = appointment('a1', { version: 2, status: 'cancelled' });
      await expect(store().saveAppointment(stale, 1)).rejects.toBeInstanceOf(StoreConflictError);
      expect((await store().getAppointment('a1'))?.status).toBe('booked');
    });

    it('should list by case, officer, group, time and status, soonest first', async () => {
      await store().createCase(newCase('c1'));
      await store().createCase(newCase('c2'));
      await store().saveAppointment(appointment('late', { startsAt: minutesIn(900), endsAt: minutesIn(1000) }));
      await store().saveAppointment(appointment('early', { startsAt: minutesIn(30), endsAt: minutesIn(90) }));
      await store().saveAppointment(appointment('other', { caseId: 'c2', officer: 'sam', groupId: 'g1' }));
      await store().saveAppointment(appointment('gone', { status: 'cancelled', startsAt: minutesIn(40) }));
      const ids = async (filter: Parameters<ReturnType<CurrentStore>['listAppointments']>[0]) =>
        (await store().listAppointments(filter)).map((a) => a.id);
      expect(await ids({ caseId: 'c1' })).toEqual(['early', 'gone', 'late']);
      expect(await ids({ officer: 'tess', status: ['booked'] })).toEqual(['early', 'late']);
      expect(await ids({ officer: 'tess', from: minutesIn(50) })).toEqual(['late']);
      expect(await ids({ groupId: 'g1' })).toEqual(['other']);
      expect(await ids({ status: [] })).toEqual([]);
      expect(await ids({ caseId: 'c1', limit: 1 })).toEqual(['early']);
    });

    it('should keep times in canonical UTC form, so that their order is time order', async () => {
      await store().createCase(newCase('c1'));
      await store().saveAppointment(appointment('a1', { startsAt: '2025-01-06T10:00:00+01:00' }));
      await store().saveAppointment(appointment('a2', { startsAt: '2025-01-06T09:30:00Z' }));
      const listed = await store().listAppointments({ caseId: 'c1' });
      expect(listed.map((a) => [a.id, a.startsAt])).toEqual([
        ['a1', '2025-01-06T09:00:00.000Z'],
        ['a2', '2025-01-06T09:30:00.000Z'],
      ]);
    });
  });

  describe('groups', () => {
    const group = (id: string, overrides: Partial<GroupRecord> = {}): GroupRecord => ({
      id,
      kind: 'programme',
      title: `Group ${id}`,
      facilitators: ['tess', 'sam'],
      members: ['c1', 'c2'],
      sessions: [
        {
          number: 1,
          startsAt: minutesIn(60),
          endsAt: minutesIn(180),
          place: 'Room 1',
          catchUp: false,
          attendance: { c1: { outcome: 'attended', recordedBy: 'tess', recordedAt: minutesIn(200) } },
        },
      ],
      version: 1,
      createdBy: 'tess',
      createdAt: minutesIn(0),
      changedBy: 'tess',
      changedAt: minutesIn(0),
      ...overrides,
    });

    it('should store a group, change it at the version read, and list groups newest first', async () => {
      await store().saveGroup(group('g1'));
      await store().saveGroup(group('g2', { createdAt: minutesIn(5) }));
      await expect(store().saveGroup(group('g1'))).rejects.toBeInstanceOf(StoreConflictError);
      const changed = group('g1', { version: 2, members: ['c1', 'c2', 'c3'] });
      await store().saveGroup(changed, 1);
      await expect(store().saveGroup(group('g1', { version: 2 }), 1)).rejects.toBeInstanceOf(StoreConflictError);
      expect(await store().getGroup('g1')).toEqual(changed);
      expect((await store().listGroups()).map((g) => g.id)).toEqual(['g2', 'g1']);
    });
  });
}
