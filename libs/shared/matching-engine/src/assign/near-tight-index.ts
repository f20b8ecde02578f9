/**
 * The mentor-side index a warm re-solve's backward searches read, holding only the pairs they can
 * need: the pairs whose reduced cost `profit[k] + price[j] - weight` was at most `tau` when it was
 * collected, every pair of a mentee still to be placed, and every pair of a mentor with a free seat
 * (the backward searches start there). Collected in one sequential pass over the mentees' edges
 * (the reads a warm start makes anyway) and a counting sort of what passed, about an eighth of the
 * edges, instead of the counting sort of every edge (scattered writes: a fifth of a capacity-1 warm
 * solve, as much as all its fixed work).
 *
 * Why it stays exact. A pair left out had reduced cost above `tau` at collection; since then its
 * reduced cost changed by the change of its mentor's price plus the change of its mentee's profit,
 * so it is now at least `tau + (price[j] - priceAt[j]) + minProfitChange`, where `minProfitChange`
 * is a lower bound of every listed-as-partial mentee's profit change (kept by the market after each
 * search). A search that relaxes mentor j's pairs at label `a` therefore misses nothing below
 * `cap(j) = a + tau + price[j] - priceAt[j] + minProfitChange`; it treats the smallest such cap as a
 * horizon (like the smallest drop-out profit): labels below it are exact, and a search whose answer
 * lies beyond it falls back to the full index. Once the profits have drifted by half of `tau`
 * (beyond the uniform rise that cancels against the prices, `rise`), the index is collected again
 * at the current prices.
 */
export interface NearTightIndex {
  /** Pairs of mentor j: start[j] .. start[j + 1] - 1 of `mentee` and `weight`. */
  readonly start: Int32Array;
  readonly mentee: Int32Array;
  readonly weight: Float64Array;
  /** Every pair is in it (the full index): no horizon. */
  readonly complete: boolean;
  readonly tau: number;
  /** Prices and profits when collected. */
  readonly priceAt: Float64Array;
  readonly profitAt: Float64Array;
  /** 1: every pair of this mentor is listed (a free seat at collection). */
  readonly mentorComplete: Uint8Array;
  /** 1: every pair of this mentee is listed (not yet placed at collection); left out of the bound. */
  readonly menteeComplete: Uint8Array;
  /** Lower bound of profit[k] - profitAt[k] over the other placed mentees (the market keeps it). */
  minProfitChange: number;
  /** Sum of the uniform price rises since collection (searches that rise the whole market). */
  rise: number;
}

/** Share of the pairs the index aims to hold (the quantile of reduced costs `tau` is set at). */
export const NEAR_SHARE = 1 / 8;
/** Mentees sampled (evenly spaced) to estimate that quantile. */
const SAMPLE_MENTEES = 128;
/** At most this many of their pairs. */
const SAMPLE_PAIRS = 4096;

const EMPTY_VALUES = new Float64Array(0);
const EMPTY_FLAGS = new Uint8Array(0);

/** The full mentor-side index seen as a near-tight one with no horizon. */
export function completeIndex(start: Int32Array, mentee: Int32Array, weight: Float64Array): NearTightIndex {
  return {
    start,
    mentee,
    weight,
    complete: true,
    tau: Infinity,
    priceAt: EMPTY_VALUES,
    profitAt: EMPTY_VALUES,
    mentorComplete: EMPTY_FLAGS,
    menteeComplete: EMPTY_FLAGS,
    minProfitChange: 0,
    rise: 0,
  };
}

/**
 * Collects the near-tight pairs during the warm start's pass over every mentee's edges (while they
 * are in cache): `push` for each pair of a mentee placed at the previous prices whose reduced cost
 * is at most tau (the market's `noteWants` checks), `noteAll` for a mentee still to be placed. `finish` sorts what was listed by mentor.
 */
export class NearTightCollector {
  private listEdge: Int32Array;
  private listMentee: Int32Array;
  private listed = 0;
  private readonly menteeComplete: Uint8Array;

  constructor(
    menteeCount: number,
    edges: number,
    /** Reduced costs up to this are listed (`sampleTau`). */
    readonly tau: number,
  ) {
    // Sized for an eighth of the edges (grown if more pass); only the written part is ever touched.
    const size = Math.max(1024, Math.ceil(edges * NEAR_SHARE * 1.5));
    this.listEdge = new Int32Array(size);
    this.listMentee = new Int32Array(size);
    this.menteeComplete = new Uint8Array(menteeCount);
  }

  /** Lists every pair of mentee k (not placed yet: its profit is not known). */
  noteAll(k: number, start: Int32Array): void {
    this.menteeComplete[k] = 1;
    for (let e = start[k], end = start[k + 1]; e < end; e++) this.push(e, k);
  }

  /** Whether every pair of mentee k is listed (`noteAll`). */
  listsAll(k: number): boolean {
    return this.menteeComplete[k] === 1;
  }

