import { randomUUID } from 'node:crypto';
import type { SignedUpUser } from '@mentorship/testing';
import type { BrowserE2e, TestOrganization } from './browser-e2e';

/** The trial of the seeded program, in days: the mentorship specs run it out on the test clock. */
export const TRIAL_DAYS = 14;
export const DAY_MS = 24 * 3600 * 1000;
/** Each step's bound in the mentorship specs: a few page loads and axe checks, minutes on a loaded machine. */
export const STEP_MS = 240_000;

/**
 * An organization named `name` with Cora Coordinator, Mina Mentor and Manu Mentee, and the
 * pending match of the mentor and the mentee that seedPendingMatch makes.
 */
export async function seedMentorshipCast(e2e: BrowserE2e, name: string) {
  const org = await e2e.organization(name);
  const coordinator = await org.member(['coordinator'], 'Cora Coordinator');
  const mentor = await org.member(['mentor'], 'Mina Mentor');
  const mentee = await org.member(['mentee'], 'Manu Mentee');
  const { cohortId, matchId } = await seedPendingMatch(e2e, org, mentor, mentee);
  return { org, orgId: org.orgId, cohortId, matchId, coordinator, mentor, mentee };
}

/**
 * A program with a trial of TRIAL_DAYS, its "Spring cohort" open for enrollment, and a match of
 * `mentor` and `mentee` in it as an approved proposal leaves it: waiting for the mentor.
 */
export async function seedPendingMatch(
  e2e: BrowserE2e,
  { orgId, admin }: TestOrganization,
  mentor: SignedUpUser,
  mentee: SignedUpUser,
): Promise<{ cohortId: string; matchId: string }> {
  const program = await e2e.http.post<{ id: string }>(
    `/api/v1/orgs/${orgId}/programs`,
    { name: 'Engineering mentoring', settings: { trialDays: TRIAL_DAYS } },
    admin.token,
  );
  const cohort = await e2e.http.post<{ id: string }>(
    `/api/v1/orgs/${orgId}/programs/${program.body.id}/cohorts`,
    { name: 'Spring cohort', startsOn: '2026-04-01', endsOn: '2099-09-30' },
    admin.token,
  );
  const cohortId = cohort.body.id;
  await e2e.http.post(
    `/api/v1/orgs/${orgId}/cohorts/${cohortId}/status`,
    { status: 'enrolling' },
    admin.token,
  );
  const matchId = randomUUID();
  await e2e.api.db.query(
    `INSERT INTO matches (organization_id, id, cohort_id, mentor_user_id, mentee_user_id, status, origin)
     VALUES ($1, $2, $3, $4, $5, 'pending', 'coordinator')`,
    [orgId, matchId, cohortId, mentor.id, mentee.id],
  );
  return { cohortId, matchId };
}
