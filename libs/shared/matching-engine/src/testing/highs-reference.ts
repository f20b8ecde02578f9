import type { AssignmentOptions, CandidateGraph } from '../assign/candidate-graph';

/*
 * The exact LP reference, for tests and benchmarks only (never exported from the library).
 * The bulk assignment LP (mentee rows <= 1, mentor rows <= capacity, 0 <= x <= 1) has a totally
 * unimodular matrix, so its optimum is integral and equals the best assignment.
 */

interface HighsModel {
  options: { set(values: Record<string, unknown>): void };
  run(): { status: number };
  getModelStatus(): number;
  getObjectiveValue(): number;
  getSolution(): { colValue: Float64Array };
  dispose(): void;
}
interface HighsRuntime {
  createModel(data: unknown): HighsModel;
  constants: {
    modelStatus: { optimal: number; timeLimit: number };
    objectiveSense: { maximize: number };
  };
  infinity: number;
}

let runtime: Promise<HighsRuntime> | undefined;
/** Loads the HiGHS WebAssembly runtime once per process. */
export function loadHighs(): Promise<HighsRuntime> {
  runtime ??= (require('highs') as () => Promise<HighsRuntime>)();
  return runtime;
}

export interface HighsResult {
  /** Optimal objective, rounded to an integer (points for max-score). */
  objective: number;
  /** Matched pairs in the LP solution. */
  matched: number;
  /** Milliseconds spent in HiGHS's `run()` only; building the model is not counted. */
  solveMs: number;
  /** CPU milliseconds this process used during `run()` (HiGHS runs single-threaded here). */
  cpuMs: number;
  /** False when HiGHS stopped at `timeLimitSeconds` (then objective and matched are NaN). */
  finished: boolean;
}

/**
 * Builds the LP as sparse columns (one per candidate pair) and solves it.
 * For 'max-matched-then-score' each column's objective is points + BIG, BIG > any total score.
 */
export async function solveWithHighs(
  graph: CandidateGraph,
  options: AssignmentOptions = {},
  limits: { timeLimitSeconds?: number; highsOptions?: Record<string, unknown> } = {},
): Promise<HighsResult> {
  const highs = await loadHighs();
  const m = graph.menteeCount;
  const n = graph.mentorCount;
  const forbidden = new Set((options.forbidden ?? []).map(([i, j]) => i * n + j));
  const fixed = new Map((options.fixed ?? []).map(([i, j]) => [i, j]));
  const cols: number[] = [];
  const seenFixed = new Set<number>();
  for (let e = 0; e < graph.edgeMentee.length; e++) {
    const i = graph.edgeMentee[e];
    const j = graph.edgeMentor[e];
    if (forbidden.has(i * n + j)) continue;
    const f = fixed.get(i);
    if (f !== undefined && f !== j) continue;
    if (f === j) seenFixed.add(i);
    cols.push(e);
  }
  // A fixed pair without a candidate edge is still a pair, worth 0 points.
  const extra = [...fixed].filter(([i]) => !seenFixed.has(i));
  const numCols = cols.length + extra.length;
  if (numCols === 0) return { objective: 0, matched: 0, solveMs: 0, cpuMs: 0, finished: true }; // HiGHS reports an empty model, not an optimum
  let maxPoints = 0;
  for (const e of cols) maxPoints = Math.max(maxPoints, graph.edgePoints[e]);
  const big = options.objective === 'max-matched-then-score' ? maxPoints * m + 1 : 0;
  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(1);
  const starts = new Int32Array(numCols + 1);
  const indices = new Int32Array(numCols * 2);
  const values = new Float64Array(numCols * 2).fill(1);
  const colMentee = new Int32Array(numCols);
  for (let c = 0; c < numCols; c++) {
    const [i, j, points] =
      c < cols.length
        ? [graph.edgeMentee[cols[c]], graph.edgeMentor[cols[c]], graph.edgePoints[cols[c]]]
        : [extra[c - cols.length][0], extra[c - cols.length][1], 0];
    colCost[c] = points + big;
    if (fixed.get(i) === j) colLower[c] = 1;
    starts[c + 1] = 2 * (c + 1);
    indices[2 * c] = i;
    indices[2 * c + 1] = m + j;
    colMentee[c] = i;
  }
  const rowLower = new Float64Array(m + n).fill(-highs.infinity);
  const rowUpper = new Float64Array(m + n);
  for (let i = 0; i < m; i++) rowUpper[i] = 1;
  for (let j = 0; j < n; j++) rowUpper[m + j] = graph.capacity[j];

  const model = highs.createModel({
    numCols,
    numRows: m + n,
    sense: highs.constants.objectiveSense.maximize,
    colCost,
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    matrix: { format: 'csc', numRows: m + n, numCols, starts, indices, values },
  });
  try {
    model.options.set({ output_flag: false });
    if (limits.timeLimitSeconds !== undefined) model.options.set({ time_limit: limits.timeLimitSeconds });
    if (limits.highsOptions) model.options.set(limits.highsOptions);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    model.run();
    const solveMs = performance.now() - t0;
    const used = process.cpuUsage(c0);
    const cpuMs = (used.user + used.system) / 1000;
    if (model.getModelStatus() === highs.constants.modelStatus.timeLimit) {
      return { objective: NaN, matched: NaN, solveMs, cpuMs, finished: false };
    }
    if (model.getModelStatus() !== highs.constants.modelStatus.optimal) {
      throw new Error(`HiGHS did not reach optimality (model status ${model.getModelStatus()})`);
    }
    const x = model.getSolution().colValue;
    let matched = 0;
    for (let c = 0; c < numCols; c++) if (x[c] > 0.5) matched++;
    const objective = Math.round(model.getObjectiveValue() - big * matched);
    return { objective, matched, solveMs, cpuMs, finished: true };
  } finally {
    model.dispose();
  }
}
