// Issue 19: a list screen's search, filters, sort and page live in the address's query (forms-ui/src/app/core/
// list-query.ts), so Back, reload and a shared link show the same list; and the API request made of them. Also how a
// case is named and described on a card (case-label.ts).
import { describe, expect, it } from 'vitest';
import { rolesSchema } from '../../engine/definitions/meta-schemas/roles.schema.js';
import { caseSorts } from '../../engine/store/index.js';
import { caseLabel, caseName, caseTitle, deadlineWords, urgencyWords } from '../../forms-ui/src/app/core/case-label.js';
import {
  apiParams,
  isFiltered,
  LIST_SORTS,
  listHash,
  listKey,
  nextPage,
  pageNumber,
  previousPage,
  readListState,
  showingText,
  withFilters,
  withoutFilter,
  type ListOffer,
  type ListState,
} from '../../forms-ui/src/app/core/list-query.js';
import { parseRoute } from '../../forms-ui/src/app/core/router.js';

const ALL: ListOffer = {
  filters: ['q', 'stage', 'pathway', 'urgency', 'allocatedTo', 'referredBy', 'overdue', 'dueBefore', 'includeClosed'],
  sorts: ['oldest', 'newest', 'deadline', 'name'],
};
const read = (search: string, offer: ListOffer = ALL) => readListState(new URLSearchParams(search), offer);

describe('list-query', () => {
  describe('#readListState', () => {
    it('should read the search, filters, sort and the cursors of the pages before', () => {
      const state = read('q=taylor&stage=referred.received&urgency=requested&sort=name&after=c1&after=c2');
      expect(state).toEqual({
        filters: { q: 'taylor', stage: 'referred.received', urgency: 'requested' },
        sort: 'name',
        after: ['c1', 'c2'],
      });
      expect(pageNumber(state)).toBe(3);
    });

    it('should keep only what the list offers and what is well formed, so an edited link still shows a list', () => {
      const offer: ListOffer = { filters: ['q', 'urgency', 'overdue', 'dueBefore'], sorts: [] };
      const state = read('q=%20%20&stage=x&urgency=very&overdue=yes&dueBefore=14%2F01%2F2027&sort=name', offer);
      expect(state).toEqual({ filters: {}, after: [] });
      expect(read('overdue=true&dueBefore=2027-01-14', offer).filters).toEqual({
        overdue: 'true',
        dueBefore: '2027-01-14',
      });
    });

    it('should cut a search at 200 characters, as the server does', () => {
      expect(read(`q=${'a'.repeat(300)}`).filters.q).toHaveLength(200);
    });
  });

  describe('#listHash', () => {
    it('should write a state as the address that reads back as the same state', () => {
      const state: ListState = {
        filters: { q: 'Zoë O’Neill & co', referredBy: 'social-worker', includeClosed: 'true' },
        sort: 'deadline',
        after: ['eyJrIjpbIjIwMjYiXX0=', 'second'],
      };
      const hash = listHash('/all-cases', state);
      expect(hash.startsWith('#/all-cases?')).toBe(true);
      const route = parseRoute(hash);
      expect(route.name).toBe('all-cases');
      expect(readListState(route.query, ALL)).toEqual(state);
    });

    it('should give the bare address of a list with nothing chosen', () => {
      expect(listHash('/referrals', { filters: {}, after: [] })).toBe('#/referrals');
    });
  });

  describe('paging', () => {
    it('should go on with a cursor and back by dropping it, keeping the search and filters', () => {
      const first = read('q=taylor&sort=name');
      const second = nextPage(first, 'cursor-1');
      const third = nextPage(second, 'cursor-2');
      expect(third.after).toEqual(['cursor-1', 'cursor-2']);
      expect(previousPage(third)).toEqual(second);
      expect(previousPage(second)).toEqual(first);
      expect(listKey(third)).toBe(listKey(first));
    });

    it('should start from the first page when the search, a filter or the sort changes', () => {
      const paged = nextPage(read('q=taylor&sort=name'), 'cursor-1');
      expect(withFilters(paged, { q: 'patel' })).toEqual({ filters: { q: 'patel' }, sort: 'name', after: [] });
      expect(withFilters(paged, { q: 'taylor' }, 'newest')).toEqual({
        filters: { q: 'taylor' },
        sort: 'newest',
        after: [],
      });
      expect(withoutFilter(paged, 'q')).toEqual({ filters: {}, sort: 'name', after: [] });
      expect(isFiltered(withoutFilter(paged, 'q'))).toBe(false);
    });
  });

  describe('#apiParams', () => {
    it("should ask the API with its own parameters' names, and the cursor of this page only", () => {
      const state = read('q=taylor&urgency=prioritised&allocatedTo=none&overdue=true&sort=deadline&after=c1&after=c2');
      const params = apiParams(state, { view: 'all' });
      expect(Object.fromEntries(params)).toEqual({
        view: 'all',
        q: 'taylor',
        allocatedTo: 'none',
        overdue: 'true',
        priority: '1',
        sort: 'deadline',
        after: 'c2',
      });
    });

    it('should turn urgency into urgent=true or urgent=false, and let the state override a default sort', () => {
      expect(apiParams(read('urgency=requested')).get('urgent')).toBe('true');
      expect(apiParams(read('urgency=not-requested')).get('urgent')).toBe('false');
      expect(apiParams(read(''), { view: 'act', sort: 'deadline' }).get('sort')).toBe('deadline');
      expect(apiParams(read('sort=name'), { view: 'act', sort: 'deadline' }).get('sort')).toBe('name');
    });
  });

  describe('#showingText', () => {
    it('should count from the page and say the total where it is known', () => {
      expect(showingText(read(''), 25, 25, 110, 'none')).toBe('Showing 1 to 25 of 110 cases');
      expect(showingText(read('after=a&after=b'), 25, 25, 110, 'none')).toBe('Showing 51 to 75 of 110 cases');
      expect(showingText(read('after=a'), 10, 25, undefined, 'none')).toBe('Showing 26 to 35 cases');
      expect(showingText(read(''), 1, 25, 1, 'none')).toBe('Showing 1 to 1 of 1 case');
      expect(showingText(read(''), 0, 25, 0, 'No referrals are waiting.')).toBe('No referrals are waiting.');
      expect(showingText(read('after=a'), 0, 25, undefined, 'none')).toBe('There are no more cases.');
    });
  });

  it("should offer exactly the API's orders, as the roles' landing sort does", () => {
    expect([...LIST_SORTS].sort()).toEqual([...caseSorts].sort());
    const landing = rolesSchema.properties.roles.additionalProperties.properties.landing;
    expect([...landing.properties.sort.enum].sort()).toEqual([...caseSorts].sort());
  });
});

