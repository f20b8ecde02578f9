import { randomUUID } from 'node:crypto';
import type { ErrorBody, OrganizationView } from '@mentorship/contracts';
import { InvitationTokens } from '@mentorship/organizations';
import {
  HttpClient,
  makeMember,
  makeOrganization,
  makeUser,
  type SignedUpUser,
  startTestApi,
  type TestApi,
  useTestSystem,
  waitFor,
} from '@mentorship/testing';
import { DateTime } from 'luxon';
import { type History, randomSource, writeHistory } from './support/analytics-history';

type Answer<T> = T & ErrorBody;
interface Funnel {
  stages: { stage: string; matches: number }[];
}
interface Engagement {
  points: { checkIns: number }[];
}
interface Retention {
  cohorts: { cohortId: string; cohortName: string | null }[];
}

/**
 * The dashboard's answers are kept in each API process under the organization's rollup version
 * (and its programs' and cohorts' names): two replicas on one database, the rollups re-run by the
 * worker, as in production.
 */
describe("the dashboard's kept answers, on two API replicas", () => {
  let replica: TestApi;
  // Declared before the system: after-all hooks run in declaration order, the replica first.
  afterAll(async () => replica?.close());
  const system = useTestSystem();
  let org: OrganizationView;
  let other: OrganizationView;
  let admin: SignedUpUser;
  let otherAdmin: SignedUpUser;
  let mentor: SignedUpUser;
  let history: History;
  let q: string;
  const replicas = () => [system.http, new HttpClient(replica.baseUrl)] as const;
  const get = <T>(http: HttpClient, who: SignedUpUser, path: string, orgId = org.id) =>
    http.get<Answer<T>>(`/api/v1/orgs/${orgId}/analytics/${path}`, who.token);
  const proposed = (funnel: Funnel) => funnel.stages.find((s) => s.stage === 'proposed')!.matches;
  const checkIns = (engagement: Engagement) => engagement.points.reduce((n, p) => n + p.checkIns, 0);
  const stored = async (sql: string, params: unknown[]) =>
    Number((await system.api.db.query<{ n: string | null }>(sql, params))[0]?.n ?? 0);
  const storedCheckIns = (orgId: string) =>
    stored(
      `SELECT sum(check_ins) AS n FROM analytics_cohort_days WHERE organization_id = $1 AND day BETWEEN $2 AND $3`,
      [orgId, history.from, range().to],
    );
  const storedProposed = (orgId: string) =>
    stored(
      `SELECT sum(new_matches) AS n FROM analytics_cohort_days WHERE organization_id = $1 AND day BETWEEN $2 AND $3`,
      [orgId, history.from, range().to],
    );
  const range = () => ({
    from: history.from,
    to: DateTime.now().setZone(history.timeZone).minus({ days: 1 }).toISODate()!,
  });
  const version = (orgId: string) =>
    system.api.db.query<{ version: string }>(
      `SELECT version FROM analytics_rollup_versions WHERE organization_id = $1`,
      [orgId],
    );
  /** A re-run of the whole history, by the worker, as an admin asks for it. */
  const rerun = async (orgId: string, who: SignedUpUser) => {
    const asked = await system.http.post<Answer<{ id: string }>>(
      `/api/v1/orgs/${orgId}/analytics/rollup-runs`,
      range(),
      who.token,
    );
    expect(asked.status).toBe(202);
    await waitFor(
      async () =>
        (await get<{ status: string }>(system.http, who, `rollup-runs/${asked.body.id}`, orgId)).body
          .status === 'done',
      'the re-run',
    );
  };

  beforeAll(async () => {
    replica = await startTestApi({ services: system.services });
    admin = await makeUser(system.http);
    otherAdmin = await makeUser(system.http);
    org = await makeOrganization(system.http, admin, 'Kept Answers Org');
    other = await makeOrganization(system.http, otherAdmin, 'Other Kept Answers Org');
    mentor = await makeMember(system.http, admin, org.id, ['mentor'], (id) =>
      system.api.app.get(InvitationTokens).issue(org.id, id),
    );
    history = await writeHistory(system.api.db, randomSource(41), { organizationId: org.id });
    await writeHistory(system.api.db, randomSource(42), { organizationId: other.id });
    q = `from=${range().from}&to=${range().to}`;
  });

  it('answers alike on both replicas, and from the rows a rollup commits on both at their next request', async () => {
    // Before any rollup: empty charts, version none.
    for (const http of replicas())
      expect(proposed((await get<Funnel>(http, admin, `trial-funnel?${q}`)).body)).toBe(0);
    expect(await version(org.id)).toEqual([]);

    await rerun(org.id, admin);
    expect(await version(org.id)).toEqual([{ version: '1' }]);
    const rolledUp = await storedCheckIns(org.id);
    expect(rolledUp).toBeGreaterThan(0);
    for (const http of replicas()) {
      expect(proposed((await get<Funnel>(http, admin, `trial-funnel?${q}`)).body)).toBe(
        await storedProposed(org.id),
      );
      expect(checkIns((await get<Engagement>(http, admin, `engagement?${q}&granularity=month`)).body)).toBe(
        rolledUp,
      );
    }

    // A back-dated check-in is in the charts once a rollup has counted it, not before.
    const [match] = await system.api.db.query<{ id: string; mentee_user_id: string }>(
      `SELECT id, mentee_user_id FROM matches WHERE organization_id = $1 ORDER BY id LIMIT 1`,
      [org.id],
    );
    await system.api.db.query(
      `INSERT INTO check_ins (organization_id, id, match_id, held_on, duration_minutes, shared_notes, action_items,
         milestone_progress, logged_by, logged_at)
       VALUES ($1, $2, $3, $4, 45, 'late', '[]', '[]', $5, now())`,
      [org.id, randomUUID(), match!.id, history.from, match!.mentee_user_id],
    );
    for (const http of replicas())
      expect(checkIns((await get<Engagement>(http, admin, `engagement?${q}&granularity=month`)).body)).toBe(
        rolledUp,
      );
    await rerun(org.id, admin);
    expect(await version(org.id)).toEqual([{ version: '2' }]);
    expect(await storedCheckIns(org.id)).toBe(rolledUp + 1);
    for (const http of replicas())
      expect(checkIns((await get<Engagement>(http, admin, `engagement?${q}&granularity=month`)).body)).toBe(
        rolledUp + 1,
      );
  });

  /** A fact row changed by hand, with no rollup and no version raised: 1,000 more new matches. */
  const changeFactRowBehindTheRollup = () =>
    system.api.db.query(
      `UPDATE analytics_cohort_days SET new_matches = new_matches + 1000
        WHERE (organization_id, cohort_id, day) IN (
          SELECT organization_id, cohort_id, day FROM analytics_cohort_days
           WHERE organization_id = $1 AND day BETWEEN $2 AND $3 ORDER BY day LIMIT 1)`,
      [org.id, history.from, range().to],
    );

  it('keeps an answer while the version holds, and reads again once a rollup raises it', async () => {
    const [http] = replicas();
    const before = proposed((await get<Funnel>(http, admin, `trial-funnel?${q}`)).body);
    expect(before).toBe(await storedProposed(org.id));
    // A fact row changed behind the rollup's back (no version raised): the kept answer stands,
    // so the answer above was kept, not read again.
    await changeFactRowBehindTheRollup();
    expect(proposed((await get<Funnel>(http, admin, `trial-funnel?${q}`)).body)).toBe(before);
    // The rollup writes the row back as the sources say, and raises the version.
    await rerun(org.id, admin);
    expect(await storedProposed(org.id)).toBe(before);
    expect(proposed((await get<Funnel>(http, admin, `trial-funnel?${q}`)).body)).toBe(before);
    await changeFactRowBehindTheRollup();
    await system.api.db.query(
      `UPDATE analytics_rollup_versions SET version = version + 1 WHERE organization_id = $1`,
      [org.id],
    );
    expect(proposed((await get<Funnel>(http, admin, `trial-funnel?${q}`)).body)).toBe(before + 1000);
    await rerun(org.id, admin);
  });

  it('shows a renamed cohort at once, though no rollup ran', async () => {
    const [cohort] = await system.api.db.query<{ cohort_id: string }>(
      `SELECT cohort_id FROM analytics_retention WHERE organization_id = $1 AND start_day BETWEEN $2 AND $3 LIMIT 1`,
      [org.id, range().from, range().to],
    );
    const nameOf = (answer: Retention) =>
      answer.cohorts.find((c) => c.cohortId === cohort!.cohort_id)?.cohortName;
    for (const http of replicas())
      expect(nameOf((await get<Retention>(http, admin, `retention?${q}`)).body)).not.toBe('Renamed cohort');
    await system.api.db.query(
      `UPDATE cohorts SET name = 'Renamed cohort' WHERE organization_id = $1 AND id = $2`,
      [org.id, cohort!.cohort_id],
    );
    for (const http of replicas())
      expect(nameOf((await get<Retention>(http, admin, `retention?${q}`)).body)).toBe('Renamed cohort');
  });

  it("keeps each organization's answers apart, and checks the caller before any kept answer", async () => {
    await rerun(other.id, otherAdmin);
    for (const http of replicas()) {
      // The same query of both organizations: each its own rows.
      expect(proposed((await get<Funnel>(http, admin, `trial-funnel?${q}`)).body)).toBe(
        await storedProposed(org.id),
      );
      expect(proposed((await get<Funnel>(http, otherAdmin, `trial-funnel?${q}`, other.id)).body)).toBe(
        await storedProposed(other.id),
      );
      expect(await storedProposed(org.id)).not.toBe(await storedProposed(other.id));
      // The answer is kept now; another organization's admin and a mentor still get none of it.
      const foreign = await get(http, otherAdmin, `trial-funnel?${q}`);
      expect({ status: foreign.status, code: foreign.body.code }).toEqual({
        status: 404,
        code: 'organization_not_found',
      });
      const mentorAsks = await get(http, mentor, `trial-funnel?${q}`);
      expect({ status: mentorAsks.status, code: mentorAsks.body.code }).toEqual({
        status: 403,
        code: 'forbidden_role',
      });
      // A filter is still checked: another organization's program is not found here.
      const [theirs] = await system.api.db.query<{ id: string }>(
        `SELECT id FROM programs WHERE organization_id = $1 LIMIT 1`,
        [other.id],
      );
      const byTheirProgram = await get(http, admin, `trial-funnel?${q}&programId=${theirs!.id}`);
      expect({ status: byTheirProgram.status, code: byTheirProgram.body.code }).toEqual({
        status: 404,
        code: 'program_not_found',
      });
    }
  });
});
