// Stored cases for the list benchmark, seeded straight through the store (createCases: 500 to a transaction), as a
// county service would hold them after years: the open work stays about the same (50 officers with 15 active cases
// each, 100 cases on the waiting list, 100 referrals being triaged) while closed cases pile up. Names are drawn from
// about 22,500 surnames (about 4 cases a surname at 100,000), but 1 % of people
// are called Smith, to measure a common surname too. Each case has a snapshot of about 6 KB, as a referral in
// progress has, though lists never read it.
import type { CaseStore, CaseSummary, CreateCaseInput } from '../engine/store/types.js';

export const OFFICERS = Array.from({ length: 50 }, (_, i) => `officer-${String(i + 1).padStart(3, '0')}`);
const SOCIAL_WORKERS = Array.from({ length: 200 }, (_, i) => `sw-${String(i + 1).padStart(3, '0')}`);
const OPEN_PER_OFFICER = 15;
const WAITING = 100;
const TRIAGE = 100;
export const COMMON_SURNAME = 'Smith';

const FIRST = [
  'Alex',
  'Sam',
  'Jo',
  'Chris',
  'Pat',
  'Lee',
  'Robin',
  'Kim',
  'Charlie',
  'Jamie',
  'Ashley',
  'Drew',
  'Morgan',
  'Taylor',
  'Jordan',
  'Casey',
  'Riley',
  'Avery',
  'Quinn',
  'Rowan',
  'Ali',
  'Noor',
  'Zoë',
  'Ola',
  'Femi',
  'Ana',
  'Piotr',
  'Marta',
  'Oisín',
  'Siân',
];
const HEADS = [
  'Ash',
  'Brad',
  'Carr',
  'Dun',
  'Elm',
  'Fair',
  'Gold',
  'Hart',
  'Ing',
  'Kirk',
  'Lang',
  'Marsh',
  'Nor',
  'Oak',
  'Pem',
  'Rad',
  'Stan',
  'Thorn',
  'Up',
  'Wal',
  'West',
  'Whit',
  'Win',
  'York',
  'Black',
  'Brook',
  'Cal',
  'Dal',
  'Ever',
  'Fen',
  'Gar',
  'Ham',
  'Hol',
  'Kel',
  'Lin',
  'Mel',
  'New',
  'Pen',
  'Red',
  'Ros',
  'Sel',
  'Shaw',
  'Ted',
  'Tor',
  'Ver',
  'Wat',
  'Wick',
  'Wood',
  'Bar',
  'Bel',
  'Bur',
  'Chat',
  'Clif',
  'Craw',
  'Dart',
  'Eger',
  'Far',
  'Gil',
  'Hay',
  'Hen',
  'Kings',
  'Lock',
  'Mor',
  'Nash',
  'Old',
  'Pal',
  'Pres',
  'Rich',
  'Sand',
  'Sher',
  'Stock',
  'Strat',
  'Sut',
  'Tat',
  'Thur',
  'Went',
  'Wil',
  'Wynd',
  'Ack',
  'Bamp',
  'Bick',
  'Brom',
  'Cot',
  'Dew',
  'Ford',
  'Grim',
  'Hal',
  'Hods',
  'Hux',
  'Lud',
  'Mans',
  'Mid',
  'Nether',
  'Orm',
  'Pick',
  'Ram',
  'Rud',
  'Sax',
  'Skel',
  'Swin',
  'Tamp',
  'Tre',
  'Ul',
  'Wadd',
  'Wes',
  'Wy',
  'Ald',
  'Asp',
  'Beck',
  'Bol',
  'Brid',
  'Chad',
  'Coll',
  'Dor',
  'Dur',
  'Ed',
  'Fin',
  'Gat',
  'Gore',
  'Hart',
  'Hext',
  'Kent',
  'Lea',
  'Mab',
  'Mill',
  'Mun',
  'Pater',
  'Pol',
  'Rain',
  'Rid',
  'Sal',
  'Scar',
  'Slat',
  'Spen',
  'Stour',
  'Tid',
  'Trow',
  'Wain',
  'Went',
  'Whar',
  'Wor',
  'Yat',
];
const TAILS = [
  'ford',
  'ton',
  'ley',
  'well',
  'wood',
  'field',
  'by',
  'ham',
  'worth',
  'more',
  'combe',
  'den',
  'hurst',
  'stead',
  'brook',
  'bury',
  'cott',
  'dale',
  'gate',
  'holm',
  'ingham',
  'land',
  'mere',
  'ridge',
  'shaw',
  'side',
  'stone',
  'thorpe',
  'wick',
  'win',
  'bourne',
  'cliffe',
  'croft',
  'fold',
  'garth',
  'grove',
  'hall',
  'hay',
  'house',
  'lock',
  'low',
  'man',
  'marsh',
  'mont',
  'port',
  'row',
  'sey',
  'smith',
  'son',
  'stow',
  'ward',
  'water',
  'well',
  'wright',
  'yard',
  'acre',
  'ash',
  'berry',
  'bridge',
  'castle',
  'church',
  'cross',
  'dyke',
  'end',
  'fen',
  'ger',
  'green',
  'hill',
  'hope',
  'kin',
  'lake',
  'lee',
  'ling',
  'mill',
  'moor',
  'ness',
  'oak',
  'over',
  'pool',
  'rick',
  'rose',
  'sett',
  'shire',
  'stock',
  'strand',
  'ton-hale',
  'vale',
  'vane',
  'wall',
  'way',
  'wold',
  'worthy',
  'ridley',
  'arrow',
  'astle',
  'bank',
  'beck',
  'borough',
  'bray',
  'burn',
  'bush',
  'cliff',
  'cote',
  'court',
  'cox',
  'dell',
  'don',
  'dowe',
  'fell',
  'gill',
  'grave',
  'hale',
  'ham-le',
  'holt',
  'how',
  'kett',
  'knoll',
  'lade',
  'laws',
  'leigh',
  'lund',
  'mead',
  'minster',
  'mouth',
  'nall',
  'ney',
  'pike',
  'rigg',
  'royd',
  'sby',
  'scombe',
  'sley',
  'slow',
  'stall',
  'sted',
  'thwaite',
  'tree',
  'wade',
  'wash',
  'wells',
  'well-ey',
];

