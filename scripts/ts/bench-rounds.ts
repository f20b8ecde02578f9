/*
 * npm run bench:api (rounds) — a bulk matching round of 2,000 mentees x 500 mentors end to end on
 * the real API, worker, Postgres and Redis (a database and Redis namespace of its own, dropped at
 * the end), against the matching engine alone on the same profiles, in the same run:
 *
 *   end to end: POST .../matching-rounds (outbox, relay, BullMQ), the worker loading the profiles,
 *               scoring, solving, explaining and saving every proposal in one transaction, until
 *               GET .../matching-rounds/{id} answers `completed` (polled every 10 ms);
 *   engine alone: `runMatchingRound` (index, scoring, exact solve, explanations, blocking pairs) on
 *               the same profiles already in memory, in this process.
 *
 * Target: end to end <= 3x the engine alone (medians of REPEATS alternating runs). Also printed:
 * the ratio against the exact solve alone (`assignOptimal` on the candidate graph), and a warm
 * re-run after forbidding 20 proposed pairs. Method and recorded results: docs/benchmarks.md.
 */
import { TenancyService } from '@mentorship/platform';
import { MatchingRoundsService, engineProfilesOf, type RoundViewDto } from '@mentorship/matching';
import {
  assignOptimal,
  MentorIndex,
  runMatchingRound,
  type CandidateGraph,
} from '@mentorship/matching-engine';
import {
  createTestServices,
  dropTestServices,
  HttpClient,
  makeOrganization,
  makeRoundCohort,
  makeUser,
  startTestApi,
  startTestWorker,
} from '@mentorship/testing';
import { median, runBench } from './bench/report';

const MENTEES = 2_000;
const MENTORS = 500;
const CAPACITY = 4;
const REPEATS = Number(process.env['BENCH_REPEATS'] ?? 5);
const RATIO_TARGET = 3;
const log = (line: string) => console.log(line);
const now = () => performance.now();

