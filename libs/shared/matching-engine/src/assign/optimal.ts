import { auctionPrices } from './auction-prices';
import {
  finishAssignment,
  prepareRound,
  type Assignment,
  type AssignmentObjective,
  type AssignmentOptions,
  type CandidateGraph,
  type PreparedRound,
} from './candidate-graph';
import { mentorRowsPay } from './mentor-rows';
import { NEAR_SHARE, NEAR_SHARE_LIMIT, sampleTau } from './near-tight-index';
import { pairWeights } from './pair-weights';
import { SeatMarket } from './seat-market';
import { runSteps, runStepsAsync, type SolveControl, type SolveProgress } from './solve-control';

/**
 * What a solve leaves for the next one on the same round: the seat prices (dual values) at the
 * optimum and the assignment. Pass it back as `warmStart` after a coordinator fixes or forbids pairs
 * or changes a capacity: the re-solve keeps every pair that is still optimal at those prices and
 * searches only around the changes. Same optimum as a cold solve, by construction.
 */
export interface WarmStart {
  readonly objective: AssignmentObjective;
  readonly menteeCount: number;
  readonly mentorCount: number;
  /** Seat price per mentor, in the objective's integer weights (see pair-weights.ts). */
  readonly prices: Float64Array;
  readonly mentorOf: Int32Array;
}

export interface OptimalAssignment extends Assignment {
  warmStart: WarmStart;
}

export interface OptimalOptions extends AssignmentOptions, SolveControl {
  /** A previous solve of the same round (same mentees and mentors); ignored if it does not fit. */
  warmStart?: WarmStart;
}

/**
 * Exact bulk assignment: the maximum total score (or the most pairs, then the best score) under
 * mentor capacities, with fixed and forbidden pairs. Cold solves warm-start their prices with an
 * auction (auction-prices.ts); the exact work is the successive-shortest-path market (seat-market.ts).
 * Deterministic: the same input gives the same assignment.
 */
export function assignOptimal(graph: CandidateGraph, options: OptimalOptions = {}): OptimalAssignment {
  return solveOptimal(prepareRound(graph, options), options);
}

/** `assignOptimal` that yields to the event loop while it works, so a signal can abort it from outside. */
export async function assignOptimalAsync(
  graph: CandidateGraph,
  options: OptimalOptions = {},
): Promise<OptimalAssignment> {
  const round = prepareRound(graph, options);
  return runStepsAsync(optimalSteps(round, options.objective ?? 'max-score', options.warmStart), options);
}

/** The exact solve on an already prepared round (which it only reads); see `assignOptimal`. */
export function solveOptimal(
  round: PreparedRound,
  options: Omit<OptimalOptions, 'fixed' | 'forbidden'> = {},
): OptimalAssignment {
  return runSteps(optimalSteps(round, options.objective ?? 'max-score', options.warmStart), options);
}

/**
 * The exact solve on a prepared round as a generator of progress checkpoints (for callers that drive
 * several stepwise phases in one loop, like `solveMatchingRound`); `solveOptimal` runs it to its end.
 */
export function solveOptimalSteps(
  round: PreparedRound,
  options: Pick<OptimalOptions, 'objective' | 'warmStart'> = {},
): Generator<SolveProgress, OptimalAssignment> {
  return optimalSteps(round, options.objective ?? 'max-score', options.warmStart);
}

/**
 * `solveOptimal` with the warm start's near-tight index sized at `nearShare` of the pairs instead of
 * `NEAR_SHARE`: for the tests, which make the index's horizon bind (a share near 0) to check that
 * the searches stay exact past it.
 */
export function solveOptimalWithNearShare(
  round: PreparedRound,
  options: Pick<OptimalOptions, 'objective' | 'warmStart'>,
  nearShare: number,
): OptimalAssignment {
  return runSteps(optimalSteps(round, options.objective ?? 'max-score', options.warmStart, nearShare), {});
}

/**
 * How a warm re-solve searches for the pending mentees: 'auto' chooses by the market's shape
 * (`mentorRowsPay`), 'rows' always over mentor rows (mentor-rows.ts), 'pairs' pair by pair
 * (`SeatMarket.insertWarm`).
 */
export type WarmSearch = 'auto' | 'rows' | 'pairs';

/**
 * `solveOptimal` with the warm searches forced to one kind: for the tests, which check both on
 * every family (by default the small rounds of the tests search pair by pair).
 */
