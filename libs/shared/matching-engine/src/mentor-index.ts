import type { ProgramCriteria } from './criteria';
import { MatchingInputError } from './matching-input.error';
import type { MenteeProfile, MentorProfile } from './profile';
import type { EligibilityRuleSpec, Identity } from './scoring/eligibility-rules';
import { compileScoring, type CompiledScoring, type ScoringOptions } from './scoring/pair-facts';
import { menteeFeatures, mentorFeatures, type MentorFeatures } from './scoring/profile-features';
import { combinePoints } from './scoring/score-components';

/** A mentor found for a mentee: position in `MentorIndex.mentors` and integer points (score x 100). */
export interface RankedMentor {
  mentor: number;
  points: number;
}

export interface CandidateQuery {
  /** Keep mentors without remaining capacity (bulk rounds report them as "full"). Default false. */
  includeFull?: boolean;
}

/** Memoized amounts per component and query: integers in [-MEMO_OFFSET, MEMO_SPAN - MEMO_OFFSET). */
const MEMO_SPAN = 2048;
const MEMO_OFFSET = 1024;

/** Ids are compared by UTF-16 code units: the tie-break must not depend on the runtime's locale. */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Mentors of one program compiled into columns, so one mentee is scored against 20,000 mentors with
 * array reads instead of per-pair objects. Each score component packs its own column (its `pack`
 * in the component table) and reads a pair's amount from it (`probe`); the eligibility rules are the
 * same functions `assessPair` calls. Mentors are kept sorted by id: scanning in that order makes
 * "ties broken by mentor id" free. The index reads the profiles once, when it is built: build a new
 * index after a mentor's profile changes.
 */
export class MentorIndex {
  readonly mentors: readonly MentorProfile[];
  /** The mentors' features, position by position (bulk rounds explain their pairs from them). */
  readonly features: readonly MentorFeatures[];
  readonly scoring: CompiledScoring;
  private readonly words: number;
  private readonly capacity: Int32Array;
  private readonly hasCapacity: Uint32Array;
  private readonly columns: unknown[];
  /** Each component's support bitsets (`ComponentSupport.pack`), null where it has none. */
  private readonly supports: unknown[];
  /**
   * The mentors' identities with every key interned to a number (see `Identity`), in columns: -1
   * for a null key. Read in mentor order into one reused object, so a query does not chase 20,000
   * scattered objects through a cache that other work has just emptied.
   */
  private readonly personKeys: Int32Array;
  private readonly managerKeys: Int32Array;
  private readonly departmentColumn: Int32Array;
  private readonly seniorities: Float64Array;
  private readonly keys = new Map<string, number>();
  private readonly departmentKeys = new Map<string, number>();
  /** The order of work in `scan`, fixed by the table and the rules (see `scanPlan`). */
  private readonly plan: ScanPlan;
  /** Scratch for `scan` (one query at a time): component values by integer amount. */
  private readonly valueMemo: Float64Array;
  /** Scratch for `scan`: the mentors still to visit, one bit each. */
  private readonly candidate: Uint32Array;

