// Builders for the store contract: a new case, the next commit to it, and JSON that is hard to round-trip.
import type { CaseRecord, CaseStore, CommitInput, CreateCaseInput } from '../../../engine/store/types.js';

export type CurrentStore = () => CaseStore;

/** Canonical ISO time, `minutes` after a fixed start. */
export function minutesIn(minutes: number): string {
  return new Date(Date.UTC(2025, 0, 6, 9, 0) + minutes * 60_000).toISOString();
}

export function newCase(id: string, overrides: Partial<CreateCaseInput> = {}): CreateCaseInput {
  return {
    id,
    pathwayId: 'pathway-a',
    definitionVersion: 1,
    snapshot: { value: 'start', context: { count: 0 } },
    summary: { state: 'open', title: `Case ${id}`, referredBy: 'ann', allocatedTo: null, closed: false },
    createdBy: 'ann',
    at: minutesIn(0),
    event: { type: 'create', userId: 'ann', role: 'worker', at: minutesIn(0), definitionVersion: 1, data: { id } },
    ...overrides,
  };
}

export function nextCommit(record: CaseRecord, overrides: Partial<CommitInput> = {}): CommitInput {
  const next = record.version + 1;
  return {
    caseId: record.id,
    expectedVersion: record.version,
    snapshot: { value: 'working', context: { count: next } },
    summary: { ...record.summary, state: 'working' },
    event: {
      type: 'advance',
      userId: 'bob',
      role: 'worker',
      at: minutesIn(next),
      definitionVersion: record.definitionVersion,
      data: { step: next },
    },
    ...overrides,
  };
}

/** Unicode of several scripts and planes, right-to-left text, escapes and deep nesting. */
export const awkwardJson = {
  greeting: 'Grüß Gott, Zoë — 日本語 — 👩‍👧‍👦 🏳️‍🌈',
  rightToLeft: 'مرحبا بالعالم \u200f שלום עולם \u200e \u202e override',
  escapes: 'quote " backslash \\ newline \n tab \t bell \u0007',
  numbers: [0, 1, -1, 2.5, 1e21, 1.5e-7, Number.MAX_SAFE_INTEGER],
  flags: [true, false, null],
  nested: { level1: { level2: { level3: [{ a: [] }, {}, [[['deep']]]] } } },
  'key with spaces and ünïcode 🔑': 'value',
};
