import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { addDuration, addWorkingDays, bankHolidaysOf, isWorkingDay } from '../../engine/util/working-days.js';

const ENGLAND = { country: 'GB', region: 'ENG' };

describe('working days', () => {
  describe('#isWorkingDay', () => {
    it('should skip weekends and England and Wales bank holidays', () => {
      expect(isWorkingDay('2026-04-03', ENGLAND)).toBe(false); // Good Friday
      expect(isWorkingDay('2026-04-06', ENGLAND)).toBe(false); // Easter Monday
      expect(isWorkingDay('2026-04-04', ENGLAND)).toBe(false); // Saturday
      expect(isWorkingDay('2026-04-07', ENGLAND)).toBe(true);
      expect(isWorkingDay('2026-12-28', ENGLAND)).toBe(false); // Boxing Day substitute
    });
    it("should agree with date-holidays' own isHoliday() on every weekday of 2020–2035, in England and in Scotland", () => {
      for (const region of [ENGLAND, { country: 'GB', region: 'SCT' }]) {
        const calendar = new Holidays(region.country, region.region);
        const disagreements: string[] = [];
        for (let day = Date.UTC(2020, 0, 1); day < Date.UTC(2036, 0, 1); day += 86_400_000) {
          const noon = new Date(day + 12 * 3_600_000);
          if (noon.getUTCDay() === 0 || noon.getUTCDay() === 6) continue;
          const date = noon.toISOString().slice(0, 10);
          const holiday = (calendar.isHoliday(noon) || []).some((h) => h.type === 'public' || h.type === 'bank');
          if (isWorkingDay(date, region) === holiday) disagreements.push(`${region.region} ${date}`);
        }
        expect(disagreements).toEqual([]);
      }
    });
  });
  describe('#addWorkingDays', () => {
    it('should count back two working days over Easter', () => {
      expect(addWorkingDays('2026-04-07', -2, ENGLAND)).toBe('2026-04-01');
    });
    it('should count forward over a weekend', () => {
      expect(addWorkingDays('2026-01-09', 1, ENGLAND)).toBe('2026-01-12');
    });
  });
  describe('#bankHolidaysOf', () => {
    it('should list the bank holidays of a year, the same list each time it is asked for', () => {
      const holidays = bankHolidaysOf(ENGLAND);
      const of2026 = holidays(2026);
      expect(of2026).toContain('2026-04-03');
      expect(of2026).toContain('2026-12-28');
      expect(of2026).not.toContain('2026-04-07');
      expect(bankHolidaysOf({ ...ENGLAND })(2026)).toBe(of2026);
      expect(holidays(2027)).toContain('2027-03-26');
    });
  });
  describe('#addDuration', () => {
    it('should add weeks as calendar time', () => {
      expect(addDuration('2026-01-05T09:00:00.000Z', { weeks: 6 }, ENGLAND)).toBe('2026-02-16T09:00:00.000Z');
    });
  });
});
