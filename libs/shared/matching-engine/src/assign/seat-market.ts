import type { PreparedRound } from './candidate-graph';
import { DistanceHeap } from './distance-heap';
import { MentorRows } from './mentor-rows';
import { completeIndex, drifted, NearTightCollector, type NearTightIndex } from './near-tight-index';
import type { PairWeights } from './pair-weights';

/**
 * The exact core of bulk assignment: a maximum-weight b-matching kept optimal by successive
 * shortest paths on reduced costs (the Hungarian / Jonker-Volgenant family, as a min-cost flow).
 *
 * Dual values: every mentor has a seat price `price[j] >= 0`, every placed mentee a profit
 * `profit[i] >= 0`. The market is in order when, for the placed mentees and all mentors:
 * - no pair is underpriced: profit[i] + price[j] >= weight(i, j) for every candidate pair;
 * - a held pair is tight: profit[i] + price[j] = weight(i, j);
 * - an unmatched placed mentee has profit 0;
 * - a mentor with a free seat has price 0 (else it is "overpriced" and needs `repair`).
 * Those are the LP optimality conditions, so the placed mentees' assignment is then a maximum-weight
 * one. Weights are integers and every update adds or subtracts integers, so all values stay exact.
 *
 * `insert(i)` places one more mentee by a Dijkstra search over mentors (reduced costs are >= 0, so
 * Dijkstra is exact) for the cheapest way to make room: a free seat, a placed mentee who drops out,
 * or staying unmatched, then shifts the duals along the search tree so the conditions hold again.
 * `repair(j)` is the mirror image for an overpriced mentor: a search from its free seat for the
 * cheapest mentee to bring in, or a price cut to 0. Any starting prices are valid, which is what
 * makes warm starts (from an auction's prices or the previous solve) safe: they only change the time.
 */
/** Free seats up to which a warm insert searches from both ends (more: from the mentee alone). */
const WARM_BACKWARD_SOURCES = 64;
const EMPTY = new Int32Array(0);
const EMPTY_WEIGHTS = new Float64Array(0);
const EMPTY_FLAGS = new Uint8Array(0);
/** Moves at most in a chain of tight pairs that fills a freed seat without a search (`cutPrices`). */
const TIGHT_CHAIN_LIMIT = 8;
/**
 * Relaxations a warm search makes from the mentee alone before its backward side starts, as a share
 * of the round's edges (1/32; at 5,000 x 50 about 7,800, where timing 2,048, 4,096 and 8,192 gave
 * the same within noise), and at least 256.
 */
const oneWayWork = (edges: number): number => Math.max(256, edges >> 5);

export class SeatMarket {
  readonly menteeCount: number;
  readonly mentorCount: number;
  readonly start: Int32Array;
  readonly mentor: Int32Array;
  readonly points: Int32Array;
  readonly perPoint: number;
  readonly perPair: number;
  /** Each edge's weight, `points x perPoint + perPair` (read in every search's inner loop). */
  readonly edgeWeight: Float64Array;
  /** Seats per mentor: its free capacity, never more than its candidates. */
  readonly seats: Int32Array;
  /** Mentor -> its candidate edges (edge index and mentee), for searches from a mentor's side. */
  readonly inStart: Int32Array;
  /**
   * Built on first use (`inEdge`, `inMentee`): a cold solve's auction needs them at once, a warm
   * re-solve often never (its searches rarely go backward), and the scattered writes that build them
   * are a third of a warm solve's fixed cost.
   */
  private inEdgeBuilt: Int32Array | null = null;
  private inMenteeBuilt: Int32Array | null = null;
  private inWeightBuilt: Float64Array | null = null;
  /** The mentor-side index the searches read: the full one once built, else a near-tight one. */
  private near: NearTightIndex | null = null;
  /** While a warm start places the mentees: the near-tight pairs noted so far (`noteWants`). */
  private collector: NearTightCollector | null = null;
  private collected: { collector: NearTightCollector; profitAt: Float64Array; priceAt: Float64Array } | null =
    null;
  /** The mentor rows of warm searches in few-mentor markets (`startMentorRows`), while they run. */
  private rows: MentorRows | null = null;
  /** What placed mentees would pay per mentor (`noteWants`), until `cutPrices` uses it. */
  private wants: { floor: Float64Array; setter: Int32Array; edge: Int32Array } | null = null;

  readonly price: Float64Array;
  readonly profit: Float64Array;
  /** Edge held by each mentee, -1 when unmatched. */
  readonly heldEdge: Int32Array;
  /** 1 once a mentee is in the market (placed or inserted); the conditions hold for those only. */
  private readonly placed: Uint8Array;
  /** Mentees holding each mentor's seats: seatMentee[seatStart[j] .. seatStart[j] + load[j]). */
  readonly load: Int32Array;
  private readonly seatStart: Int32Array;
  private readonly seatMentee: Int32Array;
  private readonly seatOf: Int32Array;

  // Forward search (from a mentee): labels on mentors, a heap of mentors.
  private readonly mentorDist: Float64Array;
  private readonly mentorHeap: DistanceHeap;
  private readonly viaMentee: Int32Array;
  private readonly viaEdge: Int32Array;
  private readonly mentorDone: Uint8Array;
  private readonly touchedMentors: Int32Array;
  private readonly reachedMentees: Int32Array;
  private readonly reachedDist: Float64Array;
  // Reverse search (from a mentor): labels on mentees, a heap of mentees.
  private readonly menteeDist: Float64Array;
  private readonly menteeHeap: DistanceHeap;
  private readonly towardMentor: Int32Array;
  private readonly menteeDone: Uint8Array;
  private readonly touchedMentees: Int32Array;
  // Both-ways search (warm re-solves): backward labels on mentors, forward labels on mentees.
  private readonly backMentorDist: Float64Array;
  private readonly backMentorVia: Int32Array;
  private readonly backMentors: Int32Array;
  private readonly forwardMenteeDist: Float64Array;
  private readonly freeMentors: Int32Array;
  private readonly moveMentee: Int32Array;
  private readonly moveEdge: Int32Array;