async function main(): Promise<void> {
  const services = await createTestServices();
  const api = await startTestApi({ services });
  const worker = await startTestWorker(services);
  const http = new HttpClient(api.baseUrl);
  let failed = false;
  try {
    const admin = await makeUser(http);
    const org = await makeOrganization(http, admin, 'Round Bench Org');
    const base = `/api/v1/orgs/${org.id}`;
    const cohort = await makeRoundCohort(http, api.db, admin, org.id, {
      mentors: MENTORS,
      mentees: MENTEES,
      capacity: CAPACITY,
      prefix: 'bench',
    });
    log(`round of ${MENTEES} mentees x ${MENTORS} mentors (capacity ${CAPACITY}: seats = 1.0 x mentees)`);

    // The engine's input, as the worker builds it (read once, outside the timings).
    const problem = await worker.get(TenancyService).runInTenant(org.id, () =>
      worker.get(MatchingRoundsService).problemOf({
        cohortId: cohort.cohortId,
        previousRoundId: null,
        objective: 'max-score',
        mode: 'exact',
        fixedPairs: [],
        forbiddenPairs: [],
        warmStart: null,
      }),
    );
    const { mentees, mentors } = engineProfilesOf(problem);
    const engineAlone = () => {
      const started = now();
      const report = runMatchingRound({
        mentees,
        mentors,
        criteria: problem.criteria,
        objective: 'max-score',
      });
      return { ms: now() - started, report };
    };
    const index = new MentorIndex(mentors, problem.criteria);
    const graph = candidateGraph(index, mentees);
    const solveAlone = () => {
      const started = now();
      assignOptimal(graph, { objective: 'max-score' });
      return now() - started;
    };
    const endToEnd = async (path: string, body: object) => {
      // The engine runs in this process: its synchronous seconds can outlast the server's
      // keep-alive, so the first request after it may meet a closed socket. Start from a fresh one.
      await http.get('/health').catch(() => undefined);
      const started = now();
      const answer = await http.post<RoundViewDto>(path, body, admin.token);
      if (answer.status !== 202) throw new Error(`start: ${answer.status} ${JSON.stringify(answer.body)}`);
      for (;;) {
        const round = (await http.get<RoundViewDto>(`${base}/matching-rounds/${answer.body.id}`, admin.token))
          .body;
        if (round.status === 'completed') return { ms: now() - started, round };
        if (round.status === 'failed') throw new Error(`round failed: ${round.failure?.message}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };

    // Warm-up: compile both paths once.
    engineAlone();
    solveAlone();
    await endToEnd(`${base}/cohorts/${cohort.cohortId}/matching-rounds`, {});

    const e2e: number[] = [];
    const engine: number[] = [];
    const solve: number[] = [];
    let last: RoundViewDto | null = null;
    let engineTotal = 0;
    for (let k = 0; k < REPEATS; k++) {
      const run = await endToEnd(`${base}/cohorts/${cohort.cohortId}/matching-rounds`, {});
      e2e.push(run.ms);
      last = run.round;
      const alone = engineAlone();
      engine.push(alone.ms);
      engineTotal = alone.report.totalScore;
      solve.push(solveAlone());
    }
    if (!last) throw new Error('no round');
    const same = Math.abs((last.totalScore ?? 0) - engineTotal) < 0.005;
    log(
      `  product total score ${last.totalScore} (${last.matchedCount} matched, ${last.blockingPairs} blocking pairs); engine alone ${engineTotal}: ${same ? 'same optimum' : 'DIFFERENT'}`,
    );
    if (!same) failed = true;
    const ratio = median(e2e) / median(engine);
    log(
      `  end to end (enqueue, load, solve, proposals saved): median ${median(e2e).toFixed(0)} ms of ${e2e.map((v) => v.toFixed(0)).join(', ')}`,
    );
    log(
      `  engine alone (runMatchingRound, same profiles): median ${median(engine).toFixed(0)} ms of ${engine.map((v) => v.toFixed(0)).join(', ')}`,
    );
    log(`  exact solve alone (assignOptimal on the candidate graph): median ${median(solve).toFixed(0)} ms`);
    log(
      `  end to end / engine alone = ${ratio.toFixed(2)}  target <= ${RATIO_TARGET}  ${ratio <= RATIO_TARGET ? 'ok' : 'MISSED'}`,
    );
    log(
      `  end to end / exact solve alone = ${(median(e2e) / median(solve)).toFixed(2)} (for reading; no target)`,
    );
    if (ratio > RATIO_TARGET) failed = true;

    // A coordinator's review: forbid 20 proposed pairs and re-run (warm) from the last round.
    const proposals = (
      await http.get<{ items: { menteeUserId: string; mentorUserId: string }[] }>(
        `${base}/matching-rounds/${last.id}/proposals?pageSize=20`,
        admin.token,
      )
    ).body.items;
    const rerun = await endToEnd(`${base}/matching-rounds/${last.id}/reruns`, {
      forbid: proposals.map(({ menteeUserId, mentorUserId }) => ({ menteeUserId, mentorUserId })),
    });
    log(
      `  warm re-run after 20 forbidden pairs: ${rerun.ms.toFixed(0)} ms end to end (warm ${rerun.round.warmStarted}); diff kept ${rerun.round.diff?.kept}, changed ${rerun.round.diff?.changed.length}, added ${rerun.round.diff?.added.length}, removed ${rerun.round.diff?.removed.length}`,
    );
  } finally {
    await worker.close();
    await api.close();
    await dropTestServices(services);
  }
  process.exit(failed ? 1 : 0);
}

/** The candidate graph `runMatchingRound` solves: every eligible pair with its points. */
function candidateGraph(
  index: MentorIndex,
  mentees: Parameters<MentorIndex['candidates']>[0][],
): CandidateGraph {
  const sorted = [...mentees].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const edgeMentee: number[] = [];
  const edgeMentor: number[] = [];
  const edgePoints: number[] = [];
  sorted.forEach((mentee, i) => {
    for (const { mentor, points } of index.candidates(mentee, { includeFull: true })) {
      edgeMentee.push(i);
      edgeMentor.push(mentor);
      edgePoints.push(points);
    }
  });
  return {
    menteeCount: sorted.length,
    mentorCount: index.mentors.length,
    capacity: index.mentors.map((m) => m.capacity),
    edgeMentee: Int32Array.from(edgeMentee),
    edgeMentor: Int32Array.from(edgeMentor),
    edgePoints: Int32Array.from(edgePoints),
  };
}

runBench(main);
