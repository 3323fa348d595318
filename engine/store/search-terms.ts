// The words search works on. The text a case is found by and the words typed to find it are made alike here, before
// either database sees them: lower case, accents taken off, anything but letters and digits a space. So SQLite's FTS5
// and PostgreSQL's full text index the same words, and a word typed matches as the beginning of a word stored.

const MAX_TERMS = 8;
const MAX_TERM_LENGTH = 40;

/** The words of a text, as indexed and as searched. */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** The text indexed for a case: every word of every value given, once each. */
export function searchText(values: (string | null | undefined)[]): string {
  return [...new Set(values.flatMap((value) => (value ? searchWords(value) : [])))].join(' ');
}

/** The words of a query (at most 8, each cut to 40 letters); empty when it has none. */
export function searchTerms(query: string): string[] {
  return searchWords(query)
    .slice(0, MAX_TERMS)
    .map((word) => word.slice(0, MAX_TERM_LENGTH));
}

/** A sort key for a person's name: family name (the last part, hyphens and all) first, without case or accents. */
export function nameSortKey(name: string | null | undefined): string {
  const parts = (name ?? '')
    .trim()
    .split(/\s+/)
    .map((part) => searchWords(part).join(' '))
    .filter((part) => part !== '');
  // Named cases first ('0'), then the cases nobody is named on ('1').
  return parts.length === 0 ? '1' : `0 ${[parts.at(-1), ...parts.slice(0, -1)].join(' ')}`;
}
