// The protocol's text, normalised for comparison: the source document beside the repository (../shared/seeds).
import { readFileSync } from 'node:fs';

export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[–—]/g, '-')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export const PROTOCOL_TEXT = normalise(readFileSync(new URL('../../../shared/seeds/002_ee76c8f4a0771eb7.txt', import.meta.url), 'utf8'));
