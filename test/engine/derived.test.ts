// Values derived once from an object that never changes (a compiled definition version, a form's schema).
import { describe, expect, it } from 'vitest';
import { derivedFrom } from '../../engine/util/derived.js';

describe('derivedFrom', () => {
  it('should derive once per object and hand back the same value after', () => {
    // given
    const seen: object[] = [];
    const sizeOf = derivedFrom((source: { items: number[] }) => (seen.push(source), { size: source.items.length }));
    const first = { items: [1, 2] };
    const second = { items: [1, 2, 3] };
    // when
    const a = sizeOf(first);
    const b = sizeOf(second);
    // then
    expect(a).toEqual({ size: 2 });
    expect(b).toEqual({ size: 3 });
    expect(sizeOf(first)).toBe(a);
    expect(sizeOf(second)).toBe(b);
    expect(seen).toEqual([first, second]);
  });

  it('should keep a value that is undefined as well', () => {
    let derived = 0;
    const nothing = derivedFrom((_source: object) => void derived++);
    const source = {};
    expect(nothing(source)).toBeUndefined();
    expect(nothing(source)).toBeUndefined();
    expect(derived).toBe(1);
  });
});