  constructor(round: PreparedRound, weights: PairWeights) {
    const { start, mentor, points, freeCapacity } = round;
    const m = round.graph.menteeCount;
    const n = round.graph.mentorCount;
    this.menteeCount = m;
    this.mentorCount = n;
    this.start = start;
    this.mentor = mentor;
    this.points = points;
    this.perPoint = weights.perPoint;
    this.perPair = weights.perPair;
    // Built through locals: in a constructor every `this.x` read in a hot loop is a property load
    // on an object whose shape is still growing, which V8 does not keep in a register.
    const edges = mentor.length;
    const { perPoint, perPair } = weights;
    const edgeWeight = new Float64Array(edges);
    for (let e = 0; e < edges; e++) edgeWeight[e] = points[e] * perPoint + perPair;
    this.edgeWeight = edgeWeight;

    const inStart = new Int32Array(n + 1);
    for (let e = 0; e < edges; e++) inStart[mentor[e] + 1]++;
    const seats = new Int32Array(n);
    const seatStart = new Int32Array(n + 1);
    for (let j = 0; j < n; j++) {
      const degree = inStart[j + 1];
      seats[j] = Math.min(freeCapacity[j], degree);
      seatStart[j + 1] = seatStart[j] + seats[j];
      inStart[j + 1] = inStart[j] + degree;
    }
    this.seats = seats;
    this.seatStart = seatStart;
    this.inStart = inStart;
    this.price = new Float64Array(n);
    this.profit = new Float64Array(m);
    this.heldEdge = new Int32Array(m).fill(-1);
    this.placed = new Uint8Array(m);
    this.load = new Int32Array(n);
    this.seatMentee = new Int32Array(this.seatStart[n]);
    this.seatOf = new Int32Array(m).fill(-1);

    this.mentorDist = new Float64Array(n).fill(Infinity);
    this.mentorHeap = new DistanceHeap(n, this.mentorDist);
    this.viaMentee = new Int32Array(n);
    this.viaEdge = new Int32Array(n);
    this.mentorDone = new Uint8Array(n);
    this.touchedMentors = new Int32Array(n);
    this.reachedMentees = new Int32Array(m);
    this.reachedDist = new Float64Array(m);
    this.menteeDist = new Float64Array(m).fill(Infinity);
    this.menteeHeap = new DistanceHeap(m, this.menteeDist);
    this.towardMentor = new Int32Array(m);
    this.menteeDone = new Uint8Array(m);
    this.touchedMentees = new Int32Array(m);
    this.backMentorDist = new Float64Array(n).fill(Infinity);
    this.backMentorVia = new Int32Array(n);
    this.backMentors = new Int32Array(n);
    this.forwardMenteeDist = new Float64Array(m).fill(Infinity);
    this.freeMentors = new Int32Array(n);
    this.moveMentee = new Int32Array(m + 1);
    this.moveEdge = new Int32Array(m + 1);
  }

  /** Mentor -> the edge index of each of its candidates (see `inStart`); the cold auction's only. */
  get inEdge(): Int32Array {
    return this.inEdgeBuilt ?? this.buildInEdges(true)[0];
  }

  /** Mentor -> the mentee of each of its candidates (see `inStart`). */
  get inMentee(): Int32Array {
    return this.inMenteeBuilt ?? this.buildInEdges(false)[1];
  }

  /**
   * Mentor -> the weight of each of its candidate edges (see `inStart`): the backward searches read
   * it in order instead of `edgeWeight[inEdge[t]]`, one scattered read per relaxation.
   */
  get inWeight(): Float64Array {
    return this.inWeightBuilt ?? this.buildInEdges(false)[2];
  }

  /**
   * The mentor-side index, by a counting sort of the edges. The searches (`repair`, the backward side
   * of `searchBothWays`) read only mentees and weights: they tell a held pair by the seat slot
   * (`seatOf`) and find the edge of a move only for the few pairs of the path (`edgeTo`). So a warm
   * solve writes two arrays, not three (`inEdge` is written only for the cold auction, which asks
   * for it first): the scattered writes of this build were a fifth of a capacity-1 warm solve.
   */
  private buildInEdges(withEdges: boolean): [Int32Array, Int32Array, Float64Array] {
    const { start, mentor, inStart, edgeWeight } = this;
    const inEdge = withEdges ? new Int32Array(mentor.length) : EMPTY;
    const inMentee = this.inMenteeBuilt ?? new Int32Array(mentor.length);
    const inWeight = this.inWeightBuilt ?? new Float64Array(mentor.length);
    const fill = inStart.slice(0, this.mentorCount);
    if (withEdges) {
      for (let i = 0; i < this.menteeCount; i++) {
        for (let e = start[i], end = start[i + 1]; e < end; e++) {
          const at = fill[mentor[e]]++;
          inEdge[at] = e;
          inMentee[at] = i;
          inWeight[at] = edgeWeight[e];
        }
      }
      this.inEdgeBuilt = inEdge;
    } else {
      for (let i = 0; i < this.menteeCount; i++) {
        for (let e = start[i], end = start[i + 1]; e < end; e++) {
          const at = fill[mentor[e]]++;
          inMentee[at] = i;
          inWeight[at] = edgeWeight[e];
        }
      }
    }
    this.inMenteeBuilt = inMentee;
    this.inWeightBuilt = inWeight;
    return [inEdge, inMentee, inWeight];
  }

  /**
   * The mentor-side index for a search from a mentor's side (`repair`, the backward side of
   * `searchBothWays`): the full one when it is built (a cold solve's auction builds it), else the
   * near-tight one (see near-tight-index.ts), collected again when the profits have drifted.
   * `current`: the mentee being placed, or -1.
   */
  private searchIndex(): NearTightIndex {
    if (this.near !== null && (this.near.complete || !drifted(this.near))) return this.near;
    if (this.inMenteeBuilt !== null && this.inWeightBuilt !== null) {
      this.near = completeIndex(this.inStart, this.inMenteeBuilt, this.inWeightBuilt);
    } else if (this.near === null && this.collected !== null) {
      const { collector, priceAt, profitAt } = this.collected;
      this.collected = null;
      // The searches before the first backward one may have lowered the profits of the mentees
      // they reached past the index's allowance (capacity-1 after 20 pairs: ~300 mentees, by up to
      // 1.2 M against a tau of 2.1 M at 5k). Then, rather than build the full index, those mentees
      // get all their pairs listed (the bound is taken over the others), and so do the few mentors
      // with a free seat, where the backward searches start: their prices were cut, which puts
      // their cap below 0 (one pass over the edges, paid only by a drifted index).
      const drifted = this.driftedSince(collector, profitAt);
      const complete = drifted ? (this.fewFreeMentors() ?? undefined) : undefined;
      if (complete !== undefined) {
        this.listFallen(collector, profitAt);
        this.listPairsOf(collector, complete);
      }
      if (drifted && complete === undefined) {
        this.near = this.fullIndex();
      } else {
        this.near = collector.finish(
          this.mentorCount,
          this.mentor,
          this.edgeWeight,
          priceAt,
          profitAt,
          complete,
        );
        // Searches since the collection may have lowered profits: noted from now on, so take them here.
        this.noteProfitChanges(null, 0);
      }
    } else {
      // Drifted, or never collected (a cold solve whose auction did not build the index).
      this.near = this.fullIndex();
    }
    return this.near;
  }