  constructor(
    mentors: readonly MentorProfile[],
    readonly criteria: ProgramCriteria,
    options: ScoringOptions = {},
  ) {
    const sorted = [...mentors].sort((a, b) => compareIds(a.id, b.id));
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i].id === sorted[i - 1].id) {
        throw new MatchingInputError('duplicate-id', `mentor id "${sorted[i].id}" appears twice`);
      }
    }
    this.mentors = sorted;
    this.scoring = compileScoring(criteria, options);
    this.features = sorted.map((mentor) => mentorFeatures(mentor, criteria.referenceDate));
    const n = sorted.length;
    this.words = (n + 31) >>> 5;
    this.capacity = Int32Array.from(sorted, (m) => m.capacity);
    this.hasCapacity = new Uint32Array(this.words);
    this.capacity.forEach((c, j) => {
      if (c > 0) this.hasCapacity[j >>> 5] |= 1 << (j & 31);
    });
    const intern = (key: string, keys = this.keys): number => {
      let id = keys.get(key);
      if (id === undefined) keys.set(key, (id = keys.size));
      return id;
    };
    this.personKeys = Int32Array.from(this.features, (f) => intern(f.personId));
    this.managerKeys = Int32Array.from(this.features, (f) =>
      f.managerId === null ? -1 : intern(f.managerId),
    );
    this.departmentColumn = Int32Array.from(this.features, (f) =>
      f.department === null ? -1 : intern(f.department, this.departmentKeys),
    );
    this.seniorities = Float64Array.from(this.features, (f) => f.seniority);
    this.columns = this.scoring.table.map((c) => c.pack(this.features));
    this.supports = this.scoring.table.map((c) => (c.support ? c.support.pack(this.features) : null));
    this.valueMemo = new Float64Array(this.scoring.table.length * MEMO_SPAN);
    this.plan = scanPlan(this.scoring);
    this.candidate = new Uint32Array(this.words);
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
   * The amount of every component for mentor `position`, in table order, read from the columns
   * (tests compare it with the explaining scorer's measures).
   */
  amountsOf(mentee: MenteeProfile, position: number): number[] {
    const t = menteeFeatures(mentee, this.criteria.referenceDate);
    return this.scoring.table.map((c, i) => c.probe(this.columns[i], t)(position));
  }

  /**
   * Visits the eligible mentors in id order. `threshold()` lets top-k skip a mentor whose best possible
   * score (each deferred component at its full value 1) cannot beat the current k-th; skipping is
   * exact because points are monotone in each component value and later mentors lose ties.
   *
   * Nothing is allocated per mentor (a query allocates its probes and a few small arrays): a query
   * that allocates little seldom meets a garbage collection, which made the slowest queries.
   */
  private scan(
    mentee: MenteeProfile,
    includeFull: boolean,
    visit: (mentor: number, points: number) => void,
    threshold: () => number,
  ): void {
    const { table, criteria: c, weights } = this.scoring;
    const { identityRules, earlyRules, earlyRulePositions, lateRules, lateRulePositions } = this.plan;
    const { read, unread, checkpoint, late } = this.plan;
    const t = menteeFeatures(mentee, c.referenceDate);
    const n = this.mentors.length;
    const words = this.words;
    const candidate = this.candidate;
    if (includeFull) {
      candidate.fill(0xffffffff);
      if (n & 31) candidate[words - 1] = (1 << (n & 31)) - 1;
    } else candidate.set(this.hasCapacity);
    const support = table.map((component, i) =>
      component.support ? component.support.of(this.supports[i], t) : null,
    );
    // A rule that refuses amount 0 keeps only the mentors of its component's support, word by word:
    // a mentee without availability under a minimum overlap, or who speaks one rare language, is
    // not compared with the thousands of mentors who could never pass.
    for (const position of this.plan.refusingZero) {
      const bits = support[position];
      if (bits !== null) for (let w = 0; w < words; w++) candidate[w] &= bits[w];
    }

    const probes = table.map((component, i) => component.probe(this.columns[i], t));
    const stated = table.map((component) => component.stated(t));
    const amounts = new Float64Array(table.length);
    const values = new Float64Array(table.length);
    const { personKeys, managerKeys, departmentColumn: departments, seniorities } = this;
    const who: Identity = { personId: 0, managerId: null, department: null, seniority: 0 };
    // A key no mentor has becomes -1: it equals no mentor's key, as the string would.
    const key = (value: string): number => this.keys.get(value) ?? -1;
    const me: Identity = {
      personId: key(t.personId),
      managerId: t.managerId === null ? null : key(t.managerId),
      department: t.department === null ? null : (this.departmentKeys.get(t.department) ?? -1),
      seniority: t.seniority,
    };
    // Values depend on the amount only (for this mentee and criteria): integer amounts in
    // [-MEMO_OFFSET, MEMO_OFFSET) are computed once per query and component, then read from `memo`.
    const memo = this.valueMemo.fill(NaN);
    const valueOf = (i: number, amount: number): number => {
      const at = amount + MEMO_OFFSET;
      if (!(at >= 0 && at < MEMO_SPAN && (at | 0) === at)) return table[i].value(amount, stated[i], c);
      const slot = i * MEMO_SPAN + at;
      let v = memo[slot];
      if (v !== v) memo[slot] = v = table[i].value(amount, stated[i], c);
      return v;
    };
    // The largest value each component can have for this mentee (1 where it has no support): what
    // a mentor's components not yet measured count as against the bar. With everyone alike (every
    // pair ties) it is every mentor's value, and the bar stops the scan after the first k.
    const ceiling = new Float64Array(table.length).fill(1);
    for (let i = 0; i < table.length; i++) {
      const spec = table[i].support;
      if (spec && support[i] !== null) ceiling[i] = valueOf(i, spec.most(this.supports[i], t));
    }
    const mask = new BarMask(this.plan, support, weights, ceiling, (i) => valueOf(i, 0));

    for (let w = 0; w < words; w++) {
      let bits = candidate[w];
      if (bits === 0) continue;
      const wordBar = threshold();
      if (wordBar >= 0) bits &= mask.word(w, wordBar);
      while (bits !== 0) {
        const low = bits & -bits;
        bits ^= low;
        const j = (w << 5) | (31 - Math.clz32(low));
        who.personId = personKeys[j];
        who.managerId = managerKeys[j] === -1 ? null : managerKeys[j];
        who.department = departments[j] === -1 ? null : departments[j];
        who.seniority = seniorities[j];
        let refused = false;
        for (let r = 0; r < identityRules.length && !refused; r++)
          refused = identityRules[r].fails(me, who, 0, c);
        // Each early rule's amount just before the rule, so a refused mentor costs one probe.
        for (let r = 0; r < earlyRules.length && !refused; r++) {
          const position = earlyRulePositions[r];
          amounts[position] = probes[position](j);
          refused = earlyRules[r].fails(me, who, amounts[position], c);
        }
        if (refused) continue;
        // The other early components, heaviest first. Once a bar exists, the components not yet
        // measured count at their ceiling (their largest value), and a mentor whose bound cannot beat the bar
        // stops at the checkpoints: usually right after the two heaviest.
        const bar = threshold();
        for (let u = 0; u < read.length; u++) values[read[u]] = valueOf(read[u], amounts[read[u]]);
        if (bar >= 0) {
          for (let u = 0; u < unread.length; u++) values[unread[u]] = ceiling[unread[u]];
          for (let u = 0; u < late.length; u++) values[late[u]] = ceiling[late[u]];
        }
        for (let u = 0; u < unread.length && !refused; u++) {
          const i = unread[u];
          amounts[i] = probes[i](j);
          values[i] = valueOf(i, amounts[i]);
          refused = bar >= 0 && checkpoint[u] === 1 && combinePoints(values, weights) <= bar;
        }
        if (refused || (bar >= 0 && late.length > 0 && combinePoints(values, weights) <= bar)) continue;
        for (let u = 0; u < late.length; u++) amounts[late[u]] = probes[late[u]](j);
        for (let r = 0; r < lateRules.length && !refused; r++)
          refused = lateRules[r].fails(me, who, amounts[lateRulePositions[r]], c);
        if (refused) continue;
        for (let u = 0; u < late.length; u++) values[late[u]] = valueOf(late[u], amounts[late[u]]);
        const points = combinePoints(values, weights);
        if (bar >= 0 && points <= bar) continue;
        visit(j, points);
      }
    }
  }

  /** Remaining capacity of the mentor at `position`. */
  capacityOf(position: number): number {
    return this.capacity[position];
  }
}

