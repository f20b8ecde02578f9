import { RollupService } from '@mentorship/analytics';
import type { OrganizationView } from '@mentorship/contracts';
import { InvitationTokens } from '@mentorship/organizations';
import { TenancyService } from '@mentorship/platform';
import {
  type BulkMember,
  listRoutes,
  makeMember,
  makeMembersInBulk,
  makeOrganization,
  makeUser,
  RouteInfo,
  SignedUpUser,
  TestApi,
  useTestApi,
} from '@mentorship/testing';
import { Client } from 'pg';
import { enrollInCohort } from './support/cohort-matches';
import { requestBody } from './support/matching-world';

const TENANT_TABLES = [
  'organizations',
  'memberships',
  'invitations',
  'audit_events',
  'email_deliveries',
  'skills',
  'profiles',
  'profile_skills',
  'programs',
  'cohorts',
  'cohort_participants',
  'participant_imports',
  'participant_import_rows',
  'matches',
  'match_requests',
  'suggestion_exposures',
  'match_events',
  'trial_answers',
  'trial_nudges',
  'rematch_queue',
  'agreements',
  'agreement_versions',
  'mentorship_maps',
  'map_versions',
  'check_ins',
  'notebook_entries',
  'planned_meetings',
  'pulse_answers',
  'match_outcomes',
  'cohort_survey_answers',
  'analytics_settings',
  'analytics_cohort_days',
  'analytics_time_to_match_days',
  'analytics_member_tenures',
  'analytics_rollup_runs',
  'analytics_rollup_versions',
  'exit_surveys',
];

/** Organization A's data, as the superuser sees it, to prove a request changed nothing. */
async function snapshotOf(api: TestApi, organizationId: string): Promise<string> {
  const parts: unknown[] = [];
  for (const table of TENANT_TABLES) {
    const column = table === 'organizations' ? 'id' : 'organization_id';
    parts.push(
      await api.db.query(`SELECT * FROM ${table} WHERE ${column} = $1 ORDER BY 1, 2`, [organizationId]),
    );
  }
  return JSON.stringify(parts);
}