  /**
   * Warm start: from now on `noteWants` also lists the pairs whose reduced cost at the current prices
   * is at most `tau`, and `notePending` every pair of a mentee left for a search (near-tight-index.ts).
   */
  startNearCollection(tau: number): void {
    this.collector = new NearTightCollector(this.menteeCount, this.mentor.length, tau);
  }

  /** Lists every pair of mentee i, which a search will place. */
  notePending(i: number): void {
    this.collector?.noteAll(i, this.start);
  }

  /**
   * Ends the collection: the reduced costs were taken at `priceAt` (the previous prices, which
   * `cutPrices` is about to lower in places) and at the current profits.
   */
  endNearCollection(priceAt: Float64Array): void {
    if (this.collector === null) return;
    this.collected = { collector: this.collector, priceAt, profitAt: this.profit.slice() };
    this.collector = null;
  }

  /**
   * Whether the profits moved since `profitAt` (the collection) as far as `drifted` allows, over the
   * placed mentees whose pairs the collection did not list all of: the test `drifted` makes of a
   * finished index, made before paying for the finish.
   */
  private driftedSince(collector: NearTightCollector, profitAt: Float64Array): boolean {
    const { profit, placed } = this;
    let low = 0;
    for (let k = 0; k < this.menteeCount; k++) {
      if (placed[k] === 0 || collector.listsAll(k)) continue;
      const change = profit[k] - profitAt[k];
      if (change < low) low = change;
    }
    return collector.tau + low < collector.tau / 2;
  }

  /** Lists every pair of each placed mentee whose profit fell by more than tau/4 since `profitAt`. */
  private listFallen(collector: NearTightCollector, profitAt: Float64Array): void {
    const { profit, placed, start } = this;
    const fall = -collector.tau / 4;
    for (let k = 0; k < this.menteeCount; k++) {
      if (placed[k] === 1 && !collector.listsAll(k) && profit[k] - profitAt[k] < fall) {
        collector.noteAll(k, start);
      }
    }
  }

  /**
   * The mentors with a free seat, 1 each; null when more than `WARM_BACKWARD_SOURCES` have one (no
   * search goes backward then).
   */
  private fewFreeMentors(): Uint8Array | null {
    const { load, seats } = this;
    const free = new Uint8Array(this.mentorCount);
    let count = 0;
    for (let j = 0; j < this.mentorCount; j++) {
      if (load[j] < seats[j]) {
        free[j] = 1;
        if (++count > WARM_BACKWARD_SOURCES) return null;
      }
    }
    return free;
  }

  /** Lists every pair of the mentors marked 1 in `mentors` (those of fully listed mentees are in). */
  private listPairsOf(collector: NearTightCollector, mentors: Uint8Array): void {
    const { start, mentor } = this;
    for (let k = 0; k < this.menteeCount; k++) {
      if (collector.listsAll(k)) continue;
      for (let e = start[k], end = start[k + 1]; e < end; e++)
        if (mentors[mentor[e]] === 1) collector.push(e, k);
    }
  }

  /** The full mentor-side index, for a search whose answer lies past the near-tight index's horizon. */
  private fullIndex(): NearTightIndex {
    this.near = completeIndex(this.inStart, this.inMentee, this.inWeight);
    return this.near;
  }

  /**
   * Lowers the near-tight index's bound of profit changes by the profits of these mentees (which a
   * search lowered); `count` of `mentees`, or every placed mentee when `mentees` is null.
   */
  private noteProfitChanges(mentees: Int32Array | null, count: number): void {
    const near = this.near;
    if (near === null || near.complete) return;
    const { profit, placed } = this;
    const { profitAt, menteeComplete } = near;
    let low = near.minProfitChange;
    if (mentees === null) {
      for (let k = 0; k < this.menteeCount; k++) {
        if (placed[k] === 0 || menteeComplete[k] === 1) continue;
        const change = profit[k] - profitAt[k];
        if (change < low) low = change;
      }
    } else {
      for (let t = 0; t < count; t++) {
        const k = mentees[t];
        if (menteeComplete[k] === 1) continue;
        const change = profit[k] - profitAt[k];
        if (change < low) low = change;
      }
    }
    near.minProfitChange = low;
  }

  /** Mentee k's edge to mentor j (the pair exists: the path of a search went along it). */
  private edgeTo(k: number, j: number): number {
    const { start, mentor } = this;
    for (let e = start[k], end = start[k + 1]; e < end; e++) if (mentor[e] === j) return e;
    throw new Error(`no edge from mentee ${k} to mentor ${j}`);
  }

  weight(e: number): number {
    return this.edgeWeight[e];
  }

  hasFreeSeat(j: number): boolean {
    return this.load[j] < this.seats[j];
  }

  /** Seats mentee `i` on edge `e` with the given profit, without a search (callers keep the conditions). */
  place(i: number, e: number, profit: number): void {
    this.placed[i] = 1;
    this.profit[i] = profit;
    this.heldEdge[i] = e;
    this.addSeat(i, this.mentor[e]);
  }

  /** Places mentee `i` (not yet placed) optimally; see the class comment. */
  insert(i: number): void {
    if (this.placeDirectly(i)) return;
    this.searchFromMentee(i);
  }

  /**
   * `insert` for a warm re-solve. After a coordinator's changes only a few seats are free, scattered
   * over a market that is tight everywhere, so a search from the mentee alone looks through most of
   * the graph before it meets one (the last of 20 pending mentees: nearly all of it). With at most
   * `WARM_BACKWARD_SOURCES` free seats the search can also run backward from them
   * (`searchBothWays`); it does once its forward side has done `oneWayWork` relaxations.
   */
  insertWarm(i: number): void {
    if (this.placeDirectly(i)) return;
    const { load, seats, freeMentors } = this;
    let free = 0;
    for (let j = 0; j < this.mentorCount && free <= WARM_BACKWARD_SOURCES; j++)
      if (load[j] < seats[j]) freeMentors[free++] = j;
    if (free > WARM_BACKWARD_SOURCES) this.searchFromMentee(i);
    else this.searchBothWays(i, free);
  }

  /**
   * Starts the warm searches over mentor rows (mentor-rows.ts): builds every mentor's row from its
   * current holders. Then `insertByRows` places the pending mentees.
   */
  startMentorRows(): void {
    const rows = new MentorRows(this.mentorCount);
    for (let j = 0; j < this.mentorCount; j++) this.fillRow(rows, j);
    this.rows = rows;
  }

  /** Whether some mentor has a free seat (a warm search may then end there soon). */
  anyFreeSeat(): boolean {
    for (let j = 0; j < this.mentorCount; j++) if (this.load[j] < this.seats[j]) return true;
    return false;
  }

