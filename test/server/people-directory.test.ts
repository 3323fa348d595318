// Display names are read from the store for the people a response names, and trusted for as long as a signed-in
// account is (ACCOUNT_FRESH_MS): a rename shows within that time, and a name that is no account is left out.
import { describe, expect, it } from 'vitest';
import type { CaseStore } from '../../engine/index.js';
import { PeopleDirectory } from '../../server/services/people.js';
import { ACCOUNT_FRESH_MS } from '../../server/services/users.js';

function storeOf(names: Record<string, string>) {
  const asked: string[][] = [];
  const store = {
    async displayNames(usernames: string[]) {
      asked.push([...usernames]);
      return Object.fromEntries(usernames.filter((u) => u in names).map((u) => [u, names[u]!]));
    },
  } as unknown as CaseStore;
  return { store, asked };
}

describe('PeopleDirectory', () => {
  it('should name accounts, leave out names that are no account, and ask the store only for names not read lately', async () => {
    const names = { ann: 'Ann Jones', bo: 'Bo Lee' };
    const { store, asked } = storeOf(names);
    let now = 1_000;
    const people = new PeopleDirectory(store, () => now);
    expect(await people.namesOf(['ann', 'system', 'ann'])).toEqual({ ann: 'Ann Jones' });
    expect(asked).toEqual([['ann', 'system']]);
    now += ACCOUNT_FRESH_MS - 1;
    expect(await people.namesOf(['ann', 'bo', 'system'])).toEqual({ ann: 'Ann Jones', bo: 'Bo Lee' });
    expect(asked).toEqual([['ann', 'system'], ['bo']]);
    expect(await people.namesOf([])).toEqual({});
    expect(asked).toHaveLength(2);
  });

  it('should show a rename once the name read before is older than ACCOUNT_FRESH_MS', async () => {
    const names = { ann: 'Ann Jones' };
    const { store, asked } = storeOf(names);
    let now = 5_000;
    const people = new PeopleDirectory(store, () => now);
    expect(await people.namesOf(['ann'])).toEqual({ ann: 'Ann Jones' });
    names.ann = 'Ann Smith';
    now += ACCOUNT_FRESH_MS - 1;
    expect(await people.namesOf(['ann'])).toEqual({ ann: 'Ann Jones' });
    now += 2;
    expect(await people.namesOf(['ann'])).toEqual({ ann: 'Ann Smith' });
    expect(asked).toEqual([['ann'], ['ann']]);
  });
});
