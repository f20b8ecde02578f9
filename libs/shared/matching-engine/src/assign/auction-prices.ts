import type { SeatMarket } from './seat-market';
import type { SolveProgress } from './solve-control';

/** ε shrinks this much per phase; the first phase uses the largest weight / PHASE_FACTOR. */
const PHASE_FACTOR = 8;
/** The last phase's ε in points: fine enough that the exact finish has little left to do. */
const FINAL_EPSILON_POINTS = 8;
/** Bids per phase at most this many per mentee: a safety net, the exact finish does the rest. */
const BIDS_PER_MENTEE = 64;
/** Reverse bids at most this many per seat, for the same reason. */
const REVERSE_BIDS_PER_SEAT = 4;
/** Bids between two progress checkpoints. */
const CHECKPOINT_BIDS = 4096;

/**
 * Near-equilibrium seat prices for `market`, by an ε-scaling auction (Bertsekas): mentees bid for the
 * cheapest seat of their best mentor, raising its price to where their second-best option is as good,
 * plus ε. Only the prices are kept: they warm-start the exact finish (`SeatMarket`), which is right
 * from any prices, so nothing here affects the optimum, only how much searching is left.
 *
 * Three habits keep it from price wars in any regime: a bid never prices a seat above the bidder's
 * own weight (staying unmatched is worth 0); each phase starts from the previous prices lowered by
 * the previous ε (a winning bid overshoots by up to ε); and the last phase lowers the price of every
 * seat left empty (reverse bids), so seats nobody wants at their price do not keep it.
 */
export function* auctionPrices(market: SeatMarket): Generator<SolveProgress, void> {
  const { start, mentor, points, perPoint, perPair, seats, menteeCount: m, mentorCount: n } = market;
  const slotStart = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) slotStart[j + 1] = slotStart[j] + seats[j];
  const slotCount = slotStart[n];
  const slotPrice = new Float64Array(slotCount);
  const slotHolder = new Int32Array(slotCount);
  // Per mentor: its cheapest seat, that seat's price and the next cheapest price (Infinity if none).
  const cheapest = new Int32Array(n).fill(-1);
  const minPrice = new Float64Array(n).fill(Infinity);
  const secondPrice = new Float64Array(n).fill(Infinity);
  const refresh = (j: number): void => {
    let best = -1;
    let low = Infinity;
    let second = Infinity;
    for (let t = slotStart[j], end = slotStart[j + 1]; t < end; t++) {
      const p = slotPrice[t];
      if (p < low) {
        second = low;
        low = p;
        best = t;
      } else if (p < second) second = p;
    }
    cheapest[j] = best;
    minPrice[j] = low;
    secondPrice[j] = second;
  };
  const heldEdge = new Int32Array(m);
  const heldSlot = new Int32Array(m);

  let maxWeight = 0;
  let active = 0;
  for (let i = 0; i < m; i++) if (start[i + 1] > start[i]) active++;
  for (let e = 0; e < mentor.length; e++) maxWeight = Math.max(maxWeight, market.weight(e));
  const finalEpsilon = Math.max(1, FINAL_EPSILON_POINTS * perPoint);
  const phases: number[] = [];
  for (let eps = maxWeight / PHASE_FACTOR; eps > finalEpsilon; eps /= PHASE_FACTOR)
    phases.push(Math.floor(eps));
  phases.push(finalEpsilon);

  const queue = new Int32Array(m + 1);
  const bidBudget = BIDS_PER_MENTEE * active + 1024;
  let previous = 0;
  for (let phase = 0; phase < phases.length; phase++) {
    const epsilon = phases[phase];
    for (let t = 0; t < slotCount; t++) slotPrice[t] = Math.max(0, slotPrice[t] - previous);
    previous = epsilon;
    for (let j = 0; j < n; j++) refresh(j);
    slotHolder.fill(-1);
    heldEdge.fill(-1);
    heldSlot.fill(-1);
    let head = 0;
    let size = 0;
    for (let i = 0; i < m; i++) if (start[i + 1] > start[i]) queue[size++] = i;
    let tail = size % queue.length;
    let bids = 0;
    while (size > 0 && bids < bidBudget) {
      const i = queue[head];
      head = head + 1 === queue.length ? 0 : head + 1;
      size--;
      let best = 0; // staying unmatched is worth 0
      let second = 0;
      let bestEdge = -1;
      for (let e = start[i], end = start[i + 1]; e < end; e++) {
        const j = mentor[e];
        const w = points[e] * perPoint + perPair;
        const value = w - minPrice[j];
        if (value > best) {
          const sameMentor = w - secondPrice[j];
          second = best > sameMentor ? best : sameMentor;
          best = value;
          bestEdge = e;
        } else if (value > second) second = value;
      }
      if (bestEdge === -1) continue;
      const j = mentor[bestEdge];
      const t = cheapest[j];
      const evicted = slotHolder[t];
      slotPrice[t] = points[bestEdge] * perPoint + perPair - Math.max(0, second - epsilon);
      slotHolder[t] = i;
      heldEdge[i] = bestEdge;
      heldSlot[i] = t;
      refresh(j);
      if (evicted !== -1) {
        heldEdge[evicted] = -1;
        heldSlot[evicted] = -1;
        queue[tail] = evicted;
        tail = tail + 1 === queue.length ? 0 : tail + 1;
        size++;
      }
      if (++bids % CHECKPOINT_BIDS === 0) yield { phase: 'prices', fraction: phase / phases.length };
    }
    if (phase === phases.length - 1) {
      reverseBids(market, epsilon, slotStart, slotPrice, slotHolder, heldEdge, heldSlot);
      for (let j = 0; j < n; j++) refresh(j);
    }
    yield { phase: 'prices', fraction: (phase + 1) / phases.length };
  }
  for (let j = 0; j < n; j++) {
    // The cheapest seat's price, less the last overshoot; an empty mentor starts at 0.
    market.price[j] = cheapest[j] === -1 ? 0 : Math.max(0, minPrice[j] - previous);
  }
}