  /** Ends the searches over mentor rows: the near-tight index's bound takes the profits they lowered. */
  endMentorRows(): void {
    this.rows = null;
    this.noteProfitChanges(null, 0);
  }

  private fillRow(rows: MentorRows, j: number): void {
    const first = this.seatStart[j];
    rows.fill(
      j,
      this.seatMentee,
      first,
      this.load[j],
      this.start,
      this.mentor,
      this.edgeWeight,
      this.heldEdge,
    );
  }

  /**
   * `insert` for a warm re-solve over mentor rows (after `startMentorRows`): the same search as
   * `searchFromMentee` with the same ends (a free seat, a holder who drops out, i0 unmatched) and the
   * same dual shift, over mentors: a settled mentor's arcs are its row (mentor-rows.ts), not its
   * holders' pairs. Labels are exact for the same reason (reduced costs >= 0, Dijkstra); the rows of
   * the mentors the augmenting path leaves or joins are rebuilt after it.
   */
  insertByRows(i0: number): void {
    const rows = this.rows as MentorRows;
    if (this.placeDirectly(i0)) {
      // Seated at a free seat: that mentor's row gains a holder.
      if (this.heldEdge[i0] !== -1) this.fillRow(rows, this.mentor[this.heldEdge[i0]]);
      return;
    }
    const { cost, holder, dropWeight, dropMentee } = rows;
    const { start, mentor, edgeWeight, price, profit, load, seats, seatStart, seatMentee } = this;
    const { mentorDist: dist, viaMentee, viaEdge, mentorDone: done, touchedMentors: settled } = this;
    const n = this.mentorCount;
    let bound = profit[i0];
    let endMentor = -1; // a free seat reached
    let endMentee = i0; // a mentee left unmatched (i0 itself, or a holder who drops out)
    for (let e = start[i0], end = start[i0 + 1]; e < end; e++) {
      const j = mentor[e];
      const d = profit[i0] + price[j] - edgeWeight[e];
      if (d >= dist[j] || d >= bound) continue;
      dist[j] = d;
      viaMentee[j] = i0;
      viaEdge[j] = e;
      if (load[j] < seats[j]) {
        bound = d;
        endMentor = j;
        endMentee = -1;
      }
    }
    let count = 0;
    for (;;) {
      // The unsettled full mentor with the smallest label (a linear scan: the graph is dense).
      let j = -1;
      let dj = bound;
      for (let b = 0; b < n; b++) {
        if (done[b] === 0 && dist[b] < dj && load[b] >= seats[b]) {
          dj = dist[b];
          j = b;
        }
      }
      if (j === -1) break;
      done[j] = 1;
      settled[count++] = j;
      if (load[j] > 0 && dj + dropWeight[j] - price[j] < bound) {
        bound = dj + dropWeight[j] - price[j];
        endMentor = -1;
        endMentee = dropMentee[j];
      }
      const base = dj - price[j];
      const row = j * n;
      for (let b = 0; b < n; b++) {
        if (done[b] === 1) continue;
        const d = base + cost[row + b] + price[b];
        if (d >= dist[b] || d >= bound) continue;
        dist[b] = d;
        viaMentee[b] = holder[row + b];
        viaEdge[b] = -1;
        if (load[b] < seats[b]) {
          bound = d;
          endMentor = b;
          endMentee = -1;
        }
      }
    }

    // Dual shift: settled mentors gain (bound - label), their holders and i0 lose as much.
    profit[i0] -= bound;
    for (let t = 0; t < count; t++) {
      const j = settled[t];
      const shift = bound - dist[j];
      price[j] += shift;
      for (let s = seatStart[j], last = s + load[j]; s < last; s++) profit[seatMentee[s]] -= shift;
    }

    // Augment as `searchFromMentee` does; the mentors it leaves or joins get their rows rebuilt.
    const changed = this.moveMentee;
    const changes = this.augment(i0, endMentor, endMentee, changed);
    // Every mentor on the path joined one holder; all but the last (i0's) also left one, and the
    // drop's mentor is on the path as its last: rebuilding each joined mentor's row covers them all.
    for (let t = 0; t < changes; t++) this.fillRow(rows, changed[t]);

    dist.fill(Infinity);
    done.fill(0);
  }

  /**
   * Places mentee `i` without a search where it can (no candidate, nothing worth taking, or a free
   * seat among its best choices); otherwise leaves it placed with its best value as profit, for a
   * search. Returns whether it is done.
   */
  private placeDirectly(i: number): boolean {
    const { start, mentor, edgeWeight, price, load, seats } = this;
    const first = start[i];
    const end = start[i + 1];
    this.placed[i] = 1;
    this.profit[i] = 0;
    if (first === end) return true;
    // Its best value at current prices, preferring a free seat among equally good mentors.
    let best = 0;
    let bestFree = 0;
    let bestFreeEdge = -1;
    for (let e = first; e < end; e++) {
      const j = mentor[e];
      const value = edgeWeight[e] - price[j];
      if (value > best) best = value;
      if (value > bestFree && load[j] < seats[j]) {
        bestFree = value;
        bestFreeEdge = e;
      }
    }
    if (best <= 0) return true; // unmatched, profit 0
    if (bestFree === best) {
      this.place(i, bestFreeEdge, best);
      return true;
    }
    this.profit[i] = best;
    return false;
  }

  /** Marks mentee `i` as in the market and unmatched (profit 0); callers keep the conditions. */
  placeUnmatched(i: number): void {
    this.placed[i] = 1;
    this.profit[i] = 0;
  }

  /**
   * Notes what placed mentee `k` would pay for each of its other candidates (weight - profit), for
   * `cutPrices`. A warm start calls it right after placing `k`, while k's edges are still in cache:
   * a second pass over every edge list, from memory, was a fifth of a warm solve's fixed cost.
   */
  noteWants(k: number): void {
    const { start, mentor, edgeWeight, profit, heldEdge } = this;
    const wants = (this.wants ??= {
      floor: new Float64Array(this.mentorCount),
      setter: new Int32Array(this.mentorCount).fill(-1),
      edge: new Int32Array(this.mentorCount),
    });
    const { floor, setter, edge } = wants;
    const held = heldEdge[k];
    const base = -profit[k];
    // The near-tight pairs are listed in the same loop (reduced cost price - wanted up to tau).
    const collector = this.collector;
    const price = this.price;
    const tau = collector === null ? -Infinity : collector.tau;
    if (held !== -1 && collector !== null) collector.push(held, k); // tight: reduced cost 0
    for (let e = start[k], end = start[k + 1]; e < end; e++) {
      if (e === held) continue;
      const j = mentor[e];
      const wanted = edgeWeight[e] + base;
      if (price[j] - wanted <= tau) (collector as NearTightCollector).push(e, k);
      // Among equal wants the first unmatched mentee sets the floor (it can take the seat, below).
      if (
        wanted > floor[j] ||
        (wanted === floor[j] && held === -1 && setter[j] !== -1 && heldEdge[setter[j]] !== -1)
      ) {
        floor[j] = wanted;
        setter[j] = k;
        edge[j] = e;
      }
    }
  }

