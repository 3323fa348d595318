// Tests shared by both stores: two connections (store instances) on the same data committing at once.
import { expect, it } from 'vitest';
import { StoreConflictError } from '../../engine/store/errors.js';
import type { CaseStore } from '../../engine/store/types.js';
import { newCase, nextCommit } from './contract/fixtures.js';
import { readModifyWrite } from './read-modify-write.js';

/** Call inside a describe('#commitEvent'); openTwice gives two migrated stores on the same tables. */
export function itCommitsConcurrently(connections: string, openTwice: () => Promise<[CaseStore, CaseStore]>): void {
  it(`should let exactly one of two ${connections} win a race on the same expected version`, async () => {
    const [first, second] = await openTwice();
    const created = await first.createCase(newCase('c1'));
    const results = await Promise.allSettled([
      first.commitEvent(nextCommit(created)),
      second.commitEvent(nextCommit(created)),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [lost] = results.filter((r) => r.status === 'rejected');
    expect(lost?.reason).toBeInstanceOf(StoreConflictError);
    expect((await second.getCase('c1'))?.version).toBe(2);
    expect(await first.listEvents('c1')).toHaveLength(2);
  });

  it(`should lose no update when two ${connections} read, modify and write with retries`, async () => {
    const [first, second] = await openTwice();
    await first.createCase(newCase('c1'));
    const rounds = 40;
    const writers = await Promise.all([readModifyWrite(first, 'c1', rounds), readModifyWrite(second, 'c1', rounds)]);
    expect(writers[0].conflicts + writers[1].conflicts, 'the writers should have collided').toBeGreaterThan(0);
    const final = await first.getCase('c1');
    expect(final?.version).toBe(1 + 2 * rounds);
    expect(final?.snapshot).toEqual({ counter: 2 * rounds });
    expect(await second.countEvents()).toBe(1 + 2 * rounds);
  });
}
