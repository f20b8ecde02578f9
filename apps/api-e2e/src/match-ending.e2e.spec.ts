import { randomUUID } from 'node:crypto';
import type { ErrorBody, MatchStatus } from '@mentorship/contracts';
import {
  CohortEndJob,
  CohortEndScanJob,
  type ExitSurveyViewDto,
  type MatchDetailDto,
} from '@mentorship/mentorships';
import { InvitationTokens } from '@mentorship/organizations';
import { Clock, JobQueueService, TenancyService, type JobRun } from '@mentorship/platform';
import { makeMember, makeOrganization, makeUser, type SignedUpUser, useTestApi } from '@mentorship/testing';

type Answer = MatchDetailDto & ErrorBody & { details: { field: string }[] };
type Survey = ExitSurveyViewDto & ErrorBody & { details: { field: string }[] };
const DAY_MS = 24 * 3600 * 1000;

describe('ending a match: early with a reason, at the cohort’s end, when a member leaves; its phase', () => {
  const t = useTestApi();
  let orgId: string;
  let cohortId: string;
  const people = {} as Record<'admin' | 'coordinator' | 'mentor' | 'mentee' | 'mentee2', SignedUpUser>;
  const accept = (id: string) => t.api.app.get(InvitationTokens).issue(orgId, id);
  const clock = () => t.api.app.get(Clock);

  /** A match in `status` as matching and the trial would leave it (its start on the timeline). */
  const matchIn = async (
    status: MatchStatus,
    pair = { mentor: people.mentor, mentee: people.mentee },
    cohort = cohortId,
  ) => {
    const id = randomUUID();
    await t.api.db.query(
      `INSERT INTO matches (organization_id, id, cohort_id, mentor_user_id, mentee_user_id, status, origin)
       VALUES ($1, $2, $3, $4, $5, $6, 'coordinator')`,
      [orgId, id, cohort, pair.mentor.id, pair.mentee.id, status],
    );
    if (status === 'trial' || status === 'active')
      await t.api.db.query(
        `INSERT INTO match_events (organization_id, id, match_id, action, from_status, to_status, actor, occurred_at)
         VALUES ($1, gen_random_uuid(), $2, 'accept', 'pending', $3, 'mentor', $4)`,
        [orgId, id, status, clock().now()],
      );
    return id;
  };
  const act = (who: SignedUpUser, id: string, body: object) =>
    t.http.post<Answer>(`/api/v1/orgs/${orgId}/matches/${id}/actions`, body, who.token);
  const get = (who: SignedUpUser, id: string) =>
    t.http.get<Answer>(`/api/v1/orgs/${orgId}/matches/${id}`, who.token);
  const survey = (who: SignedUpUser, id: string, body?: object) =>
    body
      ? t.http.post<Survey>(`/api/v1/orgs/${orgId}/matches/${id}/exit-survey`, body, who.token)
      : t.http.get<Survey>(`/api/v1/orgs/${orgId}/matches/${id}/exit-survey`, who.token);
  const statusOf = async (id: string) =>
    (
      await t.api.db.query<{ status: string; code: string | null; events: number }>(
        `SELECT status, exit_reason_code AS code,
                (SELECT count(*)::int FROM match_events e WHERE e.organization_id = m.organization_id AND e.match_id = m.id) AS events
           FROM matches m WHERE organization_id = $1 AND id = $2`,
        [orgId, id],
      )
    )[0];
  const newCohort = async (name: string) => {
    const program = await t.http.post<{ id: string }>(
      `/api/v1/orgs/${orgId}/programs`,
      { name, settings: { defaultMentorCapacity: 10 } },
      people.admin.token,
    );
    return (
      await t.http.post<{ id: string }>(
        `/api/v1/orgs/${orgId}/programs/${program.body.id}/cohorts`,
        { name: `${name} cohort`, startsOn: '2026-04-01', endsOn: '2099-09-30' },
        people.admin.token,
      )
    ).body.id;
  };

  beforeAll(async () => {
    people.admin = await makeUser(t.http);
    orgId = (await makeOrganization(t.http, people.admin, 'Ending Org')).id;
    people.coordinator = await makeMember(t.http, people.admin, orgId, ['coordinator'], accept);
    people.mentor = await makeMember(t.http, people.admin, orgId, ['mentor'], accept);
    people.mentee = await makeMember(t.http, people.admin, orgId, ['mentee'], accept);
    people.mentee2 = await makeMember(t.http, people.admin, orgId, ['mentee'], accept);
    cohortId = await newCohort('Ending');
  });

  it('ends early with a reason code and an optional note, refusing what is not one', async () => {
    const id = await matchIn('active');
    const chosenBySystem = await act(people.mentee, id, { action: 'end', reasonCode: 'member_left' });
    expect([chosenBySystem.status, chosenBySystem.body.details.map((d) => d.field)]).toEqual([
      400,
      ['reasonCode'],
    ]);
    const pending = await matchIn('pending', { mentor: people.mentor, mentee: people.mentee2 });
    const codeOnAccept = await act(people.mentor, pending, { action: 'accept', reasonCode: 'goals_met' });
    expect([
      codeOnAccept.status,
      codeOnAccept.body.code,
      codeOnAccept.body.details.map((d) => d.field),
    ]).toEqual([400, 'validation_failed', ['reasonCode']]);
    expect(await statusOf(pending)).toEqual({ status: 'pending', code: null, events: 0 });
    expect(await statusOf(id)).toEqual({ status: 'active', code: null, events: 1 });
    await act(people.coordinator, pending, { action: 'reject', reason: 'Cleaning up' });

    const ended = await act(people.mentee, id, {
      action: 'end',
      reasonCode: 'role_change',
      reason: 'New team, less time',
    });
    expect([ended.status, ended.body.status, ended.body.exitReasonCode, ended.body.exitReason]).toEqual([
      200,
      'ended',
      'role_change',
      'New team, less time',
    ]);
    expect(ended.body.timeline.at(-1)).toMatchObject({
      action: 'end',
      actor: 'mentee',
      reasonCode: 'role_change',
    });
    const [audit] = await t.api.db.query<{ details: Record<string, string> }>(
      `SELECT details FROM audit_events WHERE organization_id = $1 AND target_id = $2 AND details->>'action' = 'end'`,
      [orgId, id],
    );
    expect(audit?.details).toEqual({
      action: 'end',
      from: 'active',
      to: 'ended',
      actor: 'mentee',
      reasonCode: 'role_change',
    });
    // A code alone is enough; a note alone is recorded as `other`; a trial is left, not ended.
    const byCode = await act(
      people.coordinator,
      await matchIn('active', { mentor: people.mentor, mentee: people.mentee2 }),
      {
        action: 'end',
        reasonCode: 'goals_met',
      },
    );
    expect([byCode.body.status, byCode.body.exitReasonCode, byCode.body.exitReason]).toEqual([
      'ended',
      'goals_met',
      null,
    ]);
    const byNote = await act(people.mentor, await matchIn('active'), {
      action: 'end',
      reason: 'We are done',
    });
    expect(byNote.body.exitReasonCode).toBe('other');
    const trial = await act(
      people.mentee2,
      await matchIn('trial', { mentor: people.mentor, mentee: people.mentee2 }),
      {
        action: 'end',
        reasonCode: 'no_time',
      },
    );
    expect([trial.status, trial.body.code]).toEqual([409, 'match_action_not_allowed']);
    await t.api.db.query(
      `UPDATE matches SET status = 'ended' WHERE organization_id = $1 AND status = 'trial'`,
      [orgId],
    );
  });

  it('asks both sides an exit survey once the match ended, each answering once', async () => {
    const id = await matchIn('active');
    const early = await survey(people.mentee, id, { rating: 4 });
    expect([early.status, early.body.code]).toEqual([409, 'exit_survey_not_open']);
    expect((await survey(people.mentee, id)).body.open).toBe(false);
    await act(people.mentor, id, { action: 'end', reasonCode: 'not_a_fit' });
    const invited = await t.api.db.query<{ recipient: string }>(
      `SELECT recipient_user_id AS recipient FROM notifications
        WHERE organization_id = $1 AND kind = 'match.exit-survey' AND idempotency_key LIKE $2 ORDER BY recipient_user_id`,
      [orgId, `%${id}:%`],
    );
    expect(invited.map((n) => n.recipient)).toEqual([people.mentee.id, people.mentor.id].sort());

    const invalid = await survey(people.mentee, id, { rating: 6, whatWorked: 'x' });
    expect([invalid.status, invalid.body.details.map((d) => d.field)]).toEqual([400, ['rating']]);
    const coordinators = await survey(people.coordinator, id, { rating: 3 });
    expect([coordinators.status, coordinators.body.code]).toEqual([403, 'match_side_only']);
    const mine = await survey(people.mentee, id, {
      rating: 2,
      whatWorked: 'The first calls',
      whatToChange: 'More structure',
    });
    expect([mine.status, mine.body.open, mine.body.answers[0]]).toEqual([
      200,
      true,
      expect.objectContaining({ side: 'mentee', answered: true, rating: 2, whatToChange: 'More structure' }),
    ]);
    const again = await survey(people.mentee, id, { rating: 5 });
    expect([again.status, again.body.code]).toEqual([409, 'exit_survey_already_answered']);
    // The mentor learns the mentee answered, not what; coordinators read it.
    expect((await survey(people.mentor, id)).body.answers[0]).toMatchObject({
      answered: true,
      rating: null,
      whatWorked: null,
    });
    expect((await survey(people.coordinator, id)).body.answers[0]).toMatchObject({
      rating: 2,
      whatWorked: 'The first calls',
    });
    expect((await survey(people.mentor, id, { rating: 4 })).status).toBe(200);
    const outsider = await makeMember(t.http, people.admin, orgId, ['mentee'], accept);
    expect((await survey(outsider, id)).status).toBe(404);
  });

  it('ends a removed member’s matches with member_left, keeping them, and frees the mentor’s places', async () => {
    const leaving = await makeMember(t.http, people.admin, orgId, ['mentor'], accept);
    const active = await matchIn('active', { mentor: leaving, mentee: people.mentee });
    const trial = await matchIn('trial', { mentor: leaving, mentee: people.mentee2 });
    const pending = await matchIn('pending', { mentor: leaving, mentee: people.coordinator });
    const removed = await t.http.delete(`/api/v1/orgs/${orgId}/members/${leaving.id}`, people.admin.token);
    expect(removed.status).toBe(204);
    expect([await statusOf(active), await statusOf(trial), await statusOf(pending)]).toEqual([
      { status: 'ended', code: 'member_left', events: 2 },
      { status: 'trial_declined', code: 'member_left', events: 2 },
      { status: 'declined', code: 'member_left', events: 1 },
    ]);
    const [load] = await t.api.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM matches WHERE organization_id = $1 AND mentor_user_id = $2
          AND status IN ('pending', 'trial', 'active')`,
      [orgId, leaving.id],
    );
    expect(load?.n).toBe(0);
    // The mentee keeps the match's page, and (a trial's mentee) goes back to the queue.
    const kept = await get(people.mentee, active);
    expect([kept.status, kept.body.exitReasonCode, kept.body.timeline.at(-1)?.actor]).toEqual([
      200,
      'member_left',
      'system',
    ]);
    const [queued] = await t.api.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM rematch_queue WHERE organization_id = $1 AND match_id = $2 AND rematched_at IS NULL`,
      [orgId, trial],
    );
    expect(queued?.n).toBe(1);

    // A mentee who leaves ends theirs too, and waits in no queue.
    const goer = await makeMember(t.http, people.admin, orgId, ['mentee'], accept);
    const theirs = await matchIn('active', { mentor: people.mentor, mentee: goer });
    const theirTrial = await matchIn(
      'trial',
      { mentor: people.mentor, mentee: goer },
      await newCohort('Second'),
    );
    expect((await t.http.delete(`/api/v1/orgs/${orgId}/membership`, goer.token)).status).toBe(204);
    expect((await statusOf(theirs))?.code).toBe('member_left');
    expect((await statusOf(theirTrial))?.status).toBe('trial_declined');
    const waiting = await t.http.get<{ items: { kind: string; matchId: string }[] }>(
      `/api/v1/orgs/${orgId}/needs-attention?kind=rematch_waiting`,
      people.coordinator.token,
    );
    expect(waiting.body.items.map((i) => i.matchId)).toEqual([trial]);
    expect((await get(people.mentor, theirs)).status).toBe(200);
  });

  it('completes a cohort’s open matches once its last day has passed, through a job, once', async () => {
    const ending = await newCohort('Closing');
    const running = await newCohort('Running on');
    const ids = {
      active: await matchIn('active', { mentor: people.mentor, mentee: people.mentee }, ending),
      trial: await matchIn('trial', { mentor: people.mentor, mentee: people.mentee2 }, ending),
      pending: await matchIn('pending', { mentor: people.mentor, mentee: people.coordinator }, ending),
      elsewhere: await matchIn('active', { mentor: people.mentor, mentee: people.mentee }, running),
    };
    const inTenant = <T>(work: () => Promise<T>) => t.api.app.get(TenancyService).runInTenant(orgId, work);
    const run = () =>
      t.api.app.get(CohortEndJob).handle({ organizationId: orgId, cohortId: ending }, {
        jobId: 'test',
        key: 'test',
        attemptsMade: 0,
        inTenant,
      } satisfies JobRun);
    // The outbox hands the job to BullMQ at the commit (no worker runs here): it waits there.
    const jobId = `cohort-end.${orgId}.${ending}`;
    const outboxed = async () => {
      const [row] = await t.api.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM job_outbox WHERE organization_id = $1 AND job_key = $2`,
        [orgId, jobId],
      );
      return (
        (row?.n ?? 0) > 0 ||
        (await t.api.app.get(JobQueueService).queue('reminders').getJob(jobId)) !== undefined
      );
    };
    const today = clock().now().toISOString().slice(0, 10);
    await t.api.db.query(
      `UPDATE cohorts SET starts_on = '2026-01-01', ends_on = $3 WHERE organization_id = $1 AND id = $2`,
      [orgId, ending, today],
    );
    // On its last day, nothing yet: neither the scan nor an early job changes anything.
    const scan = t.api.app.get(CohortEndScanJob);
    await scan.tick({ schedule: 'cohort-end-scan', at: clock().now(), key: 'test' });
    expect(await outboxed()).toBe(false);
    await run();
    expect((await statusOf(ids.active))?.status).toBe('active');

    clock().advance(DAY_MS);
    try {
      await scan.tick({ schedule: 'cohort-end-scan', at: clock().now(), key: 'test' });
      expect(await outboxed()).toBe(true);
      await run();
      await run();
    } finally {
      clock().advance(-DAY_MS);
    }
    expect([await statusOf(ids.active), await statusOf(ids.trial), await statusOf(ids.pending)]).toEqual([
      { status: 'completed', code: 'cohort_ended', events: 2 },
      { status: 'completed', code: 'cohort_ended', events: 2 },
      { status: 'declined', code: 'cohort_ended', events: 1 },
    ]);
    expect((await statusOf(ids.elsewhere))?.status).toBe('active');
    expect((await get(people.mentee, ids.active)).body.timeline.at(-1)).toMatchObject({
      action: 'complete',
      actor: 'system',
      reasonCode: 'cohort_ended',
    });
    expect((await survey(people.mentee, ids.active)).body.open).toBe(true);
    // A cohort a coordinator closes before its last day is over as well.
    const closed = await newCohort('Closed early');
    const inClosed = await matchIn('active', { mentor: people.mentor, mentee: people.mentee2 }, closed);
    expect(
      (
        await t.http.post(
          `/api/v1/orgs/${orgId}/cohorts/${closed}/status`,
          { status: 'closed' },
          people.admin.token,
        )
      ).status,
    ).toBe(200);
    await scan.tick({ schedule: 'cohort-end-scan', at: clock().now(), key: 'test' });
    expect(
      await t.api.app.get(JobQueueService).queue('reminders').getJob(`cohort-end.${orgId}.${closed}`),
    ).toBeDefined();
    await t.api.app.get(CohortEndJob).handle({ organizationId: orgId, cohortId: closed }, {
      jobId: 'test',
      key: 'test',
      attemptsMade: 0,
      inTenant,
    } satisfies JobRun);
    expect(await statusOf(inClosed)).toEqual({ status: 'completed', code: 'cohort_ended', events: 2 });
    expect((await statusOf(ids.elsewhere))?.status).toBe('active');
    await act(people.coordinator, ids.elsewhere, { action: 'end', reasonCode: 'other' });
  });

  it('invites a closed cohort’s enrolled people to its survey once, with no match left open', async () => {
    const cohort = await newCohort('Survey');
    await t.api.db.query(
      `INSERT INTO cohort_participants (organization_id, id, cohort_id, email, user_id, role, status, source, enrolled_at)
       SELECT $1, gen_random_uuid(), $2, e, u, r, s, 'invitation', CASE WHEN s = 'enrolled' THEN now() END
         FROM unnest($3::text[], $4::uuid[], $5::text[], $6::text[]) AS given(e, u, r, s)`,
      [
        orgId,
        cohort,
        [people.mentor.email, people.mentee.email, people.mentee2.email],
        [people.mentor.id, people.mentee.id, people.mentee2.id],
        ['mentor', 'mentee', 'mentee'],
        ['enrolled', 'enrolled', 'applied'],
      ],
    );
    const invited = async () =>
      (
        await t.api.db.query<{ recipient: string }>(
          `SELECT recipient_user_id AS recipient FROM notifications
            WHERE organization_id = $1 AND kind = 'cohort.survey' AND idempotency_key LIKE $2 ORDER BY recipient_user_id`,
          [orgId, `%${cohort}%`],
        )
      ).map((row) => row.recipient);
    const jobId = `cohort-end.${orgId}.${cohort}`;
    const queued = async () =>
      (await t.api.app.get(JobQueueService).queue('reminders').getJob(jobId)) !== undefined;
    const scan = () =>
      t.api.app.get(CohortEndScanJob).tick({ schedule: 'cohort-end-scan', at: clock().now(), key: 'test' });
    const run = () =>
      t.api.app.get(CohortEndJob).handle({ organizationId: orgId, cohortId: cohort }, {
        jobId: 'test',
        key: 'test',
        attemptsMade: 0,
        inTenant: (work) => t.api.app.get(TenancyService).runInTenant(orgId, work),
      } satisfies JobRun);
    // Still running (no match either): not a candidate, and an early job asks nobody.
    await scan();
    expect(await queued()).toBe(false);
    await run();
    expect(await invited()).toEqual([]);

    const closing = await t.http.post(
      `/api/v1/orgs/${orgId}/cohorts/${cohort}/status`,
      { status: 'closed' },
      people.admin.token,
    );
    expect(closing.status).toBe(200);
    await scan();
    expect(await queued()).toBe(true);
    await run();
    await run();
    // The enrolled mentor and mentee, once each; not the applicant.
    expect(await invited()).toEqual([people.mentor.id, people.mentee.id].sort());
    // Invited: the schedule no longer picks the cohort up.
    await (await t.api.app.get(JobQueueService).queue('reminders').getJob(jobId))?.remove();
    await scan();
    expect(await queued()).toBe(false);
  });

  it('shows the phase by the clock: initiation in months 1–3, development to 12, maturation after', async () => {
    const id = await matchIn('active');
    expect(
      (
        await get(
          people.coordinator,
          await matchIn('pending', { mentor: people.mentor, mentee: people.mentee2 }),
        )
      ).body.phase,
    ).toBeNull();
    const phase = async () => (await get(people.mentee, id)).body.phase;
    expect(await phase()).toMatchObject({ phase: 'initiation', month: 1 });
    const started = Date.parse((await phase())?.startedAt ?? '');
    const moved: number[] = [];
    const advance = (days: number) => {
      clock().advance(days * DAY_MS);
      moved.push(days);
    };
    try {
      advance(95);
      expect(await phase()).toMatchObject({ phase: 'development', month: 4 });
      expect(Date.parse((await phase())?.phaseStartedAt ?? '') - started).toBeGreaterThanOrEqual(89 * DAY_MS);
      advance(280);
      expect(await phase()).toMatchObject({ phase: 'maturation', month: 13, nextPhaseAt: null });
      // Ended, it stays in the phase it ended in.
      await act(people.mentee, id, { action: 'end', reasonCode: 'goals_met' });
      advance(400);
      expect(await phase()).toMatchObject({ phase: 'maturation', month: 13, nextPhaseAt: null });
    } finally {
      clock().advance(-moved.reduce((a, b) => a + b, 0) * DAY_MS);
    }
  });
});