  /**
   * Lowers every overpriced mentor's price as far as no placed mentee would then rather have it
   * (the wants noted by `noteWants`; a pure dual move, no search): afterwards some placed mentee is
   * indifferent to its free seat, so searches that end there are short. Its holders' pairs stay
   * tight (their profits rise). When the mentee that sets the new price is unmatched (profit 0, so
   * indifferent between the seat and no mentor), it takes the seat at once: the conditions still
   * hold and that seat needs no repair search (with scarce seats most freed seats go this way).
   */
  cutPrices(): void {
    const { edgeWeight, price, profit, heldEdge, load, seats, wants } = this;
    for (let j = 0; j < this.mentorCount; j++) {
      if (load[j] >= seats[j] || price[j] <= 0) continue;
      const floor = wants === null ? 0 : wants.floor[j];
      if (floor < price[j]) {
        price[j] = floor;
        for (let s = this.seatStart[j], last = s + load[j]; s < last; s++) {
          const holder = this.seatMentee[s];
          profit[holder] = edgeWeight[heldEdge[holder]] - floor;
        }
      }
      if (wants !== null && price[j] > 0) this.fillByTightChain(j, wants);
    }
    this.wants = null;
  }

  /**
   * Fills one free seat of mentor `j0` along a chain of tight pairs, without a search: j0's setter
   * (the mentee that set its price) moves in, the setter of the mentor it leaves moves there, and so
   * on, until an unmatched mentee joins or the mentor left behind has price 0. Every move is on a
   * pair whose reduced cost is 0 (checked live: the noted wants can be stale), so prices and profits
   * stay as they are and the conditions hold. A chain that fails (no tight setter, a mentor twice,
   * longer than TIGHT_CHAIN_LIMIT) changes nothing and leaves the seat to `repair`. With scarce or
   * surplus seats most freed seats are filled this way (chains of one or two moves), and a warm
   * solve often needs no repair search, nor the mentor-side index those searches read.
   */
  private fillByTightChain(
    j0: number,
    wants: { floor: Float64Array; setter: Int32Array; edge: Int32Array },
  ): void {
    const { mentor, edgeWeight, price, profit, heldEdge, moveMentee, moveEdge } = this;
    let count = 0;
    let j = j0;
    for (;;) {
      const k = wants.setter[j];
      if (k === -1 || count === TIGHT_CHAIN_LIMIT) return;
      const e = wants.edge[j];
      const held = heldEdge[k];
      if (held === e || edgeWeight[e] - profit[k] !== price[j]) return;
      for (let t = 0; t < count; t++) if (moveMentee[t] === k) return;
      moveMentee[count] = k;
      moveEdge[count++] = e;
      if (held === -1) break;
      j = mentor[held];
      if (j === j0) return;
      if (price[j] === 0) break;
      for (let t = 0; t < count - 1; t++) if (mentor[moveEdge[t]] === j) return;
    }
    for (let t = 0; t < count; t++) {
      const k = moveMentee[t];
      const held = heldEdge[k];
      if (held !== -1) this.removeSeat(k, mentor[held]);
      heldEdge[k] = moveEdge[t];
      this.addSeat(k, mentor[moveEdge[t]]);
    }
  }

  /** Mentors with a free seat and a positive price, after all mentees are placed: repairs each. */
  repairAll(): void {
    for (let j = 0; j < this.mentorCount; j++) {
      while (this.load[j] < this.seats[j] && this.price[j] > 0) this.repair(j);
    }
  }

  /**
   * Moves each mentee on a search's path to the mentor it reached, walking back from the end: the
   * end mentor's free seat, or the seat `endMentee` drops. A mentor reached through its row (no
   * edge noted) finds the edge by its pair. Returns how many mentors joined a holder, noted in
   * `changed` when given.
   */
  private augment(i0: number, endMentor: number, endMentee: number, changed: Int32Array | null): number {
    const { mentor, heldEdge, viaMentee, viaEdge } = this;
    let changes = 0;
    let j = endMentor;
    if (endMentee !== -1 && endMentee !== i0) {
      j = mentor[heldEdge[endMentee]];
      this.removeSeat(endMentee, j);
      heldEdge[endMentee] = -1;
    }
    while (j !== -1) {
      const k = viaMentee[j];
      const old = heldEdge[k];
      if (old !== -1) this.removeSeat(k, mentor[old]);
      this.addSeat(k, j);
      heldEdge[k] = viaEdge[j] !== -1 ? viaEdge[j] : this.edgeTo(k, j);
      if (changed) changed[changes] = j;
      changes++;
      j = k === i0 ? -1 : mentor[old];
    }
    return changes;
  }

  private addSeat(i: number, j: number): void {
    const s = this.seatStart[j] + this.load[j]++;
    this.seatMentee[s] = i;
    this.seatOf[i] = s;
  }

  private removeSeat(i: number, j: number): void {
    const s = this.seatOf[i];
    const last = this.seatStart[j] + --this.load[j];
    const moved = this.seatMentee[last];
    this.seatMentee[s] = moved;
    this.seatOf[moved] = s;
    this.seatOf[i] = -1;
  }

