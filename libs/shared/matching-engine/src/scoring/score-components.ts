/*
 * The score components, one entry each. An entry says everything about its component:
 *
 * - `id` and `defaultWeight`;
 * - `stated(mentee)`: how much the mentee asked for (the denominator; 0 = nothing stated);
 * - `measure(mentee, mentor)`: the pair's amount (a count, quarter-hours, minutes, a level gap)
 *   and the labels behind it, on the explaining path (`assessPair`, `scorePair`);
 * - `value(amount, stated, criteria)` in 0..1 and `reason(measure, stated, criteria)`;
 * - `pack(mentors)` and `probe(column, mentee)`: how `MentorIndex` stores the mentors' side in a
 *   column and reads the same amount for mentor j, without building labels;
 * - `mustHave`: present when the component can be a must-have (the reason when the amount is 0);
 * - `deferred`: measured last in the index, after the top-k bar (its value counts as 1 until then);
 * - `support`: optional, bitsets of the mentors that can have a non-zero amount for a mentee, so the
 *   index passes over whole words of mentors a rule or the top-k bar rules out (mentor-index.ts).
 *
 * Both paths compute the amounts and then call the same `value` and `combinePoints`, so a pair gets
 * a bit-identical score either way (a property test compares them amount by amount on every
 * population family). Adding a component is one entry here plus its tests.
 */
import { overlapQuarters, popcount32, timeZoneGapMinutes, WEEK_WORDS } from '../availability';
import type { ProgramCriteria } from '../criteria';
import { MENTOR_TYPES } from '../profile';
import { programKind } from './program-kinds';
import type { MenteeFeatures, MentorFeatures } from './profile-features';

/** What a component measured on one pair. */
export interface Measure {
  amount: number;
  /** What the amount counts, as the people wrote it (empty when it counts nothing nameable). */
  labels: string[];
}

export interface ScoreComponentSpec<Column = unknown> {
  readonly id: string;
  readonly defaultWeight: number;
  /** Reason given when the component is a must-have and the amount is 0; absent: cannot be one. */
  readonly mustHave?: string;
  readonly deferred?: boolean;
  stated(mentee: MenteeFeatures): number;
  measure(mentee: MenteeFeatures, mentor: MentorFeatures): Measure;
  value(amount: number, stated: number, criteria: ProgramCriteria): number;
  reason(measure: Measure, stated: number, criteria: ProgramCriteria): string;
  pack(mentors: readonly MentorFeatures[]): Column;
  probe(column: Column, mentee: MenteeFeatures): (mentor: number) => number;
  readonly support?: ComponentSupport;
}

/**
 * Which mentors can have a non-zero amount for a mentee: `pack` builds bitsets over the mentors once
 * (bit `j & 31` of word `j >>> 5`), `of` returns for one mentee a set that holds **every** mentor
 * whose amount is not 0 (it may hold more). A mentor outside it has amount 0 exactly, so the index
 * can refuse it for a rule that refuses amount 0 (a must-have, a minimum overlap) or bound it by the
 * value at 0, 32 mentors at a time, without probing it. `most` is an upper bound of the amount over
 * every mentor for the mentee; a component with a support has a `value` that never falls as the
 * amount grows, so `value(most)` bounds every mentor's value (the index's bar uses it instead of 1).
 */
export interface ComponentSupport<Packed = unknown> {
  pack(mentors: readonly MentorFeatures[]): Packed;
  of(packed: Packed, mentee: MenteeFeatures): Uint32Array;
  most(packed: Packed, mentee: MenteeFeatures): number;
}

/** Bitsets of the mentors holding each key (the keys `keysOf` lists for a mentor). */
export interface KeyBitsets {
  readonly words: number;
  readonly byKey: Map<string, Uint32Array>;
}

function keyBitsets(
  mentors: readonly MentorFeatures[],
  keysOf: (m: MentorFeatures) => Iterable<string>,
): KeyBitsets {
  const words = (mentors.length + 31) >>> 5;
  const byKey = new Map<string, Uint32Array>();
  mentors.forEach((m, j) => {
    for (const key of keysOf(m)) {
      let bits = byKey.get(key);
      if (!bits) byKey.set(key, (bits = new Uint32Array(words)));
      bits[j >>> 5] |= 1 << (j & 31);
    }
  });
  return { words, byKey };
}

