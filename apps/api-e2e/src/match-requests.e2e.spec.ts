import { FIELD_LIMITS, type ErrorBody, type Page } from '@mentorship/contracts';
import type { MatchRequestViewDto, ReceivedMatchRequestPageDto } from '@mentorship/matching';
import { makeUser, type SignedUpUser, useTestApi } from '@mentorship/testing';
import { MatchingWorld, requestBody } from './support/matching-world';

type Answer = MatchRequestViewDto & ErrorBody;
type ReceivedPage = ReceivedMatchRequestPageDto;

/** The answer is the error `status` with the stable `code`. */
function expectRefused(
  answer: { status: number; body: { code?: string } },
  status: number,
  code: string,
): void {
  expect({ status: answer.status, code: answer.body.code }).toEqual({ status, code });
}

describe('structured match requests on the real API', () => {
  const t = useTestApi();
  let w: MatchingWorld;
  let mentee: SignedUpUser;
  let mentor: SignedUpUser;
  let otherMentor: SignedUpUser;

  const send = (who: SignedUpUser, body: object, cohortId = w.cohort.id) =>
    t.http.post<Answer>(`${w.base}/cohorts/${cohortId}/match-requests`, body, who.token);
  const act = (who: SignedUpUser, id: string, action: 'accept' | 'decline' | 'withdraw', body: object = {}) =>
    t.http.post<Answer>(`${w.base}/match-requests/${id}/${action}`, body, who.token);
  const stored = async (id: string) =>
    (
      await t.api.db.query<{ status: string; match_id: string | null }>(
        `SELECT status, match_id FROM match_requests WHERE id = $1`,
        [id],
      )
    )[0];

  beforeAll(async () => {
    w = await new MatchingWorld(t.http, t.api.db).create('Requests Org', { maxOpenRequestsPerMentee: 2 });
    mentee = await w.person('mentee', {}, { displayName: 'Mia Mentee' });
    mentor = await w.person('mentor', { mentorCapacity: 2 }, { displayName: 'Max Mentor' });
    otherMentor = await w.person('mentor', {}, { displayName: 'Olga Other' });
  });

  it('a mentee sends, both sides list it, the mentor accepts: a match in trial, as the program says', async () => {
    const sent = await send(mentee, requestBody(mentor.id));
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      status: 'open',
      cohortId: w.cohort.id,
      mentee: { userId: mentee.id, displayName: 'Mia Mentee' },
      mentor: { userId: mentor.id, displayName: 'Max Mentor' },
      subject: requestBody(mentor.id).subject,
      matchId: null,
    });
    const days = (Date.parse(sent.body.expiresAt) - Date.parse(sent.body.createdAt)) / 86_400_000;
    expect(Math.round(days)).toBe(w.program.settings.requestExpiryDays);

    const received = await t.http.get<Page<MatchRequestViewDto>>(
      `${w.base}/match-requests/received`,
      mentor.token,
    );
    expect(received.body.items.map((r) => r.id)).toEqual([sent.body.id]);
    const mine = await t.http.get<Page<MatchRequestViewDto>>(
      `${w.base}/match-requests/sent?status=open`,
      mentee.token,
    );
    expect(mine.body.items.map((r) => r.id)).toEqual([sent.body.id]);
    expect((await t.http.get(`${w.base}/match-requests/received`, mentee.token)).body).toMatchObject({
      total: 0,
    });

    const accepted = await act(mentor, sent.body.id, 'accept');
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    const [match] = await t.api.db.query<Record<string, unknown>>(
      `SELECT status, origin, origin_id, mentor_user_id, mentee_user_id, single_conversation FROM matches WHERE id = $1`,
      [accepted.body.matchId],
    );
    expect(match).toEqual({
      status: 'trial',
      origin: 'request',
      origin_id: sent.body.id,
      mentor_user_id: mentor.id,
      mentee_user_id: mentee.id,
      single_conversation: false,
    });
    const audit = await t.api.db.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE organization_id = $1 AND target_id = $2 ORDER BY occurred_at`,
      [w.org.id, sent.body.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['match_request.sent', 'match_request.accepted']);

    // Answered once: a second accept, a decline or a withdrawal is refused and changes nothing.
    for (const [who, action] of [
      [mentor, 'accept'],
      [mentor, 'decline'],
      [mentee, 'withdraw'],
    ] as const) {
      const again = await act(who, sent.body.id, action, action === 'decline' ? { reason: 'too-busy' } : {});
      expectRefused(again, 409, 'match_request_not_open');
    }
    // Matched with this mentor: no new request to them in the cohort.
    const repeat = await send(mentee, requestBody(mentor.id));
    expectRefused(repeat, 409, 'mentor_unavailable');
  });

  it('the mentor declines with a reason and suggests another mentor; the mentee reads both and cannot ask again', async () => {
    const asker = await w.person('mentee');
    const sent = await send(asker, requestBody(otherMentor.id));
    const badSuggestion = await act(otherMentor, sent.body.id, 'decline', {
      reason: 'not-my-area',
      suggestedMentorUserId: asker.id,
    });
    expectRefused(badSuggestion, 400, 'mentor_not_in_cohort');
    expect((await stored(sent.body.id)).status).toBe('open');
    const unknownReason = await act(otherMentor, sent.body.id, 'decline', { reason: 'bored' });
    expectRefused(unknownReason, 400, 'validation_failed');

    const declined = await act(otherMentor, sent.body.id, 'decline', {
      reason: 'not-my-area',
      note: 'Max knows this much better.',
      suggestedMentorUserId: mentor.id,
    });
    expect(declined.status).toBe(200);
    const seen = await t.http.get<Answer>(`${w.base}/match-requests/${sent.body.id}`, asker.token);
    expect(seen.body).toMatchObject({
      status: 'declined',
      declineReason: 'not-my-area',
      declineNote: 'Max knows this much better.',
      suggestedMentor: { userId: mentor.id, displayName: 'Max Mentor' },
    });
    const again = await send(asker, requestBody(otherMentor.id));
    expectRefused(again, 409, 'mentor_unavailable');
  });

  it('only the request’s mentor answers it and only its mentee withdraws it; for others it is not there', async () => {
    const asker = await w.person('mentee');
    const sent = await send(asker, requestBody(otherMentor.id));
    const stranger = await w.person('mentee');
    for (const [who, action] of [
      [asker, 'accept'],
      [mentor, 'accept'],
      [mentor, 'decline'],
      [otherMentor, 'withdraw'],
      [stranger, 'withdraw'],
    ] as const) {
      const refused = await act(who, sent.body.id, action, action === 'decline' ? { reason: 'other' } : {});
      expectRefused(refused, 404, 'match_request_not_found');
    }
    expect((await t.http.get(`${w.base}/match-requests/${sent.body.id}`, stranger.token)).status).toBe(404);
    expect((await t.http.get(`${w.base}/match-requests/${sent.body.id}`, w.admin.token)).status).toBe(200);
    // A mentee who left the cohort cannot be matched from it.
    await t.api.db.query(`UPDATE cohort_participants SET status = 'withdrawn' WHERE user_id = $1`, [
      asker.id,
    ]);
    expectRefused(await act(otherMentor, sent.body.id, 'accept'), 409, 'participant_not_enrolled');
    await t.api.db.query(`UPDATE cohort_participants SET status = 'enrolled' WHERE user_id = $1`, [asker.id]);
    const withdrawn = await act(asker, sent.body.id, 'withdraw');
    expect(withdrawn.body.status).toBe('withdrawn');
    const late = await act(otherMentor, sent.body.id, 'accept');
    expectRefused(late, 409, 'match_request_not_open');
    expect((await stored(sent.body.id)).match_id).toBeNull();
  });

  it('a mentee has at most the program’s open requests, also when sending many at once', async () => {
    const busy = await w.person('mentee');
    const mentors = await w.people(8, 'limit-mentor', 'mentor');
    const first = await send(busy, requestBody(mentors[0].id));
    expect(first.status).toBe(201);
    const duplicate = await send(busy, requestBody(mentors[0].id));
    expectRefused(duplicate, 409, 'match_request_duplicate');
    const burst = await Promise.all(mentors.slice(1).map((m) => send(busy, requestBody(m.id))));
    expect(burst.filter((r) => r.status === 201)).toHaveLength(1);
    const refused = burst.filter((r) => r.status === 409);
    expect(refused).toHaveLength(6);
    expect(new Set(refused.map((r) => r.body.code))).toEqual(new Set(['open_request_limit']));
    const [count] = await t.api.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM match_requests WHERE mentee_user_id = $1 AND status = 'open'`,
      [busy.id],
    );
    expect(count.n).toBe(2);
    // Withdrawing one frees a place for the next.
    await act(busy, first.body.id, 'withdraw');
    expect((await send(busy, requestBody(mentors[7].id))).status).toBe(201);
  });

  it('50 concurrent accepts for a mentor with 3 free places: exactly 3 matches and 47 answers of 409', async () => {
    const popular = await w.person('mentor', { mentorCapacity: 3 });
    const askers = await w.people(50, 'race-mentee', 'mentee');
    const ids = await w.requestsInBulk(
      askers.map((a) => a.id),
      popular.id,
    );
    const answers = await Promise.all(ids.map((id) => act(popular, id, 'accept')));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(3);
    const refused = answers.filter((a) => a.status === 409);
    expect(refused).toHaveLength(47);
    expect(new Set(refused.map((a) => a.body.code))).toEqual(new Set(['mentor_at_capacity']));
    const [load] = await t.api.db.query<{ matches: number; accepted: number; open: number }>(
      `SELECT (SELECT count(*)::int FROM matches WHERE mentor_user_id = $1) AS matches,
              (SELECT count(*)::int FROM match_requests WHERE mentor_user_id = $1 AND status = 'accepted') AS accepted,
              (SELECT count(*)::int FROM match_requests WHERE mentor_user_id = $1 AND status = 'open') AS open`,
      [popular.id],
    );
    expect(load).toEqual({ matches: 3, accepted: 3, open: 47 });
    // Full now: a new request to them is refused up front.
    const late = await send(await w.person('mentee'), requestBody(popular.id));
    expectRefused(late, 409, 'mentor_at_capacity');
  });

  it('the received page gives the mentor their places and free places in each cohort they mentor', async () => {
    const busy = await w.person('mentor', { mentorCapacity: 2 }, { displayName: 'Bea Busy' });
    const received = async (who: SignedUpUser) =>
      (await t.http.get<ReceivedPage>(`${w.base}/match-requests/received`, who.token)).body.places;
    const placesOf = async (who: SignedUpUser) =>
      (await received(who)).map(({ otherMentors: _others, ...places }) => places);
    expect(await placesOf(busy)).toEqual([
      { cohortId: w.cohort.id, cohortName: w.cohort.name, places: 2, freePlaces: 2 },
    ]);
    // Whom they may suggest instead: the cohort's other mentors with a place, never themselves.
    const [own] = await received(busy);
    const names = own.otherMentors.map((m) => m.displayName);
    expect(names).toContain('Olga Other');
    expect(own.otherMentors.map((m) => m.userId)).not.toContain(busy.id);
    // A full mentor is not worth suggesting.
    const full = await w.person('mentor', { mentorCapacity: 0 }, { displayName: 'Fay Full' });
    expect((await received(busy))[0].otherMentors.map((m) => m.userId)).not.toContain(full.id);
    const sent = await send(await w.person('mentee'), requestBody(busy.id));
    expect((await act(busy, sent.body.id, 'accept')).status).toBe(200);
    expect(await placesOf(busy)).toEqual([
      { cohortId: w.cohort.id, cohortName: w.cohort.name, places: 2, freePlaces: 1 },
    ]);
    // A cohort of a program without a capacity of theirs: the program's default counts.
    const firstDefault = w.cohort.settings.defaultMentorCapacity;
    const second = await w.newCohort({ defaultMentorCapacity: 4 });
    await w.enroll([busy], 'mentor', {}, second.id);
    await t.api.db.query(`UPDATE profiles SET mentor_capacity = NULL WHERE user_id = $1`, [busy.id]);
    expect(new Map((await placesOf(busy)).map((p) => [p.cohortId, [p.places, p.freePlaces]]))).toEqual(
      new Map([
        [w.cohort.id, [firstDefault, firstDefault - 1]],
        [second.id, [4, 3]],
      ]),
    );
    // Paused: no place anywhere. A mentee mentors nowhere.
    await t.api.db.query(`UPDATE profiles SET paused = true WHERE user_id = $1`, [busy.id]);
    expect((await placesOf(busy)).map((p) => p.places)).toEqual([0, 0]);
    expect(await placesOf(mentee)).toEqual([]);
  });

  it('a flash program’s accepted request is one conversation, active at once', async () => {
    const flash = await w.newCohort({ kind: 'flash', trialDays: null });
    const flashMentee = await w.person('mentee', {}, { cohortId: flash.id });
    const flashMentor = await w.person('mentor', {}, { cohortId: flash.id });
    const sent = await send(flashMentee, requestBody(flashMentor.id), flash.id);
    const accepted = await act(flashMentor, sent.body.id, 'accept');
    const [match] = await t.api.db.query(`SELECT status, single_conversation FROM matches WHERE id = $1`, [
      accepted.body.matchId,
    ]);
    expect(match).toEqual({ status: 'active', single_conversation: true });
  });

  it('refuses where mentees do not choose, outside matching, and for anyone not an enrolled mentee', async () => {
    const coordinated = await w.newCohort({ matchingMode: 'coordinator' });
    const there = await w.person('mentee', {}, { cohortId: coordinated.id });
    const off = await send(there, requestBody(mentor.id), coordinated.id);
    expectRefused(off, 409, 'mentee_choice_off');

    const enrolling = await w.newCohort({}, 'enrolling');
    const early = await w.person('mentee', {}, { cohortId: enrolling.id });
    const notYet = await send(early, requestBody(mentor.id), enrolling.id);
    expectRefused(notYet, 409, 'cohort_not_matching');

    const asMentor = await send(otherMentor, requestBody(mentor.id));
    expectRefused(asMentor, 403, 'not_cohort_mentee');
    const outsider = await makeUser(t.http);
    await t.api.db.query(
      `INSERT INTO memberships (organization_id, user_id, roles) VALUES ($1, $2, '{mentee}')`,
      [w.org.id, outsider.id],
    );
    const hidden = await send(outsider, requestBody(mentor.id));
    expectRefused(hidden, 404, 'cohort_not_found');

    const notAMentor = await send(mentee, requestBody(outsider.id));
    expectRefused(notAMentor, 400, 'mentor_not_in_cohort');
  });

  it('refuses hostile and over-long input with 400 and the field, writing nothing', async () => {
    const asker = await w.person('mentee');
    const before = await t.api.db.query(`SELECT count(*)::int AS n FROM match_requests`);
    const cases: [Record<string, unknown>, string][] = [
      [{ subject: 'x'.repeat(121) }, 'subject'],
      [{ subject: '    ' }, 'subject'],
      [{ howFound: 'y'.repeat(301) }, 'howFound'],
      [{ wantToLearn: 'short' }, 'wantToLearn'],
      [{ specificAsk: 'z'.repeat(501) }, 'specificAsk'],
      [{ offerBack: 42 }, 'offerBack'],
      [{ mentorUserId: 'not-a-uuid' }, 'mentorUserId'],
      [{ mentorUserId: undefined }, 'mentorUserId'],
      [{ status: 'accepted' }, 'status'],
    ];
    for (const [override, field] of cases) {
      const refused = await send(asker, requestBody(mentor.id, override));
      expectRefused(refused, 400, 'validation_failed');
      expect(JSON.stringify(refused.body.details)).toContain(field);
    }
    const nul = await send(asker, requestBody(mentor.id, { subject: 'a subject\u0000 with a NUL' }));
    expect(nul.status).toBe(400);
    const proto = await t.http.request<ErrorBody>('POST', `${w.base}/cohorts/${w.cohort.id}/match-requests`, {
      rawBody: `{"__proto__": {"admin": true}, "mentorUserId": "${mentor.id}"}`,
      token: asker.token,
    });
    expect(proto.status).toBe(400);
    expect((await act(mentor, 'not-a-uuid', 'accept')).body.code).toBe('match_request_not_found');
    expect((await t.http.get(`${w.base}/cohorts/nope/suggestions`, asker.token)).body).toMatchObject({
      code: 'cohort_not_found',
    });
    expect(await t.api.db.query(`SELECT count(*)::int AS n FROM match_requests`)).toEqual(before);
  });

  it('accepts every part at its limits (FIELD_LIMITS) and refuses one character past them', async () => {
    const asker = await w.person('mentee');
    const [atMin, atMax] = await w.people(2, 'limits-mentor', 'mentor');
    const parts = {
      subject: FIELD_LIMITS.matchRequestSubject,
      howFound: FIELD_LIMITS.matchRequestHowFound,
      wantToLearn: FIELD_LIMITS.matchRequestWantToLearn,
      specificAsk: FIELD_LIMITS.matchRequestSpecificAsk,
      offerBack: FIELD_LIMITS.matchRequestOfferBack,
    };
    const sized = (pick: (limit: { min: number; max: number }) => number) =>
      Object.fromEntries(
        Object.entries(parts).map(([field, limit]) => [field, '\u{1F600}'.repeat(pick(limit))]),
      );
    for (const [field, limit] of Object.entries(parts)) {
      for (const length of [limit.min - 1, limit.max + 1]) {
        const refused = await send(asker, requestBody(atMin.id, { [field]: 'a'.repeat(length) }));
        expect({ field, length, status: refused.status, code: refused.body.code }).toEqual({
          field,
          length,
          status: 400,
          code: 'validation_failed',
        });
      }
    }
    // Lengths count characters (code points): an emoji is one.
    expect(
      (
        await send(
          asker,
          requestBody(
            atMin.id,
            sized((l) => l.min),
          ),
        )
      ).status,
    ).toBe(201);
    const longest = await send(
      asker,
      requestBody(
        atMax.id,
        sized((l) => l.max),
      ),
    );
    expect(longest.status).toBe(201);
    expect([...longest.body.wantToLearn]).toHaveLength(FIELD_LIMITS.matchRequestWantToLearn.max);
    const toDecline = await send(await w.person('mentee'), requestBody(otherMentor.id));
    const long = await act(otherMentor, toDecline.body.id, 'decline', {
      reason: 'other',
      note: 'n'.repeat(FIELD_LIMITS.matchRequestDeclineNote.max + 1),
    });
    expectRefused(long, 400, 'validation_failed');
    const atLimit = await act(otherMentor, toDecline.body.id, 'decline', {
      reason: 'other',
      note: 'n'.repeat(FIELD_LIMITS.matchRequestDeclineNote.max),
    });
    expect(atLimit.status).toBe(200);
  });
});
