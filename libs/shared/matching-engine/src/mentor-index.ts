import { popcount32, timeZoneGapMinutes, WEEK_WORDS } from './availability';
import type { ProgramCriteria } from './criteria';
import { MatchingInputError } from './matching-input.error';
import { MENTOR_TYPES, type MenteeProfile, type MentorProfile } from './profile';
import {
  availabilityValue,
  combinePoints,
  goalsValue,
  languagesValue,
  mentorTypesValue,
  seniorityValue,
  skillsValue,
  timeZoneValue,
  type WeightVector,
} from './scoring/component-values';
import { menteeFeatures, mentorFeatures } from './scoring/profile-features';
import { cachedWeightVector } from './scoring/score-pair';

/** A mentor found for a mentee: position in `MentorIndex.mentors` and integer points (score x 100). */
export interface RankedMentor {
  mentor: number;
  points: number;
}

export interface CandidateQuery {
  /** Keep mentors without remaining capacity (bulk rounds report them as "full"). Default false. */
  includeFull?: boolean;
}

const typeBit = (type: string): number => 1 << (MENTOR_TYPES as readonly string[]).indexOf(type);

function pushTo<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Ids are compared by UTF-16 code units: the tie-break must not depend on the runtime's locale. */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Mentors of one program compiled into columns and packed bitsets, so one mentee is scored against
 * 20,000 mentors with word operations instead of per-pair objects. Mentors are kept sorted by id:
 * scanning in that order makes "ties broken by mentor id" free.
 */
export class MentorIndex {
  readonly mentors: readonly MentorProfile[];
  private readonly words: number;
  private readonly capacity: Int32Array;
  private readonly hasCapacity: Uint32Array;
  private readonly seniority: Float64Array;
  private readonly offset: Int32Array;
  private readonly availability: Uint32Array;
  private readonly types: Uint8Array;
  private readonly byPerson = new Map<string, number[]>();
  private readonly byManager = new Map<string, number[]>();
  private readonly byDepartment = new Map<string, number[]>();
  /** Skill key -> each mentor's level (0 = not offered). */
  private readonly skillLevels = new Map<string, Uint8Array>();
  /** Topic key -> 1 where the mentor offers the topic. */
  private readonly topics = new Map<string, Uint8Array>();
  /** Language key -> bitset of mentors speaking it. */
  private readonly languages = new Map<string, Uint32Array>();
  private readonly weights: WeightVector;
  private readonly values = new Float64Array(7);