/** The mentors holding any of these keys. */
function anyKey({ words, byKey }: KeyBitsets, keys: Iterable<string>): Uint32Array {
  const union = new Uint32Array(words);
  for (const key of keys) {
    const bits = byKey.get(key);
    if (bits) for (let w = 0; w < words; w++) union[w] |= bits[w];
  }
  return union;
}

/**
 * A support by keys: a mentor is in it when it holds one of the mentee's (distinct) keys. Where the
 * amount counts the mentee's keys a mentor holds, it is at most the number of those keys that some
 * mentor holds (`most`).
 */
const keySupport = (
  mentorKeys: (m: MentorFeatures) => Iterable<string>,
  menteeKeys: (t: MenteeFeatures) => Iterable<string>,
): ComponentSupport<KeyBitsets> => ({
  pack: (mentors) => keyBitsets(mentors, mentorKeys),
  of: (packed, t) => anyKey(packed, menteeKeys(t)),
  most(packed, t) {
    let held = 0;
    for (const key of menteeKeys(t)) if (packed.byKey.has(key)) held++;
    return held;
  },
});

/** A skill held at `level` or above: one key per level up to the mentor's. */
const skillAtLeast = (key: string, level: number): string => `${level}\u0000${key}`;

/** Without a stated wish the component cannot discriminate; it counts as a neutral half. */
export const NEUTRAL = 0.5;

/** Share of what was stated, neutral when nothing was. */
export const shareOfStated = (amount: number, stated: number): number =>
  stated === 0 ? NEUTRAL : amount / stated;

const hours = (quarters: number): string => `${quarters / 4} h`;
export const levels = (n: number): string => `${n} level${n === 1 ? '' : 's'}`;
const listed = (labels: string[]): string =>
  labels.length === 0 ? '' : ` (${labels.slice(0, 3).join(', ')}${labels.length > 3 ? ', …' : ''})`;

/** Key -> one byte per mentor (a level, or 1 for "has it"); keys nobody has are absent. */
function byteColumns(
  mentors: readonly MentorFeatures[],
  entries: (m: MentorFeatures) => Iterable<[string, number]>,
): Map<string, Uint8Array> {
  const columns = new Map<string, Uint8Array>();
  mentors.forEach((m, j) => {
    for (const [key, byte] of entries(m)) {
      let column = columns.get(key);
      if (!column) columns.set(key, (column = new Uint8Array(mentors.length)));
      column[j] = byte;
    }
  });
  return columns;
}

/** The non-empty words of a weekly bitset, as keys. */
function weekWordsUsed(week: Uint32Array): string[] {
  const used: string[] = [];
  for (let q = 0; q < WEEK_WORDS; q++) if (week[q] !== 0) used.push(String(q));
  return used;
}

const typeBit = (type: string): number => 1 << (MENTOR_TYPES as readonly string[]).indexOf(type);

const skills = {
  id: 'skills',
  defaultWeight: 30,
  mustHave: 'no wanted skill at or above target level',
  stated: (t) => t.wantedSkills.size,
  measure(t, m) {
    const labels: string[] = [];
    for (const [key, want] of t.wantedSkills) {
      const offered = m.offeredSkills.get(key);
      if (offered && offered.level >= want.level) labels.push(want.label);
    }
    return { amount: labels.length, labels };
  },
  value: shareOfStated,
  reason: ({ amount, labels }, stated) =>
    stated === 0
      ? 'no wanted skills stated'
      : `${amount} of ${stated} wanted skills at or above target level${listed(labels)}`,
  pack: (mentors) => byteColumns(mentors, (m) => [...m.offeredSkills].map(([key, s]) => [key, s.level])),
  probe(column, t) {
    const found: Uint8Array[] = [];
    const targets: number[] = [];
    for (const [key, { level }] of t.wantedSkills) {
      const levelOf = column.get(key);
      if (levelOf) {
        found.push(levelOf);
        targets.push(level);
      }
    }
    return (j) => {
      let met = 0;
      for (let s = 0; s < found.length; s++) if (found[s][j] >= targets[s]) met++;
      return met;
    };
  },
  // The amount is not 0 exactly when some wanted skill is offered at or above its target level.
  support: keySupport(
    (m) =>
      [...m.offeredSkills].flatMap(([key, { level }]) =>
        Array.from({ length: level }, (_, l) => skillAtLeast(key, l + 1)),
      ),
    (t) => [...t.wantedSkills].map(([key, { level }]) => skillAtLeast(key, level)),
  ),
} as const satisfies ScoreComponentSpec<Map<string, Uint8Array>>;