  /**
   * Dijkstra from mentee i0 over mentors (a mentor's label is the cheapest reduced cost of reaching it;
   * its holders share its label since their pairs are tight). Ends at the cheapest of: a mentor with a
   * free seat, a holder who drops out (its label + its profit), or i0 unmatched (its profit).
   */
  private searchFromMentee(i0: number): void {
    const { start, mentor, edgeWeight, price, profit, heldEdge, load, seats } = this;
    const { mentorDist: dist, mentorHeap: heap, viaMentee, viaEdge, mentorDone: done } = this;
    const { touchedMentors, reachedMentees, reachedDist, seatStart, seatMentee } = this;
    let touched = 0;
    let reached = 0;
    let bound = profit[i0];
    let endMentor = -1; // a free seat reached
    let endMentee = i0; // a mentee left unmatched (i0 itself, or a holder who drops out)

    // Reached mentees are relaxed in the order they were reached: i0 first, then the holders of each
    // finished mentor. (Loops rather than a helper closure: V8 keeps these locals in registers.)
    reachedMentees[reached] = i0;
    reachedDist[reached++] = 0;
    let next = 0;
    for (;;) {
      for (; next < reached; next++) {
        const k = reachedMentees[next];
        const base = reachedDist[next] + profit[k];
        const held = heldEdge[k];
        for (let e = start[k], end = start[k + 1]; e < end; e++) {
          if (e === held) continue;
          const j = mentor[e];
          if (done[j] === 1) continue;
          const d = base + price[j] - edgeWeight[e];
          if (d >= dist[j] || d >= bound) continue;
          if (dist[j] === Infinity) touchedMentors[touched++] = j;
          dist[j] = d;
          viaMentee[j] = k;
          viaEdge[j] = e;
          if (load[j] < seats[j]) {
            // A free seat ends the search at d; nothing cheaper than d is left to find past it.
            bound = d;
            endMentor = j;
            endMentee = -1;
          } else heap.push(j);
        }
      }
      if (heap.size === 0 || dist[heap.peek()] >= bound) break;
      const j = heap.pop();
      const dj = dist[j];
      done[j] = 1;
      for (let s = seatStart[j], last = s + load[j]; s < last; s++) {
        const k = seatMentee[s];
        reachedMentees[reached] = k;
        reachedDist[reached++] = dj;
        if (dj + profit[k] < bound) {
          bound = dj + profit[k];
          endMentor = -1;
          endMentee = k;
        }
      }
    }

    // Dual shift: finished mentors gain (bound - label), reached mentees lose as much.
    for (let t = 0; t < touched; t++) {
      const j = touchedMentors[t];
      if (done[j]) price[j] += bound - dist[j];
    }
    for (let t = 0; t < reached; t++) profit[reachedMentees[t]] -= bound - reachedDist[t];
    this.noteProfitChanges(reachedMentees, reached);

    // Augment: walk back from the end, moving each mentee on the path to the mentor it reached.
    this.augment(i0, endMentor, endMentee, null);

    heap.clear();
    for (let t = 0; t < touched; t++) {
      const jj = touchedMentors[t];
      dist[jj] = Infinity;
      done[jj] = 0;
    }
  }

