import type { ErrorBody } from '@mentorship/contracts';
import {
  MENTOR_INDEX_CHANNEL,
  MentorIndexService,
  SuggestionLedger,
  SuggestionsService,
  type SuggestionListDto,
} from '@mentorship/matching';
import { DatabaseNotifications, TenantVersions } from '@mentorship/platform';
import {
  countRoundTrips,
  createTestServices,
  dropTestServices,
  HttpClient,
  makeOrganization,
  makeUser,
  startRedisServer,
  startTestApi,
  waitFor,
  type RedisServer,
  type SignedUpUser,
  type TestApi,
  type TestServices,
} from '@mentorship/testing';
import { MatchingWorld, requestBody } from './support/matching-world';

type Answer = SuggestionListDto & ErrorBody;

/** Two API replicas on one database and Redis, as behind a load balancer. */
describe('mentor suggestions with reasons, on two API replicas', () => {
  let services: TestServices;
  let one: TestApi;
  let two: TestApi;
  let http: HttpClient;
  let other: HttpClient;
  let w: MatchingWorld;
  let mentee: SignedUpUser;
  let expert: SignedUpUser;
  let good: SignedUpUser;
  let weak: SignedUpUser;

  const suggestions = (client: HttpClient, who: SignedUpUser, query = '', cohortId = w.cohort.id) =>
    client.get<Answer>(`${w.base}/cohorts/${cohortId}/suggestions${query}`, who.token);
  const ids = (answer: { body: Answer }) => answer.body.items.map((item) => item.mentorUserId);
  /** The mentees holding a mentor in the ledger now (Redis), with the end of each hold. */
  const holders = (cohortId: string, mentor: SignedUpUser) =>
    one.app.get(SuggestionLedger).holders(w.org.id, cohortId, mentor.id);
  /** What a write through the API does after its COMMIT; tests that write with SQL do it by hand. */
  const bump = () => one.app.get(TenantVersions).bump(w.org.id);

  beforeAll(async () => {
    services = await createTestServices();
    one = await startTestApi({ services });
    two = await startTestApi({ services });
    http = new HttpClient(one.baseUrl);
    other = new HttpClient(two.baseUrl);
    w = await new MatchingWorld(http, services.db).create('Suggestions Org', { suggestionFloodFactor: 1 });
    mentee = await w.person('mentee', {
      skills: [
        ['TypeScript', 4],
        ['SQL', 3],
      ],
      goals: ['public speaking'],
    });
    expert = await w.person(
      'mentor',
      {
        skills: [
          ['TypeScript', 5],
          ['SQL', 4],
        ],
        topics: ['public speaking'],
        mentorCapacity: 2,
      },
      { displayName: 'Eve Expert' },
    );
    good = await w.person(
      'mentor',
      { skills: [['TypeScript', 4]], mentorCapacity: 2 },
      { displayName: 'Gus Good' },
    );
    weak = await w.person('mentor', { skills: [['SQL', 1]], mentorCapacity: 2 }, { displayName: 'Wes Weak' });
  });

  afterAll(async () => {
    await one?.close();
    await two?.close();
    if (services) await dropTestServices(services);
  });

  it('ranks the cohort’s mentors best first, with the score and a reason for every component', async () => {
    const answer = await suggestions(http, mentee);
    expect(answer.status).toBe(200);
    expect(ids(answer)).toEqual([expert.id, good.id, weak.id]);
    const [best] = answer.body.items;
    expect(best).toMatchObject({ rank: 1, displayName: 'Eve Expert', freePlaces: 2, openRequestId: null });
    expect(best.score).toBeGreaterThan(answer.body.items[1].score);
    expect(best.components.map((c) => c.id)).toEqual(
      expect.arrayContaining(['skills', 'goals', 'availability', 'languages', 'seniority', 'timeZone']),
    );
    const skills = best.components.find((c) => c.id === 'skills');
    expect(skills?.reason).toBe('2 of 2 wanted skills at or above target level (SQL, TypeScript)');
    const sum = best.components.reduce((total, c) => total + c.points, 0);
    expect(Math.abs(sum - best.score)).toBeLessThan(0.1);
    expect((await suggestions(http, mentee, '?limit=1')).body.items).toHaveLength(1);
  });

  it('both replicas answer the same, from an index built once and rebuilt when a mentor’s profile changes', async () => {
    const indexes = [one, two].map((api) => api.app.get(MentorIndexService));
    const first = await suggestions(http, mentee);
    const second = await suggestions(other, mentee);
    expect(second.body).toEqual(first.body);
    const builds = indexes.map((index) => index.builds);
    const stamps = indexes.map((index) => index.stampReads);
    await suggestions(http, mentee);
    await suggestions(other, mentee);
    expect(indexes.map((index) => index.builds)).toEqual(builds);
    // Nothing changed: neither replica read the stamp again (change notifications stand in for it).
    expect(indexes.map((index) => index.stampReads)).toEqual(stamps);
    const heard = indexes.map((index) => index.heard);

    // Gus now offers what the mentee wants, at expert level: both replicas see it at their next request.
    const skills = await http.get<{ items: { id: string; name: string }[] }>(
      `${w.base}/skills?pageSize=100`,
      w.admin.token,
    );
    const idOf = (name: string) => skills.body.items.find((s) => s.name === name)?.id;
    const edited = await http.patch(
      `${w.base}/profiles/me`,
      {
        offeredSkills: [
          { skillId: idOf('TypeScript'), level: 5 },
          { skillId: idOf('SQL'), level: 5 },
        ],
        topics: ['public speaking', 'career'],
      },
      good.token,
    );
    expect(edited.status).toBe(200);
    // Postgres notifies at the profile's commit; each replica hears it on its own connection.
    await waitFor(() => indexes.every((index, i) => index.heard > heard[i]), 'both replicas notified');
    const afterOne = await suggestions(http, mentee);
    const afterTwo = await suggestions(other, mentee);
    expect(afterOne.body.indexVersion).not.toBe(first.body.indexVersion);
    expect(afterTwo.body).toEqual(afterOne.body);
    const gus = (answer: { body: Answer }) => answer.body.items.find((item) => item.mentorUserId === good.id);
    expect(gus(afterOne)?.score).toBeGreaterThan(gus(first)?.score ?? 100);
    expect(gus(afterOne)?.components.find((c) => c.id === 'skills')?.reason).toMatch(/^2 of 2 wanted skills/);
    expect(indexes.map((index) => index.builds)).toEqual(builds.map((n) => n + 1));
  });

  it('reads the stamp again while it cannot hear notifications, and trusts the index once it hears again', async () => {
    const index = two.app.get(MentorIndexService);
    const notifications = two.app.get(DatabaseNotifications);
    const listening = () => notifications.listening(MENTOR_INDEX_CHANNEL);
    await suggestions(other, mentee);
    const before = index.stampReads;
    await suggestions(other, mentee);
    expect(index.stampReads).toBe(before);

    await services.db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND query = 'LISTEN ${MENTOR_INDEX_CHANNEL}'`,
    );
    await waitFor(() => !listening(), 'the listening connection seen lost');
    const deaf = await suggestions(other, mentee);
    expect(deaf.status).toBe(200);
    expect(index.stampReads).toBe(before + 1);

    await waitFor(listening, 'listening again');
    await suggestions(other, mentee);
    const heard = index.stampReads;
    await suggestions(other, mentee);
    expect(index.stampReads).toBe(heard);
  });

  it('leaves out mentors who are full, paused, declined the mentee or are matched with them', async () => {
    const cohort = await w.newCohort();
    const asker = await w.person('mentee', { skills: [['TypeScript', 3]] }, { cohortId: cohort.id });
    const full = await w.person(
      'mentor',
      { skills: [['TypeScript', 5]], mentorCapacity: 1 },
      { cohortId: cohort.id },
    );
    const paused = await w.person(
      'mentor',
      { skills: [['TypeScript', 5]], paused: true },
      { cohortId: cohort.id },
    );
    const decliner = await w.person('mentor', { skills: [['TypeScript', 5]] }, { cohortId: cohort.id });
    const partner = await w.person('mentor', { skills: [['TypeScript', 5]] }, { cohortId: cohort.id });
    const plain = await w.person('mentor', { skills: [['TypeScript', 3]] }, { cohortId: cohort.id });
    const before = ids(await suggestions(http, asker, '', cohort.id));
    expect(new Set(before)).toEqual(new Set([full.id, decliner.id, partner.id, plain.id]));
    expect(before).not.toContain(paused.id);

    // The full mentor's one place goes to someone else's match, in another cohort.
    const elsewhere = await w.person('mentee');
    await services.db.query(
      `INSERT INTO matches (organization_id, id, cohort_id, mentor_user_id, mentee_user_id, status, origin)
       VALUES ($1, gen_random_uuid(), $2, $3, $4, 'trial', 'coordinator')`,
      [w.org.id, w.cohort.id, full.id, elsewhere.id],
    );
    const send = (mentor: SignedUpUser) =>
      http.post<{ id: string }>(
        `${w.base}/cohorts/${cohort.id}/match-requests`,
        requestBody(mentor.id),
        asker.token,
      );
    const toDecliner = await send(decliner);
    const holding = async (mentor: SignedUpUser) =>
      (await holders(cohort.id, mentor)).map((h) => h.menteeUserId);
    expect(await holding(decliner)).toEqual([asker.id]);
    const declined = await http.post(
      `${w.base}/match-requests/${toDecliner.body.id}/decline`,
      { reason: 'too-busy' },
      decliner.token,
    );
    expect(declined.status).toBe(200);
    // A decline frees the place the mentee's list held.
    expect(await holding(decliner)).toEqual([]);
    expect(await holding(plain)).toEqual([asker.id]);
    const toPartner = await send(partner);
    expect(
      (await http.post(`${w.base}/match-requests/${toPartner.body.id}/accept`, {}, partner.token)).status,
    ).toBe(200);
    // A match frees every place the mentee's list held.
    expect(await holding(plain)).toEqual([]);
    const toPlain = await send(plain);

    const left = await suggestions(other, asker, '', cohort.id);
    expect(ids(left)).toEqual([plain.id]);
    expect(left.body.items[0].openRequestId).toBe(toPlain.body.id);
  });

  it('shows a mentor to at most free places × the program’s factor mentees at once, counted across replicas', async () => {
    const cohort = await w.newCohort({ suggestionFloodFactor: 2 });
    const star = await w.person(
      'mentor',
      { skills: [['Go', 5]], mentorCapacity: 1 },
      { cohortId: cohort.id },
    );
    const backup = await w.person(
      'mentor',
      { skills: [['Go', 2]], mentorCapacity: 5 },
      { cohortId: cohort.id },
    );
    const fans = [];
    for (let i = 0; i < 4; i++)
      fans.push(await w.person('mentee', { skills: [['Go', 4]] }, { cohortId: cohort.id }));

    const seen = [];
    for (const [i, fan] of fans.entries())
      seen.push(ids(await suggestions(i % 2 ? other : http, fan, '', cohort.id)));
    expect(seen.map((list) => list.includes(star.id))).toEqual([true, true, false, false]);
    expect(seen.every((list) => list.includes(backup.id))).toBe(true);
    // Asking again keeps one's own place on the star's list.
    expect(ids(await suggestions(other, fans[0], '', cohort.id))).toContain(star.id);
    expect((await holders(cohort.id, star)).map((h) => h.menteeUserId).sort()).toEqual(
      [fans[0].id, fans[1].id].sort(),
    );

    // When the first fan's list runs out, the star is free for the next mentee.
    await one.app.get(SuggestionLedger).setHold(w.org.id, cohort.id, star.id, fans[0].id, Date.now() - 1000);
    expect(ids(await suggestions(http, fans[2], '', cohort.id))).toContain(star.id);
  });

  it('keeps the limit when many mentees ask at once on both replicas: no cohort lock, no more than the slots', async () => {
    const cohort = await w.newCohort({ suggestionFloodFactor: 2 });
    const star = await w.person(
      'mentor',
      { skills: [['Rust', 5]], mentorCapacity: 1 },
      { cohortId: cohort.id },
    );
    const fans = [];
    for (let i = 0; i < 12; i++)
      fans.push(await w.person('mentee', { skills: [['Rust', 4]] }, { cohortId: cohort.id }));
    const answers = await Promise.all(
      fans.map((fan, i) => suggestions(i % 2 ? other : http, fan, '', cohort.id)),
    );
    expect(answers.map((a) => a.status)).toEqual(fans.map(() => 200));
    // One free place x factor 2: at most two lists show the star, whoever came first (a list
    // whose slot another took at the same moment leaves the star out).
    const showing = answers.filter((a) => ids(a).includes(star.id)).length;
    expect(showing).toBeGreaterThanOrEqual(1);
    expect(showing).toBeLessThanOrEqual(2);
    const shownTo = async () => (await holders(cohort.id, star)).length;
    expect(await shownTo()).toBe(showing);
    // A fan left without the star asks again: the limit is reached, not passed.
    const left = fans.find((_, i) => !ids(answers[i]).includes(star.id));
    if (!left) throw new Error('every fan was shown the star');
    await suggestions(http, left, '', cohort.id);
    expect(await shownTo()).toBe(2);
  });

  it('sees a cohort closed, a place withdrawn or settings changed in the database at the very next list once the version moves, claiming nothing', async () => {
    const cohort = await w.newCohort();
    const asker = await w.person('mentee', { skills: [['TypeScript', 3]] }, { cohortId: cohort.id });
    const mentor = await w.person('mentor', { skills: [['TypeScript', 5]] }, { cohortId: cohort.id });
    expect(ids(await suggestions(http, asker, '', cohort.id))).toEqual([mentor.id]);
    // The second list reads nothing from Postgres: its answer is kept under the version.
    const reads = one.app.get(SuggestionsService).reads;
    expect(ids(await suggestions(http, asker, '', cohort.id))).toEqual([mentor.id]);
    expect(one.app.get(SuggestionsService).reads).toBe(reads);
    const held = async () => (await holders(cohort.id, mentor)).map((h) => h.until);
    const slots = await held();
    expect(slots).toHaveLength(1);

    // Behind the API's back, so no service of either replica takes part; then the bump every
    // write through the API makes after its COMMIT.
    await services.db.query(`UPDATE cohorts SET status = 'closed' WHERE id = $1`, [cohort.id]);
    await bump();
    const closed = await suggestions(http, asker, '', cohort.id);
    expect({ status: closed.status, code: closed.body.code }).toEqual({
      status: 409,
      code: 'cohort_not_matching',
    });
    expect(await held()).toEqual(slots);
    await services.db.query(`UPDATE cohorts SET status = 'running' WHERE id = $1`, [cohort.id]);
    await bump();
    expect(ids(await suggestions(http, asker, '', cohort.id))).toEqual([mentor.id]);

    await services.db.query(
      `UPDATE cohort_participants SET status = 'withdrawn' WHERE cohort_id = $1 AND user_id = $2`,
      [cohort.id, asker.id],
    );
    await bump();
    const gone = await suggestions(http, asker, '', cohort.id);
    expect({ status: gone.status, code: gone.body.code }).toEqual({ status: 403, code: 'not_cohort_mentee' });
    await services.db.query(
      `UPDATE cohort_participants SET status = 'enrolled' WHERE cohort_id = $1 AND user_id = $2`,
      [cohort.id, asker.id],
    );
    await bump();
    expect(ids(await suggestions(http, asker, '', cohort.id))).toEqual([mentor.id]);

    await services.db.query(
      `UPDATE cohorts SET settings_snapshot = settings_snapshot || '{"matchingMode": "coordinator"}' WHERE id = $1`,
      [cohort.id],
    );
    await bump();
    const off = await suggestions(http, asker, '', cohort.id);
    expect({ status: off.status, code: off.body.code }).toEqual({ status: 409, code: 'mentee_choice_off' });
  });

  it('is for enrolled mentees of mentee-choice cohorts that are matching or running', async () => {
    const refusals: [Promise<{ status: number; body: Answer }>, number, string][] = [
      [suggestions(http, expert), 403, 'not_cohort_mentee'],
      [suggestions(http, mentee, '?limit=0'), 400, 'validation_failed'],
      [suggestions(http, mentee, '?limit=21'), 400, 'validation_failed'],
      [suggestions(http, mentee, '?limit=0x5'), 400, 'validation_failed'],
    ];
    const coordinated = await w.newCohort({ matchingMode: 'coordinator' });
    const there = await w.person('mentee', {}, { cohortId: coordinated.id });
    refusals.push([suggestions(http, there, '', coordinated.id), 409, 'mentee_choice_off']);
    const enrolling = await w.newCohort({}, 'enrolling');
    const early = await w.person('mentee', {}, { cohortId: enrolling.id });
    refusals.push([suggestions(http, early, '', enrolling.id), 409, 'cohort_not_matching']);
    refusals.push([suggestions(http, there, ''), 404, 'cohort_not_found']);
    for (const [answer, status, code] of refusals) {
      const { status: got, body } = await answer;
      expect({ status: got, code: body.code }).toEqual({ status, code });
    }
  });

  it('answers a repeated list with no Postgres round trip: the membership and the answer from memory, the claims in Redis', async () => {
    const cohort = await w.newCohort();
    const asker = await w.person('mentee', { skills: [['Kotlin', 3]] }, { cohortId: cohort.id });
    const mentor = await w.person('mentor', { skills: [['Kotlin', 5]] }, { cohortId: cohort.id });
    const first = await countRoundTrips(() => suggestions(http, asker, '', cohort.id));
    expect(ids(first.result)).toEqual([mentor.id]);
    // The first list read the membership and the answer from Postgres.
    expect(first.statements.length).toBeGreaterThan(0);
    const { result, statements } = await countRoundTrips(() => suggestions(http, asker, '', cohort.id));
    expect(ids(result)).toEqual([mentor.id]);
    expect(statements).toEqual([]);
    // The mentee holds the mentor in the ledger.
    expect((await holders(cohort.id, mentor)).map((h) => h.menteeUserId)).toEqual([asker.id]);
  });

  it('sees the mentee’s own profile changed in the database at the very next list, with no notification of it, once the version moves', async () => {
    const cohort = await w.newCohort();
    const asker = await w.person(
      'mentee',
      { skills: [['Elixir', 3]], goals: ['public speaking'] },
      { cohortId: cohort.id },
    );
    await w.person(
      'mentor',
      { skills: [['Elixir', 5]], topics: ['public speaking'] },
      { cohortId: cohort.id },
    );
    const goalsOf = (answer: { body: Answer }) =>
      answer.body.items[0]?.components.find((c) => c.id === 'goals')?.reason;
    const first = await suggestions(http, asker, '', cohort.id);
    expect(goalsOf(first)).toMatch(/1 of 1 goals/);
    // Kept: the second list reads neither the cohort nor the profile.
    expect(goalsOf(await suggestions(http, asker, '', cohort.id))).toBe(goalsOf(first));

    // Behind the API's back and with the trigger off, so no replica is told.
    await services.db.query(`ALTER TABLE profiles DISABLE TRIGGER profiles_mentor_index_changed`);
    try {
      await services.db.query(`UPDATE profiles SET goals = '{}', updated_at = now() WHERE user_id = $1`, [
        asker.id,
      ]);
    } finally {
      await services.db.query(`ALTER TABLE profiles ENABLE TRIGGER profiles_mentor_index_changed`);
    }
    await bump();
    const after = await suggestions(http, asker, '', cohort.id);
    expect(after.status).toBe(200);
    expect(goalsOf(after)).toBe('no goals or topics stated');
    // The same as a replica that never listed for this mentee.
    expect(goalsOf(await suggestions(other, asker, '', cohort.id))).toBe(goalsOf(after));
  });

  it('writes nothing for a list repeated within the hour, and renews a hold that has run an hour or more', async () => {
    const cohort = await w.newCohort();
    const asker = await w.person('mentee', { skills: [['Scala', 3]] }, { cohortId: cohort.id });
    const mentor = await w.person('mentor', { skills: [['Scala', 5]] }, { cohortId: cohort.id });
    const hold = async () =>
      (await holders(cohort.id, mentor)).map((h) => ({
        ...h,
        hours: Math.round((h.until - Date.now()) / 3600_000),
      }));
    expect(ids(await suggestions(http, asker, '', cohort.id))).toEqual([mentor.id]);
    const first = await hold();
    expect(first).toHaveLength(1);
    expect(first[0].hours).toBe(72);
    // Again, on either replica: the same list, the hold untouched.
    expect(ids(await suggestions(other, asker, '', cohort.id))).toEqual([mentor.id]);
    expect(ids(await suggestions(http, asker, '', cohort.id))).toEqual([mentor.id]);
    expect(await hold()).toEqual(first);

    // A hold that has run for over an hour is renewed by the next list.
    await one.app
      .get(SuggestionLedger)
      .setHold(w.org.id, cohort.id, mentor.id, asker.id, Date.now() + 70 * 3600_000);
    expect(ids(await suggestions(http, asker, '', cohort.id))).toEqual([mentor.id]);
    const renewed = await hold();
    expect(renewed).toHaveLength(1);
    expect(renewed[0].hours).toBe(72);
  });

  it('sees a write on one replica at the next request of the other: a mentor who pauses leaves the list at once', async () => {
    const cohort = await w.newCohort();
    const asker = await w.person('mentee', { skills: [['Haskell', 3]] }, { cohortId: cohort.id });
    const first = await w.person('mentor', { skills: [['Haskell', 5]] }, { cohortId: cohort.id });
    const second = await w.person('mentor', { skills: [['Haskell', 4]] }, { cohortId: cohort.id });
    const service = two.app.get(SuggestionsService);
    // Both at or above the wanted level: which comes first is the tie's order, not this test's.
    const both = [first.id, second.id].sort();
    expect(ids(await suggestions(other, asker, '', cohort.id)).sort()).toEqual(both);
    const reads = service.reads;
    expect(ids(await suggestions(other, asker, '', cohort.id)).sort()).toEqual(both);
    expect(service.reads).toBe(reads);

    // Through replica one; replica two asks at once, without waiting for any notification: the
    // PATCH bumped the organization's version before it answered.
    const paused = await http.patch(`${w.base}/profiles/me`, { paused: true }, first.token);
    expect(paused.status).toBe(200);
    expect(ids(await suggestions(other, asker, '', cohort.id))).toEqual([second.id]);
    expect(service.reads).toBe(reads + 1);
  });

  it('refuses a member removed on one replica at the next request of the other, as it refuses another organization (404)', async () => {
    const cohort = await w.newCohort();
    const asker = await w.person('mentee', { skills: [['Erlang', 3]] }, { cohortId: cohort.id });
    await w.person('mentor', { skills: [['Erlang', 5]] }, { cohortId: cohort.id });
    expect((await suggestions(other, asker, '', cohort.id)).status).toBe(200);
    // Admitted from the kept membership now.
    const kept = await countRoundTrips(() => suggestions(other, asker, '', cohort.id));
    expect({ status: kept.result.status, statements: kept.statements }).toEqual({
      status: 200,
      statements: [],
    });

    expect((await http.delete(`${w.base}/members/${asker.id}`, w.admin.token)).status).toBe(204);
    const refused = await suggestions(other, asker, '', cohort.id);
    expect({ status: refused.status, code: refused.body.code }).toEqual({
      status: 404,
      code: 'organization_not_found',
    });
  });

  it('answers another organization’s member 404, every time (a refusal is not kept), and their own organization knows no such cohort', async () => {
    const stranger = await makeUser(http);
    const theirs = await makeOrganization(http, stranger, 'Elsewhere');
    for (let i = 0; i < 2; i++) {
      const here = await suggestions(http, stranger);
      expect({ status: here.status, code: here.body.code }).toEqual({
        status: 404,
        code: 'organization_not_found',
      });
    }
    const there = await http.get<Answer>(
      `/api/v1/orgs/${theirs.id}/cohorts/${w.cohort.id}/suggestions`,
      stranger.token,
    );
    expect({ status: there.status, code: there.body.code }).toEqual({
      status: 404,
      code: 'cohort_not_found',
    });
  });
});

/** The API on a Redis of the test's own, to stop: the flood ledger cannot be reached. */
describe('mentor suggestions while Redis does not answer', () => {
  let redis: RedisServer;
  let services: TestServices;
  let api: TestApi;
  let http: HttpClient;
  let w: MatchingWorld;

  beforeAll(async () => {
    redis = await startRedisServer();
    services = await createTestServices({ redisUrl: redis.url });
    api = await startTestApi({ services });
    http = new HttpClient(api.baseUrl);
    w = await new MatchingWorld(http, services.db).create('Redis Outage Org');
  });

  afterAll(async () => {
    await api?.close();
    if (services) await dropTestServices(services);
    await redis?.close();
  });

  it('refuses the list with 503 suggestions_unavailable (never a 500, never a list without the flood limit), and lists again once Redis is back', async () => {
    const asker = await w.person('mentee', { skills: [['OCaml', 3]] });
    const newcomer = await w.person('mentee', { skills: [['OCaml', 2]] });
    const mentor = await w.person('mentor', { skills: [['OCaml', 5]] });
    const list = (who: SignedUpUser) =>
      http.get<Answer>(`${w.base}/cohorts/${w.cohort.id}/suggestions`, who.token);
    expect((await list(asker)).body.items.map((item) => item.mentorUserId)).toEqual([mentor.id]);

    await redis.stop();
    try {
      // A kept answer (its claims fail) and a first list (its version read fails) alike.
      for (const who of [asker, newcomer]) {
        const refused = await list(who);
        expect({ status: refused.status, code: refused.body.code }).toEqual({
          status: 503,
          code: 'suggestions_unavailable',
        });
      }
    } finally {
      await redis.start();
    }
    await waitFor(async () => (await list(newcomer)).status === 200, 'suggestions once Redis is back');
    expect((await list(asker)).body.items.map((item) => item.mentorUserId)).toEqual([mentor.id]);
  });
});