const goals = {
  id: 'goals',
  defaultWeight: 20,
  mustHave: 'no goal or topic in common',
  stated: (t) => t.interests.size,
  measure(t, m) {
    const labels = [...t.interests].filter(([key]) => m.topics.has(key)).map(([, label]) => label);
    return { amount: labels.length, labels };
  },
  value: shareOfStated,
  reason: ({ amount, labels }, stated) =>
    stated === 0
      ? 'no goals or topics stated'
      : `${amount} of ${stated} goals and topics covered${listed(labels)}`,
  pack: (mentors) => byteColumns(mentors, (m) => [...m.topics.keys()].map((key) => [key, 1])),
  probe(column, t) {
    const found: Uint8Array[] = [];
    for (const key of t.interests.keys()) {
      const has = column.get(key);
      if (has) found.push(has);
    }
    return (j) => {
      let covered = 0;
      for (let s = 0; s < found.length; s++) covered += found[s][j];
      return covered;
    };
  },
  support: keySupport(
    (m) => m.topics.keys(),
    (t) => t.interests.keys(),
  ),
} as const satisfies ScoreComponentSpec<Map<string, Uint8Array>>;

const mentorTypes = {
  id: 'mentorTypes',
  defaultWeight: 10,
  mustHave: 'offers none of the wanted mentor types',
  stated: (t) => t.wantedTypes.size,
  measure(t, m) {
    const labels = [...t.wantedTypes].filter((type) => m.offeredTypes.has(type));
    return { amount: labels.length, labels };
  },
  value: shareOfStated,
  reason: ({ amount, labels }, stated) =>
    stated === 0
      ? 'no mentor type wanted'
      : `offers ${amount} of ${stated} wanted mentor types${listed(labels)}`,
  pack(mentors) {
    const bits = new Uint8Array(mentors.length);
    mentors.forEach((m, j) => {
      for (const type of m.offeredTypes) bits[j] |= typeBit(type);
    });
    return bits;
  },
  probe(bits, t) {
    let wanted = 0;
    for (const type of t.wantedTypes) wanted |= typeBit(type);
    return (j) => popcount32(bits[j] & wanted);
  },
  support: keySupport(
    (m) => m.offeredTypes,
    (t) => t.wantedTypes,
  ),
} as const satisfies ScoreComponentSpec<Uint8Array>;

const availability = {
  id: 'availability',
  defaultWeight: 15,
  // 21 words per pair: the index measures it only for mentors that can still enter the top k.
  deferred: true,
  stated: () => 0,
  measure: (t, m) => ({ amount: overlapQuarters(t.availability, m.availability), labels: [] }),
  value: (quarters, _stated, c) => Math.min(1, quarters / (c.targetWeeklyOverlapHours * 4)),
  reason: ({ amount }) => `${hours(amount)} of weekly overlap`,
  pack(mentors) {
    const words = new Uint32Array(mentors.length * WEEK_WORDS);
    mentors.forEach((m, j) => words.set(m.availability, j * WEEK_WORDS));
    return words;
  },
  probe(words, t) {
    // Only the mentee's non-empty words can overlap (most people are free on a few days): 1..3
    // words per pair instead of 21, and none for a mentee without availability.
    const mine = t.availability;
    const at: number[] = [];
    for (let q = 0; q < WEEK_WORDS; q++) if (mine[q] !== 0) at.push(q);
    const where = Int32Array.from(at);
    const bits = Uint32Array.from(at, (q) => mine[q]);
    const count = where.length;
    return (j) => {
      const base = j * WEEK_WORDS;
      let overlap = 0;
      for (let s = 0; s < count; s++) overlap += popcount32(bits[s] & words[base + where[s]]);
      return overlap;
    };
  },
  // By word of the week: a mentor free somewhere in a word where the mentee is free (a superset of
  // the overlapping ones; the probe counts the quarters). Empty for a mentee without availability.
  support: {
    ...keySupport(
      (m) => weekWordsUsed(m.availability),
      (t) => weekWordsUsed(t.availability),
    ),
    // No overlap exceeds the mentee's own quarters.
    most: (_packed, t) => overlapQuarters(t.availability, t.availability),
  },
} as const satisfies ScoreComponentSpec<Uint32Array>;