  /** Lists pair e of mentee k (the caller checked its reduced cost). */
  push(e: number, k: number): void {
    if (this.listed === this.listEdge.length) {
      const edge = new Int32Array(this.listed * 2);
      edge.set(this.listEdge);
      this.listEdge = edge;
      const mentee = new Int32Array(this.listed * 2);
      mentee.set(this.listMentee);
      this.listMentee = mentee;
    }
    this.listEdge[this.listed] = e;
    this.listMentee[this.listed++] = k;
  }

  /** The index, given the prices and profits the reduced costs were taken at. */
  finish(
    mentorCount: number,
    mentor: Int32Array,
    edgeWeight: Float64Array,
    priceAt: Float64Array,
    profitAt: Float64Array,
    /** 1 for a mentor all of whose pairs were listed (`noteMentors`); default none. */
    mentorComplete: Uint8Array = new Uint8Array(mentorCount),
  ): NearTightIndex {
    const { listEdge, listMentee, listed } = this;
    const n = mentorCount;
    const start = new Int32Array(n + 1);
    for (let t = 0; t < listed; t++) start[mentor[listEdge[t]] + 1]++;
    for (let j = 0; j < n; j++) start[j + 1] += start[j];
    const mentee = new Int32Array(listed);
    const weight = new Float64Array(listed);
    const fill = start.slice(0, n);
    for (let t = 0; t < listed; t++) {
      const e = listEdge[t];
      const at = fill[mentor[e]]++;
      mentee[at] = listMentee[t];
      weight[at] = edgeWeight[e];
    }
    return {
      start,
      mentee,
      weight,
      complete: false,
      tau: this.tau,
      priceAt,
      profitAt,
      mentorComplete,
      menteeComplete: this.menteeComplete,
      minProfitChange: 0,
      rise: 0,
    };
  }
}

/** Whether the profits drifted so far that the index's horizon is mostly gone (use the full index). */
export function drifted(index: NearTightIndex): boolean {
  return !index.complete && index.tau + index.minProfitChange + index.rise < index.tau / 2;
}

/** What `sampleTau` found: the threshold, and the share of the sampled pairs at or below it. */
export interface NearThreshold {
  readonly tau: number;
  /** Share of the sampled pairs with reduced cost at most `tau` (ties at tau make it exceed `share`). */
  readonly listedShare: number;
}

/**
 * Ties at the threshold can make the index hold far more than its share: with every pair tied (all
 * points equal) or two point levels, the sampled threshold is 0 and half or more of the pairs are
 * tight, so the index would be most of the full one, collected at a higher cost (a push per pair,
 * then the counting sort), and it drifts with the first searches, after which the full index is
 * built anyway. Above this share of the sample the warm start collects none (a search builds the
 * full index when it first needs one).
 */
export const NEAR_SHARE_LIMIT = 2 * NEAR_SHARE;

/**
 * The reduced cost below which `share` (default `NEAR_SHARE`) of the pairs lie, at these prices, each
 * mentee taking its best value as profit (as the warm start does), over a sample of evenly spaced
 * mentees; and the share of the sample at or below it.
 */
export function sampleTau(
  menteeCount: number,
  start: Int32Array,
  mentor: Int32Array,
  edgeWeight: Float64Array,
  price: Float64Array,
  share = NEAR_SHARE,
): NearThreshold {
  const step = Math.max(1, Math.floor(menteeCount / SAMPLE_MENTEES));
  const sample = new Float64Array(SAMPLE_PAIRS);
  let size = 0;
  for (let k = 0; k < menteeCount && size < SAMPLE_PAIRS; k += step) {
    const first = size;
    let best = 0;
    for (let e = start[k], end = start[k + 1]; e < end && size < SAMPLE_PAIRS; e++) {
      const value = edgeWeight[e] - price[mentor[e]];
      if (value > best) best = value;
      sample[size++] = value;
    }
    for (let t = first; t < size; t++) sample[t] = best - sample[t];
  }
  if (size === 0) return { tau: 0, listedShare: 0 };
  // The quantile by selection, not a sort of the sample (a sort was 3 % of a capacity-1 warm solve).
  const tau = selectSmallest(sample, size, Math.min(size - 1, Math.floor(size * share)));
  let listed = 0;
  for (let t = 0; t < size; t++) if (sample[t] <= tau) listed++;
  return { tau, listedShare: listed / size };
}

/** The value of rank `rank` (0: the smallest) among values[0..size-1], which it reorders (quickselect). */
function selectSmallest(values: Float64Array, size: number, rank: number): number {
  let low = 0;
  let high = size - 1;
  while (low < high) {
    const pivot = values[(low + high) >> 1];
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const swap = values[i];
        values[i++] = values[j];
        values[j--] = swap;
      }
    }
    if (rank <= j) high = j;
    else if (rank >= i) low = i;
    else return values[rank];
  }
  return values[rank];
}