describe('case-label', () => {
  const base = { createdAt: '2026-12-03T10:00:00Z', nextDeadline: null, nextDeadlineLabel: null, priority: 0 };

  it('should name a case by the person it is about, else its case number, never its id', () => {
    const person = { name: 'Alex Taylor', dateOfBirth: '1989-05-21' };
    const number = { title: 'Local authority case number', value: '123456' };
    expect(caseLabel({ ...base, person, caseNumber: number })).toBe('Alex Taylor');
    expect(caseLabel({ ...base, person: { name: null, dateOfBirth: null }, caseNumber: number })).toBe(
      'Local authority case number 123456',
    );
    expect(caseLabel({ ...base, person: null, caseNumber: null })).toBe('Nobody named yet (opened 3 December 2026)');
  });

  it("should head a case's page and title by the person and case number, then its short reference", () => {
    const id = 'f92c0bcf-1111-4222-8333-444455556666';
    const person = { name: 'Alex Taylor', dateOfBirth: null };
    const number = { title: 'Local authority case number', value: '123456' };
    expect(caseName({ person, caseNumber: number }, id)).toBe('Alex Taylor');
    expect(caseTitle({ person, caseNumber: number }, id)).toBe('Alex Taylor (123456)');
    expect(caseTitle({ person, caseNumber: { value: null } }, id)).toBe('Alex Taylor');
    const nameless = { person: { name: null, dateOfBirth: null }, caseNumber: number };
    expect(caseName(nameless, id)).toBe('Local authority case number 123456');
    expect(caseTitle(nameless, id)).toBe('Local authority case number 123456');
    expect(caseName({ person: null, caseNumber: { value: null } }, id)).toBe('Case F92C0BCF');
    expect(caseTitle(undefined, id)).toBe('Case F92C0BCF');
  });

  it('should word urgency with the endorsements recorded of those needed', () => {
    expect(urgencyWords({ ...base, urgency: { requested: true, endorsements: 1, needed: 2 } })).toEqual({
      tag: { text: 'Urgency requested', colour: 'yellow' },
      text: '1 of 2 endorsements',
    });
    expect(urgencyWords({ ...base, priority: 1, urgency: { requested: true, endorsements: 2, needed: 2 } })).toEqual({
      tag: { text: 'Urgent', colour: 'red' },
      text: '2 of 2 endorsements',
    });
    expect(urgencyWords({ ...base, urgency: { requested: false, endorsements: 0, needed: 2 } })).toEqual({
      text: 'Not urgent',
    });
    expect(urgencyWords({ ...base, urgency: null })).toBeUndefined();
  });

  it('should give the next deadline with its date in words', () => {
    expect(deadlineWords({ nextDeadline: '2027-01-14', nextDeadlineLabel: 'Risk assessment' })).toBe(
      'Risk assessment due 14 January 2027',
    );
    expect(deadlineWords({ nextDeadline: null, nextDeadlineLabel: null })).toBeUndefined();
  });
});
