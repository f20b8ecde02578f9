import { randomUUID } from 'node:crypto';
import type { BulkMember, HttpClient, SignedUpUser, TestDatabase } from '@mentorship/testing';

/**
 * Enrolls members in a cohort as the superuser, as if each had accepted an invitation: what a
 * test needs to start from, without the invitation round trips.
 */
export async function enrollInCohort(
  db: Pick<TestDatabase, 'query'>,
  organizationId: string,
  cohortId: string,
  places: readonly { member: { id: string; email: string }; role: 'mentor' | 'mentee' }[],
): Promise<void> {
  await db.query(
    `INSERT INTO cohort_participants (organization_id, id, cohort_id, email, user_id, role, status, source, enrolled_at)
     SELECT $1, gen_random_uuid(), $2, e, u, r, 'enrolled', 'invitation', now()
       FROM unnest($3::text[], $4::uuid[], $5::text[]) AS given(e, u, r)`,
    [
      organizationId,
      cohortId,
      places.map((place) => place.member.email),
      places.map((place) => place.member.id),
      places.map((place) => place.role),
    ],
  );
}

/**
 * Enrolls people made in bulk (`makeMembersInBulk`) as mentees of a cohort, named, as a
 * participant import leaves them: volume tests of the roster, as the superuser.
 */
export async function enrollImportedMentees(
  db: Pick<TestDatabase, 'query'>,
  organizationId: string,
  cohortId: string,
  people: readonly BulkMember[],
): Promise<void> {
  await db.query(
    `INSERT INTO cohort_participants (organization_id, id, cohort_id, email, user_id, name, role, status, source, enrolled_at)
     SELECT $1, gen_random_uuid(), $2, p.email, p.id, p.name, 'mentee', 'enrolled', 'import', now()
       FROM unnest($3::uuid[], $4::text[], $5::text[]) AS p (id, email, name)`,
    [
      organizationId,
      cohortId,
      people.map((p) => p.id),
      people.map((p) => p.email),
      people.map((p) => p.displayName),
    ],
  );
}

/**
 * A cohort of program `programId` running from 1 April 2026 to 2099, taken out of draft by the
 * admin: enrolling, so its snapshot of the program holds the rules it runs by. Returns its id.
 */
export async function enrollingCohort(
  http: HttpClient,
  orgId: string,
  admin: SignedUpUser,
  programId: string,
  name = 'Cohort',
): Promise<string> {
  const cohort = await http.post<{ id: string }>(
    `/api/v1/orgs/${orgId}/programs/${programId}/cohorts`,
    { name, startsOn: '2026-04-01', endsOn: '2099-09-30' },
    admin.token,
  );
  await http.post(
    `/api/v1/orgs/${orgId}/cohorts/${cohort.body.id}/status`,
    { status: 'enrolling' },
    admin.token,
  );
  return cohort.body.id;
}

/** A new program (`program`: its name and settings) with an enrolling cohort (`enrollingCohort`). */
export async function enrollingCohortOfNewProgram(
  http: HttpClient,
  orgId: string,
  admin: SignedUpUser,
  program: { name: string; settings: object },
  cohortName?: string,
): Promise<string> {
  const created = await http.post<{ id: string }>(`/api/v1/orgs/${orgId}/programs`, program, admin.token);
  expect(created.status).toBe(201);
  return enrollingCohort(http, orgId, admin, created.body.id, cohortName);
}

/**
 * A match of the cohort in trial: written pending (as a coordinator's match would be), then
 * accepted by the mentor through the API. Returns its id.
 */
export async function trialMatch(
  t: { http: HttpClient; api: { db: TestDatabase } },
  orgId: string,
  cohortId: string,
  pair: { mentor: SignedUpUser; mentee: SignedUpUser },
): Promise<string> {
  const id = randomUUID();
  await t.api.db.query(
    `INSERT INTO matches (organization_id, id, cohort_id, mentor_user_id, mentee_user_id, status, origin)
     VALUES ($1, $2, $3, $4, $5, 'pending', 'coordinator')`,
    [orgId, id, cohortId, pair.mentor.id, pair.mentee.id],
  );
  const accepted = await t.http.post<{ status: string }>(
    `/api/v1/orgs/${orgId}/matches/${id}/actions`,
    { action: 'accept' },
    pair.mentor.token,
  );
  expect(accepted.body.status).toBe('trial');
  return id;
}