  /**
   * Bidirectional Dijkstra for mentee i0 (placed, unmatched, profit = its best value): forward from
   * i0 as `searchFromMentee`, backward from the `free` mentors in `freeMentors` as `repair` (labels:
   * the reduced cost of reaching a free seat). The backward side never ends at a mentee who drops
   * out, so it only labels below `minDrop` (the smallest profit of a matched mentee: no drop is
   * cheaper); drops are found by the forward side. It stops when the two radii add up to the best
   * path found, L.
   *
   * Dual update (what keeps it exact): with the forward radius r_f and r_b = L - r_f, every node v
   * moves by (r_f - min(d_s(v), r_f)) + min(d_t(v), r_b) (d_s: forward label, d_t: backward label,
   * both exact below their radius): price += shift, profit -= shift. That is the capped forward
   * shift plus the capped backward one; they never both apply to one node (d_s + d_t >= L), and on
   * an arc from the forward to the backward region their sum is at most the arc's reduced cost
   * because no path is shorter than L. So no pair is underpriced afterwards, the path is tight, and
   * an unreached node moves by r_b: prices of the whole market rise by r_b (a pass over mentors)
   * and, after the augmentation, every placed mentee's profit is set to its held pair's weight minus
   * the price (that only raises profits) or 0 when unmatched.
   */
  private searchBothWays(i0: number, free: number): void {
    const { start, mentor, edgeWeight, price, profit, heldEdge, placed } = this;
    // The mentor-side index (`searchIndex`), taken when the backward side starts.
    let inStart: Int32Array = EMPTY;
    let inMentee: Int32Array = EMPTY;
    let inWeight: Float64Array = EMPTY_WEIGHTS;
    let complete = true;
    let tau = 0;
    let priceAt: Float64Array = EMPTY_WEIGHTS;
    let mentorComplete: Uint8Array = EMPTY_FLAGS;
    let minProfitChange = 0;
    // The index's horizon: the smallest cap of the mentors relaxed backward (near-tight-index.ts).
    let horizon = Infinity;
    const { mentorDist: fDist, mentorHeap: fHeap, viaMentee, viaEdge, mentorDone: fDone } = this;
    const { touchedMentors, reachedMentees, reachedDist, seatStart, seatMentee, load, seats, seatOf } = this;
    const { menteeDist: bDist, menteeHeap: bHeap, towardMentor, menteeDone: bDone } = this;
    const { touchedMentees, backMentorDist, backMentorVia, backMentors, forwardMenteeDist, freeMentors } =
      this;
    // The backward side starts only once the forward side has done WARM_ONE_WAY_WORK relaxations:
    // most searches end sooner (a seat nearby, a cheap drop), and then the backward work and the
    // passes over the whole market that it needs would be spent for nothing.
    let backward = false;
    let minDrop = 0;
    let limit = 0; // backward labels below min(minDrop, horizon) only
    const oneWay = oneWayWork(this.edgeWeight.length);

    let best = profit[i0];
    // How the best path ends: 0 i0 stays unmatched, 1 mentee `meet` drops out, 2 the two sides meet
    // at mentor `meet`, 3 they meet at mentee `meet`.
    let how = 0;
    let meet = -1;
    let fTouched = 0;
    let reached = 0;
    let bTouched = 0;
    let bMentors = 0;
    let fWork = 0;
    let bWork = 0;

    // Backward sources: the free seats, at label 0.
    for (let s = 0; s < free; s++) {
      const j = freeMentors[s];
      backMentorDist[j] = 0;
      backMentorVia[j] = -1;
      backMentors[bMentors++] = j;
    }
    let bNext = 0; // backward mentors whose arcs are still to relax
    reachedMentees[reached] = i0;
    reachedDist[reached++] = 0;
    forwardMenteeDist[i0] = 0;
    let fNext = 0; // forward mentees whose arcs are still to relax

    for (;;) {
      // Relax what the last steps reached, forward then backward (loops, not closures: see above).
      for (; fNext < reached; fNext++) {
        const k = reachedMentees[fNext];
        const base = reachedDist[fNext] + profit[k];
        const held = heldEdge[k];
        for (let e = start[k], end = start[k + 1]; e < end; e++) {
          if (e === held) continue;
          const j = mentor[e];
          if (fDone[j] === 1) continue;
          const d = base + price[j] - edgeWeight[e];
          fWork++;
          if (d >= fDist[j] || d >= best) continue;
          if (fDist[j] === Infinity) touchedMentors[fTouched++] = j;
          fDist[j] = d;
          viaMentee[j] = k;
          viaEdge[j] = e;
          const back = backMentorDist[j];
          if (back !== Infinity) {
            if (d + back < best) {
              best = d + back;
              how = 2;
              meet = j;
            }
            if (back === 0) continue; // a free seat: nothing past it is cheaper
          }
          fHeap.push(j);
        }
      }
      for (; backward && bNext < bMentors; bNext++) {
        const j = backMentors[bNext];
        const base = backMentorDist[j] + price[j];
        if (!complete && mentorComplete[j] === 0) {
          const cap = backMentorDist[j] + tau + price[j] - priceAt[j] + minProfitChange;
          if (cap < horizon) {
            horizon = cap;
            limit = Math.min(minDrop, horizon);
          }
        }
        const firstSlot = seatStart[j];
        const endSlot = firstSlot + seats[j];
        for (let t = inStart[j], end = inStart[j + 1]; t < end; t++) {
          const k = inMentee[t];
          if (bDone[k] === 1 || placed[k] === 0) continue;
          // k holds a seat of j (its pair is the arc itself), or is unmatched and not i0: no arc.
          const slot = seatOf[k];
          if (slot === -1 ? k !== i0 : slot >= firstSlot && slot < endSlot) continue;
          const d = base + profit[k] - inWeight[t];
          bWork++;
          if (d >= bDist[k] || d >= best || d >= limit) continue;
          if (bDist[k] === Infinity) touchedMentees[bTouched++] = k;
          bDist[k] = d;
          towardMentor[k] = j;
          const ahead = forwardMenteeDist[k];
          if (ahead !== Infinity && ahead + d < best) {
            best = ahead + d;
            how = 3;
            meet = k;
          }
          bHeap.push(k);
        }
      }
      const topF = fHeap.size === 0 ? Infinity : fDist[fHeap.peek()];
      const topB = !backward ? 0 : bHeap.size === 0 ? limit : Math.min(bDist[bHeap.peek()], limit);
      if (topF + topB >= best) break;
      if (!backward && fWork > oneWay) {
        backward = true;
        const index = this.searchIndex();
        inStart = index.start;
        inMentee = index.mentee;
        inWeight = index.weight;
        complete = index.complete;
        tau = index.tau;
        priceAt = index.priceAt;
        mentorComplete = index.mentorComplete;
        minProfitChange = index.minProfitChange;
        minDrop = Infinity;
        for (let k = 0; k < this.menteeCount; k++)
          if (heldEdge[k] !== -1 && profit[k] < minDrop) minDrop = profit[k];
        limit = Math.min(minDrop, horizon);
        continue;
      }
      if (topF !== Infinity && (!backward || topB >= limit || fWork <= bWork)) {
        const j = fHeap.pop();
        const dj = fDist[j];
        fDone[j] = 1;
        for (let s = seatStart[j], last = s + load[j]; s < last; s++) {
          const k = seatMentee[s];
          reachedMentees[reached] = k;
          reachedDist[reached++] = dj;
          forwardMenteeDist[k] = dj;
          if (dj + profit[k] < best) {
            best = dj + profit[k];
            how = 1;
            meet = k;
          }
          const back = bDist[k];
          if (back !== Infinity && dj + back < best) {
            best = dj + back;
            how = 3;
            meet = k;
          }
        }
      } else {
        const k = bHeap.pop();
        const dk = bDist[k];
        bDone[k] = 1;
        if (k === i0) continue; // met i0 itself (recorded when labelled): nothing lies behind it
        const j = mentor[heldEdge[k]];
        if (backMentorDist[j] !== Infinity) continue;
        backMentorDist[j] = dk;
        backMentorVia[j] = k;
        backMentors[bMentors++] = j;
        const ahead = fDist[j];
        if (ahead !== Infinity && ahead + dk < best) {
          best = ahead + dk;
          how = 2;
          meet = j;
        }
      }
    }

    const topF = fHeap.size === 0 ? Infinity : fDist[fHeap.peek()];
    const rF = Math.min(topF, best);
    const rB = best - rF;

    // Prices: every mentor by r_b, then the forward and backward corrections.
    if (rB !== 0) for (let j = 0; j < this.mentorCount; j++) price[j] += rB;
    for (let t = 0; t < fTouched; t++) {
      const j = touchedMentors[t];
      // A mentor settled before a shorter path turned up elsewhere can lie past r_f: no shift.
      if (fDone[j] === 1 && fDist[j] < rF) price[j] += rF - fDist[j];
    }
    for (let t = 0; t < bMentors; t++) {
      const j = backMentors[t];
      price[j] += Math.min(backMentorDist[j], rB) - rB;
    }

    // Augment: list the moves along the path (mentee, edge it takes; edge -1: it leaves), then apply.
    const moves = this.moveMentee;
    const edges = this.moveEdge;
    let count = 0;
    if (how === 1 || how === 3) {
      // The forward part ends at mentee `meet`, who leaves the mentor it holds (or is i0).
      if (meet !== i0) {
        moves[count] = meet;
        edges[count++] = -1;
        count = this.forwardMoves(i0, mentor[heldEdge[meet]], count);
      }
      if (how === 3) {
        // Then it moves backward toward a free seat: into towardMentor, whose path continues.
        moves[count] = meet;
        edges[count++] = this.edgeTo(meet, towardMentor[meet]);
        count = this.backwardMoves(towardMentor[meet], count);
      }
    } else if (how === 2) {
      count = this.forwardMoves(i0, meet, count);
      count = this.backwardMoves(meet, count);
    }
    // A mentee listed to leave and then to take an edge (meet at a mentee) takes the edge.
    for (let t = 0; t < count; t++) {
      const k = moves[t];
      if (heldEdge[k] !== -1) {
        this.removeSeat(k, mentor[heldEdge[k]]);
        heldEdge[k] = -1;
      }
    }
    for (let t = 0; t < count; t++) {
      const e = edges[t];
      if (e === -1) continue;
      const k = moves[t];
      heldEdge[k] = e;
      this.addSeat(k, mentor[e]);
    }

    // Profits: with r_b = 0 only the forward side's mentees and the path's moved; else everyone's.
    if (rB === 0) {
      for (let t = 0; t < reached; t++) this.tighten(reachedMentees[t]);
      for (let t = 0; t < count; t++) this.tighten(moves[t]);
      this.noteProfitChanges(reachedMentees, reached);
      this.noteProfitChanges(moves, count);
    } else {
      for (let k = 0; k < this.menteeCount; k++) if (placed[k] === 1) this.tighten(k);
      if (this.near !== null) this.near.rise += rB;
      this.noteProfitChanges(null, 0);
    }

    fHeap.clear();
    bHeap.clear();
    for (let t = 0; t < fTouched; t++) {
      const j = touchedMentors[t];
      fDist[j] = Infinity;
      fDone[j] = 0;
    }
    for (let t = 0; t < reached; t++) forwardMenteeDist[reachedMentees[t]] = Infinity;
    for (let t = 0; t < bTouched; t++) {
      const k = touchedMentees[t];
      bDist[k] = Infinity;
      bDone[k] = 0;
    }
    for (let t = 0; t < bMentors; t++) backMentorDist[backMentors[t]] = Infinity;
  }

