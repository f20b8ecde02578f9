import type { ErrorBody, Page } from '@mentorship/contracts';
import type {
  CohortViewDto,
  ParticipantViewDto,
  ProgramViewDto,
  WaitlistPageDto,
} from '@mentorship/programs';
import {
  type BulkMember,
  makeMembersInBulk,
  makeUser,
  useOrgWithCoordinator,
  useTestApi,
} from '@mentorship/testing';
import { enrollImportedMentees } from './support/cohort-matches';

describe('cohort participants: invitations, applications, roster and waitlist', () => {
  const t = useTestApi();
  const org = useOrgWithCoordinator(t, 'Participants Org');

  const member = (roles: ('mentor' | 'mentee')[], displayName = 'Member') =>
    org.member(roles, { displayName });
  const program = async (settings: Record<string, unknown> = {}) =>
    (
      await t.http.post<ProgramViewDto>(
        `${org.base}/programs`,
        { name: `Program ${Math.random().toString(36).slice(2, 8)}`, settings },
        org.coordinator.token,
      )
    ).body;
  const invite = (cohortId: string, email: string, role: 'mentor' | 'mentee', name?: string) =>
    t.http.post<ParticipantViewDto & ErrorBody>(
      `${org.base}/cohorts/${cohortId}/participants`,
      { email, role, ...(name ? { name } : {}) },
      org.coordinator.token,
    );
  const participation = (cohortId: string) => `${org.base}/cohorts/${cohortId}/participation`;

  it('invites a member, who sees the cohort and accepts; the place is theirs', async () => {
    const grace = await member(['mentor'], 'Grace Hopper');
    const { id: cohortId } = await org.cohort((await program()).id, 'draft');
    expect((await t.http.get(`${org.base}/cohorts/${cohortId}`, grace.token)).status).toBe(404);

    const invited = await invite(cohortId, grace.email.toUpperCase(), 'mentor');
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({
      email: grace.email,
      userId: grace.id,
      name: 'Grace Hopper',
      role: 'mentor',
      status: 'invited',
      source: 'invitation',
    });
    const seen = await t.http.get<CohortViewDto>(`${org.base}/cohorts/${cohortId}`, grace.token);
    expect(seen.body.participation).toEqual({ id: invited.body.id, role: 'mentor', status: 'invited' });
    const twice = await invite(cohortId, grace.email, 'mentee');
    expect({ status: twice.status, code: twice.body.code }).toEqual({
      status: 409,
      code: 'participant_exists',
    });

    const accepted = await t.http.post<ParticipantViewDto>(
      `${participation(cohortId)}/accept`,
      {},
      grace.token,
    );
    expect(accepted.body).toMatchObject({ status: 'enrolled', enrolledAt: expect.any(String) });
    const again = await t.http.post<ErrorBody>(`${participation(cohortId)}/accept`, {}, grace.token);
    expect({ status: again.status, code: again.body.code }).toEqual({
      status: 409,
      code: 'participant_status_conflict',
    });
    const mine = await t.http.get<Page<CohortViewDto>>(`${org.base}/cohorts`, grace.token);
    expect(mine.body.items.map((item) => item.id)).toContain(cohortId);
  });

  it('invites someone who is not a member to the organization too; they join, then take the place', async () => {
    const { id: cohortId } = await org.cohort((await program()).id);
    const invited = await invite(cohortId, 'newcomer@example.test', 'mentee', 'Nia Newcomer');
    expect(invited.body).toMatchObject({
      userId: null,
      name: 'Nia Newcomer',
      profile: null,
      status: 'invited',
    });
    const [invitation] = await t.api.db.query<{ id: string; roles: string[] }>(
      `SELECT id, roles FROM invitations WHERE organization_id = $1 AND email = 'newcomer@example.test' AND status = 'pending'`,
      [org.id],
    );
    expect(invitation?.roles).toEqual(['mentee']);

    const nia = await makeUser(t.http, { email: 'newcomer@example.test', displayName: 'Nia N.' });
    expect((await t.http.get(participation(cohortId), nia.token)).status).toBe(404);
    await t.http.post(`${org.base}/invitations/accept`, { token: org.accept(invitation!.id) }, nia.token);
    const accepted = await t.http.post<ParticipantViewDto>(
      `${participation(cohortId)}/accept`,
      {},
      nia.token,
    );
    expect(accepted.body).toMatchObject({ userId: nia.id, name: 'Nia N.', status: 'enrolled' });
    expect(accepted.body.profile).not.toBeNull();
  });

  it('takes applications while enrolling and within the window; coordinators approve or reject', async () => {
    const programId = (await program()).id;
    const draft = await org.cohort(programId, 'draft');
    const closedWindow = await org.cohort(programId, 'enrolling', {
      enrollmentOpensOn: '2020-01-01',
      enrollmentClosesOn: '2020-02-01',
    });
    const open = await org.cohort(programId);
    const alan = await member(['mentee'], 'Alan Turing');
    const ada = await member(['mentee'], 'Ada Lovelace');

    const early = await t.http.post<ErrorBody>(participation(draft.id), { role: 'mentee' }, alan.token);
    expect(early.status).toBe(404);
    const late = await t.http.post<ErrorBody>(participation(closedWindow.id), { role: 'mentee' }, alan.token);
    expect({ status: late.status, code: late.body.code }).toEqual({ status: 409, code: 'enrollment_closed' });

    const applied = await t.http.post<ParticipantViewDto>(
      participation(open.id),
      { role: 'mentee', motivation: 'I want to learn Go' },
      alan.token,
    );
    expect(applied.body).toMatchObject({
      status: 'applied',
      source: 'application',
      motivation: 'I want to learn Go',
    });
    const other = await t.http.post<ParticipantViewDto>(
      participation(open.id),
      { role: 'mentee' },
      ada.token,
    );
    expect((await t.http.post(participation(open.id), { role: 'mentor' }, alan.token)).status).toBe(409);

    const approvals = `${org.base}/cohorts/${open.id}/participants`;
    const approved = await t.http.post<ParticipantViewDto>(
      `${approvals}/${applied.body.id}/approve`,
      {},
      org.coordinator.token,
    );
    expect(approved.body).toMatchObject({ status: 'enrolled', enrolledAt: expect.any(String) });
    const rejected = await t.http.post<ParticipantViewDto>(
      `${approvals}/${other.body.id}/reject`,
      {},
      org.coordinator.token,
    );
    expect(rejected.body.status).toBe('rejected');
    const twice = await t.http.post<ErrorBody>(
      `${approvals}/${applied.body.id}/reject`,
      {},
      org.coordinator.token,
    );
    expect(twice.body).toMatchObject({
      code: 'participant_status_conflict',
      details: { status: 'enrolled', allowedFrom: ['applied'] },
    });
    expect((await t.http.post(`${approvals}/${other.body.id}/approve`, {}, alan.token)).status).toBe(403);
    const [stored] = await t.api.db.query<{ decided_by: string }>(
      'SELECT decided_by FROM cohort_participants WHERE organization_id = $1 AND id = $2',
      [org.id, applied.body.id],
    );
    expect(stored?.decided_by).toBe(org.coordinator.id);
  });

  it('lets one person be mentor in one cohort and mentee in another, decline and withdraw', async () => {
    const barbara = await member(['mentor', 'mentee'], 'Barbara Liskov');
    const programId = (await program()).id;
    const first = await org.cohort(programId);
    const second = await org.cohort(programId);
    await invite(first.id, barbara.email, 'mentor');
    await invite(second.id, barbara.email, 'mentee');
    await t.http.post(`${participation(first.id)}/accept`, {}, barbara.token);
    const declined = await t.http.post<ParticipantViewDto>(
      `${participation(second.id)}/decline`,
      {},
      barbara.token,
    );
    expect(declined.body.status).toBe('declined');
    const withdrawn = await t.http.delete<ParticipantViewDto>(participation(first.id), barbara.token);
    expect(withdrawn.body.status).toBe('withdrawn');
    const twice = await t.http.delete<ErrorBody>(participation(first.id), barbara.token);
    expect(twice.body.code).toBe('participant_status_conflict');
    const roles = await t.api.db.query<{ role: string; status: string }>(
      'SELECT role, status FROM cohort_participants WHERE organization_id = $1 AND user_id = $2 ORDER BY role',
      [org.id, barbara.id],
    );
    expect(roles).toEqual([
      { role: 'mentee', status: 'declined' },
      { role: 'mentor', status: 'withdrawn' },
    ]);
  });

  it('shows the roster to coordinators, filtered by role, status, skill and text', async () => {
    const go = (await t.http.post<{ id: string }>(`${org.base}/skills`, { name: 'Go' }, org.admin.token))
      .body;
    const { id: cohortId } = await org.cohort((await program()).id);
    const people = [
      ['Margaret Hamilton', 'mentor', 5],
      ['Dennis Ritchie', 'mentor', null],
      ['Frances Allen', 'mentee', 3],
      ['Ken Thompson', 'mentee', null],
    ] as const;
    const tokens = new Map<string, string>();
    for (const [name, role, goLevel] of people) {
      const person = await member([role], name);
      tokens.set(name, person.token);
      if (goLevel !== null)
        await t.http.patch(
          `${org.base}/profiles/me`,
          role === 'mentor'
            ? { offeredSkills: [{ skillId: go.id, level: goLevel }], timeZone: 'Asia/Tokyo' }
            : { wantedSkills: [{ skillId: go.id, targetLevel: goLevel }] },
          person.token,
        );
      await invite(cohortId, person.email, role);
      await t.http.post(`${participation(cohortId)}/accept`, {}, person.token);
    }
    await invite(cohortId, 'pending@example.test', 'mentee', 'Pat Pending');
    const roster = (query = '') =>
      t.http.get<Page<ParticipantViewDto>>(
        `${org.base}/cohorts/${cohortId}/participants${query}`,
        org.coordinator.token,
      );

    const all = await roster();
    expect(all.body.items.map((p) => `${p.role} ${p.name}`)).toEqual([
      'mentee Frances Allen',
      'mentee Ken Thompson',
      'mentee Pat Pending',
      'mentor Dennis Ritchie',
      'mentor Margaret Hamilton',
    ]);
    expect(all.body.total).toBe(5);
    const withGo = await roster(`?skillId=${go.id}`);
    expect(withGo.body.items.map((p) => [p.name, p.profile?.skills])).toEqual([
      ['Frances Allen', [{ skillId: go.id, name: 'Go', level: 3 }]],
      ['Margaret Hamilton', [{ skillId: go.id, name: 'Go', level: 5 }]],
    ]);
    expect((await roster(`?role=mentor&skillId=${go.id}`)).body.items[0]?.profile?.timeZone).toBe(
      'Asia/Tokyo',
    );
    expect((await roster('?status=invited')).body.items.map((p) => p.name)).toEqual(['Pat Pending']);
    expect((await roster('?q=RITCH')).body.items.map((p) => p.name)).toEqual(['Dennis Ritchie']);
    const page2 = await roster('?pageSize=2&page=2');
    expect({ names: page2.body.items.map((p) => p.name), total: page2.body.total }).toEqual({
      names: ['Pat Pending', 'Dennis Ritchie'],
      total: 5,
    });
    expect((await roster('?pageSize=2&page=4')).body).toMatchObject({ items: [], total: 5 });
    // A filtered roster gathers its matches once for the page and the total: both still agree.
    const goPage2 = await roster(`?skillId=${go.id}&pageSize=1&page=2`);
    expect({ names: goPage2.body.items.map((p) => p.name), total: goPage2.body.total }).toEqual({
      names: ['Margaret Hamilton'],
      total: 2,
    });
    const textPage = await roster('?q=en&pageSize=1&page=2');
    expect({ names: textPage.body.items.map((p) => p.name), total: textPage.body.total }).toEqual({
      names: ['Ken Thompson'],
      total: 4,
    });
    expect((await roster(`?skillId=${go.id}&pageSize=2&page=3`)).body).toMatchObject({ items: [], total: 2 });

    // The order and the text filter follow a member who renames themself (a stored sort name).
    const renamed = await t.http.patch('/api/v1/me', { displayName: 'Alan Kay' }, tokens.get('Ken Thompson'));
    expect(renamed.status).toBe(200);
    expect((await roster('?role=mentee')).body.items.map((p) => p.name)).toEqual([
      'Alan Kay',
      'Frances Allen',
      'Pat Pending',
    ]);
    expect((await roster('?q=kay')).body.items.map((p) => p.name)).toEqual(['Alan Kay']);
    expect((await roster('?q=thompson')).body.total).toBe(0);

    // The skill filter follows profiles changed after enrolling, and a merge of skills (the
    // roster index carries each person's skills, kept by triggers on profile_skills).
    const withGoNames = async (skillId = go.id) =>
      (await roster(`?skillId=${skillId}`)).body.items.map((p) => p.name);
    await t.http.patch(
      `${org.base}/profiles/me`,
      { wantedSkills: [{ skillId: go.id, targetLevel: 2 }] },
      tokens.get('Ken Thompson'),
    );
    await t.http.patch(`${org.base}/profiles/me`, { wantedSkills: [] }, tokens.get('Frances Allen'));
    expect(await withGoNames()).toEqual(['Alan Kay', 'Margaret Hamilton']);
    const golang = (
      await t.http.post<{ id: string }>(`${org.base}/skills`, { name: 'Golang' }, org.admin.token)
    ).body;
    await t.http.patch(
      `${org.base}/profiles/me`,
      { offeredSkills: [{ skillId: golang.id, level: 4 }] },
      tokens.get('Dennis Ritchie'),
    );
    expect(await withGoNames(golang.id)).toEqual(['Dennis Ritchie']);
    const merged = await t.http.post(
      `${org.base}/skills/${golang.id}/merge`,
      { intoSkillId: go.id },
      org.admin.token,
    );
    expect(merged.status).toBe(200);
    expect(await withGoNames()).toEqual(['Alan Kay', 'Dennis Ritchie', 'Margaret Hamilton']);
    expect((await roster(`?skillId=${golang.id}`)).body.total).toBe(0);
    const mentee = await member(['mentee']);
    expect((await t.http.get(`${org.base}/cohorts/${cohortId}/participants`, mentee.token)).status).toBe(403);
  });

  it('filters by a skill many people have from the roster index, following its writes and a merge', async () => {
    const sql = (await t.http.post<{ id: string }>(`${org.base}/skills`, { name: 'SQL' }, org.admin.token))
      .body;
    const { id: cohortId } = await org.cohort((await program()).id);
    // More holders in the organization than the roster's FEW_HOLDERS (200): the filter reads the
    // roster index's skill_ids instead of starting from the holders.
    const holders = await makeMembersInBulk(t.api.db, org.id, 210, 'sql-holder');
    const others = await makeMembersInBulk(t.api.db, org.id, 2, 'sql-none');
    const enroll = (people: BulkMember[]) => enrollImportedMentees(t.api.db, org.id, cohortId, people);
    // Six take their place before their skills are written (the profile_skills trigger follows),
    // two after (the participant's own trigger reads them), two have no such skill.
    await enroll([...holders.slice(0, 6), ...others]);
    await t.api.db.query(`INSERT INTO profiles (organization_id, user_id) SELECT $1, unnest($2::uuid[])`, [
      org.id,
      holders.map((p) => p.id),
    ]);
    await t.api.db.query(
      `INSERT INTO profile_skills (organization_id, user_id, kind, skill_id, level)
       SELECT $1, unnest($2::uuid[]), 'wanted', $3, 3`,
      [org.id, holders.map((p) => p.id), sql.id],
    );
    await enroll(holders.slice(6, 8));
    const roster = async (query: string) =>
      (
        await t.http.get<Page<ParticipantViewDto>>(
          `${org.base}/cohorts/${cohortId}/participants?${query}`,
          org.coordinator.token,
        )
      ).body;
    const names = (page: Page<ParticipantViewDto>) => page.items.map((p) => p.name);
    const holderNames = (...numbers: number[]) => numbers.map((n) => `Sql-Holder ${n}`);

    expect((await roster('')).total).toBe(10);
    const all = await roster(`skillId=${sql.id}`);
    expect({ names: names(all), total: all.total }).toEqual({
      names: holderNames(1, 2, 3, 4, 5, 6, 7, 8),
      total: 8,
    });
    expect(all.items[0]?.profile?.skills).toEqual([{ skillId: sql.id, name: 'SQL', level: 3 }]);
    const page2 = await roster(`role=mentee&skillId=${sql.id}&pageSize=3&page=2`);
    expect({ names: names(page2), total: page2.total }).toEqual({ names: holderNames(4, 5, 6), total: 8 });
    expect(await roster(`role=mentor&skillId=${sql.id}`)).toMatchObject({ items: [], total: 0 });
    expect(await roster(`skillId=${sql.id}&pageSize=5&page=3`)).toMatchObject({ items: [], total: 8 });

    // A skill removed from a profile leaves the filter; a merge moves the filter to the skill
    // that takes over.
    await t.api.db.query(`DELETE FROM profile_skills WHERE organization_id = $1 AND user_id = $2`, [
      org.id,
      holders[1]!.id,
    ]);
    expect(names(await roster(`skillId=${sql.id}`))).toEqual(holderNames(1, 3, 4, 5, 6, 7, 8));
    const into = (
      await t.http.post<{ id: string }>(`${org.base}/skills`, { name: 'Databases' }, org.admin.token)
    ).body;
    const merged = await t.http.post(
      `${org.base}/skills/${sql.id}/merge`,
      { intoSkillId: into.id },
      org.admin.token,
    );
    expect(merged.status).toBe(200);
    expect((await roster(`skillId=${sql.id}`)).total).toBe(0);
    const moved = await roster(`skillId=${into.id}`);
    expect({ names: names(moved), total: moved.total }).toEqual({
      names: holderNames(1, 3, 4, 5, 6, 7, 8),
      total: 7,
    });
  });

  it('puts mentees beyond the mentor places on the waitlist, in order of enrollment, with the gap', async () => {
    const { id: cohortId } = await org.cohort((await program({ defaultMentorCapacity: 2 })).id);
    const enroll = async (role: 'mentor' | 'mentee', name: string, profile?: Record<string, unknown>) => {
      const person = await member([role], name);
      if (profile) await t.http.patch(`${org.base}/profiles/me`, profile, person.token);
      await invite(cohortId, person.email, role);
      await t.http.post(`${participation(cohortId)}/accept`, {}, person.token);
      return person;
    };
    await enroll('mentor', 'Three places', { mentorCapacity: 3 });
    await enroll('mentor', 'Program default');
    await enroll('mentor', 'On a break', { mentorCapacity: 4, paused: true, pauseEndsOn: '2999-01-01' });
    await enroll('mentor', 'Back from a break', {
      mentorCapacity: 1,
      paused: true,
      pauseEndsOn: '2000-01-01',
    });
    const mentees: string[] = [];
    for (let index = 1; index <= 9; index++) mentees.push((await enroll('mentee', `Mentee ${index}`)).id);
    await invite(cohortId, 'not-enrolled@example.test', 'mentee');

    const waitlist = await t.http.get<WaitlistPageDto>(
      `${org.base}/cohorts/${cohortId}/waitlist`,
      org.coordinator.token,
    );
    expect(waitlist.body.capacity).toEqual({
      mentors: 4,
      mentorPlaces: 6,
      mentees: 9,
      placeable: 6,
      waiting: 3,
      gap: 3,
    });
    expect(waitlist.body.items.map((entry) => [entry.position, entry.name])).toEqual([
      [1, 'Mentee 7'],
      [2, 'Mentee 8'],
      [3, 'Mentee 9'],
    ]);
    expect(waitlist.body.total).toBe(3);
    const second = await t.http.get<WaitlistPageDto>(
      `${org.base}/cohorts/${cohortId}/waitlist?pageSize=2&page=2`,
      org.coordinator.token,
    );
    expect(second.body.items.map((entry) => entry.position)).toEqual([3]);

    // One more mentor with two places: two fewer wait.
    await enroll('mentor', 'Late mentor');
    const after = await t.http.get<WaitlistPageDto>(
      `${org.base}/cohorts/${cohortId}/waitlist`,
      org.coordinator.token,
    );
    expect(after.body.capacity).toMatchObject({ mentorPlaces: 8, waiting: 1, gap: 1 });
    expect(after.body.items.map((entry) => entry.userId)).toEqual([mentees[8]]);
  });

  it('counts a group mentor’s places as groups times the group size', async () => {
    const { id: cohortId } = await org.cohort(
      (await program({ kind: 'group', groupSize: 4, defaultMentorCapacity: 1 })).id,
    );
    const lead = await member(['mentor'], 'Circle lead');
    await invite(cohortId, lead.email, 'mentor');
    await t.http.post(`${participation(cohortId)}/accept`, {}, lead.token);
    for (let index = 0; index < 5; index++) {
      const person = await member(['mentee']);
      await invite(cohortId, person.email, 'mentee');
      await t.http.post(`${participation(cohortId)}/accept`, {}, person.token);
    }
    const waitlist = await t.http.get<WaitlistPageDto>(
      `${org.base}/cohorts/${cohortId}/waitlist`,
      org.coordinator.token,
    );
    expect(waitlist.body.capacity).toEqual({
      mentors: 1,
      mentorPlaces: 4,
      mentees: 5,
      placeable: 4,
      waiting: 1,
      gap: 1,
    });
  });
});