/**
 * Reverse bids (Bertsekas-Castañón): an empty seat with a positive price lowers it to where it
 * attracts the mentee that gains most (who leaves its old seat, which may then do the same), or to 0.
 * The mentor's other seats fall to the same price, so a mentee never moves between two seats of one
 * mentor.
 */
function reverseBids(
  market: SeatMarket,
  epsilon: number,
  slotStart: Int32Array,
  slotPrice: Float64Array,
  slotHolder: Int32Array,
  heldEdge: Int32Array,
  heldSlot: Int32Array,
): void {
  const { mentor, points, perPoint, perPair, inStart, inEdge, inMentee, mentorCount: n } = market;
  const slotMentor = new Int32Array(slotPrice.length);
  for (let j = 0; j < n; j++) slotMentor.fill(j, slotStart[j], slotStart[j + 1]);
  const gain = (i: number): number =>
    heldEdge[i] === -1 ? 0 : points[heldEdge[i]] * perPoint + perPair - slotPrice[heldSlot[i]];
  const stack: number[] = [];
  for (let t = slotPrice.length - 1; t >= 0; t--) if (slotHolder[t] === -1 && slotPrice[t] > 0) stack.push(t);
  // Cut prices can chase each other down in ε steps for long; past the budget the exact repair takes over.
  for (
    let budget = REVERSE_BIDS_PER_SEAT * slotPrice.length + 1024;
    stack.length > 0 && budget > 0;
    budget--
  ) {
    const t = stack.pop() as number;
    if (slotHolder[t] !== -1 || slotPrice[t] === 0) continue;
    const j = slotMentor[t];
    let best = -Infinity;
    let second = -Infinity;
    let bestAt = -1;
    for (let q = inStart[j], end = inStart[j + 1]; q < end; q++) {
      const i = inMentee[q];
      if (heldEdge[i] !== -1 && mentor[heldEdge[i]] === j) continue;
      const value = points[inEdge[q]] * perPoint + perPair - gain(i);
      if (value > best) {
        second = best;
        best = value;
        bestAt = q;
      } else if (value > second) second = value;
    }
    const attracts = bestAt !== -1 && best >= epsilon;
    const price = attracts ? Math.max(0, second - epsilon) : 0;
    for (let q = slotStart[j]; q < slotStart[j + 1]; q++) if (slotPrice[q] > price) slotPrice[q] = price;
    if (!attracts) continue;
    const i = inMentee[bestAt];
    const oldSlot = heldSlot[i];
    slotHolder[t] = i;
    heldEdge[i] = inEdge[bestAt];
    heldSlot[i] = t;
    if (oldSlot !== -1) {
      slotHolder[oldSlot] = -1;
      if (slotPrice[oldSlot] > 0) stack.push(oldSlot);
    }
  }
}
