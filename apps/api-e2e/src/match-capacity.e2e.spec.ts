import { Body, Controller, Module, Post } from '@nestjs/common';
import { IsArray, IsInt, IsUUID } from 'class-validator';
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
    const ids = await this.matches.create(
      body.menteeUserIds.map((menteeUserId) => ({
        cohortId: body.cohortId,
        mentorUserId: body.mentorUserId,
        menteeUserId,
        status: 'pending' as const,
        origin: 'request' as const,
      })),
      new Map([[body.mentorUserId, body.places]]),
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
  const probe = (body: Omit<ProbeMatchDto, 'cohortId'>) =>
    t.http.post<{ ids: string[]; code?: string }>(
      `/api/v1/orgs/${org.id}/probe-matches`,
      { cohortId: cohort.id, ...body },
      admin.token,
    );

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
    mentees = await makeMembersInBulk(t.api.db, org.id, 60, 'capacity-mentee', ['mentee']);
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
});
