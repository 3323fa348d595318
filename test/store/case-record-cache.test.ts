import { describe, expect, it } from 'vitest';
import { CaseRecordCache } from '../../engine/store/case-record-cache.js';
import type { StoredCase } from '../../engine/store/rows.js';

function stored(id: string, version: number, snapshot: unknown = { step: version }): StoredCase {
  return {
    head: { id, pathwayId: 'p', definitionVersion: 1, version, createdBy: 'u', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' },
    snapshotJson: JSON.stringify(snapshot),
    summaryJson: JSON.stringify({ state: 'open' }),
  };
}

describe('CaseRecordCache', () => {
  describe('#get', () => {
    it('should give a new record each time, so that changing one changes nothing kept', () => {
      // given
      const cache = new CaseRecordCache();
      cache.remember(stored('c1', 3, { answers: { name: 'A' } }));
      // when
      const first = cache.get('c1')!;
      (first.snapshot as { answers: { name: string } }).answers.name = 'changed';
      first.summary.state = 'changed';
      // then
      expect(cache.get('c1')).toMatchObject({ id: 'c1', version: 3, snapshot: { answers: { name: 'A' } }, summary: { state: 'open' } });
    });

    it('should know nothing of a case it was never given', () => {
      expect(new CaseRecordCache().get('c1')).toBeUndefined();
    });
  });

  describe('#remember', () => {
    it('should keep the later version when an earlier one arrives after it', () => {
      const cache = new CaseRecordCache();
      cache.remember(stored('c1', 5));
      cache.remember(stored('c1', 4));
      expect(cache.get('c1')?.version).toBe(5);
      cache.remember(stored('c1', 6));
      expect(cache.get('c1')?.version).toBe(6);
    });

    it('should let the least recently used cases go first when over its size', () => {
      // given room for about three of these
      const big = { text: 'x'.repeat(1000) };
      const cache = new CaseRecordCache(3 * (2 * JSON.stringify(big).length + 300));
      cache.remember(stored('a', 1, big));
      cache.remember(stored('b', 1, big));
      cache.remember(stored('c', 1, big));
      cache.get('a'); // now b is the least recently used
      // when
      cache.remember(stored('d', 1, big));
      // then
      expect(cache.size).toBe(3);
      expect(cache.get('b')).toBeUndefined();
      expect(['a', 'c', 'd'].map((id) => cache.get(id)?.id)).toEqual(['a', 'c', 'd']);
    });

    it('should not keep a case larger than its whole size', () => {
      const cache = new CaseRecordCache(1000);
      cache.remember(stored('huge', 1, { text: 'x'.repeat(5000) }));
      expect(cache.get('huge')).toBeUndefined();
      expect(cache.size).toBe(0);
    });
  });

  describe('#forget', () => {
    it('should drop a case', () => {
      const cache = new CaseRecordCache();
      cache.remember(stored('c1', 1));
      cache.forget('c1');
      expect(cache.get('c1')).toBeUndefined();
    });
  });
});