/**
 * How `scan` orders its work, from the component table and the rules alone: identity rules first,
 * then each rule on an early component's amount, the other early components, the top-k bar, and
 * the deferred components with their rules last.
 */
interface ScanPlan {
  identityRules: EligibilityRuleSpec[];
  earlyRules: EligibilityRuleSpec[];
  earlyRulePositions: Int32Array;
  lateRules: EligibilityRuleSpec[];
  lateRulePositions: Int32Array;
  /** Early components an early rule reads (measured by the rules). */
  read: Int32Array;
  /** The other early components, heaviest first (measured once the mentor passed the rules). */
  unread: Int32Array;
  /** 1 where the bar is checked after unread[u]: once at most half the weight is unmeasured. */
  checkpoint: Uint8Array;
  late: Int32Array;
  /** Components read by a rule that refuses amount 0 (`refusesZero`). */
  refusingZero: Int32Array;
  /** The other components with a support: what the top-k bar may rule out by word (`BarMask`). */
  maskable: Int32Array;
}

function scanPlan({ table, rules, weights }: CompiledScoring): ScanPlan {
  const positions = table.map((_, i) => i);
  const early = positions.filter((i) => !table[i].deferred);
  const late = positions.filter((i) => table[i].deferred);
  const earlyRules = rules.filter((r) => r.position !== -1 && !table[r.position].deferred);
  const lateRules = rules.filter((r) => r.position !== -1 && table[r.position].deferred);
  const isRead = (i: number): boolean => earlyRules.some((r) => r.position === i);
  const refusingZero = [
    ...new Set(rules.filter((r) => r.position !== -1 && r.spec.refusesZero).map((r) => r.position)),
  ];
  const unread = early
    .filter((i) => !isRead(i))
    .sort((a, b) => weights.weights[b] - weights.weights[a] || a - b);
  // Weight still unmeasured after unread[u]: the unread components after it and the deferred ones.
  let unmeasured = late.reduce((sum, i) => sum + weights.weights[i], 0);
  const checkpoint = new Uint8Array(unread.length);
  for (let u = unread.length - 1; u >= 0; u--) {
    checkpoint[u] = u < unread.length - 1 && 2 * unmeasured <= weights.total ? 1 : 0;
    unmeasured += weights.weights[unread[u]];
  }
  return {
    identityRules: rules.filter((r) => r.position === -1).map((r) => r.spec),
    earlyRules: earlyRules.map((r) => r.spec),
    earlyRulePositions: Int32Array.from(earlyRules, (r) => r.position),
    lateRules: lateRules.map((r) => r.spec),
    lateRulePositions: Int32Array.from(lateRules, (r) => r.position),
    read: Int32Array.from(early.filter(isRead)),
    unread: Int32Array.from(unread),
    checkpoint,
    late: Int32Array.from(late),
    refusingZero: Int32Array.from(refusingZero),
    maskable: Int32Array.from(positions.filter((i) => table[i].support && !refusingZero.includes(i))),
  };
}

