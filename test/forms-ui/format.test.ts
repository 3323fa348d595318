// Dates and times as GOV.UK writes them, in the UK's time zone, whatever the machine's.
import { describe, expect, it } from 'vitest';
import { countOf, formatDate, formatDateTime } from '../../forms-ui/src/app/core/format.js';

describe('format', () => {
  describe('#formatDateTime', () => {
    it('should write the hour after midnight and after noon as 12, not 0', () => {
      expect(formatDateTime('2026-12-04T00:36:00Z')).toBe('4 December 2026 at 12:36am');
      expect(formatDateTime('2026-12-04T12:05:00Z')).toBe('4 December 2026 at 12:05pm');
      expect(formatDateTime('2026-12-04T13:05:00Z')).toBe('4 December 2026 at 1:05pm');
    });
    it('should give the time in the UK in summer', () => {
      expect(formatDateTime('2026-07-01T08:00:00Z')).toBe('1 July 2026 at 9:00am');
    });
  });
  describe('#formatDate', () => {
    it('should take a plain date as that day', () => {
      expect(formatDate('2026-03-02')).toBe('2 March 2026');
    });
  });
  describe('#countOf', () => {
    it('should say one case and two cases', () => {
      expect([countOf(1, 'case'), countOf(2, 'case'), countOf(0, 'person', 'people')]).toEqual([
        '1 case',
        '2 cases',
        '0 people',
      ]);
    });
  });
});
