import { randomUUID } from 'node:crypto';
import type { ErrorBody } from '@mentorship/contracts';
import type { CohortFeedbackDto, OutcomeViewDto, PulseViewDto } from '@mentorship/mentorships';
import { Clock } from '@mentorship/platform';
import { type SignedUpUser, useTestApi } from '@mentorship/testing';
import { enrollInCohort, enrollingCohortOfNewProgram, trialMatch } from './support/cohort-matches';
import { makeOrgWithPeople } from './support/org-people';

const DAY_MS = 24 * 3600 * 1000;
type Answer<T> = T & ErrorBody;

describe('feedback: pulses, success measures, the end-of-cohort survey, in aggregate for coordinators', () => {
  const t = useTestApi();
  let orgId: string;
  const people = {} as Record<'admin' | 'coordinator' | 'mentor' | 'mentee' | 'outsider', SignedUpUser>;
  const clock = () => t.api.app.get(Clock);
  const org = () => `/api/v1/orgs/${orgId}`;
  const call = <T>(method: string, who: SignedUpUser, path: string, body?: unknown) =>
    t.http.request<Answer<T>>(method, `${org()}/${path}`, { token: who.token, body });
  const fields = (answer: { body: ErrorBody }) =>
    ((answer.body.details ?? []) as { field: string }[]).map((d) => d.field);

  /** A cohort (of a program with `settings`) where the mentor and the mentee are enrolled and matched. */
  const cohortWithMatch = async (settings: object) => {
    const cohortId = await enrollingCohortOfNewProgram(t.http, orgId, people.admin, {
      name: `Feedback ${randomUUID().slice(0, 8)}`,
      settings: { pulseIntervalDays: 14, ...settings },
    });
    await enrollInCohort(t.api.db, orgId, cohortId, [
      { member: people.mentor, role: 'mentor' },
      { member: people.mentee, role: 'mentee' },
    ]);
    const matchId = await trialMatch(t, orgId, cohortId, people);
    return { cohortId, matchId };
  };
  const close = (cohortId: string) =>
    t.api.db.query(`UPDATE cohorts SET status = 'closed' WHERE organization_id = $1 AND id = $2`, [
      orgId,
      cohortId,
    ]);

  beforeAll(async () => {
    orgId = await makeOrgWithPeople(t, 'Feedback Org', people, {
      coordinator: ['coordinator'],
      mentor: ['mentor'],
      mentee: ['mentee'],
      outsider: ['mentee'],
    });
  });

  it('takes one pulse per side and period of the program’s interval, and shows each side its own', async () => {
    const { cohortId, matchId } = await cohortWithMatch({});
    const before = await call<PulseViewDto>('GET', people.mentee, `matches/${matchId}/pulse`);
    expect(before.body).toMatchObject({ intervalDays: 14, period: 0, due: true, answers: [] });
    const invalid = await call('POST', people.mentee, `matches/${matchId}/pulse`, { rating: 6 });
    expect([invalid.status, fields(invalid)]).toEqual([400, ['rating']]);
    const byCoordinator = await call('POST', people.coordinator, `matches/${matchId}/pulse`, { rating: 3 });
    expect([byCoordinator.status, byCoordinator.body.code]).toEqual([403, 'match_side_only']);
    const first = await call<PulseViewDto>('POST', people.mentee, `matches/${matchId}/pulse`, {
      rating: 4,
      comment: 'Good start',
    });
    expect([first.status, first.body.due, first.body.answers.map((a) => [a.period, a.rating])]).toEqual([
      200,
      false,
      [[0, 4]],
    ]);
    const again = await call('POST', people.mentee, `matches/${matchId}/pulse`, { rating: 2 });
    expect([again.status, again.body.code, again.body.details]).toEqual([
      409,
      'pulse_already_answered',
      { nextPeriodOn: first.body.nextPeriodOn },
    ]);
    expect((await call<PulseViewDto>('GET', people.mentor, `matches/${matchId}/pulse`)).body).toMatchObject({
      due: true,
      answers: [],
    });
    await call('POST', people.mentor, `matches/${matchId}/pulse`, { rating: 2 });
    clock().advance(14 * DAY_MS);
    const next = await call<PulseViewDto>('GET', people.mentee, `matches/${matchId}/pulse`);
    expect([next.body.period, next.body.due]).toEqual([1, true]);
    await call('POST', people.mentee, `matches/${matchId}/pulse`, { rating: 5 });
    // Coordinators read pulses in aggregate only.
    expect(
      (await call<PulseViewDto>('GET', people.coordinator, `matches/${matchId}/pulse`)).body,
    ).toMatchObject({
      due: false,
      answers: [],
    });
    expect((await call('GET', people.outsider, `matches/${matchId}/pulse`)).status).toBe(404);

    // Success measures: each side reports its own.
    const bad = await call('PUT', people.mentee, `matches/${matchId}/outcomes`, { skillsGained: 'speaking' });
    expect([bad.status, fields(bad).sort()]).toEqual([
      400,
      ['careerStep', 'networkGrown', 'projectCompleted', 'skillsGained'],
    ]);
    const reported = await call<OutcomeViewDto>('PUT', people.mentee, `matches/${matchId}/outcomes`, {
      skillsGained: ['Facilitation'],
      projectCompleted: true,
      careerStep: false,
      networkGrown: true,
    });
    expect(reported.body).toMatchObject({
      side: 'mentee',
      skillsGained: ['Facilitation'],
      projectCompleted: true,
    });
    expect((await call('GET', people.mentee, `matches/${matchId}/outcomes`)).body).toMatchObject({
      side: 'mentee',
    });
    expect((await call('GET', people.mentor, `matches/${matchId}/outcomes`)).body).toBeNull();
    const coordinatorReports = await call('PUT', people.coordinator, `matches/${matchId}/outcomes`, {
      skillsGained: [],
      projectCompleted: false,
      careerStep: false,
      networkGrown: false,
    });
    expect([coordinatorReports.status, coordinatorReports.body.code]).toEqual([403, 'match_side_only']);

    // The end-of-cohort survey opens when the cohort is closed, once per enrolled person.
    const early = await call('POST', people.mentee, `cohorts/${cohortId}/survey`, { recommend: 9 });
    expect([early.status, early.body.code]).toEqual([409, 'cohort_not_closed']);
    expect((await call('GET', people.mentee, `cohorts/${cohortId}/survey`)).body).toEqual({
      cohortId,
      participant: true,
      open: false,
      answer: null,
    });
    await close(cohortId);
    expect((await call('GET', people.outsider, `cohorts/${cohortId}/survey`)).body).toMatchObject({
      participant: false,
      open: false,
    });
    expect((await call('GET', people.mentee, `cohorts/${randomUUID()}/survey`)).body.code).toBe(
      'cohort_not_found',
    );
    const outsider = await call('POST', people.outsider, `cohorts/${cohortId}/survey`, { recommend: 9 });
    expect([outsider.status, outsider.body.code]).toEqual([403, 'not_cohort_participant']);
    const out = await call('POST', people.mentee, `cohorts/${cohortId}/survey`, { recommend: 11 });
    expect([out.status, fields(out)]).toEqual([400, ['recommend']]);
    expect(
      (
        await call('POST', people.mentee, `cohorts/${cohortId}/survey`, {
          recommend: 10,
          comment: 'Loved it',
        })
      ).status,
    ).toBe(200);
    expect((await call('POST', people.mentor, `cohorts/${cohortId}/survey`, { recommend: 4 })).status).toBe(
      200,
    );
    const twice = await call('POST', people.mentee, `cohorts/${cohortId}/survey`, { recommend: 1 });
    expect([twice.status, twice.body.code]).toEqual([409, 'survey_already_answered']);
    expect((await call('GET', people.mentee, `cohorts/${cohortId}/survey`)).body).toEqual({
      cohortId,
      participant: true,
      open: true,
      answer: { recommend: 10, comment: 'Loved it', answeredAt: expect.any(String) },
    });

    const aggregate = await call<CohortFeedbackDto>(
      'GET',
      people.coordinator,
      `cohorts/${cohortId}/feedback`,
    );
    expect(aggregate.body).toEqual({
      cohortId,
      pulses: [
        { period: 0, answers: 2, averageRating: 3 },
        { period: 1, answers: 1, averageRating: 5 },
      ],
      recommendation: { answers: 2, promoters: 1, passives: 0, detractors: 1, netPromoterScore: 0 },
      outcomes: { reports: 1, skillsGained: 1, projectCompleted: 1, careerStep: 0, networkGrown: 1 },
      // The program keeps private notes from coordinators.
      comments: null,
    });
    const byMentor = await call('GET', people.mentor, `cohorts/${cohortId}/feedback`);
    expect([byMentor.status, byMentor.body.code]).toEqual([403, 'forbidden_role']);
    expect((await call('GET', people.coordinator, `cohorts/${randomUUID()}/feedback`)).body.code).toBe(
      'cohort_not_found',
    );
    await t.api.db.query(`UPDATE matches SET status = 'ended' WHERE organization_id = $1 AND id = $2`, [
      orgId,
      matchId,
    ]);
  });

  it('shows coordinators the comments, unattributed, where the program allows private notes', async () => {
    const { cohortId, matchId } = await cohortWithMatch({ privateNotesToCoordinators: true });
    await call('POST', people.mentor, `matches/${matchId}/pulse`, { rating: 3, comment: 'Busy month' });
    await close(cohortId);
    await call('POST', people.mentee, `cohorts/${cohortId}/survey`, {
      recommend: 8,
      comment: 'Would do it again',
    });
    const aggregate = await call<CohortFeedbackDto>('GET', people.admin, `cohorts/${cohortId}/feedback`);
    expect(aggregate.body.comments).toEqual(['Busy month', 'Would do it again']);
    expect(aggregate.body.recommendation).toMatchObject({ passives: 1, netPromoterScore: 0 });
    const audit = await t.api.db.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE organization_id = $1 AND action LIKE 'feedback.%' AND target_id IN ($2, $3)
        ORDER BY occurred_at`,
      [orgId, matchId, cohortId],
    );
    expect(audit.map((a) => a.action)).toEqual(['feedback.pulse_answered', 'feedback.survey_answered']);
    await t.api.db.query(`UPDATE matches SET status = 'ended' WHERE organization_id = $1 AND id = $2`, [
      orgId,
      matchId,
    ]);
  });
});