/**
 * The top-k bar applied to whole words of mentors. A mentor outside the supports of some
 * components has amount 0 in each of them, so its points are at most the bound with those at their
 * value for 0 and every other component at its ceiling (points are monotone in each value). Once
 * that bound is at or below the bar, only the union of those supports can still enter the top k,
 * and the other mentors of a word are not visited: they would be skipped at `points <= bar` anyway,
 * so the result is the same. The components are taken by the weight their amount 0 loses, heaviest
 * first, as few as reach the bar (few supports, a small union); none when the ceilings alone do.
 */
class BarMask {
  private readonly order: Int32Array;
  private readonly zero: Float64Array;
  private readonly bound: Float64Array;
  private bar = -1;
  /** Components whose union is the mask (`order[0 .. count)`); -1: no bound reaches the bar. */
  private count = -1;

  constructor(
    plan: ScanPlan,
    private readonly support: readonly (Uint32Array | null)[],
    private readonly weights: CompiledScoring['weights'],
    private readonly ceiling: Float64Array,
    zeroValue: (position: number) => number,
  ) {
    this.zero = new Float64Array(ceiling.length);
    const usable = Array.from(plan.maskable).filter((i) => support[i] !== null);
    for (const i of usable) this.zero[i] = zeroValue(i);
    const loss = (i: number): number => weights.weights[i] * (ceiling[i] - this.zero[i]);
    this.order = Int32Array.from(usable.sort((a, b) => loss(b) - loss(a) || a - b));
    this.bound = new Float64Array(ceiling.length);
  }

  /** The mentors of word `w` that can still beat `bar` (every bit when no bound reaches it). */
  word(w: number, bar: number): number {
    if (bar !== this.bar) this.reach(bar);
    if (this.count < 0) return -1;
    let union = 0;
    for (let t = 0; t < this.count; t++) union |= (this.support[this.order[t]] as Uint32Array)[w];
    return union;
  }

  private reach(bar: number): void {
    this.bar = bar;
    const { bound, order, zero, weights } = this;
    bound.set(this.ceiling);
    for (let t = 0; t <= order.length; t++) {
      if (combinePoints(bound, weights) <= bar) {
        this.count = t;
        return;
      }
      if (t < order.length) bound[order[t]] = zero[order[t]];
    }
    this.count = -1;
  }
}