/** A small deterministic generator, so that every run seeds the same cases. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)]!;

function surname(next: () => number): string {
  if (next() < 0.01) return COMMON_SURNAME;
  return `${pick(next, HEADS)}${pick(next, TAILS)}`;
}

const FILLER =
  'Key issues, the work required and its purpose, as the social worker wrote them in the Request for Service. ';

export interface SeededCase {
  id: string;
  surname: string;
}

/**
 * Seeds `count` cases; returns a sample of those seeded (id and surname), to search for. `decorate` adds to each
 * summary (the reports benchmark gives each case its milestones).
 */
export async function seedCases(
  store: CaseStore,
  count: number,
  seed = 19,
  decorate: (summary: CaseSummary, i: number, at: string) => CaseSummary = (summary) => summary,
): Promise<SeededCase[]> {
  const next = random(seed);
  const open = OFFICERS.length * OPEN_PER_OFFICER + WAITING + TRIAGE;
  const start = Date.UTC(2018, 0, 1);
  const span = Date.UTC(2026, 0, 1) - start;
  const sample: SeededCase[] = [];
  const batch: CreateCaseInput[] = [];
  for (let i = 0; i < count; i++) {
    // The oldest cases are the closed ones; the open work is the most recent.
    const openIndex = i - (count - open);
    const at = new Date(start + Math.floor((span * i) / count)).toISOString();
    const family = surname(next);
    const name = `${pick(next, FIRST)} ${family}`;
    const summary = decorate(caseSummary(openIndex, name, family, i, next), i, at);
    if (i % Math.max(1, Math.floor(count / 200)) === 0) sample.push({ id: caseId(i), surname: family });
    batch.push({
      id: caseId(i),
      pathwayId: 'referral',
      definitionVersion: 1,
      snapshot: { pathway: 'referral', forms: { request: { name, notes: FILLER.repeat(55), number: i } } },
      summary,
      createdBy: summary.referredBy!,
      at,
      event: {
        type: 'case.opened',
        userId: summary.referredBy!,
        role: 'social-worker',
        at,
        definitionVersion: 1,
        data: { seeded: true },
      },
    });
    if (batch.length === 500) await store.createCases(batch.splice(0));
  }
  if (batch.length > 0) await store.createCases(batch);
  return sample;
}

function caseId(i: number): string {
  return `case-${String(i).padStart(7, '0')}`;
}

function caseSummary(openIndex: number, name: string, family: string, i: number, next: () => number): CaseSummary {
  const base: CaseSummary = {
    format: 2,
    state: 'closed',
    title: 'Closed',
    referredBy: pick(next, SOCIAL_WORKERS),
    allocatedTo: pick(next, OFFICERS),
    priority: 0,
    closed: true,
    person: { title: 'Person referred', name, dateOfBirth: '1985-06-01' },
    caseNumber: { title: 'Mosaic', value: `MOS-${100000 + i}` },
    people: [{ title: 'Children', names: [`${pick(next, FIRST)} ${family}`] }],
    urgency: { requested: false, endorsements: 0, needed: 2 },
    worklists: [],
    actors: [],
  };
  if (openIndex < 0) return base;
  const allocated = OFFICERS.length * OPEN_PER_OFFICER;
  if (openIndex < allocated) {
    const due = new Date(Date.UTC(2026, 0, 5) + (openIndex % 60) * 86_400_000).toISOString().slice(0, 10);
    return {
      ...base,
      state: 'active.riskAssessment',
      title: 'Risk assessment',
      allocatedTo: OFFICERS[openIndex % OFFICERS.length]!,
      closed: false,
      activeCase: true,
      nextDeadline: due,
      nextDeadlineLabel: 'Risk assessment',
      actors: ['dao-po', 'dao-pso'],
    };
  }
  if (openIndex < allocated + WAITING) {
    const urgent = openIndex % 10 === 0;
    return {
      ...base,
      state: 'referred.waitingList',
      title: 'Waiting list',
      allocatedTo: null,
      closed: false,
      waiting: true,
      waitingSince: new Date(Date.UTC(2025, 9, 1) + openIndex * 3_600_000).toISOString(),
      priority: urgent ? 1 : 0,
      urgency: { requested: urgent, endorsements: urgent ? 2 : 0, needed: 2 },
      actors: ['team-manager'],
    };
  }
  return {
    ...base,
    state: 'referred.received',
    title: 'Request for Service received',
    allocatedTo: null,
    closed: false,
    worklists: ['referrals'],
    actors: ['team-manager'],
  };
}
