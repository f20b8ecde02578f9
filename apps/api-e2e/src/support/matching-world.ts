import type { OrganizationRole, OrganizationView } from '@mentorship/contracts';
import type { CohortViewDto, ProgramViewDto } from '@mentorship/programs';
import {
  makeMembersInBulk,
  makeOrganization,
  makeUser,
  type BulkMember,
  type HttpClient,
  type SignedUpUser,
  type TestDatabase,
} from '@mentorship/testing';
import { enrollInCohort } from './cohort-matches';

/** What a test says about a participant's profile; the rest stays the profile's default. */
export interface ProfileFacts {
  languages?: string[];
  timeZone?: string;
  seniority?: number;
  topics?: string[];
  goals?: string[];
  /** Skill name and level (offered for mentors, wanted for mentees). */
  skills?: [string, number][];
  mentorCapacity?: number | null;
  paused?: boolean;
}

/**
 * An organization with a mentee-choice program and a cohort in `matching`, built through the
 * real API; people are added to it as the superuser (enrolled participants with profiles), so a
 * test of 50 mentees does not sign 50 people up.
 */
export class MatchingWorld {
  admin!: SignedUpUser;
  org!: OrganizationView;
  program!: ProgramViewDto;
  cohort!: CohortViewDto;

  constructor(
    private readonly http: HttpClient,
    private readonly db: Pick<TestDatabase, 'query'>,
  ) {}

  get base(): string {
    return `/api/v1/orgs/${this.org.id}`;
  }

  async create(name: string, settings: Record<string, unknown> = {}): Promise<this> {
    this.admin = await makeUser(this.http);
    this.org = await makeOrganization(this.http, this.admin, name);
    this.cohort = await this.newCohort(settings);
    return this;
  }

  /** The world of an organization a test made already. */
  within(admin: SignedUpUser, org: OrganizationView): this {
    this.admin = admin;
    this.org = org;
    return this;
  }

  /** A new program of the organization and its cohort, moved to `status`. */
  async newCohort(
    settings: Record<string, unknown> = {},
    status: 'draft' | 'enrolling' | 'matching' | 'running' = 'matching',
  ): Promise<CohortViewDto> {
    const suffix = Math.random().toString(36).slice(2, 8);
    const program = await this.http.post<ProgramViewDto>(
      `${this.base}/programs`,
      { name: `Choice ${suffix}`, settings: { matchingMode: 'mentee-choice', ...settings } },
      this.admin.token,
    );
    if (program.status !== 201) throw new Error(`program: ${JSON.stringify(program.body)}`);
    this.program = program.body;
    const cohort = await this.http.post<CohortViewDto>(
      `${this.base}/programs/${program.body.id}/cohorts`,
      { name: `Cohort ${suffix}`, startsOn: '2026-04-01', endsOn: '2030-09-30' },
      this.admin.token,
    );
    const path: string[] = ['enrolling', 'matching', 'running'];
    for (const step of path.slice(0, path.indexOf(status) + 1)) {
      const moved = await this.http.post(
        `${this.base}/cohorts/${cohort.body.id}/status`,
        { status: step },
        this.admin.token,
      );
      if (moved.status !== 200) throw new Error(`status ${step}: ${JSON.stringify(moved.body)}`);
    }
    return cohort.body;
  }

  /** A signed-up member (with a token) enrolled in the cohort as `role`. */
  async person(
    role: 'mentor' | 'mentee',
    facts: ProfileFacts = {},
    options: { cohortId?: string; displayName?: string; orgRoles?: OrganizationRole[] } = {},
  ): Promise<SignedUpUser> {
    const user = await makeUser(this.http, options.displayName ? { displayName: options.displayName } : {});
    await this.db.query(`INSERT INTO memberships (organization_id, user_id, roles) VALUES ($1, $2, $3)`, [
      this.org.id,
      user.id,
      options.orgRoles ?? [role],
    ]);
    await this.enroll([{ id: user.id, email: user.email }], role, facts, options.cohortId);
    return user;
  }

  /** `count` members without passwords, enrolled as `role` with the same profile facts. */
  async people(
    count: number,
    prefix: string,
    role: 'mentor' | 'mentee',
    facts: ProfileFacts = {},
  ): Promise<BulkMember[]> {
    const members = await makeMembersInBulk(this.db, this.org.id, count, prefix, [role]);
    await this.enroll(members, role, facts);
    return members;
  }

  async enroll(
    members: { id: string; email: string }[],
    role: 'mentor' | 'mentee',
    facts: ProfileFacts,
    cohortId = this.cohort.id,
  ): Promise<void> {
    const ids = members.map((m) => m.id);
    await enrollInCohort(
      this.db,
      this.org.id,
      cohortId,
      members.map((member) => ({ member, role })),
    );
    await this.db.query(
      `INSERT INTO profiles (organization_id, user_id, languages, time_zone, seniority, topics, goals, mentor_capacity, paused,
                             availability)
       SELECT $1, unnest($2::uuid[]), $3, $4, $5, $6, $7, $8, $9,
              '[{"day":1,"start":"09:00","end":"12:00"},{"day":3,"start":"14:00","end":"17:00"}]'
       ON CONFLICT (organization_id, user_id) DO NOTHING`,
      [
        this.org.id,
        ids,
        facts.languages ?? ['en'],
        facts.timeZone ?? 'Europe/Berlin',
        facts.seniority ?? (role === 'mentor' ? 4 : 2),
        facts.topics ?? [],
        facts.goals ?? [],
        facts.mentorCapacity ?? null,
        facts.paused ?? false,
      ],
    );
    for (const [name, level] of facts.skills ?? []) {
      await this.db.query(
        `INSERT INTO skills (organization_id, id, name) VALUES ($1, gen_random_uuid(), $2) ON CONFLICT DO NOTHING`,
        [this.org.id, name],
      );
      await this.db.query(
        `INSERT INTO profile_skills (organization_id, user_id, kind, skill_id, level)
         SELECT $1, unnest($2::uuid[]), $3, s.id, $4 FROM skills s WHERE s.organization_id = $1 AND lower(s.name) = lower($5)`,
        [this.org.id, ids, role === 'mentor' ? 'offered' : 'wanted', level, name],
      );
    }
  }

  /** A request from `menteeUserId` to `mentorUserId`, written as the superuser (bulk set-ups). */
  async requestsInBulk(menteeUserIds: string[], mentorUserId: string): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `INSERT INTO match_requests (organization_id, id, cohort_id, mentee_user_id, mentor_user_id, subject, how_found,
                                   want_to_learn, specific_ask, offer_back, expires_at)
       SELECT $1, gen_random_uuid(), $2, unnest($3::uuid[]), $4, 'Subject of the ask', 'found you', 'want to learn things',
              'twenty minutes to talk', 'my notes', now() + interval '14 days'
       RETURNING id`,
      [this.org.id, this.cohort.id, menteeUserIds, mentorUserId],
    );
    return rows.map((row) => row.id);
  }
}

/** A valid request body for `mentorUserId`; `overrides` replace parts of it. */
export function requestBody(mentorUserId: string, overrides: Record<string, unknown> = {}) {
  return {
    mentorUserId,
    subject: '20 minutes on design reviews next week?',
    howFound: 'Your talk at the engineering all-hands',
    wantToLearn: 'How to run a design review that people leave with decisions.',
    specificAsk: 'A first conversation of 20 minutes, at a time that suits you.',
    offerBack: 'Notes from our migration to TypeScript.',
    ...overrides,
  };
}