  /** A placed mentee's profit: its held pair's weight minus the price, or 0 when unmatched. */
  private tighten(k: number): void {
    const held = this.heldEdge[k];
    this.profit[k] = held === -1 ? 0 : this.edgeWeight[held] - this.price[this.mentor[held]];
  }

  /** The forward search's moves that end at mentor `j` (its chain back to i0), appended at `count`. */
  private forwardMoves(i0: number, j: number, count: number): number {
    for (;;) {
      const k = this.viaMentee[j];
      this.moveMentee[count] = k;
      this.moveEdge[count++] = this.viaEdge[j];
      if (k === i0) return count;
      j = this.mentor[this.heldEdge[k]];
    }
  }

  /** The backward search's moves from mentor `j` to its free seat, appended at `count`. */
  private backwardMoves(j: number, count: number): number {
    for (let k = this.backMentorVia[j]; k !== -1; k = this.backMentorVia[j]) {
      this.moveMentee[count] = k;
      j = this.towardMentor[k];
      this.moveEdge[count++] = this.edgeTo(k, j);
    }
    return count;
  }

  /**
   * Mentor j0 has a free seat at a positive price: Dijkstra backwards from that seat over mentees (a
   * mentee's label is the reduced cost of moving it into the seat's chain). Ends at the cheapest of:
   * an unmatched mentee who joins (its label), a mentor who gives up a seat (its label + its price),
   * or j0 cutting its price to 0 (its price). Then shifts the duals the other way and re-tightens the
   * pairs of every mentor whose price fell.
   */
  repair(j0: number): void {
    if (!this.repairWith(j0, this.searchIndex())) this.repairWith(j0, this.fullIndex());
  }

  /** `repair` on one mentor-side index; false (and nothing changed) when its answer lies past the horizon. */
  private repairWith(j0: number, index: NearTightIndex): boolean {
    const { mentor, edgeWeight, price, profit, heldEdge, seatStart, seats, seatOf } = this;
    const {
      start: inStart,
      mentee: inMentee,
      weight: inWeight,
      complete,
      tau,
      priceAt,
      mentorComplete,
    } = index;
    const minProfitChange = index.minProfitChange;
    let horizon = Infinity;
    const { menteeDist: dist, menteeHeap: heap, towardMentor, menteeDone: done } = this;
    const { touchedMentees, mentorDist, viaMentee: mentorVia, touchedMentors } = this;
    let touched = 0;
    let reachedMentors = 0;
    let bound = price[j0];
    let endMentee = -1; // an unmatched mentee that joins
    let endMentor = j0; // a mentor that gives up a seat (j0: only its price falls)

    // Reached mentors are relaxed in the order they were reached (j0 first), as in the forward search.
    mentorDist[j0] = 0;
    touchedMentors[reachedMentors++] = j0;
    let next = 0;
    for (;;) {
      for (; next < reachedMentors; next++) {
        const j = touchedMentors[next];
        const at = mentorDist[j];
        const pj = price[j];
        if (j !== j0 && at + pj < bound) {
          bound = at + pj;
          endMentor = j;
          endMentee = -1;
        }
        const base = at + pj;
        if (!complete && mentorComplete[j] === 0) {
          const cap = at + tau + pj - priceAt[j] + minProfitChange;
          if (cap < horizon) horizon = cap;
        }
        const firstSlot = seatStart[j];
        const endSlot = firstSlot + seats[j];
        for (let t = inStart[j], end = inStart[j + 1]; t < end; t++) {
          const k = inMentee[t];
          if (done[k] === 1) continue;
          const slot = seatOf[k]; // k holds a seat of j: its pair is the arc itself
          if (slot >= firstSlot && slot < endSlot) continue;
          const d = base + profit[k] - inWeight[t];
          if (d >= dist[k] || d >= bound) continue;
          if (dist[k] === Infinity) touchedMentees[touched++] = k;
          dist[k] = d;
          towardMentor[k] = j;
          heap.push(k);
        }
      }
      if (heap.size === 0 || dist[heap.peek()] >= bound) break;
      const k = heap.pop();
      const dk = dist[k];
      done[k] = 1;
      const held = heldEdge[k];
      if (held === -1) {
        bound = dk;
        endMentee = k;
        endMentor = -1;
        break;
      }
      const j = mentor[held];
      if (mentorDist[j] === Infinity) {
        mentorVia[j] = k;
        mentorDist[j] = dk;
        touchedMentors[reachedMentors++] = j;
      }
    }

    if (bound > horizon) {
      // A label at or past the horizon may be too high: nothing is changed, the caller retries.
      for (let t = 0; t < reachedMentors; t++) mentorDist[touchedMentors[t]] = Infinity;
      heap.clear();
      for (let t = 0; t < touched; t++) {
        const kk = touchedMentees[t];
        dist[kk] = Infinity;
        done[kk] = 0;
      }
      return false;
    }
    for (let t = 0; t < touched; t++) {
      const k = touchedMentees[t];
      if (done[k]) profit[k] += bound - dist[k];
    }
    for (let t = 0; t < reachedMentors; t++) {
      const j = touchedMentors[t];
      price[j] -= bound - mentorDist[j];
    }

    // Augment: from the end toward j0, each mentee moves into the mentor it was reached from.
    let k = endMentee !== -1 ? endMentee : endMentor !== j0 ? mentorVia[endMentor] : -1;
    while (k !== -1) {
      const to = towardMentor[k];
      const next = to === j0 ? -1 : mentorVia[to];
      if (heldEdge[k] !== -1) this.removeSeat(k, mentor[heldEdge[k]]);
      if (next !== -1) {
        this.removeSeat(next, to);
        heldEdge[next] = -1;
      }
      this.addSeat(k, to);
      heldEdge[k] = this.edgeTo(k, to);
      k = next;
    }

    // A mentor whose price fell keeps its pairs tight: its holders' profits rise by as much.
    for (let t = 0; t < reachedMentors; t++) {
      const j = touchedMentors[t];
      for (let s = this.seatStart[j], last = s + this.load[j]; s < last; s++) {
        const holder = this.seatMentee[s];
        profit[holder] = edgeWeight[heldEdge[holder]] - price[j];
      }
      mentorDist[j] = Infinity;
    }
    heap.clear();
    for (let t = 0; t < touched; t++) {
      const kk = touchedMentees[t];
      dist[kk] = Infinity;
      done[kk] = 0;
    }
    return true;
  }
}
