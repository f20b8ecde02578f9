import { Body, Controller, Module, Post } from '@nestjs/common';
import { IsArray, IsInt, IsOptional, IsUUID } from 'class-validator';
import type { OrganizationView } from '@mentorship/contracts';
import { MatchesService, MentorshipsModule } from '@mentorship/mentorships';
import { OrgMember } from '@mentorship/platform';
import type { CohortViewDto, ProgramViewDto } from '@mentorship/programs';
import {
  makeMembersInBulk,
  makeOrganization,
  makeUser,
  type BulkMember,
  type SignedUpUser,
  useTestApi,
} from '@mentorship/testing';

class ProbeMatchDto {
  @IsUUID()
  cohortId!: string;
  @IsUUID()
  mentorUserId!: string;
  @IsArray()
  @IsUUID('all', { each: true })
  menteeUserIds!: string[];
  /** One mentor per mentee, in place of `mentorUserId` (a batch over several mentors). */
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  mentorUserIds?: string[];
  /** Places of every mentor of the batch. */
  @IsInt()
  places!: number;
}

/** Test-only route: creates matches through the real tenant transaction, as matching will. */
@Controller('orgs/:orgId/probe-matches')
class MatchProbeController {
  constructor(private readonly matches: MatchesService) {}

  @OrgMember()
  @Post()
  async create(@Body() body: ProbeMatchDto) {
    const mentors = body.mentorUserIds ?? body.menteeUserIds.map(() => body.mentorUserId);
    const ids = await this.matches.create(
      body.menteeUserIds.map((menteeUserId, i) => ({
        cohortId: body.cohortId,
        mentorUserId: mentors[i],
        menteeUserId,
        status: 'pending' as const,
        origin: 'request' as const,
      })),
      new Map(mentors.map((mentor) => [mentor, body.places])),
    );
    return { ids };
  }
}

@Module({ imports: [MentorshipsModule], controllers: [MatchProbeController] })
class MatchProbeModule {}

