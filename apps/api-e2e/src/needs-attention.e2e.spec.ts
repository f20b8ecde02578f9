import { randomUUID } from 'node:crypto';
import type { ErrorBody } from '@mentorship/contracts';
import type { NeedsAttentionPageDto } from '@mentorship/mentorships';
import { Clock } from '@mentorship/platform';
import { makeOrganization, makeUser, type SignedUpUser, useTestApi } from '@mentorship/testing';
import { MatchingWorld } from './support/matching-world';

type Answer = NeedsAttentionPageDto & ErrorBody & { details: { field: string }[] };
const DAY_MS = 24 * 3600 * 1000;

describe('the coordinator’s “needs attention” list', () => {
  const t = useTestApi();
  let w: MatchingWorld;
  let coordinator: SignedUpUser;
  let mentor: SignedUpUser;
  let quietCohort: string;
  const mentees: SignedUpUser[] = [];
  const ids = {} as Record<
    | 'trialSoon'
    | 'trialLater'
    | 'declined'
    | 'declinedRematched'
    | 'quiet'
    | 'talking'
    | 'neverMet'
    | 'mapped'
    | 'otherCohort',
    string
  >;

  const list = (query = '', who = coordinator) =>
    t.http.get<Answer>(`${w.base}/needs-attention${query}`, who.token);
  const summary = (answer: { body: Answer }) =>
    answer.body.items.map(
      (item) => `${item.kind} ${Object.entries(ids).find(([, id]) => id === item.matchId)?.[0]}`,
    );
  /** A match `daysAgo` old (its first step into trial or active then), of a new mentee. */
  const match = async (
    status: string,
    options: { daysAgo?: number; trialEndsInDays?: number; cohortId?: string; menteeIndex?: number } = {},
  ) => {
    const id = randomUUID();
    const mentee =
      options.menteeIndex !== undefined ? mentees[options.menteeIndex]! : await w.person('mentee');
    if (options.menteeIndex === undefined) mentees.push(mentee);
    await t.api.db.query(
      `INSERT INTO matches (organization_id, id, cohort_id, mentor_user_id, mentee_user_id, status, origin, trial_ends_at,
                            status_changed_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'coordinator', now() + make_interval(days => $7::int), now() - make_interval(days => $8::int),
               now() - make_interval(days => $8::int))`,
      [
        w.org.id,
        id,
        options.cohortId ?? quietCohort,
        mentor.id,
        mentee.id,
        status,
        options.trialEndsInDays ?? null,
        options.daysAgo ?? 0,
      ],
    );
    if (options.trialEndsInDays === undefined)
      await t.api.db.query(`UPDATE matches SET trial_ends_at = NULL WHERE organization_id = $1 AND id = $2`, [
        w.org.id,
        id,
      ]);
    await t.api.db.query(
      `INSERT INTO match_events (organization_id, id, match_id, action, from_status, to_status, actor, occurred_at)
       VALUES ($1, gen_random_uuid(), $2, 'accept', 'pending', 'trial', 'system', now() - make_interval(days => $3::int))`,
      [w.org.id, id, options.daysAgo ?? 0],
    );
    return id;
  };
  const checkIn = (matchId: string, daysAgo: number) =>
    t.api.db.query(
      `INSERT INTO check_ins (organization_id, id, match_id, held_on, duration_minutes, shared_notes, action_items,
                              milestone_progress, logged_by, logged_at)
       VALUES ($1, gen_random_uuid(), $2, current_date - $3::int, 30, '', '[]', '[]', $4, now())`,
      [w.org.id, matchId, daysAgo, mentor.id],
    );

  beforeAll(async () => {
    w = await new MatchingWorld(t.http, t.api.db).create('Attention Org', {
      checkInCadence: 'weekly',
      quietDays: 14,
    });
    quietCohort = w.cohort.id;
    coordinator = await w.person(
      'mentee',
      {},
      { displayName: 'Cora Coordinator', orgRoles: ['coordinator'] },
    );
    mentor = await w.person('mentor', { mentorCapacity: 20 }, { displayName: 'Max Mentor' });
    ids.trialSoon = await match('trial', { trialEndsInDays: 3 });
    ids.trialLater = await match('trial', { trialEndsInDays: 20 });
    ids.declined = await match('trial_declined', { daysAgo: 2 });
    ids.declinedRematched = await match('trial_declined', { daysAgo: 2 });
    const queue = `INSERT INTO rematch_queue (organization_id, match_id, cohort_id, mentee_user_id, excluded_mentor_user_id, queued_at)
                   SELECT organization_id, id, cohort_id, mentee_user_id, mentor_user_id, now() - interval '2 days'
                     FROM matches WHERE organization_id = $1 AND id = $2`;
    await t.api.db.query(queue, [w.org.id, ids.declined]);
    await t.api.db.query(queue, [w.org.id, ids.declinedRematched]);
    // That mentee has a new match in the cohort already (a pending one): not waiting any more.
    await match('pending', { menteeIndex: mentees.length - 1 });
    // Weekly cadence: 14 quiet days list a pair.
    ids.quiet = await match('active', { daysAgo: 60 });
    await checkIn(ids.quiet, 20);
    ids.talking = await match('active', { daysAgo: 60 });
    await checkIn(ids.talking, 3);
    ids.neverMet = await match('active', { daysAgo: 30 });
    ids.mapped = await match('active', { daysAgo: 5 });
    const milestone = (title: string, dueIn: number, done: boolean) => ({
      id: randomUUID(),
      title,
      dueOn: new Date(Date.now() + dueIn * DAY_MS).toISOString().slice(0, 10),
      doneOn: done ? new Date().toISOString().slice(0, 10) : null,
    });
    await t.api.db.query(
      `INSERT INTO mentorship_maps (organization_id, match_id, version, content, next_review_on, updated_by, updated_at, created_at)
       VALUES ($1, $2, 1, $3, current_date, $4, now(), now())`,
      [
        w.org.id,
        ids.mapped,
        {
          milestones: [
            milestone('Lead a retro', -2, false),
            milestone('Write an RFC', -2, true),
            milestone('Give a talk', 5, false),
          ],
        },
        mentor.id,
      ],
    );
    const other = await w.newCohort({}, 'running');
    ids.otherCohort = await match('active', { daysAgo: 40, cohortId: other.id });
  });

  it('lists trials ending, declined trials waiting, quiet pairs and missed milestones, oldest first', async () => {
    const answer = await list(`?cohortId=${quietCohort}`);
    expect(answer.status).toBe(200);
    expect(summary(answer)).toEqual([
      'no_check_in neverMet',
      'no_check_in quiet',
      'milestone_missed mapped',
      'rematch_waiting declined',
      'trial_ending trialSoon',
    ]);
    expect(answer.body.total).toBe(5);
    const byKind = Object.fromEntries(
      answer.body.items.map((item) => [item.kind + ' ' + item.matchId, item]),
    );
    const quiet = byKind[`no_check_in ${ids.quiet}`]!;
    expect(quiet).toMatchObject({
      matchStatus: 'active',
      cohortId: quietCohort,
      cohortName: w.cohort.name,
      mentor: { userId: mentor.id, displayName: 'Max Mentor' },
      reason: "No check-in for 20 days (the program's limit is 14 days without one).",
      milestone: null,
    });
    expect(Date.parse(quiet.dueAt ?? '') - Date.parse(quiet.since)).toBe(14 * DAY_MS);
    const missed = byKind[`milestone_missed ${ids.mapped}`]!;
    expect(missed.milestone?.title).toBe('Lead a retro');
    expect(missed.reason).toMatch(
      /^The milestone "Lead a retro" was due on \d{4}-\d{2}-\d{2} and is not done\.$/,
    );
    expect(byKind[`rematch_waiting ${ids.declined}`]).toMatchObject({
      matchStatus: 'trial_declined',
      dueAt: null,
    });
    expect(byKind[`trial_ending ${ids.trialSoon}`]?.reason).toMatch(/^The trial ends on /);
  });

  it('filters by kind and by the trial window, pages, and reads time from the clock', async () => {
    expect(
      summary(await list(`?cohortId=${quietCohort}&kind=trial_ending&trialEndingWithinDays=30`)),
    ).toEqual(['trial_ending trialSoon', 'trial_ending trialLater']);
    expect(summary(await list(`?cohortId=${quietCohort}&kind=trial_ending&trialEndingWithinDays=2`))).toEqual(
      [],
    );
    const second = await list(`?cohortId=${quietCohort}&page=2&pageSize=2`);
    expect([summary(second), second.body.total, second.body.page]).toEqual([
      ['milestone_missed mapped', 'rematch_waiting declined'],
      5,
      2,
    ]);
    // Organization-wide: the other cohort's quiet pair as well.
    expect(summary(await list('?kind=no_check_in'))).toEqual([
      'no_check_in otherCohort',
      'no_check_in neverMet',
      'no_check_in quiet',
    ]);
    // Twelve days on, the pair that met three days ago is quiet too, and the first trial has ended.
    t.api.app.get(Clock).advance(12 * DAY_MS);
    try {
      const later = await list(`?cohortId=${quietCohort}`);
      expect(summary(later)).toContain('no_check_in talking');
      expect(later.body.items.find((item) => item.matchId === ids.trialSoon)?.reason).toMatch(
        /^The trial ended on .* and is not decided yet\.$/,
      );
    } finally {
      t.api.app.get(Clock).advance(-12 * DAY_MS);
    }
  });

  it('is for coordinators and admins; bad filters are 400 naming the field; another organization’s cohort is 404', async () => {
    expect((await list('', w.admin)).status).toBe(200);
    const mentors = await list('', mentor);
    expect([mentors.status, mentors.body.code]).toEqual([403, 'forbidden_role']);
    for (const [query, field] of [
      ['?cohortId=nope', 'cohortId'],
      ['?kind=everything', 'kind'],
      ['?trialEndingWithinDays=91', 'trialEndingWithinDays'],
      ['?pageSize=1000', 'pageSize'],
    ] as const) {
      const refused = await list(query);
      expect([query, refused.status, refused.body.code, refused.body.details.map((d) => d.field)]).toEqual([
        query,
        400,
        'validation_failed',
        [field],
      ]);
    }
    const stranger = await makeUser(t.http);
    const strangersOrg = await makeOrganization(t.http, stranger, 'Stranger Org');
    const theirs = await t.http.get<Answer>(
      `/api/v1/orgs/${strangersOrg.id}/needs-attention?cohortId=${quietCohort}`,
      stranger.token,
    );
    expect([theirs.status, theirs.body.code]).toEqual([404, 'cohort_not_found']);
    const own = await t.http.get<Answer>(`/api/v1/orgs/${strangersOrg.id}/needs-attention`, stranger.token);
    expect([own.status, own.body.total]).toEqual([200, 0]);
    expect((await t.http.get(`${w.base}/needs-attention`, stranger.token)).status).toBe(404);
  });

  describe('the cohort’s matches (the cohort page’s Matches tab)', () => {
    type MatchList = ErrorBody & {
      items: { id: string; status: string; mentor: { displayName: string }; cohortName: string }[];
      total: number;
      details: { field: string }[];
    };
    const matchesOf = (cohortId: string, query = '', who = coordinator) =>
      t.http.get<MatchList>(`${w.base}/cohorts/${cohortId}/matches${query}`, who.token);

    it('lists every match of the cohort in every state, the latest change first, and filters by state', async () => {
      const all = await matchesOf(quietCohort, '?pageSize=100');
      expect(all.status).toBe(200);
      const inCohort = await t.api.db.query(
        `SELECT id, status FROM matches WHERE organization_id = $1 AND cohort_id = $2
          ORDER BY status_changed_at DESC, id`,
        [w.org.id, quietCohort],
      );
      expect(all.body.total).toBe(inCohort.length);
      expect(all.body.items.map((m) => [m.id, m.status])).toEqual(
        inCohort.map((m) => [m['id'], m['status']]),
      );
      expect(all.body.items.map((m) => m.id)).not.toContain(ids.otherCohort);
      expect(all.body.items[0]).toMatchObject({
        mentor: { displayName: 'Max Mentor' },
        cohortName: w.cohort.name,
      });
      const trials = await matchesOf(quietCohort, '?status=trial');
      expect(trials.body.items.map((m) => m.id).sort()).toEqual([ids.trialSoon, ids.trialLater].sort());
      const paged = await matchesOf(quietCohort, '?pageSize=2&page=2');
      expect(paged.body.items.map((m) => m.id)).toEqual(all.body.items.slice(2, 4).map((m) => m.id));
    });

    it('is for coordinators and admins; a bad state is 400; an unknown or foreign cohort is 404', async () => {
      expect((await matchesOf(quietCohort, '', w.admin)).status).toBe(200);
      const mentors = await matchesOf(quietCohort, '', mentor);
      expect([mentors.status, mentors.body.code]).toEqual([403, 'forbidden_role']);
      const bad = await matchesOf(quietCohort, '?status=lost');
      expect([bad.status, bad.body.details.map((d) => d.field)]).toEqual([400, ['status']]);
      for (const cohortId of ['not-a-cohort', randomUUID()]) {
        const missing = await matchesOf(cohortId);
        expect([cohortId, missing.status, missing.body.code]).toEqual([cohortId, 404, 'cohort_not_found']);
      }
      const stranger = await makeUser(t.http);
      const strangersOrg = await makeOrganization(t.http, stranger, 'Stranger Matches Org');
      const theirs = await t.http.get<MatchList>(
        `/api/v1/orgs/${strangersOrg.id}/cohorts/${quietCohort}/matches`,
        stranger.token,
      );
      expect([theirs.status, theirs.body.code]).toEqual([404, 'cohort_not_found']);
    });
  });
});
