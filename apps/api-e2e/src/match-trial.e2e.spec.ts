import { randomUUID } from 'node:crypto';
import type { ErrorBody } from '@mentorship/contracts';
import {
  MatchesService,
  RematchQueueService,
  TrialDeadlineJob,
  TrialHalfwayJob,
  type MatchDetailDto,
  type TrialViewDto,
} from '@mentorship/mentorships';
import { Clock, JobQueueService, TenancyService, type JobRun } from '@mentorship/platform';
import { type SignedUpUser, useTestApi } from '@mentorship/testing';
import { enrollingCohortOfNewProgram, trialMatch } from './support/cohort-matches';
import { makeOrgWithPeople } from './support/org-people';

const DAY_MS = 24 * 3600 * 1000;
type Answer = TrialViewDto & ErrorBody;

describe('the trial period, run with the test clock', () => {
  const t = useTestApi();
  let orgId: string;
  /** A cohort whose program ends a trial nobody answered, and one that continues it. */
  let endingCohort: string;
  let continuingCohort: string;
  const people = {} as Record<'admin' | 'coordinator' | 'mentor' | 'mentor2' | 'mentee', SignedUpUser>;
  const clock = () => t.api.app.get(Clock);
  const inTenant = <T>(work: () => Promise<T>) => t.api.app.get(TenancyService).runInTenant(orgId, work);
  /** Runs the job's handler as the worker would, for the match. */
  const fire = (handler: TrialHalfwayJob | TrialDeadlineJob, matchId: string) =>
    handler.handle({ organizationId: orgId, matchId }, {
      jobId: 'test',
      key: 'test',
      attemptsMade: 0,
      inTenant,
    } satisfies JobRun);
  const halfway = (id: string) => fire(t.api.app.get(TrialHalfwayJob), id);
  const deadline = (id: string) => fire(t.api.app.get(TrialDeadlineJob), id);

  const pending = async (cohortId: string, mentor = people.mentor) => {
    const id = randomUUID();
    await t.api.db.query(
      `INSERT INTO matches (organization_id, id, cohort_id, mentor_user_id, mentee_user_id, status, origin)
       VALUES ($1, $2, $3, $4, $5, 'pending', 'coordinator')`,
      [orgId, id, cohortId, mentor.id, people.mentee.id],
    );
    return id;
  };
  const accepted = (cohortId: string) => trialMatch(t, orgId, cohortId, people);
  const answerOf = (who: SignedUpUser, id: string, body: object) =>
    t.http.post<Answer>(`/api/v1/orgs/${orgId}/matches/${id}/trial/answers`, body, who.token);
  const trialOf = (who: SignedUpUser, id: string) =>
    t.http.get<Answer>(`/api/v1/orgs/${orgId}/matches/${id}/trial`, who.token);
  const match = async (id: string) =>
    (await t.http.get<MatchDetailDto>(`/api/v1/orgs/${orgId}/matches/${id}`, people.coordinator.token)).body;
  const park = (id: string) =>
    t.api.db.query(`UPDATE matches SET status = 'ended' WHERE organization_id = $1 AND id = $2`, [orgId, id]);

  beforeAll(async () => {
    orgId = await makeOrgWithPeople(t, 'Trial Org', people, {
      coordinator: ['coordinator'],
      mentor: ['mentor'],
      mentor2: ['mentor'],
      mentee: ['mentee'],
    });
    // Out of draft: the cohort's snapshot of its program holds the trial's rules.
    const cohortOf = (trialNoAnswer: 'end' | 'continue') =>
      enrollingCohortOfNewProgram(
        t.http,
        orgId,
        people.admin,
        { name: `Trial ${trialNoAnswer}`, settings: { trialDays: 14, trialNoAnswer } },
        `Cohort ${trialNoAnswer}`,
      );
    endingCohort = await cohortOf('end');
    continuingCohort = await cohortOf('continue');
  });

  it('ends after the cohort’s trial length, nudges once halfway, and both yes make the match active', async () => {
    const id = await accepted(endingCohort);
    const started = Date.parse((await match(id)).statusChangedAt);
    const trial = (await trialOf(people.mentee, id)).body;
    expect(Date.parse(trial.endsAt ?? '') - started).toBe(14 * DAY_MS);
    expect(Date.parse(trial.answersDueAt ?? '') - Date.parse(trial.endsAt ?? '')).toBe(7 * DAY_MS);
    // Both deadlines are delayed jobs, relayed to BullMQ with their delay.
    const reminders = t.api.app.get(JobQueueService).queue('reminders');
    const halfwayJob = await reminders.getJob(`trial-halfway.${orgId}.${id}`);
    const deadlineJob = await reminders.getJob(`trial-deadline.${orgId}.${id}`);
    expect(halfwayJob?.opts.delay).toBeGreaterThan(6 * DAY_MS);
    expect(halfwayJob?.opts.delay).toBeLessThanOrEqual(7 * DAY_MS);
    expect(deadlineJob?.opts.delay).toBeGreaterThan(20 * DAY_MS);
    expect(deadlineJob?.opts.delay).toBeLessThanOrEqual(21 * DAY_MS);

    await halfway(id);
    expect((await trialOf(people.mentee, id)).body.nudges).toEqual([]);
    clock().advance(7 * DAY_MS);
    await halfway(id);
    await halfway(id);
    expect((await trialOf(people.mentor, id)).body.nudges).toEqual(['halfway']);

    const mine = await answerOf(people.mentee, id, { continue: true, rating: 5, note: 'Great start' });
    expect([mine.status, mine.body.status]).toEqual([200, 'trial']);
    const again = await answerOf(people.mentee, id, { continue: false, rating: 1 });
    expect([again.status, again.body.code]).toEqual([409, 'trial_already_answered']);
    // The mentor sees that the mentee answered, not what.
    expect((await trialOf(people.mentor, id)).body.answers[0]).toEqual({
      side: 'mentee',
      answered: true,
      byDefault: false,
      continue: null,
      rating: null,
      note: null,
    });
    const both = await answerOf(people.mentor, id, { continue: true, rating: 4 });
    expect(both.body.status).toBe('active');
    const detail = await match(id);
    expect(detail.timeline.map((e) => [e.action, e.actor, e.actorUserId])).toEqual([
      ['accept', 'mentor', people.mentor.id],
      ['confirm', 'system', null],
    ]);
    expect(
      (await trialOf(people.coordinator, id)).body.answers.map((a) => [a.side, a.continue, a.rating, a.note]),
    ).toEqual([
      ['mentee', true, 5, 'Great start'],
      ['mentor', true, 4, null],
    ]);
    await deadline(id);
    expect((await match(id)).status).toBe('active');
    await park(id);
  });

  it('ends on one no without blame, frees the place and queues the mentee ahead, without that mentor', async () => {
    const id = await accepted(endingCohort);
    const no = await answerOf(people.mentee, id, { continue: false, rating: 2, note: 'Our goals differ' });
    expect(no.body.status).toBe('trial_declined');
    const late = await answerOf(people.mentor, id, { continue: true, rating: 4 });
    expect([late.status, late.body.code]).toEqual([409, 'trial_not_running']);
    // The reason is the coordinator's to read; the mentor only learns the trial ended.
    expect((await trialOf(people.mentor, id)).body.answers[0]).toMatchObject({
      answered: true,
      continue: null,
      note: null,
    });
    expect((await trialOf(people.coordinator, id)).body.answers[0]).toMatchObject({
      continue: false,
      note: 'Our goals differ',
    });
    const [load] = await t.api.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM matches WHERE organization_id = $1 AND mentor_user_id = $2
          AND status IN ('pending', 'trial', 'active')`,
      [orgId, people.mentor.id],
    );
    expect(load.n).toBe(0);
    const queue = t.api.app.get(RematchQueueService);
    expect(await inTenant(() => queue.waiting(endingCohort))).toEqual([
      expect.objectContaining({
        matchId: id,
        menteeUserId: people.mentee.id,
        excludedMentorUserId: people.mentor.id,
      }),
    ]);
    // Matching creates the new match: the mentee leaves the queue, the exclusion stays.
    await t.api.app.get(TenancyService).runInTenant(
      orgId,
      () =>
        t.api.app.get(MatchesService).create(
          [
            {
              cohortId: endingCohort,
              mentorUserId: people.mentor2.id,
              menteeUserId: people.mentee.id,
              status: 'pending',
              origin: 'round',
            },
          ],
          new Map([[people.mentor2.id, 2]]),
        ),
      { userId: people.coordinator.id, email: people.coordinator.email, roles: ['coordinator'] },
    );
    expect(await inTenant(() => queue.waiting(endingCohort))).toEqual([]);
    expect(await inTenant(() => queue.excludedMentors(endingCohort, people.mentee.id))).toEqual([
      people.mentor.id,
    ]);
    await t.api.db.query(
      `UPDATE matches SET status = 'ended' WHERE organization_id = $1 AND mentor_user_id = $2`,
      [orgId, people.mentor2.id],
    );
  });

  it("applies the program's default to a side with no answer by the deadline, once", async () => {
    const ending = await accepted(endingCohort);
    expect((await answerOf(people.mentor, ending, { continue: true, rating: 3 })).body.status).toBe('trial');
    await deadline(ending);
    expect((await match(ending)).status).toBe('trial');
    clock().advance(21 * DAY_MS);
    await deadline(ending);
    await deadline(ending);
    const ended = await match(ending);
    expect(ended.status).toBe('trial_declined');
    expect(ended.timeline.map((e) => [e.action, e.actor])).toEqual([
      ['accept', 'mentor'],
      ['end_trial', 'system'],
    ]);
    expect(
      (await trialOf(people.coordinator, ending)).body.answers.map((a) => [a.side, a.byDefault, a.continue]),
    ).toEqual([
      ['mentee', true, false],
      ['mentor', false, true],
    ]);
    const [audit] = await t.api.db.query<{ actor: string | null }>(
      `SELECT actor_user_id AS actor FROM audit_events WHERE organization_id = $1 AND target_id = $2
          AND details->>'action' = 'end_trial'`,
      [orgId, ending],
    );
    expect(audit).toEqual({ actor: null });

    const continuing = await accepted(continuingCohort);
    clock().advance(21 * DAY_MS);
    await deadline(continuing);
    expect((await match(continuing)).status).toBe('active');
    await park(continuing);
  });

  it('lets a coordinator decide for them, and only the two sides answer', async () => {
    const id = await accepted(endingCohort);
    const refused = await answerOf(people.coordinator, id, { continue: true, rating: 5 });
    expect([refused.status, refused.body.code]).toEqual([403, 'trial_answer_not_a_side']);
    const invalid = await answerOf(people.mentee, id, { continue: true, rating: 6 });
    expect([invalid.status, invalid.body.code]).toEqual([400, 'validation_failed']);
    const decided = await t.http.post<MatchDetailDto>(
      `/api/v1/orgs/${orgId}/matches/${id}/actions`,
      { action: 'confirm' },
      people.coordinator.token,
    );
    expect(decided.body.status).toBe('active');
    clock().advance(30 * DAY_MS);
    await deadline(id);
    expect((await match(id)).timeline.map((e) => e.action)).toEqual(['accept', 'confirm']);
    await park(id);
  });

  it('has no trial for a flash match: accept makes it active at once, with no deadlines', async () => {
    const program = await t.http.post<{ id: string }>(
      `/api/v1/orgs/${orgId}/programs`,
      { name: 'Flash', settings: { kind: 'flash' } },
      people.admin.token,
    );
    const cohort = await t.http.post<{ id: string }>(
      `/api/v1/orgs/${orgId}/programs/${program.body.id}/cohorts`,
      { name: 'Flash cohort', startsOn: '2026-04-01', endsOn: '2099-09-30' },
      people.admin.token,
    );
    const id = await pending(cohort.body.id);
    const answer = await t.http.post<MatchDetailDto>(
      `/api/v1/orgs/${orgId}/matches/${id}/actions`,
      { action: 'accept' },
      people.mentor.token,
    );
    expect(answer.body.status).toBe('active');
    expect(answer.body.timeline.map((e) => [e.action, e.from, e.to])).toEqual([
      ['accept', 'pending', 'active'],
    ]);
    expect((await trialOf(people.mentee, id)).body.endsAt).toBeNull();
    const reminders = t.api.app.get(JobQueueService).queue('reminders');
    expect(await reminders.getJob(`trial-deadline.${orgId}.${id}`)).toBeUndefined();
    await park(id);
  });
});
