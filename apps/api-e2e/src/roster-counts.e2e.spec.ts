import type { Page } from '@mentorship/contracts';
import type { ParticipantViewDto, ProgramViewDto } from '@mentorship/programs';
import { makeMembersInBulk, useOrgWithCoordinator, useTestApi } from '@mentorship/testing';
import { enrollImportedMentees } from './support/cohort-matches';

/**
 * The roster's totals come from counters kept by triggers (programs migration
 * 1765200000000-roster-counts.ts). After every kind of write the counters must equal a count of
 * the participants themselves, and the totals the roster answers must equal both.
 */
describe('roster counters', () => {
  const t = useTestApi();
  const org = useOrgWithCoordinator(t, 'Counters Org');

  /** What the counters say, and what counting the participants (and their profile skills) says. */
  const counters = async () => {
    const lines = async (sql: string) =>
      (await t.api.db.query<{ line: string }>(sql, [org.id])).map((row) => row.line).sort();
    return {
      counters: await lines(
        `SELECT concat_ws(' ', cohort_id, role, status, participants) AS line
           FROM cohort_roster_counts WHERE organization_id = $1 AND participants <> 0`,
      ),
      skillCounters: await lines(
        `SELECT concat_ws(' ', cohort_id, skill_id, role, status, participants) AS line
           FROM cohort_roster_skill_counts WHERE organization_id = $1 AND participants <> 0`,
      ),
      truth: await lines(
        `SELECT concat_ws(' ', cohort_id, role, status, count(*)) AS line
           FROM cohort_participants WHERE organization_id = $1 GROUP BY cohort_id, role, status`,
      ),
      skillTruth: await lines(
        `SELECT concat_ws(' ', cp.cohort_id, skill.skill_id, cp.role, cp.status, count(*)) AS line
           FROM cohort_participants cp
           JOIN (SELECT DISTINCT organization_id, user_id, skill_id FROM profile_skills) AS skill
             ON skill.organization_id = cp.organization_id AND skill.user_id = cp.user_id
          WHERE cp.organization_id = $1
          GROUP BY cp.cohort_id, skill.skill_id, cp.role, cp.status`,
      ),
    };
  };
  const expectExact = async () => {
    const seen = await counters();
    expect(seen.counters).toEqual(seen.truth);
    expect(seen.skillCounters).toEqual(seen.skillTruth);
    return seen;
  };
  const total = async (cohortId: string, query: string) =>
    (
      await t.http.get<Page<ParticipantViewDto>>(
        `${org.base}/cohorts/${cohortId}/participants?${query}`,
        org.coordinator.token,
      )
    ).body.total;

  it('equal a count of the participants after enrolment, decisions, withdrawal, role and skill changes, merges and departures', async () => {
    const programId = (
      await t.http.post<ProgramViewDto>(
        `${org.base}/programs`,
        { name: 'Counted program' },
        org.coordinator.token,
      )
    ).body.id;
    const cohortId = (await org.cohort(programId)).id;
    const otherCohortId = (await org.cohort(programId)).id;
    const go = (await t.http.post<{ id: string }>(`${org.base}/skills`, { name: 'Go' }, org.admin.token))
      .body;
    const rust = (await t.http.post<{ id: string }>(`${org.base}/skills`, { name: 'Rust' }, org.admin.token))
      .body;
    const participation = (id: string) => `${org.base}/cohorts/${id}/participation`;
    await expectExact();

    // An invitation, accepted; applications, approved and rejected; a withdrawal.
    const mentor = await org.member(['mentor'], { displayName: 'Ada Mentor' });
    await t.http.patch(
      `${org.base}/profiles/me`,
      { offeredSkills: [{ skillId: go.id, level: 4 }], mentorCapacity: 2 },
      mentor.token,
    );
    await t.http.post(
      `${org.base}/cohorts/${cohortId}/participants`,
      { email: mentor.email, role: 'mentor' },
      org.coordinator.token,
    );
    await t.http.post(`${participation(cohortId)}/accept`, {}, mentor.token);
    const applicants = await Promise.all(
      ['Bo', 'Cy', 'Di'].map((name) => org.member(['mentee'], { displayName: name })),
    );
    const applied: string[] = [];
    for (const applicant of applicants) {
      await t.http.patch(
        `${org.base}/profiles/me`,
        { wantedSkills: [{ skillId: go.id, targetLevel: 3 }] },
        applicant.token,
      );
      const place = await t.http.post<ParticipantViewDto>(
        participation(cohortId),
        { role: 'mentee' },
        applicant.token,
      );
      expect(place.status).toBe(201);
      applied.push(place.body.id);
    }
    await t.http.post(
      `${org.base}/cohorts/${cohortId}/participants/${applied[0]}/approve`,
      {},
      org.coordinator.token,
    );
    await t.http.post(
      `${org.base}/cohorts/${cohortId}/participants/${applied[1]}/reject`,
      {},
      org.coordinator.token,
    );
    await t.http.delete(participation(cohortId), applicants[2]!.token);
    let seen = await expectExact();
    expect(seen.truth.length).toBeGreaterThanOrEqual(4);
    expect(await total(cohortId, 'status=enrolled')).toBe(2);
    expect(await total(cohortId, `role=mentee&skillId=${go.id}`)).toBe(3);
    // The roster's lines are shaped by its statement; each is what reading the participant answers.
    const lines = await t.http.get<Page<ParticipantViewDto>>(
      `${org.base}/cohorts/${cohortId}/participants`,
      org.coordinator.token,
    );
    expect(lines.body.items.length).toBe(4);
    expect(lines.body.items.some((line) => (line.profile?.skills.length ?? 0) > 0)).toBe(true);
    for (const line of lines.body.items)
      expect(line).toEqual(
        (await t.http.get(`${org.base}/cohorts/${cohortId}/participants/${line.id}`, org.coordinator.token))
          .body,
      );

    // Many at once (an import writes in batches), in two cohorts, skills written after the places.
    const bulk = await makeMembersInBulk(t.api.db, org.id, 30, 'counted');
    for (const [id, people] of [
      [cohortId, bulk.slice(0, 20)],
      [otherCohortId, bulk.slice(10)],
    ] as const)
      await t.api.db.query(
        `INSERT INTO cohort_participants (organization_id, id, cohort_id, email, user_id, name, role, status, source, enrolled_at)
         SELECT $1, gen_random_uuid(), $2, p.email, p.id, p.name, CASE WHEN p.n % 4 = 0 THEN 'mentor' ELSE 'mentee' END,
                'enrolled', 'import', now()
           FROM unnest($3::uuid[], $4::text[], $5::text[]) WITH ORDINALITY AS p (id, email, name, n)`,
        [org.id, id, people.map((p) => p.id), people.map((p) => p.email), people.map((p) => p.displayName)],
      );
    await t.api.db.query(`INSERT INTO profiles (organization_id, user_id) SELECT $1, unnest($2::uuid[])`, [
      org.id,
      bulk.map((p) => p.id),
    ]);
    await t.api.db.query(
      `INSERT INTO profile_skills (organization_id, user_id, kind, skill_id, level)
       SELECT $1, p.id, 'wanted', CASE WHEN p.n % 3 = 0 THEN $4::uuid ELSE $3::uuid END, 2
         FROM unnest($2::uuid[]) WITH ORDINALITY AS p (id, n)`,
      [org.id, bulk.map((p) => p.id), go.id, rust.id],
    );
    seen = await expectExact();
    expect(await total(otherCohortId, '')).toBe(20);

    // A role change and a status change as plain statements; a skill level change (no count moves).
    await t.api.db.query(
      `UPDATE cohort_participants SET role = 'mentor' WHERE organization_id = $1 AND user_id = ANY($2::uuid[])`,
      [org.id, bulk.slice(0, 5).map((p) => p.id)],
    );
    await t.api.db.query(
      `UPDATE cohort_participants SET status = 'withdrawn' WHERE organization_id = $1 AND cohort_id = $2 AND user_id = ANY($3::uuid[])`,
      [org.id, otherCohortId, bulk.slice(25).map((p) => p.id)],
    );
    await t.api.db.query(`UPDATE profile_skills SET level = 5 WHERE organization_id = $1`, [org.id]);
    seen = await expectExact();

    // A rename (the sort name follows) and a changed address: the text filter finds both.
    expect(
      (await t.http.patch('/api/v1/me', { displayName: 'Bo Renamed' }, applicants[0]!.token)).status,
    ).toBe(200);
    await t.api.db.query(
      `UPDATE cohort_participants SET email = 'moved-' || email WHERE organization_id = $1 AND user_id = $2`,
      [org.id, bulk[3]!.id],
    );
    await expectExact();
    expect(await total(cohortId, 'q=renamed')).toBe(1);
    expect(await total(cohortId, 'q=moved-')).toBe(1);

    // A profile's skills replaced, a merge, a member who leaves the organization (cascade), a
    // place taken off the roster.
    await t.http.patch(
      `${org.base}/profiles/me`,
      { wantedSkills: [{ skillId: rust.id, targetLevel: 2 }] },
      applicants[0]!.token,
    );
    expect(
      (await t.http.post(`${org.base}/skills/${rust.id}/merge`, { intoSkillId: go.id }, org.admin.token))
        .status,
    ).toBe(200);
    expect((await t.http.delete(`${org.base}/members/${bulk[12]!.id}`, org.admin.token)).status).toBe(204);
    const roster = await t.http.get<Page<ParticipantViewDto>>(
      `${org.base}/cohorts/${cohortId}/participants?pageSize=1`,
      org.coordinator.token,
    );
    expect(
      (
        await t.http.delete(
          `${org.base}/cohorts/${cohortId}/participants/${roster.body.items[0]!.id}`,
          org.coordinator.token,
        )
      ).status,
    ).toBe(204);
    seen = await expectExact();
    expect(seen.skillTruth.some((line) => line.includes(rust.id))).toBe(false);

    // The totals the roster answers are the counters' for every filter combination.
    const truthOf = async (where: string, params: unknown[]) =>
      (
        await t.api.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM cohort_participants cp WHERE cp.organization_id = $1 AND cp.cohort_id = $2 ${where}`,
          [org.id, cohortId, ...params],
        )
      )[0]!.n;
    for (const role of [null, 'mentor', 'mentee'])
      for (const status of [null, 'enrolled', 'withdrawn', 'rejected'])
        for (const skillId of [null, go.id]) {
          const query = [
            role ? `role=${role}` : '',
            status ? `status=${status}` : '',
            skillId ? `skillId=${skillId}` : '',
          ].filter(Boolean);
          const where: string[] = [];
          const params: unknown[] = [];
          if (role) where.push(`AND cp.role = $${params.push(role) + 2}`);
          if (status) where.push(`AND cp.status = $${params.push(status) + 2}`);
          if (skillId)
            where.push(
              `AND EXISTS (SELECT 1 FROM profile_skills ps WHERE ps.organization_id = cp.organization_id
                             AND ps.user_id = cp.user_id AND ps.skill_id = $${params.push(skillId) + 2})`,
            );
          expect({ query, total: await total(cohortId, query.join('&')) }).toEqual({
            query,
            total: await truthOf(where.join(' '), params),
          });
        }
  });

  it('answers a text search with the matches of a substring test of the name or the address', async () => {
    const programId = (
      await t.http.post<ProgramViewDto>(
        `${org.base}/programs`,
        { name: 'Searched program' },
        org.coordinator.token,
      )
    ).body.id;
    const cohortId = (await org.cohort(programId)).id;
    const people = await makeMembersInBulk(t.api.db, org.id, 300, 'searched');
    await enrollImportedMentees(t.api.db, org.id, cohortId, people);
    const truth = async (q: string) =>
      (
        await t.api.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM cohort_participants
            WHERE organization_id = $1 AND cohort_id = $2 AND (strpos(sort_name, lower($3)) > 0 OR strpos(email, lower($3)) > 0)`,
          [org.id, cohortId, q],
        )
      )[0]!.n;
    for (const q of ['xample', 'Searched 12', 'SEARCHED 299', 'ched 1', 'searched-0001', 'd 5', 'e', 'zz'])
      for (const query of [`q=${encodeURIComponent(q)}`, `q=${encodeURIComponent(q)}&page=2&pageSize=5`]) {
        const page = await t.http.get<Page<ParticipantViewDto>>(
          `${org.base}/cohorts/${cohortId}/participants?${query}`,
          org.coordinator.token,
        );
        expect({ query, total: page.body.total }).toEqual({ query, total: await truth(q) });
        for (const item of page.body.items)
          expect([item.name?.toLowerCase(), item.email].some((part) => part?.includes(q.toLowerCase()))).toBe(
            true,
          );
      }
    expect(await truth('Searched 12')).toBe(11);
    expect(await truth('xample')).toBe(300);
  });
});
