/**
 * Mentor rows: the search graph of a warm re-solve in a market of few mentors with many seats each
 * (group-like programs), contracted to the mentors.
 *
 * Why. In such a market a search from a mentee (`SeatMarket.searchFromMentee`) that settles a mentor
 * reaches all its holders and relaxes every candidate pair of each: about 35 holders x 50 pairs for
 * one mentor of the large-capacity family, so a search that ends at a drop relaxes up to half the
 * round's pairs (traced: 240,000 at 10,000 x 286, for each of the 21 mentees a halved capacity
 * leaves without a seat). Contracted to mentors the same search is a Dijkstra on a dense graph of
 * `n` nodes: settling a mentor reads one row of `n` entries.
 *
 * Why it is the same search. A holder k of mentor a holds a tight pair: profit[k] = w(k, a) - price[a].
 * Its pair to mentor b has reduced cost profit[k] + price[b] - w(k, b) = price[b] - price[a] +
 * (w(k, a) - w(k, b)). The cheapest arc from a's holders to b therefore costs
 * price[b] - price[a] + cost[a][b] with cost[a][b] = min over a's holders of w(k, a) - w(k, b), which
 * does not depend on the prices: the dual updates of the searches leave the rows valid, and only a
 * move of a holder (the augmenting path) changes the rows of the mentors it leaves and joins. A drop
 * from a costs its cheapest holder's profit, dropWeight[a] - price[a].
 */
export class MentorRows {
  /** cost[a * n + b]: min over a's holders k with a pair to b of w(k, a) - w(k, b); Infinity: none. */
  readonly cost: Float64Array;
  /** The holder of a that attains cost[a * n + b]. */
  readonly holder: Int32Array;
  /** Smallest weight of a pair held at a (Infinity without holders), and its holder. */
  readonly dropWeight: Float64Array;
  readonly dropMentee: Int32Array;

  constructor(readonly mentorCount: number) {
    this.cost = new Float64Array(mentorCount * mentorCount);
    this.holder = new Int32Array(mentorCount * mentorCount);
    this.dropWeight = new Float64Array(mentorCount);
    this.dropMentee = new Int32Array(mentorCount);
  }

  /**
   * Row `a` from its holders seatMentee[first .. first + count - 1]: every pair of each but the held
   * one (`heldEdge`), in seat order (the first holder attaining a minimum keeps it: deterministic).
   */
  fill(
    a: number,
    seatMentee: Int32Array,
    first: number,
    count: number,
    start: Int32Array,
    mentor: Int32Array,
    edgeWeight: Float64Array,
    heldEdge: Int32Array,
  ): void {
    const { cost, holder } = this;
    const n = this.mentorCount;
    const row = a * n;
    cost.fill(Infinity, row, row + n);
    let drop = Infinity;
    let dropMentee = -1;
    for (let s = first, last = first + count; s < last; s++) {
      const k = seatMentee[s];
      const held = heldEdge[k];
      const w = edgeWeight[held];
      if (w < drop) {
        drop = w;
        dropMentee = k;
      }
      for (let e = start[k], end = start[k + 1]; e < end; e++) {
        if (e === held) continue;
        const at = row + mentor[e];
        const value = w - edgeWeight[e];
        if (value < cost[at]) {
          cost[at] = value;
          holder[at] = k;
        }
      }
    }
    this.dropWeight[a] = drop;
    this.dropMentee[a] = dropMentee;
  }
}

/**
 * Whether a warm re-solve should search over mentor rows: few mentors (the rows, n x n entries, stay
 * small), each with many candidate pairs (a settled mentor's holders have more pairs than a row has
 * entries, so a row is the cheaper read), and a round large enough that it matters (below, the
 * pair-by-pair searches are short anyway and stay the path the small property tests exercise most).
 * The caller also asks for no free seat: where seats are free, the two-way searches end soon and
 * building the rows (n x n entries and a pass over the held mentees' pairs) costs more than it saves
 * (measured on large-capacity after 20 changed pairs: 11.3 ms pair by pair, 15.7 over rows, 5k).
 */
export function mentorRowsPay(menteeCount: number, mentorCount: number, edges: number): boolean {
  return (
    menteeCount >= MENTOR_ROWS_MIN_MENTEES &&
    mentorCount <= MENTOR_ROWS_MAX_MENTORS &&
    edges >= 2 * mentorCount * mentorCount
  );
}

/** At most this many mentors (rows of 8 MiB at most). */
export const MENTOR_ROWS_MAX_MENTORS = 1024;
/** Rounds of fewer mentees keep the pair-by-pair searches. */
export const MENTOR_ROWS_MIN_MENTEES = 2000;
