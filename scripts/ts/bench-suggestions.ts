/*
 * npm run bench:api (suggestions) — GET .../cohorts/{cohortId}/suggestions of a cohort of 2,000
 * mentors and 2,000 mentees on the real API, Postgres and Redis (a database and Redis namespace of
 * its own, dropped at the end), against the API's own GET /health measured in the same run:
 *
 *   (a) saturation: autocannon closed loop, 100 connections, in a child process; rounds of
 *       /health then suggestions, interleaved, each after a warm-up. Every request is a different
 *       mentee's (the tokens rotate over all mentees), so the flood ledger fills as in a cohort
 *       where everyone is choosing. Target: suggestions req/s >= 0.5 x /health req/s, worst round.
 *   (b) latency at a fixed offered rate: requests arriving evenly at half the lowest suggestion
 *       saturation of (a), over up to 100 connections (open loop, scripts/lib/open-loop-load.mjs,
 *       latency counted from when each request was due). Target p99 <= 25 ms. Closed-loop p99 at
 *       saturation is not the measure: with 100 requests always in flight, Little's law makes it
 *       100 / throughput. Nor is autocannon's --overallRate: it sends each second's budget in one
 *       burst, and its p99 is that burst's queue.
 *
 * Environment: BENCH_DURATION_S (seconds per measure, default 10), BENCH_ROUNDS (default 3),
 * BENCH_MENTEES (default 2,000). BENCH_CPU_PROF=<dir>: a CPU profile of the benchmark's process
 * (the API runs in it) over the first suggestions round's timed part, written to
 * <dir>/suggestions.cpuprofile (`node scripts/cpu-profile-summary.mjs <file> 40 <requests>`).
 * Method and recorded results: docs/benchmarks.md.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { SuggestionLedger, SuggestionsService, type SuggestionListDto } from '@mentorship/matching';
import {
  createTestServices,
  dropTestServices,
  HttpClient,
  makeOrganization,
  makeRoundCohort,
  makeUser,
  startTestApi,
} from '@mentorship/testing';
import { closedLoop, openLoop } from './bench/load';
import { loadAverage, runBench } from './bench/report';

const MENTORS = 2_000;
const MENTEES = Number(process.env['BENCH_MENTEES'] ?? 2_000);
const CONNECTIONS = 100;
const DURATION_S = Number(process.env['BENCH_DURATION_S'] ?? 10);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const WARM_UP_S = 2;
const CPU_PROF = process.env['BENCH_CPU_PROF'];
const RATIO_TARGET = 0.5;
const P99_TARGET_MS = 25;
const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  log(
    `node ${process.version}, ${new Date().toISOString()}, ${MENTORS} mentors x ${MENTEES} mentees, autocannon c=${CONNECTIONS} ${DURATION_S}s, ${ROUNDS} rounds; load average ${loadAverage()}`,
  );
  const services = await createTestServices();
  const api = await startTestApi({ services });
  const scratch = mkdtempSync(join(tmpdir(), 'bench-suggestions-'));
  let failed = false;
  try {
    const http = new HttpClient(api.baseUrl);
    const admin = await makeUser(http);
    const org = await makeOrganization(http, admin, 'Suggestions Bench Org');
    const cohort = await makeRoundCohort(http, api.db, admin, org.id, {
      mentors: MENTORS,
      mentees: MENTEES,
      matchingMode: 'mentee-choice',
      prefix: 'bench',
    });
    const jwt = api.app.get(JwtService);
    const tokens = cohort.mentees.map((m) => jwt.sign({ sub: m.id, email: m.email }));
    const tokenFile = join(scratch, 'tokens');
    writeFileSync(tokenFile, tokens.join('\n'));
    const path = `/api/v1/orgs/${org.id}/cohorts/${cohort.cohortId}/suggestions`;
    const first = await http.get<SuggestionListDto>(path, tokens[0]);
    if (first.status !== 200) throw new Error(`suggestions: ${first.status} ${JSON.stringify(first.body)}`);

    // Every mentee has asked once (their ranking computed, the ledger filled) before any timing.
    const primed = Date.now();
    let cursor = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (cursor < tokens.length) {
          const answer = await http.get(path, tokens[cursor++]);
          if (answer.status !== 200) throw new Error(`priming: ${answer.status}`);
        }
      }),
    );
    log(`every mentee asked once (${((Date.now() - primed) / 1000).toFixed(1)} s)`);

    let profiled = false;
    const run = async (url: string, withTokens: boolean) => {
      const load = { url, connections: CONNECTIONS, tokens: withTokens ? { tokenFile } : null };
      await closedLoop({ ...load, seconds: WARM_UP_S });
      if (!CPU_PROF || !withTokens || profiled) return closedLoop({ ...load, seconds: DURATION_S });
      profiled = true;
      const session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
      const measured = await closedLoop({ ...load, seconds: DURATION_S });
      const { profile } = await session.post('Profiler.stop');
      mkdirSync(CPU_PROF, { recursive: true });
      writeFileSync(join(CPU_PROF, 'suggestions.cpuprofile'), JSON.stringify(profile));
      log(
        `  CPU profile of ${measured.requests.total} requests: ${join(CPU_PROF, 'suggestions.cpuprofile')}`,
      );
      session.disconnect();
      return measured;
    };
    const rounds: { health: number; suggestions: number; p99: number; load: string }[] = [];
    const service = api.app.get(SuggestionsService);
    for (let round = 1; round <= ROUNDS; round++) {
      const health = await run(`${api.baseUrl}/health`, false);
      const readsBefore = service.reads;
      const suggestions = await run(api.baseUrl + path, true);
      const reads = service.reads - readsBefore;
      const load = loadAverage();
      if (suggestions.non2xx || suggestions.errors) {
        failed = true;
        log(`  round ${round}: suggestions non-2xx ${suggestions.non2xx}, errors ${suggestions.errors}`);
      }
      rounds.push({
        health: health.requests.average,
        suggestions: suggestions.requests.average,
        p99: suggestions.latency.p99,
        load,
      });
      log(
        `  round ${round}: /health ${health.requests.average.toFixed(0)} req/s (p99 ${health.latency.p99} ms), suggestions ${suggestions.requests.average.toFixed(0)} req/s (p50 ${suggestions.latency.p50} ms, p99 ${suggestions.latency.p99} ms), ratio ${(suggestions.requests.average / health.requests.average).toFixed(2)}; ${reads} answers read from Postgres (warm-up included); load average ${load}`,
      );
    }
    const worst = [...rounds].sort((a, b) => a.suggestions / a.health - b.suggestions / b.health)[0]!;
    const ratio = worst.suggestions / worst.health;
    log(
      `(a) saturation, worst round: suggestions ${worst.suggestions.toFixed(0)} req/s / /health ${worst.health.toFixed(0)} req/s = ${ratio.toFixed(2)}  target >= ${RATIO_TARGET}  ${ratio >= RATIO_TARGET ? 'ok' : 'MISSED'}`,
    );
    if (ratio < RATIO_TARGET) failed = true;

    const rate = Math.floor(Math.min(...rounds.map((r) => r.suggestions)) / 2);
    const fixed = await openLoop({
      url: api.baseUrl + path,
      rate,
      seconds: DURATION_S,
      connections: CONNECTIONS,
      tokens: { tokenFile },
    });
    const met = fixed.latency.p99 <= P99_TARGET_MS && fixed.non2xx === 0 && fixed.errors === 0;
    log(
      `(b) offered ${rate} req/s (half the lowest saturation), c=${CONNECTIONS}: served ${fixed.requests.average.toFixed(0)} req/s, p50 ${fixed.latency.p50} ms, p90 ${fixed.latency.p90} ms, p99 ${fixed.latency.p99} ms, max ${fixed.latency.max} ms  target p99 <= ${P99_TARGET_MS} ms  ${met ? 'ok' : 'MISSED'}${fixed.non2xx || fixed.errors ? ` (non-2xx ${fixed.non2xx}, errors ${fixed.errors})` : ''}; load average ${loadAverage()}`,
    );
    if (!met) failed = true;

    // The flood ledger is in Redis: every mentor's holders, counted after the run.
    const ledger = api.app.get(SuggestionLedger);
    let shown = 0;
    const holding = new Set<string>();
    for (const mentor of cohort.mentors)
      for (const hold of await ledger.holders(org.id, cohort.cohortId, mentor.id)) {
        shown++;
        holding.add(hold.menteeUserId);
      }
    const sample = await http.get<SuggestionListDto>(path, tokens[tokens.length - 1]);
    log(
      `ledger after the run: ${shown} mentors shown to ${holding.size} mentees; the last mentee's list has ${sample.body.items.length} mentors (ranks of the index ${sample.body.indexVersion.slice(0, 8)})`,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    await api.close();
    await dropTestServices(services);
  }
  process.exit(failed ? 1 : 0);
}

runBench(main);
