import type { OrganizationView } from '@mentorship/contracts';
import { MatchingRoundPayload, matchingRoundJob, type RoundViewDto } from '@mentorship/matching';
import { JobQueueService, jobKeyOf } from '@mentorship/platform';
import {
  makeOrganization,
  makeRoundCohort,
  makeUser,
  startTestWorker,
  useTestApi,
  waitFor,
  type SignedUpUser,
} from '@mentorship/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { Job } from 'bullmq';

/**
 * A worker that shuts down while it solves a round (a deploy, a scale-down): the solve is aborted
 * instead of holding the shutdown until it ends, nothing of it is saved, and the queue runs the
 * round again on another worker, to the end. On the real API, worker, Postgres and Redis.
 */
describe('a worker that shuts down during a round', () => {
  const t = useTestApi();
  let admin: SignedUpUser;
  let org: OrganizationView;
  let worker: INestApplicationContext | undefined;
  afterAll(() => worker?.close());

  beforeAll(async () => {
    admin = await makeUser(t.http);
    org = await makeOrganization(t.http, admin, 'Shutdown Org');
  });

  const roundOf = async (id: string) =>
    (await t.http.get<RoundViewDto>(`/api/v1/orgs/${org.id}/matching-rounds/${id}`, admin.token)).body;
  const proposals = async (id: string) =>
    (
      await t.api.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM round_proposals WHERE organization_id = $1 AND round_id = $2`,
        [org.id, id],
      )
    )[0].n;

  it('aborts the solve, saves nothing, and the round runs again to the end on the next worker', async () => {
    // Large enough that scoring alone takes a while: the shutdown comes while it runs.
    const cohort = await makeRoundCohort(t.http, t.api.db, admin, org.id, { mentors: 500, mentees: 2000 });
    worker = await startTestWorker(t.api);
    const started = await t.http.post<RoundViewDto>(
      `/api/v1/orgs/${org.id}/cohorts/${cohort.cohortId}/matching-rounds`,
      {},
      admin.token,
    );
    expect(started.status).toBe(202);
    const roundId = started.body.id;
    await waitFor(async () => {
      const round = await roundOf(roundId);
      return round.status === 'running' && round.phase === 'scoring';
    }, 'the round to be scoring');

    await worker.close();
    worker = undefined;
    const stopped = await roundOf(roundId);
    expect(stopped.status).toBe('running');
    expect(await proposals(roundId)).toBe(0);
    const payload = Object.assign(new MatchingRoundPayload(), { organizationId: org.id, roundId });
    const queue = t.api.app.get(JobQueueService).queue('matching');
    const job = (await Job.fromId(queue, jobKeyOf(matchingRoundJob, payload)))!;
    // The attempt failed with the shutdown's reason and waits for its retry (the backoff).
    expect(await job.getState()).toBe('delayed');
    expect({ attemptsMade: job.attemptsMade, failedReason: job.failedReason }).toEqual({
      attemptsMade: 1,
      failedReason: expect.stringMatching(/cancelled: the worker is shutting down/),
    });

    worker = await startTestWorker(t.api);
    // Skip the rest of the backoff. On a loaded machine the new worker may start after the 2 s
    // backoff has run out and take the job itself, which leaves nothing to promote.
    await job.promote().catch(async (error: unknown) => {
      if ((await job.getState()) === 'delayed') throw error;
    });
    await waitFor(async () => (await roundOf(roundId)).status === 'completed', 'the retried round', 90_000);
    const round = await roundOf(roundId);
    expect(round.attempts).toBe(2);
    expect(await proposals(roundId)).toBe(round.matchedCount);
    expect(round.matchedCount).toBeGreaterThan(0);
  });
});
