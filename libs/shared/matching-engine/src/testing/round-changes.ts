import type { CandidateGraph, PairRef } from '../assign/candidate-graph';

export interface RoundDecisions {
  graph: CandidateGraph;
  fixed: PairRef[];
  forbidden: PairRef[];
}

/**
 * What a coordinator does between two runs of a round: fixes or forbids up to `pairs` pairs (or
 * lifts earlier decisions), or changes one mentor's capacity. Always returns valid decisions (a
 * mentee fixed at most once, fixed pairs within capacity, no pair both fixed and forbidden).
 * `next` is any source of non-negative integers.
 */
export function changeDecisions(
  round: RoundDecisions,
  change: { kind: 'pairs'; pairs: number } | { kind: 'capacity' },
  next: () => number,
): RoundDecisions {
  const { graph } = round;
  const fixed = [...round.fixed];
  const forbidden = [...round.forbidden];
  if (change.kind === 'capacity') {
    const j = next() % graph.mentorCount;
    const fixedHere = fixed.filter(([, fj]) => fj === j).length;
    const delta = (next() % 2 === 0 ? 1 : -1) * (1 + (next() % 3));
    const capacity = Int32Array.from(graph.capacity);
    capacity[j] = Math.max(fixedHere, capacity[j] + delta);
    return { graph: { ...graph, capacity }, fixed, forbidden };
  }
  const edges = graph.edgeMentee.length;
  const seats = Int32Array.from(graph.capacity);
  for (const [, j] of fixed) seats[j]--;
  const key = ([i, j]: PairRef): number => i * graph.mentorCount + j;
  for (let done = 0, tries = 0; done < change.pairs && tries < 20 * change.pairs; tries++) {
    const roll = next() % 8;
    if (roll === 0 && fixed.length > 0) {
      const [lifted] = fixed.splice(next() % fixed.length, 1);
      seats[lifted[1]]++;
      done++;
      continue;
    }
    if (roll === 1 && forbidden.length > 0) {
      forbidden.splice(next() % forbidden.length, 1);
      done++;
      continue;
    }
    if (edges === 0) break;
    const e = next() % edges;
    const pair: PairRef = [graph.edgeMentee[e], graph.edgeMentor[e]];
    const isFixed = fixed.some(([i]) => i === pair[0]);
    const isForbidden = forbidden.some((p) => key(p) === key(pair));
    if (roll % 2 === 0 && !isFixed && !isForbidden && seats[pair[1]] > 0) {
      fixed.push(pair);
      seats[pair[1]]--;
      done++;
    } else if (roll % 2 === 1 && !isFixed && !isForbidden) {
      forbidden.push(pair);
      done++;
    }
  }
  return { graph, fixed, forbidden };
}

/**
 * The edits that cost a re-solve most, as a coordinator reviewing a proposal makes them: forbid
 * proposed pairs and fix pairs that were not proposed (half each), or cut a full mentor's seats by
 * half. `mentorOf` is the proposal being reviewed.
 */
export function reviseProposal(
  round: RoundDecisions,
  mentorOf: Int32Array,
  change: { kind: 'pairs'; pairs: number } | { kind: 'capacity' },
  next: () => number,
): RoundDecisions {
  const { graph } = round;
  const fixed = [...round.fixed];
  const forbidden = [...round.forbidden];
  const fixedMentee = new Set(fixed.map(([i]) => i));
  const fixedAt = new Int32Array(graph.mentorCount);
  for (const [, j] of fixed) fixedAt[j]++;
  if (change.kind === 'capacity') {
    const load = new Int32Array(graph.mentorCount);
    for (const j of mentorOf) if (j !== -1) load[j]++;
    const full = [...load.keys()].filter((j) => load[j] > 0 && load[j] === graph.capacity[j]);
    if (full.length === 0) return changeDecisions(round, change, next);
    const j = full[next() % full.length];
    const capacity = Int32Array.from(graph.capacity);
    capacity[j] = Math.max(fixedAt[j], capacity[j] - Math.max(1, capacity[j] >> 1));
    return { graph: { ...graph, capacity }, fixed, forbidden };
  }
  const proposed = [...mentorOf.keys()].filter((i) => mentorOf[i] !== -1 && !fixedMentee.has(i));
  for (let k = 0; k < change.pairs >> 1 && proposed.length > 0; k++) {
    const [i] = proposed.splice(next() % proposed.length, 1);
    forbidden.push([i, mentorOf[i]]);
  }
  const edges = graph.edgeMentee.length;
  for (
    let done = 0, tries = 0;
    done < change.pairs - (change.pairs >> 1) && tries < 50 * change.pairs;
    tries++
  ) {
    if (edges === 0) break;
    const e = next() % edges;
    const i = graph.edgeMentee[e];
    const j = graph.edgeMentor[e];
    if (mentorOf[i] === j || fixedMentee.has(i) || fixedAt[j] >= graph.capacity[j]) continue;
    if (forbidden.some(([fi, fj]) => fi === i && fj === j)) continue;
    fixed.push([i, j]);
    fixedMentee.add(i);
    fixedAt[j]++;
    done++;
  }
  return { graph, fixed, forbidden };
}
