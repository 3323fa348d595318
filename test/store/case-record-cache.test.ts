import { describe, expect, it } from 'vitest';
import { CaseRecordCache } from '../../engine/store/case-record-cache.js';
import type { CaseRecord } from '../../engine/store/types.js';

function record(id: string, version: number, snapshot: unknown = { step: version }): CaseRecord {
  return {
    id,
    pathwayId: 'p',
    definitionVersion: 1,
    version,
    createdBy: 'u',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    snapshot,
    summary: { state: 'open' },
  };
}

/** What the store passes as the size of a record: the length of its JSON text. */
const jsonLength = (r: CaseRecord) => JSON.stringify(r.snapshot).length + JSON.stringify(r.summary).length;

function remember(cache: CaseRecordCache, r: CaseRecord): void {
  cache.remember(r, jsonLength(r));
}

describe('CaseRecordCache', () => {
  describe('#get', () => {
    it('should refuse any change to the data it hands out, so that no reader changes what another reads', () => {
      // given
      const cache = new CaseRecordCache();
      remember(cache, record('c1', 3, { answers: { name: 'A', list: [1] } }));
      // when
      const first = cache.get('c1')!;
      // then
      expect(() => {
        (first.snapshot as { answers: { name: string } }).answers.name = 'changed';
      }).toThrow(TypeError);
      expect(() => (first.snapshot as { answers: { list: number[] } }).answers.list.push(2)).toThrow(TypeError);
      expect(() => {
        first.summary.state = 'changed';
      }).toThrow(TypeError);
      expect(cache.get('c1')).toMatchObject({
        id: 'c1',
        version: 3,
        snapshot: { answers: { name: 'A', list: [1] } },
        summary: { state: 'open' },
      });
    });

    it('should give each reader a record of its own around the shared data', () => {
      const cache = new CaseRecordCache();
      remember(cache, record('c1', 3));
      const first = cache.get('c1')!;
      first.version = 99;
      expect(cache.get('c1')?.version).toBe(3);
    });

    it('should know nothing of a case it was never given', () => {
      expect(new CaseRecordCache().get('c1')).toBeUndefined();
    });
  });

  describe('#remember', () => {
    it('should keep the later version when an earlier one arrives after it', () => {
      const cache = new CaseRecordCache();
      remember(cache, record('c1', 5));
      remember(cache, record('c1', 4));
      expect(cache.get('c1')?.version).toBe(5);
      remember(cache, record('c1', 6));
      expect(cache.get('c1')?.version).toBe(6);
    });

    it('should let the least recently used cases go first when over its size', () => {
      // given room for about three of these
      const big = { text: 'x'.repeat(1000) };
      const cache = new CaseRecordCache(3 * (2 * (JSON.stringify(big).length + 20) + 300));
      remember(cache, record('a', 1, big));
      remember(cache, record('b', 1, big));
      remember(cache, record('c', 1, big));
      cache.get('a'); // now b is the least recently used
      // when
      remember(cache, record('d', 1, big));
      // then
      expect(cache.size).toBe(3);
      expect(cache.get('b')).toBeUndefined();
      expect(['a', 'c', 'd'].map((id) => cache.get(id)?.id)).toEqual(['a', 'c', 'd']);
    });

    it('should not keep a case larger than its whole size', () => {
      const cache = new CaseRecordCache(1000);
      remember(cache, record('huge', 1, { text: 'x'.repeat(5000) }));
      expect(cache.get('huge')).toBeUndefined();
      expect(cache.size).toBe(0);
    });
  });

  describe('#forget', () => {
    it('should drop a case', () => {
      const cache = new CaseRecordCache();
      remember(cache, record('c1', 1));
      cache.forget('c1');
      expect(cache.get('c1')).toBeUndefined();
    });
  });
});
