// The protocol's text, normalised for comparison. test/fixtures/protocol/dao-protocol.txt is the DAO protocol document
// as extracted from Word (the source every definition is written from), kept in the repository so that a clean clone
// checks the definitions' wording against it with nothing from outside.
import { readFileSync } from 'node:fs';

export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[–—]/g, '-')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export const PROTOCOL_TEXT = normalise(
  readFileSync(new URL('../fixtures/protocol/dao-protocol.txt', import.meta.url), 'utf8'),
);