const languages = {
  id: 'languages',
  defaultWeight: 10,
  mustHave: 'no shared language',
  stated: (t) => t.languages.size,
  measure(t, m) {
    const labels = [...t.languages].filter(([key]) => m.languages.has(key)).map(([, label]) => label);
    return { amount: labels.length, labels };
  },
  value: (shared) => (shared > 0 ? 1 : 0),
  reason: ({ amount, labels }) => (amount > 0 ? `shares ${labels.join(', ')}` : 'no shared language'),
  pack: (mentors) => byteColumns(mentors, (m) => [...m.languages.keys()].map((key) => [key, 1])),
  probe(column, t) {
    const found: Uint8Array[] = [];
    for (const key of t.languages.keys()) {
      const speaks = column.get(key);
      if (speaks) found.push(speaks);
    }
    return (j) => {
      let shared = 0;
      for (let s = 0; s < found.length; s++) shared += found[s][j];
      return shared;
    };
  },
  support: keySupport(
    (m) => m.languages.keys(),
    (t) => t.languages.keys(),
  ),
} as const satisfies ScoreComponentSpec<Map<string, Uint8Array>>;

const seniority = {
  id: 'seniority',
  defaultWeight: 10,
  stated: () => 0,
  // The amount is the mentor's seniority minus the mentee's; the program kind values it.
  measure: (t, m) => ({ amount: m.seniority - t.seniority, labels: [] }),
  value: (gap, _stated, c) => programKind(c.kind).seniorityValue(gap, c.peerMaxSeniorityGap),
  reason: ({ amount: gap }) =>
    gap === 0
      ? 'same seniority'
      : gap > 0
        ? `mentor ${levels(gap)} more senior`
        : `mentor ${levels(-gap)} junior`,
  pack: (mentors) => Float64Array.from(mentors, (m) => m.seniority),
  probe: (column, t) => (j) => column[j] - t.seniority,
} as const satisfies ScoreComponentSpec<Float64Array>;

const timeZone = {
  id: 'timeZone',
  defaultWeight: 5,
  stated: () => 0,
  measure: (t, m) => ({ amount: timeZoneGapMinutes(t.offsetMinutes, m.offsetMinutes), labels: [] }),
  value: (gapMinutes) => Math.max(0, 1 - gapMinutes / 720),
  reason: ({ amount }) => (amount === 0 ? 'same UTC offset' : `${amount / 60} h time-zone gap`),
  pack: (mentors) => Int32Array.from(mentors, (m) => m.offsetMinutes),
  probe: (offsets, t) => (j) => timeZoneGapMinutes(t.offsetMinutes, offsets[j]),
} as const satisfies ScoreComponentSpec<Int32Array>;

/** The components, in the fixed order in which they are summed (the order keeps scores bit-identical). */
export const SCORE_COMPONENTS = [
  skills,
  goals,
  mentorTypes,
  availability,
  languages,
  seniority,
  timeZone,
] as const;

type Entry = (typeof SCORE_COMPONENTS)[number];
export type ComponentId = Entry['id'];
export type MustHave = Extract<Entry, { mustHave: string }>['id'];

/** A table of components: the built-in one, or an extension of it (tests, a product experiment). */
export type ComponentTable = readonly ScoreComponentSpec[];

/** Weights in table order plus their sum. A component the criteria do not weigh keeps its default. */
export interface WeightVector {
  weights: Float64Array;
  total: number;
}

export function weightVector(table: ComponentTable, criteria: ProgramCriteria): WeightVector {
  const given = criteria.weights as Readonly<Record<string, number | undefined>>;
  const weights = Float64Array.from(table, (c) => given[c.id] ?? c.defaultWeight);
  return { weights, total: weights.reduce((a, b) => a + b, 0) };
}

/** Score points 0..10000 (score x 100, an integer so that optimality and ties are exact). */
export function combinePoints(values: ArrayLike<number>, w: WeightVector): number {
  let sum = 0;
  for (let i = 0; i < w.weights.length; i++) sum += w.weights[i] * values[i];
  return Math.round((sum * 10000) / w.total);
}