  constructor(
    mentors: readonly MentorProfile[],
    readonly criteria: ProgramCriteria,
  ) {
    const sorted = [...mentors].sort((a, b) => compareIds(a.id, b.id));
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i].id === sorted[i - 1].id) {
        throw new MatchingInputError('duplicate-id', `mentor id "${sorted[i].id}" appears twice`);
      }
    }
    this.mentors = sorted;
    const n = sorted.length;
    this.words = (n + 31) >>> 5;
    this.capacity = new Int32Array(n);
    this.hasCapacity = new Uint32Array(this.words);
    this.seniority = new Float64Array(n);
    this.offset = new Int32Array(n);
    this.availability = new Uint32Array(n * WEEK_WORDS);
    this.types = new Uint8Array(n);
    this.weights = cachedWeightVector(criteria);
    sorted.forEach((mentor, j) => {
      const f = mentorFeatures(mentor, criteria.referenceDate);
      this.capacity[j] = mentor.capacity;
      if (mentor.capacity > 0) this.hasCapacity[j >>> 5] |= 1 << (j & 31);
      this.seniority[j] = f.seniority;
      this.offset[j] = f.offsetMinutes;
      this.availability.set(f.availability, j * WEEK_WORDS);
      for (const type of f.offeredTypes) this.types[j] |= typeBit(type);
      pushTo(this.byPerson, f.personId, j);
      if (f.managerId !== null) pushTo(this.byManager, f.managerId, j);
      if (f.department !== null) pushTo(this.byDepartment, f.department, j);
      for (const [key, { level }] of f.offeredSkills) {
        let levels = this.skillLevels.get(key);
        if (!levels) this.skillLevels.set(key, (levels = new Uint8Array(n)));
        levels[j] = level;
      }
      for (const key of f.topics.keys()) {
        let has = this.topics.get(key);
        if (!has) this.topics.set(key, (has = new Uint8Array(n)));
        has[j] = 1;
      }
      for (const key of f.languages.keys()) {
        let bits = this.languages.get(key);
        if (!bits) this.languages.set(key, (bits = new Uint32Array(this.words)));
        bits[j >>> 5] |= 1 << (j & 31);
      }
    });
  }

  /** The `k` best eligible mentors with remaining capacity, best first, ties by mentor id. */
  topK(mentee: MenteeProfile, k: number): RankedMentor[] {
    const top: RankedMentor[] = [];
    if (k <= 0) return top;
    this.scan(
      mentee,
      false,
      (mentor, points) => {
        // Mentors arrive in id order, so an equal score never displaces an earlier mentor.
        let i = top.length;
        while (i > 0 && top[i - 1].points < points) i--;
        if (i >= k) return;
        top.splice(i, 0, { mentor, points });
        if (top.length > k) top.pop();
      },
      () => (top.length === k ? top[k - 1].points : -1),
    );
    return top;
  }

  /** Every eligible mentor for the mentee, in id order. */
  candidates(mentee: MenteeProfile, query: CandidateQuery = {}): RankedMentor[] {
    const found: RankedMentor[] = [];
    this.scan(
      mentee,
      query.includeFull ?? false,
      (mentor, points) => found.push({ mentor, points }),
      () => -1,
    );
    return found;
  }

  /**
   * Visits the eligible mentors in id order. `threshold()` lets top-k skip a mentor whose best possible
   * score (full availability) cannot beat the current k-th; skipping is exact because points are
   * monotone in each component value and later mentors lose ties.
   */
  private scan(
    mentee: MenteeProfile,
    includeFull: boolean,
    visit: (mentor: number, points: number) => void,
    threshold: () => number,
  ): void {
    const c = this.criteria;
    const t = menteeFeatures(mentee, c.referenceDate);
    const words = this.words;
    const candidate = includeFull ? new Uint32Array(words).fill(0xffffffff) : this.hasCapacity.slice();
    if (includeFull && this.mentors.length & 31) candidate[words - 1] = (1 << (this.mentors.length & 31)) - 1;
    const shared = new Uint32Array(words);
    for (const key of t.languages.keys()) {
      const bits = this.languages.get(key);
      if (bits) for (let w = 0; w < words; w++) shared[w] |= bits[w];
    }
    const clear = (list: number[] | undefined): void => {
      if (list) for (const j of list) candidate[j >>> 5] &= ~(1 << (j & 31));
    };
    clear(this.byPerson.get(t.personId));
    if (c.excludeSameReportingLine) {
      if (t.managerId !== null) clear(this.byPerson.get(t.managerId));
      clear(this.byManager.get(t.personId));
      if (t.managerId !== null) clear(this.byManager.get(t.managerId));
    }
    if (c.excludeSameDepartment && t.department !== null) clear(this.byDepartment.get(t.department));
    const mustSkills = c.mustHaves.includes('skills');
    const mustGoals = c.mustHaves.includes('goals');
    const mustTypes = c.mustHaves.includes('mentorTypes');
    if (c.mustHaves.includes('languages')) for (let w = 0; w < words; w++) candidate[w] &= shared[w];

    const wantedLevels: (Uint8Array | undefined)[] = [];
    const targets: number[] = [];
    for (const [key, { level }] of t.wantedSkills) {
      wantedLevels.push(this.skillLevels.get(key));
      targets.push(level);
    }
    const interests: Uint8Array[] = [];
    for (const key of t.interests.keys()) {
      const has = this.topics.get(key);
      if (has) interests.push(has);
    }
    let wantedTypes = 0;
    for (const type of t.wantedTypes) wantedTypes |= typeBit(type);
    const wantedSkillCount = t.wantedSkills.size;
    const interestCount = t.interests.size;
    const wantedTypeCount = t.wantedTypes.size;
    const minOverlap = c.minWeeklyOverlapHours * 4;
    const maxGap = c.maxTimeZoneGapHours === null ? Infinity : c.maxTimeZoneGapHours * 60;
    const mine = t.availability;
    const avail = this.availability;
    const values = this.values;
    const kind = c.kind;

    for (let w = 0; w < words; w++) {
      let bits = candidate[w];
      while (bits !== 0) {
        const low = bits & -bits;
        bits ^= low;
        const j = (w << 5) | (31 - Math.clz32(low));
        const gap = this.seniority[j] - t.seniority;
        if (kind === 'one-to-one' ? gap < 0 : kind === 'peer' && Math.abs(gap) > c.peerMaxSeniorityGap)
          continue;
        const tzGap = timeZoneGapMinutes(t.offsetMinutes, this.offset[j]);
        if (tzGap > maxGap) continue;
        let met = 0;
        for (let s = 0; s < wantedLevels.length; s++) {
          const levels = wantedLevels[s];
          if (levels !== undefined && levels[j] >= targets[s]) met++;
        }
        if (mustSkills && met === 0) continue;
        let covered = 0;
        for (let s = 0; s < interests.length; s++) covered += interests[s][j];
        if (mustGoals && covered === 0) continue;
        const typesOffered = popcount32(this.types[j] & wantedTypes);
        if (mustTypes && typesOffered === 0) continue;
        values[0] = skillsValue(met, wantedSkillCount);
        values[1] = goalsValue(covered, interestCount);
        values[2] = mentorTypesValue(typesOffered, wantedTypeCount);
        values[3] = 1;
        values[4] = languagesValue((shared[w] & low) !== 0);
        values[5] = seniorityValue(kind, gap, c.peerMaxSeniorityGap);
        values[6] = timeZoneValue(tzGap);
        const bar = threshold();
        if (bar >= 0 && combinePoints(values, this.weights) <= bar) continue;
        const base = j * WEEK_WORDS;
        let overlap = 0;
        for (let q = 0; q < WEEK_WORDS; q++) overlap += popcount32(mine[q] & avail[base + q]);
        if (overlap < minOverlap) continue;
        values[3] = availabilityValue(overlap, c.targetWeeklyOverlapHours);
        visit(j, combinePoints(values, this.weights));
      }
    }
  }

  /** Remaining capacity of the mentor at `position`. */
  capacityOf(position: number): number {
    return this.capacity[position];
  }
}