describe('tenant isolation', () => {
  const t = useTestApi();
  let adminA: SignedUpUser;
  let adminB: SignedUpUser;
  let orgA: OrganizationView;
  let orgB: OrganizationView;
  let memberA: SignedUpUser;
  let invitationA: string;
  /** A's ids, by the path parameter that names them. */
  const idsOfA: Record<string, string> = {};
  /** Another skill of A, for bodies that name a second one (merge). */
  let otherSkillA: string;
  /** An application of A's member to an enrolling cohort of A. */
  let applicationA: { cohortId: string; participantId: string };
  /** Mentors of A's mentee-choice cohort, asked by A's member. */
  let mentorsOfA: BulkMember[];

  beforeAll(async () => {
    adminA = await makeUser(t.http);
    adminB = await makeUser(t.http);
    orgA = await makeOrganization(t.http, adminA, 'Org A');
    orgB = await makeOrganization(t.http, adminB, 'Org B');
    const tokens = t.api.app.get(InvitationTokens);
    memberA = await makeMember(t.http, adminA, orgA.id, ['mentee'], (id) => tokens.issue(orgA.id, id));
    const pending = await t.http.post<{ id: string }>(
      `/api/v1/orgs/${orgA.id}/invitations`,
      { email: 'pending@example.test', roles: ['mentor'] },
      adminA.token,
    );
    invitationA = pending.body.id;
    const skill = await t.http.post<{ id: string }>(
      `/api/v1/orgs/${orgA.id}/skills`,
      { name: 'Go' },
      adminA.token,
    );
    const other = await t.http.post<{ id: string }>(
      `/api/v1/orgs/${orgA.id}/skills`,
      { name: 'Rust' },
      adminA.token,
    );
    otherSkillA = other.body.id;
    await t.http.patch(
      `/api/v1/orgs/${orgA.id}/profiles/me`,
      { timeZone: 'Europe/Paris', wantedSkills: [{ skillId: skill.body.id, targetLevel: 3 }] },
      memberA.token,
    );
    const program = await t.http.post<{ id: string }>(
      `/api/v1/orgs/${orgA.id}/programs`,
      { name: 'A program' },
      adminA.token,
    );
    const cohort = await t.http.post<{ id: string }>(
      `/api/v1/orgs/${orgA.id}/programs/${program.body.id}/cohorts`,
      { name: 'A cohort', startsOn: '2026-04-01', endsOn: '2026-09-30' },
      adminA.token,
    );
    const participant = await t.http.post<{ id: string }>(
      `/api/v1/orgs/${orgA.id}/cohorts/${cohort.body.id}/participants`,
      { email: memberA.email, role: 'mentee' },
      adminA.token,
    );
    // An application as well as an invitation: approve and reject name one.
    const openCohort = await t.http.post<{ id: string }>(
      `/api/v1/orgs/${orgA.id}/programs/${program.body.id}/cohorts`,
      { name: 'A open cohort', startsOn: '2026-04-01', endsOn: '2099-09-30' },
      adminA.token,
    );
    await t.http.post(
      `/api/v1/orgs/${orgA.id}/cohorts/${openCohort.body.id}/status`,
      { status: 'enrolling' },
      adminA.token,
    );
    const application = await t.http.post<{ id: string }>(
      `/api/v1/orgs/${orgA.id}/cohorts/${openCohort.body.id}/participation`,
      { role: 'mentor' },
      memberA.token,
    );
    if (application.status !== 201) throw new Error(`apply: ${application.status}`);
    applicationA = { cohortId: openCohort.body.id, participantId: application.body.id };
    const imported = await t.http.postCsv<{ id: string }>(
      `/api/v1/orgs/${orgA.id}/cohorts/${cohort.body.id}/imports`,
      'email,name,role\nimported@example.test,Imported,mentor\n',
      adminA.token,
    );
    // A mentee-choice cohort where A's member has suggestions, a request, and a match.
    const choice = await t.http.post<{ id: string }>(
      `/api/v1/orgs/${orgA.id}/programs`,
      { name: 'A choice', settings: { matchingMode: 'mentee-choice' } },
      adminA.token,
    );
    const choosing = await t.http.post<{ id: string }>(
      `/api/v1/orgs/${orgA.id}/programs/${choice.body.id}/cohorts`,
      { name: 'A choosing cohort', startsOn: '2026-04-01', endsOn: '2099-09-30' },
      adminA.token,
    );
    for (const status of ['enrolling', 'matching'])
      await t.http.post(
        `/api/v1/orgs/${orgA.id}/cohorts/${choosing.body.id}/status`,
        { status },
        adminA.token,
      );
    mentorsOfA = await makeMembersInBulk(t.api.db, orgA.id, 2, 'a-mentor', ['mentor']);
    await enrollInCohort(t.api.db, orgA.id, choosing.body.id, [
      { member: memberA, role: 'mentee' },
      ...mentorsOfA.map((member) => ({ member, role: 'mentor' as const })),
    ]);
    // A shared language: the engine's default criteria require one.
    await t.api.db.query(
      `INSERT INTO profiles (organization_id, user_id, languages) SELECT $1, unnest($2::uuid[]), '{en}'
       ON CONFLICT (organization_id, user_id) DO UPDATE SET languages = '{en}'`,
      [orgA.id, [memberA.id, ...mentorsOfA.map((m) => m.id)]],
    );
    const suggested = await t.http.get<{ items: unknown[] }>(
      `/api/v1/orgs/${orgA.id}/cohorts/${choosing.body.id}/suggestions`,
      memberA.token,
    );
    if (suggested.body.items?.length !== 2) throw new Error(`suggestions: ${JSON.stringify(suggested.body)}`);
    const asked = await Promise.all(
      mentorsOfA.map((mentor) =>
        t.http.post<{ id: string }>(
          `/api/v1/orgs/${orgA.id}/cohorts/${choosing.body.id}/match-requests`,
          requestBody(mentor.id),
          memberA.token,
        ),
      ),
    );
    await t.api.db.query(
      `INSERT INTO matches (organization_id, id, cohort_id, mentor_user_id, mentee_user_id, status, origin)
       VALUES ($1, gen_random_uuid(), $2, $3, $4, 'trial', 'coordinator')`,
      [orgA.id, choosing.body.id, mentorsOfA[1]!.id, memberA.id],
    );
    // A completed matching round of A (written as a worker would: this test runs no worker).
    const [round] = await t.api.db.query<{ id: string }>(
      `INSERT INTO matching_rounds (organization_id, id, cohort_id, status, objective, mode, created_by, percent)
       VALUES ($1, gen_random_uuid(), $2, 'completed', 'max-score', 'exact', $3, 100) RETURNING id`,
      [orgA.id, cohort.body.id, adminA.id],
    );
    // A match of A (adminA mentors memberA), as matching would leave it.
    const [match] = await t.api.db.query<{ id: string }>(
      `INSERT INTO matches (organization_id, id, cohort_id, mentor_user_id, mentee_user_id, status, origin)
       VALUES ($1, gen_random_uuid(), $2, $3, $4, 'active', 'coordinator') RETURNING id`,
      [orgA.id, cohort.body.id, adminA.id, memberA.id],
    );
    await t.api.db.query(
      `INSERT INTO match_events (organization_id, id, match_id, action, from_status, to_status, actor_user_id, actor, occurred_at)
       VALUES ($1, gen_random_uuid(), $2, 'accept', 'pending', 'trial', $3, 'mentor', now())`,
      [orgA.id, match.id, adminA.id],
    );
    await t.api.db.query(
      `INSERT INTO trial_answers (organization_id, match_id, side, continues, rating, answered_by, answered_at)
       VALUES ($1, $2, 'mentee', true, 4, $3, now())`,
      [orgA.id, match.id, memberA.id],
    );
    await t.api.db.query(
      `INSERT INTO trial_nudges (organization_id, match_id, kind, sent_at) VALUES ($1, $2, 'halfway', now())`,
      [orgA.id, match.id],
    );
    await t.api.db.query(
      `INSERT INTO rematch_queue (organization_id, match_id, cohort_id, mentee_user_id, excluded_mentor_user_id, queued_at)
       VALUES ($1, $2, $3, $4, $5, now())`,
      [orgA.id, match.id, cohort.body.id, memberA.id, adminA.id],
    );
    // A delivered notification of A's member (the trial halfway nudge).
    const [notification] = await t.api.db.query<{ id: string }>(
      `INSERT INTO notifications (organization_id, id, recipient_user_id, recipient_email, recipient_name, kind,
                                  idempotency_key, title, body, deliver_at, delivered_at, shown_in_app, email_state)
       VALUES ($1, gen_random_uuid(), $2, $3, 'Member A', 'trial.halfway', 'isolation', 'Halfway', 'Halfway',
               now(), now(), true, 'sent') RETURNING id`,
      [orgA.id, memberA.id, memberA.email],
    );
    // Its agreement (signed once), map, a check-in, a notebook entry and the next meeting.
    const lifecycleRows = [
      `INSERT INTO agreements (organization_id, match_id, version, terms, updated_by, updated_at, created_at)
       VALUES ($1, $2, 1, '{"goals": ["Secret goal"]}', $3, now(), now())`,
      `INSERT INTO agreement_versions (organization_id, match_id, version, terms, mentee_signed_at, mentor_signed_at)
       VALUES ($1, $2, 1, '{"goals": ["Secret goal"]}', now(), now())`,
      `INSERT INTO mentorship_maps (organization_id, match_id, version, content, next_review_on, updated_by, updated_at, created_at)
       VALUES ($1, $2, 1, '{"milestones": []}', current_date, $3, now(), now())`,
      `INSERT INTO map_versions (organization_id, match_id, version, content, next_review_on, changes, changed_by, changed_at)
       VALUES ($1, $2, 1, '{"milestones": []}', current_date, '[]', $3, now())`,
      `INSERT INTO notebook_entries (organization_id, id, match_id, author_user_id, kind, body, private, created_at)
       VALUES ($1, gen_random_uuid(), $2, $3, 'reflection', 'Secret entry', false, now())`,
      `INSERT INTO planned_meetings (organization_id, match_id, starts_at, duration_minutes, time_zone, location, agenda,
                                     sequence, planned_by, planned_at)
       VALUES ($1, $2, now() + interval '7 days', 45, 'Europe/Paris', '', '', 0, $3, now())`,
    ];
    lifecycleRows.push(
      `INSERT INTO pulse_answers (organization_id, match_id, side, period, rating, comment, answered_by, answered_at)
       VALUES ($1, $2, 'mentee', 0, 4, 'Secret pulse', $3, now())`,
      `INSERT INTO match_outcomes (organization_id, match_id, side, skills_gained, project_completed, career_step,
                                   network_grown, reported_by, reported_at)
       VALUES ($1, $2, 'mentee', '["Secret skill"]', true, false, true, $3, now())`,
      `INSERT INTO exit_surveys (organization_id, match_id, side, rating, what_worked, answered_by, answered_at)
       VALUES ($1, $2, 'mentee', 5, 'Secret exit survey', $3, now())`,
    );
    for (const sql of lifecycleRows)
      await t.api.db.query(sql, [orgA.id, match.id, memberA.id].slice(0, sql.includes('$3') ? 3 : 2));
    const [checkIn] = await t.api.db.query<{ id: string }>(
      `INSERT INTO check_ins (organization_id, id, match_id, held_on, duration_minutes, shared_notes, action_items,
                              milestone_progress, logged_by, logged_at)
       VALUES ($1, gen_random_uuid(), $2, current_date, 30, 'Secret notes', '[]', '[]', $3, now()) RETURNING id`,
      [orgA.id, match.id, memberA.id],
    );
    await t.api.db.query(
      `INSERT INTO cohort_survey_answers (organization_id, cohort_id, user_id, recommend, comment, answered_at)
       VALUES ($1, $2, $3, 9, 'Secret survey', now())`,
      [orgA.id, cohort.body.id, memberA.id],
    );
    // A's analytics: its zone, a re-run asked for, and its rollups of this year.
    await t.api.db.query(
      `INSERT INTO analytics_settings (organization_id, time_zone) VALUES ($1, 'Europe/Paris')`,
      [orgA.id],
    );
    const [run] = await t.api.db.query<{ id: string }>(
      `INSERT INTO analytics_rollup_runs (organization_id, id, from_day, to_day, status, requested_by, requested_at)
       VALUES ($1, gen_random_uuid(), '2026-01-01', '2026-01-31', 'queued', $2, now()) RETURNING id`,
      [orgA.id, adminA.id],
    );
    const today = new Date().toISOString().slice(0, 10);
    await t.api.app
      .get(TenancyService)
      .runInTenant(orgA.id, () => t.api.app.get(RollupService).rollUp(`${today.slice(0, 4)}-01-01`, today));
    Object.assign(idsOfA, {
      runId: run!.id,
      notificationId: notification.id,
      checkInId: checkIn!.id,
      requestId: asked[0]!.body.id,
      roundId: round!.id,
      matchId: match.id,
      importId: imported.body.id,
      participantId: participant.body.id,
      userId: memberA.id,
      invitationId: invitationA,
      skillId: skill.body.id,
      programId: program.body.id,
      cohortId: cohort.body.id,
    });
  });

  /** A body that would pass validation on each route, so only access decides the outcome. */
  function validBody(route: RouteInfo): unknown {
    if (route.method === 'GET' || route.method === 'DELETE') return undefined;
    if (route.path.endsWith('/invitations/accept')) {
      return { token: t.api.app.get(InvitationTokens).issue(orgA.id, invitationA) };
    }
    if (route.path.endsWith('/invitations')) return { email: 'pending@example.test', roles: ['admin'] };
    if (route.path.endsWith('/members/:userId')) return { roles: ['admin'] };
    if (route.path.endsWith('/skills') || route.path.endsWith('/skills/:skillId')) return { name: 'Stolen' };
    if (route.path.endsWith('/merge')) return { intoSkillId: otherSkillA };
    if (route.path.includes('/profiles/')) return { department: 'Stolen' };
    if (route.path.endsWith('/programs/:programId/cohorts'))
      return { name: 'Stolen', startsOn: '2026-04-01', endsOn: '2026-09-30' };
    if (route.path.endsWith('/trial/answers')) return { continue: true, rating: 5 };
    if (route.path.endsWith('/agreement')) return { version: 1, terms: { goals: ['Stolen'] } };
    if (route.path.endsWith('/agreement/signatures')) return { version: 1 };
    if (route.path.endsWith('/map'))
      return {
        version: 1,
        currentState: { skills: [], performanceThemes: [], communityInvolvement: '' },
        desiredState: { description: 'Stolen', horizonMonths: 6 },
        communityLevel: 'leader',
        milestones: [],
      };
    if (route.path.endsWith('/check-ins')) return { heldOn: '2026-05-01', durationMinutes: 30 };
    if (route.path.endsWith('/notebook')) return { kind: 'result', body: 'Stolen' };
    if (route.path.endsWith('/next-meeting')) return { startsAt: '2099-05-01T10:00', durationMinutes: 30 };
    if (route.path.endsWith('/pulse')) return { rating: 1 };
    if (route.path.endsWith('/outcomes'))
      return { skillsGained: [], projectCompleted: false, careerStep: false, networkGrown: false };
    if (route.path.endsWith('/survey')) return { recommend: 0 };
    if (route.path.endsWith('/exit-survey')) return { rating: 1, whatToChange: 'Stolen' };
    if (route.path.endsWith('/matches/:matchId/actions')) return { action: 'end', reason: 'Stolen' };
    if (route.path.endsWith('/status')) return { status: 'enrolling' };
    if (route.path.endsWith('/participants')) return { email: 'stolen@example.test', role: 'mentee' };
    if (route.path.endsWith('/participation') && route.method === 'POST') return { role: 'mentee' };
    if (route.path.endsWith('/match-requests')) return requestBody(mentorsOfA[0]!.id);
    if (route.path.endsWith('/decline'))
      return { reason: 'too-busy', suggestedMentorUserId: mentorsOfA[1]!.id };
    if (route.path.includes('/matching-rounds')) return {};
    if (route.path.endsWith('/analytics/rollup-runs')) return { from: '2026-01-01', to: '2026-01-02' };
    if (route.path.endsWith('/analytics/settings')) return { timeZone: 'Asia/Tokyo' };
    if (/\/(programs|cohorts)(\/:\w+)?$/.test(route.path)) return { name: 'Stolen' };
    return undefined;
  }

  /** Sends `route` with a valid body: JSON, or a CSV file where the route takes one. */
  function send(route: RouteInfo, orgId: string, token: string) {
    const path = fill(route.path, orgId);
    if (route.takesCsv) return t.http.postCsv<{ code: string }>(path, 'name\nStolen\n', token);
    return t.http.request<{ code: string }>(route.method, path, { token, body: validBody(route) });
  }

  function fill(path: string, orgId: string): string {
    return path.replace(/:(\w+)/g, (whole, name: string) => {
      if (name === 'orgId') return orgId;
      const id = idsOfA[name];
      if (!id) throw new Error(`no id of A for ${whole} in ${path}: add one to idsOfA`);
      return id;
    });
  }

  it("gives organization B's admin 404 on every route of organization A, and changes nothing", async () => {
    const tenantRoutes = listRoutes(t.api.app).filter((r) => r.path.includes(':orgId'));
    expect(tenantRoutes.length).toBeGreaterThanOrEqual(6);
    const before = await snapshotOf(t.api, orgA.id);
    for (const route of tenantRoutes) {
      const result = await send(route, orgA.id, adminB.token);
      expect({ route: `${route.method} ${route.path}`, status: result.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 404,
      });
      expect(JSON.stringify(result.body)).not.toContain(memberA.email);
    }
    expect(await snapshotOf(t.api, orgA.id)).toBe(before);
  });

  it("gives B's admin 404 for A's member ids through B's own organization, and changes nothing", async () => {
    const before = await snapshotOf(t.api, orgA.id);
    // Every route that names a thing of the organization by id. (Routes with no organization in
    // the path, the unsubscribe link, take theirs from a signed token: notifications.e2e.)
    const memberRoutes = listRoutes(t.api.app).filter(
      (r) => r.path.includes(':orgId') && /:(?!orgId)\w+/.test(r.path),
    );
    expect(memberRoutes.length).toBeGreaterThanOrEqual(8);
    for (const route of memberRoutes) {
      const result = await send(route, orgB.id, adminB.token);
      expect({ route: `${route.method} ${route.path}`, status: result.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 404,
      });
    }
    // An invitation of A cannot be accepted through B either.
    const crossAccept = await t.http.post(
      `/api/v1/orgs/${orgB.id}/invitations/accept`,
      { token: t.api.app.get(InvitationTokens).issue(orgA.id, invitationA) },
      adminB.token,
    );
    expect(crossAccept.status).toBe(404);
    expect(await snapshotOf(t.api, orgA.id)).toBe(before);
  });

  it("gives B's admin 404 for A's application on the routes that decide one", async () => {
    const before = await snapshotOf(t.api, orgA.id);
    for (const orgId of [orgA.id, orgB.id])
      for (const decision of ['approve', 'reject']) {
        const path = `/api/v1/orgs/${orgId}/cohorts/${applicationA.cohortId}/participants/${applicationA.participantId}/${decision}`;
        expect({ path, status: (await t.http.post(path, {}, adminB.token)).status }).toEqual({
          path,
          status: 404,
        });
      }
    expect(await snapshotOf(t.api, orgA.id)).toBe(before);
  });

  it("takes no id of A in B's bodies and filters: not found, nothing of A shown or changed", async () => {
    const before = await snapshotOf(t.api, orgA.id);
    const b = `/api/v1/orgs/${orgB.id}`;
    const skillB = await t.http.post<{ id: string }>(`${b}/skills`, { name: 'B skill' }, adminB.token);
    const merged = await t.http.post<{ code: string }>(
      `${b}/skills/${skillB.body.id}/merge`,
      { intoSkillId: idsOfA['skillId'] },
      adminB.token,
    );
    expect({ status: merged.status, code: merged.body.code }).toEqual({
      status: 404,
      code: 'skill_not_found',
    });
    const profile = await t.http.patch<{ code: string; details: { field: string }[] }>(
      `${b}/profiles/me`,
      { offeredSkills: [{ skillId: idsOfA['skillId'], level: 3 }] },
      adminB.token,
    );
    expect({ status: profile.status, fields: profile.body.details.map((d) => d.field) }).toEqual({
      status: 400,
      fields: ['offeredSkills.0.skillId'],
    });
    const programB = await t.http.post<{ id: string }>(`${b}/programs`, { name: 'B program' }, adminB.token);
    const cohortB = await t.http.post<{ id: string }>(
      `${b}/programs/${programB.body.id}/cohorts`,
      { name: 'B cohort', startsOn: '2026-04-01', endsOn: '2026-09-30' },
      adminB.token,
    );
    // B's mentee asking A's mentor from B's own mentee-choice cohort: not a mentor there.
    const choiceB = await t.http.post<{ id: string }>(
      `${b}/programs`,
      { name: 'B choice', settings: { matchingMode: 'mentee-choice' } },
      adminB.token,
    );
    const choosingB = await t.http.post<{ id: string }>(
      `${b}/programs/${choiceB.body.id}/cohorts`,
      { name: 'B choosing', startsOn: '2026-04-01', endsOn: '2099-09-30' },
      adminB.token,
    );
    for (const status of ['enrolling', 'matching'])
      await t.http.post(`${b}/cohorts/${choosingB.body.id}/status`, { status }, adminB.token);
    await enrollInCohort(t.api.db, orgB.id, choosingB.body.id, [{ member: adminB, role: 'mentee' }]);
    const crossRequest = await t.http.post<{ code: string }>(
      `${b}/cohorts/${choosingB.body.id}/match-requests`,
      requestBody(mentorsOfA[0]!.id),
      adminB.token,
    );
    expect({ status: crossRequest.status, code: crossRequest.body.code }).toEqual({
      status: 400,
      code: 'mentor_not_in_cohort',
    });
    const suggestionsB = await t.http.get<{ items: { mentorUserId: string }[] }>(
      `${b}/cohorts/${choosingB.body.id}/suggestions`,
      adminB.token,
    );
    expect({ status: suggestionsB.status, items: suggestionsB.body.items }).toEqual({
      status: 200,
      items: [],
    });
    // B's mentee naming A's member as map buddy or helper: not a member there.
    const [mentorB] = await makeMembersInBulk(t.api.db, orgB.id, 1, 'b-mentor', ['mentor']);
    const [matchB] = await t.api.db.query<{ id: string }>(
      `INSERT INTO matches (organization_id, id, cohort_id, mentor_user_id, mentee_user_id, status, origin)
       VALUES ($1, gen_random_uuid(), $2, $3, $4, 'active', 'coordinator') RETURNING id`,
      [orgB.id, cohortB.body.id, mentorB!.id, adminB.id],
    );
    const crossMap = await t.http.put<{ code: string; details: { field: string }[] }>(
      `${b}/matches/${matchB!.id}/map`,
      {
        currentState: { skills: [], performanceThemes: [], communityInvolvement: '' },
        desiredState: { description: 'Lead', horizonMonths: 6 },
        communityLevel: 'participant',
        milestones: [
          {
            title: 'Lead',
            performance: 'Lead a meeting',
            community: '',
            stage: 'practice',
            helpers: [{ kind: 'sponsor', userId: memberA.id }],
          },
        ],
        buddyUserId: memberA.id,
      },
      adminB.token,
    );
    expect({ status: crossMap.status, fields: crossMap.body.details.map((d) => d.field).sort() }).toEqual({
      status: 400,
      fields: ['buddyUserId', 'milestones.0.helpers.0.userId'],
    });
    // A's program or cohort as a filter of B's dashboard: not found, nothing of A counted.
    for (const [filter, code] of [
      ['programId', 'program_not_found'],
      ['cohortId', 'cohort_not_found'],
    ] as const)
      for (const chart of [
        'retention',
        'trial-funnel',
        'engagement',
        'utilization',
        'time-to-match',
        'exits',
        'cohorts',
      ]) {
        const answer = await t.http.get<{ code: string }>(
          `${b}/analytics/${chart}?${filter}=${idsOfA[filter]}`,
          adminB.token,
        );
        expect({ chart, filter, status: answer.status, code: answer.body.code }).toEqual({
          chart,
          filter,
          status: 404,
          code,
        });
      }
    // A's cohort as the "needs attention" filter: not B's (A's rematch queue and quiet pair stay A's).
    const crossAttention = await t.http.get<{ code: string }>(
      `${b}/needs-attention?cohortId=${idsOfA['cohortId']}`,
      adminB.token,
    );
    expect([crossAttention.status, crossAttention.body.code]).toEqual([404, 'cohort_not_found']);
    // A's member's board through B: no such board (B's own board shows none of A's mentors).
    const crossBoard = await t.http.get<{ code: string }>(`${b}/personal-boards/${memberA.id}`, adminB.token);
    expect([crossBoard.status, crossBoard.body.code]).toEqual([404, 'personal_board_not_found']);
    const lists = [
      `${b}/needs-attention`,
      `${b}/match-requests/sent?cohortId=${idsOfA['cohortId']}`,
      `${b}/match-requests/received`,
      `${b}/cohorts?programId=${idsOfA['programId']}`,
      `${b}/profiles?skillId=${idsOfA['skillId']}`,
      `${b}/cohorts/${cohortB.body.id}/participants?skillId=${idsOfA['skillId']}`,
    ];
    for (const path of lists) {
      const listed = await t.http.get<{ items: unknown[]; total: number }>(path, adminB.token);
      expect({ path, status: listed.status, total: listed.body.total }).toEqual({
        path,
        status: 200,
        total: 0,
      });
    }
    expect(await snapshotOf(t.api, orgA.id)).toBe(before);
  });

  it('answers 404, not 400 or 500, for ids that are not ids and for unknown organizations', async () => {
    for (const orgId of ['not-a-uuid', '00000000-0000-0000-0000-000000000000']) {
      const result = await t.http.get<{ code: string }>(`/api/v1/orgs/${orgId}/members`, adminA.token);
      expect(result.status).toBe(404);
      expect(result.body.code).toBe('organization_not_found');
    }
    expect((await t.http.get(`/api/v1/orgs/${orgA.id}/members/not-a-uuid`, adminA.token)).status).toBe(404);
  });

  it('returns no rows to a query without a tenant context, though the rows exist', async () => {
    const client = new Client({ connectionString: t.api.db.appUrl });
    await client.connect();
    try {
      // Tables that may be empty here: email deliveries, and the old suggestion ledger (the
      // ledger is in Redis since 2026-12-04; the table stays, written by nothing).
      const mayBeEmpty = ['email_deliveries', 'suggestion_exposures'];
      for (const table of TENANT_TABLES) {
        const stored = await t.api.db.query(`SELECT count(*)::int AS n FROM ${table}`);
        expect(stored[0]?.['n']).toBeGreaterThan(mayBeEmpty.includes(table) ? -1 : 0);
        const seen = await client.query(`SELECT count(*)::int AS n FROM ${table}`);
        expect({ table, rows: seen.rows[0].n }).toEqual({ table, rows: 0 });
      }
      // Nor can it write into a tenant without setting one.
      await expect(
        client.query(
          `INSERT INTO organizations (id, name) VALUES ('11111111-1111-1111-1111-111111111111', 'sneaky')`,
        ),
      ).rejects.toThrow(/row-level security/);
    } finally {
      await client.end();
    }
  });

  it('a transaction set to A sees only A, even when it asks for B', async () => {
    const client = new Client({ connectionString: t.api.db.appUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.organization_id', $1, true)`, [orgA.id]);
      const rows = await client.query('SELECT DISTINCT organization_id FROM memberships');
      expect(rows.rows.map((r) => r.organization_id)).toEqual([orgA.id]);
      const asked = await client.query(
        'SELECT count(*)::int AS n FROM memberships WHERE organization_id = $1',
        [orgB.id],
      );
      expect(asked.rows[0].n).toBe(0);
      await expect(
        client.query(`INSERT INTO memberships (organization_id, user_id, roles) VALUES ($1, $2, '{admin}')`, [
          orgB.id,
          adminA.id,
        ]),
      ).rejects.toThrow(/row-level security/);
      await client.query('ROLLBACK');
      // Transaction-local: gone after the transaction.
      const after = await client.query(`SELECT current_setting('app.organization_id', true) AS tenant`);
      expect(after.rows[0].tenant ?? '').toBe('');
    } finally {
      await client.end();
    }
  });
});