export function solveOptimalWithWarmSearch(
  round: PreparedRound,
  options: Pick<OptimalOptions, 'objective' | 'warmStart'>,
  warmSearch: WarmSearch,
): OptimalAssignment {
  return runSteps(
    optimalSteps(round, options.objective ?? 'max-score', options.warmStart, NEAR_SHARE, warmSearch),
    {},
  );
}

/** Mentees between two progress checkpoints while placing. */
const CHECKPOINT_MENTEES = 1024;

function* optimalSteps(
  round: PreparedRound,
  objective: AssignmentObjective,
  warmStart: WarmStart | undefined,
  nearShare = NEAR_SHARE,
  warmSearch: WarmSearch = 'auto',
): Generator<SolveProgress, OptimalAssignment> {
  const m = round.graph.menteeCount;
  const n = round.graph.mentorCount;
  const market = new SeatMarket(round, pairWeights(m, objective));
  const fits =
    warmStart !== undefined &&
    warmStart.objective === objective &&
    warmStart.menteeCount === m &&
    warmStart.mentorCount === n;
  const pending = fits ? keepStillOptimal(market, warmStart, nearShare) : coldOrder(round, market);
  if (!fits) yield* auctionPrices(market);
  const byRows =
    fits &&
    pending.length > 0 &&
    (warmSearch === 'rows' ||
      (warmSearch === 'auto' && mentorRowsPay(m, n, round.mentor.length) && !market.anyFreeSeat()));
  if (byRows) market.startMentorRows();
  for (let t = 0; t < pending.length; t++) {
    if (byRows) market.insertByRows(pending[t]);
    else if (fits) market.insertWarm(pending[t]);
    else market.insert(pending[t]);
    if ((t + 1) % CHECKPOINT_MENTEES === 0) yield { phase: 'assignment', fraction: (t + 1) / pending.length };
  }
  if (byRows) market.endMentorRows();
  yield { phase: 'repair', fraction: 0 };
  market.repairAll();
  yield { phase: 'repair', fraction: 1 };
  const assignment = finishAssignment(round, market.heldEdge);
  return {
    ...assignment,
    warmStart: {
      objective,
      menteeCount: m,
      mentorCount: n,
      prices: market.price.slice(),
      mentorOf: assignment.mentorOf.slice(),
    },
  };
}

function coldOrder(round: PreparedRound, market: SeatMarket): Int32Array {
  const order = new Int32Array(market.menteeCount);
  let count = 0;
  for (let i = 0; i < market.menteeCount; i++) if (round.start[i + 1] > round.start[i]) order[count++] = i;
  return order.subarray(0, count);
}

/**
 * Takes the previous prices and keeps each mentee's previous pair where it is still a best choice at
 * those prices (and its mentor still has a seat), or its being unmatched where nothing is worth
 * taking. Those mentees satisfy the market's conditions as they are; the others are returned, to be
 * placed by search. Mentors left with a free seat at a positive price are repaired afterwards.
 */
function keepStillOptimal(market: SeatMarket, warm: WarmStart, nearShare: number): Int32Array {
  const { start, mentor, price } = market;
  price.set(warm.prices);
  // The pairs a backward search may need are listed in the same pass (near-tight-index.ts), unless
  // ties at the threshold would put most pairs in it (NEAR_SHARE_LIMIT).
  const near = sampleTau(market.menteeCount, start, mentor, market.edgeWeight, price, nearShare);
  if (near.listedShare <= NEAR_SHARE_LIMIT) market.startNearCollection(near.tau);
  const pending = new Int32Array(market.menteeCount);
  let count = 0;
  for (let i = 0; i < market.menteeCount; i++) {
    if (start[i + 1] === start[i]) continue;
    const previous = warm.mentorOf[i];
    let best = 0;
    let kept = -1;
    for (let e = start[i], end = start[i + 1]; e < end; e++) {
      const value = market.weight(e) - price[mentor[e]];
      if (value > best) best = value;
      if (mentor[e] === previous) kept = e;
    }
    if (kept !== -1 && market.weight(kept) - price[previous] === best && market.hasFreeSeat(previous)) {
      market.place(i, kept, best);
      market.noteWants(i);
    } else if (previous === -1 && best === 0) {
      market.placeUnmatched(i);
      market.noteWants(i);
    } else {
      pending[count++] = i;
      market.notePending(i);
    }
  }
  market.endNearCollection(warm.prices);
  // Seats freed by the changes still carry the price their old holder paid: cut it where possible,
  // and fill them along tight pairs where that needs no search.
  market.cutPrices();
  return pending.subarray(0, count);
}
