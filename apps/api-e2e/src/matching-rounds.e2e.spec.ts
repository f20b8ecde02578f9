import type { ErrorBody, OrganizationView } from '@mentorship/contracts';
import {
  MatchingRoundJob,
  MatchingRoundPayload,
  type DryRunViewDto,
  type ProposalPageDto,
  type RoundViewDto,
} from '@mentorship/matching';
import { JOB_OPTIONS, JobQueueService, TenancyService } from '@mentorship/platform';
import {
  makeOrganization,
  makeRoundCohort,
  makeUser,
  type RoundCohort,
  type SignedUpUser,
  useTestSystem,
  waitFor,
} from '@mentorship/testing';

type RoundAnswer = RoundViewDto & ErrorBody;

/** Weights that count the time-zone gap only (0: no component counts, which the engine refuses). */
const onlyTimeZone = (timeZone: number) => ({
  skills: 0,
  goals: 0,
  mentorTypes: 0,
  availability: 0,
  languages: 0,
  seniority: 0,
  timeZone,
});

/** Bulk matching rounds on the real API, worker, Postgres, Redis and SMTP sink. */
describe('bulk matching rounds', () => {
  const t = useTestSystem();
  let admin: SignedUpUser;
  let org: OrganizationView;
  const base = () => `/api/v1/orgs/${org.id}`;

  beforeAll(async () => {
    admin = await makeUser(t.http);
    org = await makeOrganization(t.http, admin, 'Rounds Org');
  });

  const cohortOf = (options: Parameters<typeof makeRoundCohort>[4]) =>
    makeRoundCohort(t.http, t.api.db, admin, org.id, options);
  const start = (cohortId: string, body: object = {}) =>
    t.http.post<RoundAnswer>(`${base()}/cohorts/${cohortId}/matching-rounds`, body, admin.token);
  const getRound = async (roundId: string) =>
    (await t.http.get<RoundViewDto>(`${base()}/matching-rounds/${roundId}`, admin.token)).body;
  /** Polls as the admin app does, keeping every state it saw. */
  const settle = async (roundId: string) => {
    const seen: RoundViewDto[] = [];
    await waitFor(async () => {
      const round = await getRound(roundId);
      seen.push(round);
      return round.status !== 'queued' && round.status !== 'running';
    }, `round ${roundId} to finish`);
    return { round: seen[seen.length - 1], seen };
  };
  const allProposals = async (roundId: string) =>
    (
      await t.http.get<ProposalPageDto>(
        `${base()}/matching-rounds/${roundId}/proposals?pageSize=100`,
        admin.token,
      )
    ).body;
  const count = async (sql: string, parameters: unknown[]) =>
    (await t.api.db.query<{ n: number }>(sql, parameters))[0].n;

  describe('a one-to-one cohort, from the first round to publication', () => {
    let cohort: RoundCohort;
    let first: RoundViewDto;

    beforeAll(async () => {
      cohort = await cohortOf({ mentors: 12, mentees: 40, capacity: 2 });
    });

    it('runs a round as a job, with progress that only moves forward, to explained proposals', async () => {
      const started = await start(cohort.cohortId, { objective: 'max-matched-then-score', mode: 'exact' });
      expect(started.status).toBe(202);
      expect(started.body.status).toBe('queued');
      const { round, seen } = await settle(started.body.id);
      const percents = seen.map((r) => r.percent);
      expect(percents).toEqual([...percents].sort((a, b) => a - b));
      expect(round).toMatchObject({
        status: 'completed',
        percent: 100,
        phase: null,
        failure: null,
        diff: null,
      });
      first = round;

      const proposals = await allProposals(round.id);
      expect(proposals.total).toBe(round.matchedCount);
      // 12 mentors x 2 places for 40 mentees: at most 24 matched, and the rest say why not.
      expect(round.matchedCount).toBeLessThanOrEqual(24);
      expect(round.matchedCount! + round.unmatched.length).toBe(40);
      for (const u of round.unmatched) {
        expect(['no-eligible-mentor', 'all-candidates-forbidden', 'all-candidates-full']).toContain(u.reason);
        expect(u.message.length).toBeGreaterThan(10);
      }
      const sum = proposals.items.reduce((total, p) => total + Math.round(p.score * 100), 0) / 100;
      expect(round.totalScore).toBeCloseTo(sum, 2);
      for (const p of proposals.items) {
        expect(p.components.length).toBeGreaterThan(0);
        expect(p.components.every((c) => c.reason.length > 0)).toBe(true);
        // In words: skills by name, never by id.
        expect(p.components.map((c) => c.reason).join(' ')).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
        expect(p.menteeName).toMatch(/Mentee/);
      }
      for (const load of round.mentorLoad) {
        expect(load.assigned).toBeLessThanOrEqual(load.places);
        expect(load.assigned).toBe(
          proposals.items.filter((p) => p.mentorUserId === load.mentorUserId).length,
        );
      }
      expect(typeof round.blockingPairs).toBe('number');
    });

    it('names everyone it names by id, and filters its proposals by name and score', async () => {
      const names = new Map(first.people.map((p) => [p.userId, p.name]));
      for (const id of [
        ...first.unmatched.map((u) => u.menteeUserId),
        ...first.mentorLoad.map((m) => m.mentorUserId),
      ])
        expect(names.get(id)).toMatch(/Ment(ee|or)/);
      const all = (await allProposals(first.id)).items;
      const pick = all[Math.floor(all.length / 2)];
      const page = (query: string) =>
        t.http.get<ProposalPageDto & ErrorBody>(
          `${base()}/matching-rounds/${first.id}/proposals?${query}`,
          admin.token,
        );
      const byName = (await page(`search=${encodeURIComponent(pick.menteeName.toUpperCase())}`)).body;
      expect(byName.items.map((p) => p.menteeUserId)).toContain(pick.menteeUserId);
      expect(byName.total).toBeLessThan(all.length);
      const floor = Math.ceil(pick.score);
      const high = (await page(`minScore=${floor}&pageSize=100`)).body;
      expect(high.total).toBe(all.filter((p) => p.score >= floor).length);
      const low = (await page(`maxScore=${floor}&pageSize=100`)).body;
      expect(low.total).toBe(all.filter((p) => p.score <= floor).length);
      expect((await page('search=%25')).body.total).toBe(0);
      const bad = await page('minScore=101');
      expect([bad.status, bad.body.code]).toEqual([400, 'validation_failed']);
    });

    it('refuses a second round of the cohort while one is queued or running', async () => {
      // A round a worker holds (queued rows only live until a worker takes them).
      await t.api.db.query(
        `INSERT INTO matching_rounds (organization_id, id, cohort_id, status, objective, mode, created_by)
         VALUES ($1, gen_random_uuid(), $2, 'running', 'max-score', 'exact', $3)`,
        [org.id, cohort.cohortId, admin.id],
      );
      const refused = await start(cohort.cohortId);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('round_in_progress');
      await t.api.db.query(
        `UPDATE matching_rounds SET status = 'failed' WHERE organization_id = $1 AND cohort_id = $2 AND status = 'running'`,
        [org.id, cohort.cohortId],
      );
    });

    it('re-runs warm after a forbid and a fix, with a diff against the previous proposals', async () => {
      const proposals = (await allProposals(first.id)).items;
      const forbidden = proposals[0];
      const unmatched = first.unmatched.find((u) => u.reason === 'all-candidates-full');
      const freeMentor = first.mentorLoad.find((m) => m.remaining > 0) ?? first.mentorLoad[0];
      // Fix an unmatched mentee to a mentor: the fixed pair must appear whatever it scores.
      const fixMentee = unmatched?.menteeUserId ?? proposals[1].menteeUserId;
      const fixMentor =
        freeMentor.remaining > 0
          ? freeMentor.mentorUserId
          : proposals.find((p) => p.menteeUserId !== fixMentee && p.mentorUserId !== forbidden.mentorUserId)!
              .mentorUserId;
      const rerun = await t.http.post<RoundAnswer>(
        `${base()}/matching-rounds/${first.id}/reruns`,
        {
          forbid: [{ menteeUserId: forbidden.menteeUserId, mentorUserId: forbidden.mentorUserId }],
          fix: [{ menteeUserId: fixMentee, mentorUserId: fixMentor }],
        },
        admin.token,
      );
      expect(rerun.status).toBe(202);
      expect(rerun.body.previousRoundId).toBe(first.id);
      const { round } = await settle(rerun.body.id);
      expect(round.status).toBe('completed');
      expect(round.warmStarted).toBe(true);
      const after = (await allProposals(round.id)).items;
      expect(
        after.some(
          (p) => p.menteeUserId === forbidden.menteeUserId && p.mentorUserId === forbidden.mentorUserId,
        ),
      ).toBe(false);
      const fixed = after.find((p) => p.menteeUserId === fixMentee);
      expect(fixed).toMatchObject({ mentorUserId: fixMentor, fixed: true });

      const diff = round.diff!;
      expect(diff.previousRoundId).toBe(first.id);
      expect(diff.totalScoreBefore).toBeCloseTo(first.totalScore!, 2);
      expect(diff.totalScoreAfter).toBeCloseTo(round.totalScore!, 2);
      expect(diff.kept + diff.changed.length + diff.added.length).toBe(after.length);
      expect(diff.kept + diff.changed.length + diff.removed.length).toBe(proposals.length);
      const movedForbidden =
        diff.changed.some((c) => c.menteeUserId === forbidden.menteeUserId) ||
        diff.removed.some((r) => r.menteeUserId === forbidden.menteeUserId);
      expect(movedForbidden).toBe(true);
      expect(round.fixedPairs).toEqual([{ menteeUserId: fixMentee, mentorUserId: fixMentor }]);
      expect(round.forbiddenPairs).toEqual([
        { menteeUserId: forbidden.menteeUserId, mentorUserId: forbidden.mentorUserId },
      ]);
    });

    it('refuses pairs of people who are not in the cohort, naming the field', async () => {
      const [latest] = (
        await t.http.get<{ items: RoundViewDto[] }>(
          `${base()}/cohorts/${cohort.cohortId}/matching-rounds`,
          admin.token,
        )
      ).body.items;
      const refused = await t.http.post<ErrorBody>(
        `${base()}/matching-rounds/${latest.id}/reruns`,
        { forbid: [{ menteeUserId: cohort.mentors[0].id, mentorUserId: cohort.mentors[1].id }] },
        admin.token,
      );
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('round_pair_invalid');
      expect(refused.body.details).toEqual([
        {
          field: 'forbid.0',
          problems: ['menteeUserId is not an enrolled mentee of the cohort still to be matched'],
        },
      ]);
    });

    it('dry-runs other weights: the same kind of diff, and nothing saved', async () => {
      const rows = () =>
        count(
          `SELECT (SELECT count(*) FROM matching_rounds WHERE organization_id = $1)
                + (SELECT count(*) FROM round_proposals WHERE organization_id = $1)
                + (SELECT count(*) FROM audit_events WHERE organization_id = $1) AS n`,
          [org.id],
        );
      const before = await rows();
      const same = await t.http.post<DryRunViewDto>(
        `${base()}/matching-rounds/${first.id}/dry-run`,
        {},
        admin.token,
      );
      expect(same.status).toBe(200);
      // Nothing changed: the same optimum, every pair kept.
      expect(same.body.diff).toMatchObject({ kept: first.matchedCount, changed: [], added: [], removed: [] });
      expect(same.body.totalScore).toBeCloseTo(first.totalScore!, 2);

      const reweighted = await t.http.post<DryRunViewDto>(
        `${base()}/matching-rounds/${first.id}/dry-run`,
        { criteria: { weights: onlyTimeZone(100) } },
        admin.token,
      );
      expect(reweighted.status).toBe(200);
      expect(reweighted.body.diff.totalScoreBefore).toBeCloseTo(first.totalScore!, 2);
      expect(reweighted.body.diff.totalScoreAfter).toBeCloseTo(reweighted.body.totalScore, 2);
      expect(reweighted.body.diff.totalScoreAfter).not.toBeCloseTo(first.totalScore!, 2);
      const bad = await t.http.post<ErrorBody>(
        `${base()}/matching-rounds/${first.id}/dry-run`,
        { criteria: { weights: onlyTimeZone(0) } },
        admin.token,
      );
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('invalid_criteria');
      expect(await rows()).toBe(before);
    });

    it('publishes the latest round: matches as the program says, both sides emailed, then final', async () => {
      const [latest] = (
        await t.http.get<{ items: RoundViewDto[] }>(
          `${base()}/cohorts/${cohort.cohortId}/matching-rounds`,
          admin.token,
        )
      ).body.items;
      const published = await t.http.post<RoundAnswer>(
        `${base()}/matching-rounds/${latest.id}/publish`,
        {},
        admin.token,
      );
      expect(published.status).toBe(200);
      expect(published.body.status).toBe('published');
      const matches = await t.api.db.query<{ status: string; origin: string; single_conversation: boolean }>(
        `SELECT status, origin, single_conversation FROM matches WHERE organization_id = $1 AND origin_id = $2`,
        [org.id, latest.id],
      );
      expect(matches).toHaveLength(latest.matchedCount!);
      // The program is automatic: the trial starts at once.
      expect(new Set(matches.map((m) => `${m.status}/${m.origin}/${m.single_conversation}`))).toEqual(
        new Set(['trial/round/false']),
      );
      const [pair] = (await allProposals(latest.id)).items;
      const menteeEmail = cohort.mentees.find((m) => m.id === pair.menteeUserId)!.email;
      const mentorEmail = cohort.mentors.find((m) => m.id === pair.mentorUserId)!.email;
      await t.sink.waitFor((email) => email.to.includes(menteeEmail) && email.raw.includes('as your mentor'));
      await t.sink.waitFor((email) => email.to.includes(mentorEmail) && email.raw.includes('as your mentee'));

      for (const path of ['publish', 'reruns']) {
        const again = await t.http.post<ErrorBody>(
          `${base()}/matching-rounds/${latest.id}/${path}`,
          {},
          admin.token,
        );
        expect(again.status).toBe(409);
        expect(again.body.code).toBe('round_published');
      }
      // The next round sees the matched mentees as done and the mentors' places as taken.
      const next = await start(cohort.cohortId);
      const { round } = await settle(next.body.id);
      expect(round.matchedCount! + round.unmatched.length).toBe(40 - latest.matchedCount!);
    });
  });

  it('a round the cohort is not ready for is refused with 409 cohort_not_matching', async () => {
    const cohort = await cohortOf({ mentors: 1, mentees: 1 });
    await t.http.post(`${base()}/cohorts/${cohort.cohortId}/status`, { status: 'running' }, admin.token);
    const refused = await start(cohort.cohortId);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('cohort_not_matching');
  });

  it('a group program forms groups of up to its size around each mentor', async () => {
    const cohort = await cohortOf({ mentors: 4, mentees: 20, kind: 'group', groupSize: 3, capacity: 1 });
    const { round } = await settle((await start(cohort.cohortId)).body.id);
    expect(round.status).toBe('completed');
    const proposals = (await allProposals(round.id)).items;
    expect(proposals.length).toBeGreaterThan(4);
    for (const load of round.mentorLoad) {
      expect(load.places).toBe(3);
      expect(load.assigned).toBeLessThanOrEqual(3);
      expect(load.groups).toBe(load.assigned > 0 ? 1 : 0);
    }
    expect(new Set(proposals.map((p) => p.groupNumber))).toEqual(new Set([1]));
  });

  it('a flash program publishes single conversations with no trial', async () => {
    const cohort = await cohortOf({ mentors: 3, mentees: 5, kind: 'flash', matchingMode: 'coordinator' });
    const { round } = await settle((await start(cohort.cohortId)).body.id);
    const published = await t.http.post<RoundAnswer>(
      `${base()}/matching-rounds/${round.id}/publish`,
      {},
      admin.token,
    );
    expect(published.status).toBe(200);
    const matches = await t.api.db.query<{ status: string; single_conversation: boolean }>(
      `SELECT status, single_conversation FROM matches WHERE organization_id = $1 AND origin_id = $2`,
      [org.id, round.id],
    );
    expect(matches.length).toBe(round.matchedCount);
    expect(matches.every((m) => m.status === 'active' && m.single_conversation)).toBe(true);
  });

  it('a coordinator-matched program publishes pending matches (the mentor accepts)', async () => {
    const cohort = await cohortOf({ mentors: 2, mentees: 3, matchingMode: 'coordinator' });
    const { round } = await settle((await start(cohort.cohortId)).body.id);
    await t.http.post(`${base()}/matching-rounds/${round.id}/publish`, {}, admin.token);
    const statuses = await t.api.db.query<{ status: string }>(
      `SELECT DISTINCT status FROM matches WHERE organization_id = $1 AND origin_id = $2`,
      [org.id, round.id],
    );
    expect(statuses).toEqual([{ status: 'pending' }]);
  });

  it('refuses to publish a round whose mentee was matched since, and creates none of its matches', async () => {
    const cohort = await cohortOf({ mentors: 2, mentees: 3 });
    const { round } = await settle((await start(cohort.cohortId)).body.id);
    const [proposal] = (await allProposals(round.id)).items;
    // A request accepted meanwhile matched the mentee (with the other mentor).
    const other = cohort.mentors.find((m) => m.id !== proposal.mentorUserId)!;
    await t.api.db.query(
      `INSERT INTO matches (organization_id, id, cohort_id, mentor_user_id, mentee_user_id, status, origin)
       VALUES ($1, gen_random_uuid(), $2, $3, $4, 'trial', 'request')`,
      [org.id, cohort.cohortId, other.id, proposal.menteeUserId],
    );
    const refused = await t.http.post<ErrorBody>(
      `${base()}/matching-rounds/${round.id}/publish`,
      {},
      admin.token,
    );
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('round_stale');
    expect(
      await count(`SELECT count(*)::int AS n FROM matches WHERE organization_id = $1 AND origin_id = $2`, [
        org.id,
        round.id,
      ]),
    ).toBe(0);
    expect((await getRound(round.id)).status).toBe('completed');
  });

  describe('a round whose worker dies', () => {
    let cohort: RoundCohort;
    let roundId: string;
    const runJob = (attemptsMade = 0, signal?: AbortSignal) => {
      const tenancy = t.worker.get(TenancyService);
      return t.worker
        .get(MatchingRoundJob)
        .handle(Object.assign(new MatchingRoundPayload(), { organizationId: org.id, roundId }), {
          jobId: roundId,
          key: roundId,
          attemptsMade,
          signal,
          inTenant: (work) => tenancy.runInTenant(org.id, work),
        });
    };
    const proposalCount = () =>
      count(`SELECT count(*)::int AS n FROM round_proposals WHERE organization_id = $1 AND round_id = $2`, [
        org.id,
        roundId,
      ]);

    beforeAll(async () => {
      cohort = await cohortOf({ mentors: 10, mentees: 30 });
      // A round a worker had taken (running) when it died: no outbox row, so only this test runs it.
      [{ id: roundId }] = await t.api.db.query<{ id: string }>(
        `INSERT INTO matching_rounds (organization_id, id, cohort_id, status, objective, mode, created_by, attempts)
         VALUES ($1, gen_random_uuid(), $2, 'running', 'max-score', 'exact', $3, 1) RETURNING id`,
        [org.id, cohort.cohortId, admin.id],
      );
    });

    it('a solve the worker aborts (shutting down) saves nothing and leaves the round to the retry', async () => {
      const shutdown = new AbortController();
      shutdown.abort(new Error('the worker is shutting down'));
      await expect(runJob(0, shutdown.signal)).rejects.toThrow(/shutting down/);
      expect(await proposalCount()).toBe(0);
      expect((await getRound(roundId)).status).toBe('running');
    });

    it('leaves none of its proposals when the save fails half way, and the retry saves one set', async () => {
      // Fails the save's last statement, after every proposal is inserted in the same transaction.
      await t.api.db.query(`
        CREATE FUNCTION refuse_round_completion() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.status = 'completed' AND NEW.id = '${roundId}' THEN RAISE EXCEPTION 'worker killed'; END IF;
          RETURN NEW;
        END $$`);
      await t.api.db.query(
        `CREATE TRIGGER refuse_round_completion BEFORE UPDATE ON matching_rounds
           FOR EACH ROW EXECUTE FUNCTION refuse_round_completion()`,
      );
      await expect(runJob()).rejects.toThrow(/worker killed/);
      expect(await proposalCount()).toBe(0);
      expect((await getRound(roundId)).status).toBe('running');
      await t.api.db.query(`DROP TRIGGER refuse_round_completion ON matching_rounds`);
      await t.api.db.query(`DROP FUNCTION refuse_round_completion()`);

      await runJob(1);
      const saved = await proposalCount();
      const round = await getRound(roundId);
      expect(round.status).toBe('completed');
      expect(saved).toBe(round.matchedCount);
      expect(saved).toBeGreaterThan(0);
    });

    it('run twice more (a duplicate delivery), it still has one set of proposals', async () => {
      const before = await getRound(roundId);
      await Promise.all([runJob(2), runJob(2)]);
      expect(await proposalCount()).toBe(before.matchedCount);
      expect(await getRound(roundId)).toEqual(before);
    });
  });

  it('a job that stalled more often than the queue allows fails its round and frees the cohort', async () => {
    const cohort = await cohortOf({ mentors: 2, mentees: 3 });
    // Taken by a worker that was killed mid-run, again and again (no outbox row: only this job runs it).
    const [{ id: roundId }] = await t.api.db.query<{ id: string }>(
      `INSERT INTO matching_rounds (organization_id, id, cohort_id, status, objective, mode, created_by, attempts)
       VALUES ($1, gen_random_uuid(), $2, 'running', 'max-score', 'exact', $3, 2) RETURNING id`,
      [org.id, cohort.cohortId, admin.id],
    );
    expect((await start(cohort.cohortId)).body.code).toBe('round_in_progress');
    const queue = t.worker.get(JobQueueService).queue('matching');
    const job = await queue.add(
      'matching-round',
      { organizationId: org.id, roundId },
      { ...JOB_OPTIONS, jobId: `stalled-${roundId}`, delay: 3_600_000 },
    );
    // What BullMQ's stalled-job check writes when a job stalled past maxStalledCount: the next
    // worker to take it fails it for good without running its handler.
    await (await queue.client).hset(queue.toKey(job.id!), { defa: 'job stalled more than allowable limit' });
    await job.promote();
    await waitFor(async () => (await getRound(roundId)).status === 'failed', 'the stalled round to fail');
    const round = await getRound(roundId);
    expect(round.failure).toEqual({ code: 'round_failed', message: expect.stringMatching(/stalled/) });
    expect(round.phase).toBeNull();
    const next = await start(cohort.cohortId);
    expect(next.status).toBe(202);
    expect((await settle(next.body.id)).round.status).toBe('completed');
  });

  it("another organization's rounds and cohorts are not found", async () => {
    const stranger = await makeUser(t.http);
    const other = await makeOrganization(t.http, stranger, 'Other Rounds Org');
    const cohort = await cohortOf({ mentors: 1, mentees: 1 });
    const { round } = await settle((await start(cohort.cohortId)).body.id);
    const theirs = `/api/v1/orgs/${other.id}`;
    for (const [method, path] of [
      ['get', `${theirs}/matching-rounds/${round.id}`],
      ['get', `${theirs}/matching-rounds/${round.id}/proposals`],
      ['post', `${theirs}/matching-rounds/${round.id}/publish`],
      ['post', `${theirs}/matching-rounds/${round.id}/reruns`],
      ['post', `${theirs}/matching-rounds/${round.id}/dry-run`],
      ['post', `${theirs}/cohorts/${cohort.cohortId}/matching-rounds`],
      ['get', `${theirs}/cohorts/${cohort.cohortId}/matching-rounds`],
    ] as const) {
      const answer =
        method === 'get'
          ? await t.http.get<ErrorBody>(path, stranger.token)
          : await t.http.post<ErrorBody>(path, {}, stranger.token);
      expect([path, answer.status]).toEqual([path, 404]);
    }
  });
});
