import type { ErrorBody, MentorType } from '@mentorship/contracts';
import type { PersonalBoardDto } from '@mentorship/matching';
import { makeUser, makeOrganization, type SignedUpUser, useTestApi } from '@mentorship/testing';
import { MatchingWorld } from './support/matching-world';

type Answer = PersonalBoardDto & ErrorBody;

describe('the personal board: a mentee’s mentors by type, the types missing, a suggestion each', () => {
  const t = useTestApi();
  let w: MatchingWorld;
  let mentee: SignedUpUser;
  let coordinator: SignedUpUser;
  let otherMentee: SignedUpUser;
  /** Mentors of the board's cohorts, by what the test uses them for. */
  const mentors = {} as Record<
    | 'technical'
    | 'careerInOther'
    | 'leadershipFull'
    | 'leadershipFree'
    | 'industryPaused'
    | 'industryDeclined'
    | 'entrepreneurial',
    SignedUpUser
  >;
  let otherCohortId: string;

  const board = (who: SignedUpUser, userId = mentee.id) =>
    t.http.get<Answer>(`${w.base}/personal-boards/${userId}`, who.token);
  const offers = (user: SignedUpUser, types: MentorType[]) =>
    t.api.db.query(
      `UPDATE profiles SET offered_mentor_types = $3 WHERE organization_id = $1 AND user_id = $2`,
      [w.org.id, user.id, types],
    );
  const match = (mentor: SignedUpUser, status: string, cohortId = w.cohort.id, who = mentee) =>
    t.api.db.query(
      `INSERT INTO matches (organization_id, id, cohort_id, mentor_user_id, mentee_user_id, status, origin)
       VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, 'coordinator')`,
      [w.org.id, cohortId, mentor.id, who.id, status],
    );

  beforeAll(async () => {
    w = await new MatchingWorld(t.http, t.api.db).create('Board Org', { defaultMentorCapacity: 1 });
    const other = await w.newCohort({ defaultMentorCapacity: 2 }, 'running');
    otherCohortId = other.id;
    mentee = await w.person('mentee', {}, { displayName: 'Mia Mentee' });
    await w.enroll([mentee], 'mentee', {}, otherCohortId);
    await t.api.db.query(
      `UPDATE profiles SET wanted_mentor_types = '{technical,career,leadership,industry}'
        WHERE organization_id = $1 AND user_id = $2`,
      [w.org.id, mentee.id],
    );
    otherMentee = await w.person('mentee', {}, { displayName: 'Oli Other' });
    coordinator = await w.person(
      'mentee',
      {},
      { displayName: 'Cora Coordinator', orgRoles: ['coordinator'] },
    );
    mentors.technical = await w.person('mentor', {}, { displayName: 'Tara Technical' });
    mentors.careerInOther = await w.person(
      'mentor',
      {},
      { displayName: 'Carl Career', cohortId: otherCohortId },
    );
    mentors.leadershipFull = await w.person('mentor', {}, { displayName: 'Alan Full' });
    mentors.leadershipFree = await w.person('mentor', {}, { displayName: 'Zoe Free' });
    mentors.industryPaused = await w.person('mentor', { paused: true }, { displayName: 'Ina Paused' });
    mentors.industryDeclined = await w.person('mentor', {}, { displayName: 'Dan Declined' });
    mentors.entrepreneurial = await w.person('mentor', {}, { displayName: 'Erin Entrepreneur' });
    await offers(mentors.technical, ['technical', 'leadership']);
    await offers(mentors.careerInOther, ['career']);
    await offers(mentors.leadershipFull, ['leadership']);
    await offers(mentors.leadershipFree, ['leadership']);
    await offers(mentors.industryPaused, ['industry']);
    await offers(mentors.industryDeclined, ['industry']);
    await offers(mentors.entrepreneurial, ['entrepreneurial']);
    // Current mentors: Tara in this cohort (trial), Carl in the other program (active).
    await match(mentors.technical, 'trial');
    await match(mentors.careerInOther, 'active', otherCohortId);
    // Alan has his one place taken by another mentee; Dan declined this mentee once.
    await match(mentors.leadershipFull, 'active', w.cohort.id, otherMentee);
    await match(mentors.industryDeclined, 'declined');
  });

  it('groups current mentors across programs by type and names the types still missing', async () => {
    const answer = await board(mentee);
    expect(answer.status).toBe(200);
    const b = answer.body;
    expect(b.wantedTypes).toEqual(['technical', 'career', 'leadership', 'industry']);
    expect(b.mentors.map((m) => [m.displayName, m.status, m.cohortId, m.mentorTypes])).toEqual([
      ['Carl Career', 'active', otherCohortId, ['career']],
      ['Tara Technical', 'trial', w.cohort.id, ['technical', 'leadership']],
    ]);
    expect(
      b.types.map((type) => [type.type, type.wanted, type.mentors.map((m) => m.displayName), type.missing]),
    ).toEqual([
      ['technical', true, ['Tara Technical'], false],
      ['career', true, ['Carl Career'], false],
      // Tara offers leadership too: covered.
      ['leadership', true, ['Tara Technical'], false],
      ['industry', true, [], true],
      // Not wanted: not missing, and no suggestion though a mentor offers it.
      ['entrepreneurial', false, [], false],
    ]);
    expect(b.missingTypes).toEqual(['industry']);
    // The paused mentor has no place; the one who declined this mentee is not offered again.
    expect(b.types.find((type) => type.type === 'industry')?.suggestion).toBeNull();
    expect(b.types.filter((type) => type.suggestion !== null)).toEqual([]);
  });

  it('suggests a mentor with a free place for a missing type, never a full one', async () => {
    // Tara's trial ends: leadership and technical are missing again.
    await t.api.db.query(
      `UPDATE matches SET status = 'trial_declined' WHERE organization_id = $1 AND mentor_user_id = $2`,
      [w.org.id, mentors.technical.id],
    );
    const b = (await board(mentee)).body;
    expect(b.missingTypes).toEqual(['technical', 'leadership', 'industry']);
    // Tara was matched with this mentee (a declined trial): never suggested again.
    expect(b.types.find((type) => type.type === 'technical')?.suggestion).toBeNull();
    // Alan is full (one place, taken): Zoe, who has one free.
    expect(b.types.find((type) => type.type === 'leadership')?.suggestion).toEqual({
      mentorUserId: mentors.leadershipFree.id,
      displayName: 'Zoe Free',
      cohortId: w.cohort.id,
      cohortName: w.cohort.name,
      freePlaces: 1,
    });
    // Alan's place frees: he is as good a candidate; the order (free places, then name) picks him.
    await t.api.db.query(
      `UPDATE matches SET status = 'ended' WHERE organization_id = $1 AND mentor_user_id = $2`,
      [w.org.id, mentors.leadershipFull.id],
    );
    const freed = (await board(mentee)).body;
    expect(freed.types.find((type) => type.type === 'leadership')?.suggestion?.displayName).toBe('Alan Full');
  });

  it('is the mentee’s own and their coordinators’: anyone else, and another organization, get 404', async () => {
    expect((await board(coordinator)).status).toBe(200);
    expect((await board(w.admin)).status).toBe(200);
    const refused = await board(otherMentee);
    expect([refused.status, refused.body.code]).toEqual([404, 'personal_board_not_found']);
    expect((await board(mentors.careerInOther)).status).toBe(404);
    // Their own board, with nothing on it.
    const own = await board(otherMentee, otherMentee.id);
    expect([own.status, own.body.mentors, own.body.missingTypes]).toEqual([200, [], []]);
    const notAnId = await board(coordinator, 'not-a-uuid');
    expect([notAnId.status, notAnId.body.code]).toEqual([404, 'personal_board_not_found']);
    const stranger = await makeUser(t.http);
    const strangersOrg = await makeOrganization(t.http, stranger, 'Stranger Org');
    const viaOwn = await t.http.get<Answer>(
      `/api/v1/orgs/${strangersOrg.id}/personal-boards/${mentee.id}`,
      stranger.token,
    );
    expect([viaOwn.status, viaOwn.body.code]).toEqual([404, 'personal_board_not_found']);
    const viaTheirs = await t.http.get<Answer>(`${w.base}/personal-boards/${mentee.id}`, stranger.token);
    expect([viaTheirs.status, viaTheirs.body.code]).toEqual([404, 'organization_not_found']);
  });
});