describe('creating matches never puts a mentor over capacity', () => {
  const t = useTestApi({ extraModules: [MatchProbeModule] });
  let admin: SignedUpUser;
  let org: OrganizationView;
  let cohort: CohortViewDto;
  let mentor: BulkMember;
  let mentees: BulkMember[];
  const probe = (body: Omit<ProbeMatchDto, 'cohortId'> & { cohortId?: string }) =>
    t.http.post<{ ids: string[]; code?: string }>(
      `/api/v1/orgs/${org.id}/probe-matches`,
      { cohortId: cohort.id, ...body },
      admin.token,
    );
  const loadOf = async (mentorIds: string[]) =>
    new Map(
      (
        await t.api.db.query<{ mentor: string; n: number }>(
          `SELECT mentor_user_id AS mentor, count(*)::int AS n FROM matches
            WHERE organization_id = $1 AND mentor_user_id = ANY ($2::uuid[]) GROUP BY mentor_user_id`,
          [org.id, mentorIds],
        )
      ).map((row) => [row.mentor, row.n]),
    );
  const newCohort = async (name: string, settings: Record<string, unknown> = {}) => {
    const program = await t.http.post<ProgramViewDto>(
      `/api/v1/orgs/${org.id}/programs`,
      { name: `${name} program`, settings },
      admin.token,
    );
    if (program.status !== 201) throw new Error(JSON.stringify(program.body));
    return (
      await t.http.post<CohortViewDto>(
        `/api/v1/orgs/${org.id}/programs/${program.body.id}/cohorts`,
        { name, startsOn: '2026-04-01', endsOn: '2030-09-30' },
        admin.token,
      )
    ).body;
  };

  beforeAll(async () => {
    admin = await makeUser(t.http);
    org = await makeOrganization(t.http, admin, 'Capacity Org');
    const program = await t.http.post<ProgramViewDto>(
      `/api/v1/orgs/${org.id}/programs`,
      { name: 'Capacity program' },
      admin.token,
    );
    cohort = (
      await t.http.post<CohortViewDto>(
        `/api/v1/orgs/${org.id}/programs/${program.body.id}/cohorts`,
        { name: 'Capacity cohort', startsOn: '2026-04-01', endsOn: '2030-09-30' },
        admin.token,
      )
    ).body;
    [mentor] = await makeMembersInBulk(t.api.db, org.id, 1, 'capacity-mentor', ['mentor']);
    mentees = await makeMembersInBulk(t.api.db, org.id, 160, 'capacity-mentee', ['mentee']);
  });

  it('50 concurrent creations against 3 free places: exactly 3 succeed, 47 answer 409', async () => {
    const results = await Promise.all(
      mentees
        .slice(0, 50)
        .map((mentee) => probe({ mentorUserId: mentor.id, menteeUserIds: [mentee.id], places: 3 })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    const refused = results.filter((r) => r.status === 409);
    expect(refused).toHaveLength(47);
    expect(new Set(refused.map((r) => r.body.code))).toEqual(new Set(['mentor_at_capacity']));
    const [count] = await t.api.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM matches WHERE organization_id = $1 AND mentor_user_id = $2`,
      [org.id, mentor.id],
    );
    expect(count.n).toBe(3);
  });

  it('refuses a batch that would go over, and writes none of it', async () => {
    const before = await t.api.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM matches WHERE organization_id = $1`,
      [org.id],
    );
    const batch = mentees.slice(50, 55).map((m) => m.id);
    const refused = await probe({ mentorUserId: mentor.id, menteeUserIds: batch, places: 6 });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('mentor_at_capacity');
    const after = await t.api.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM matches WHERE organization_id = $1`,
      [org.id],
    );
    expect(after[0].n).toBe(before[0].n);
    expect(
      (await probe({ mentorUserId: mentor.id, menteeUserIds: batch.slice(0, 3), places: 6 })).status,
    ).toBe(201);
  });

  it('refuses a second open match of the same pair in the cohort', async () => {
    const mentee = mentees[59];
    expect((await probe({ mentorUserId: mentor.id, menteeUserIds: [mentee.id], places: 100 })).status).toBe(
      201,
    );
    const again = await probe({ mentorUserId: mentor.id, menteeUserIds: [mentee.id], places: 100 });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('pair_already_matched');
  });

  it('overlapping batches over several mentors, in every order at once: no deadlock, nobody over capacity', async () => {
    // Four mentors with 3 places each; 24 batches of three mentors each, named in different
    // orders ([A, B, C], [C, B, A], ...). Locking mentors in the order given would deadlock two
    // of them (Postgres aborts one: a 500); counting without the locks would overfill.
    const four = await makeMembersInBulk(t.api.db, org.id, 4, 'batch-mentor', ['mentor']);
    const orders = [
      [0, 1, 2],
      [2, 1, 0],
      [1, 3, 0],
      [3, 2, 1],
      [0, 3, 2],
      [2, 0, 3],
    ];
    const takers = mentees.slice(60, 132);
    const batches = Array.from({ length: 24 }, (_, b) => {
      const order = orders[b % orders.length];
      return probe({
        mentorUserId: four[0].id,
        mentorUserIds: order.map((k) => four[k].id),
        menteeUserIds: takers.slice(b * 3, b * 3 + 3).map((m) => m.id),
        places: 3,
      });
    });
    const results = await Promise.all(batches);
    expect(new Set(results.map((r) => r.status))).toEqual(new Set([201, 409]));
    const made = results.filter((r) => r.status === 201).length;
    const load = await loadOf(four.map((m) => m.id));
    for (const m of four) expect(load.get(m.id) ?? 0).toBeLessThanOrEqual(3);
    // All or none per batch: every match written belongs to a batch that answered 201.
    expect([...load.values()].reduce((a, b) => a + b, 0)).toBe(made * 3);
    expect(made).toBeGreaterThanOrEqual(1);
  });

  it('counts a group program’s place as one group: capacity 2 is one group and one mentee elsewhere', async () => {
    const groups = await newCohort('Group cohort', { kind: 'group', groupSize: 3 });
    const pairs = await newCohort('One-to-one cohort');
    const [lead] = await makeMembersInBulk(t.api.db, org.id, 1, 'group-mentor', ['mentor']);
    await t.api.db.query(
      `INSERT INTO profiles (organization_id, user_id, mentor_capacity) VALUES ($1, $2, 2)`,
      [org.id, lead.id],
    );
    const placesIn = async (cohortId: string) =>
      (
        await t.api.db.query<{ places: number; load: number }>(
          `SELECT mentor_places(pr, coalesce(c.settings_snapshot, p.settings)) AS places,
                  (SELECT load FROM mentor_loads($1, ARRAY[$2::uuid], $3)) AS load
             FROM cohorts c JOIN programs p ON p.organization_id = c.organization_id AND p.id = c.program_id
             LEFT JOIN profiles pr ON pr.organization_id = c.organization_id AND pr.user_id = $2
            WHERE c.organization_id = $1 AND c.id = $3`,
          [org.id, lead.id, cohortId],
        )
      )[0];
    // In the group program each of the 2 places is a group of 3: 6 seats.
    expect(await placesIn(groups.id)).toEqual({ places: 6, load: 0 });
    const group = mentees.slice(140, 143).map((m) => m.id);
    expect(
      (await probe({ cohortId: groups.id, mentorUserId: lead.id, menteeUserIds: group, places: 6 })).status,
    ).toBe(201);
    // Elsewhere that group fills one place: one of the two is left.
    expect(await placesIn(pairs.id)).toEqual({ places: 2, load: 1 });
    const one = (k: number, cohortId: string, places: number) =>
      probe({ cohortId, mentorUserId: lead.id, menteeUserIds: [mentees[k].id], places });
    expect((await one(143, pairs.id, 2)).status).toBe(201);
    const refused = await one(144, pairs.id, 2);
    expect({ status: refused.status, code: refused.body.code }).toEqual({
      status: 409,
      code: 'mentor_at_capacity',
    });
    // And back in the group program the one-to-one mentee fills a place: the group is all there is.
    expect(await placesIn(groups.id)).toEqual({ places: 6, load: 6 });
    expect((await one(145, groups.id, 6)).status).toBe(409);
  });
});
