import type { ErrorBody, OrganizationView } from '@mentorship/contracts';
import { nearestRank } from '@mentorship/analytics';
import { InvitationTokens } from '@mentorship/organizations';
import {
  makeMember,
  makeOrganization,
  makeUser,
  type SignedUpUser,
  useTestSystem,
  waitFor,
} from '@mentorship/testing';
import { DateTime } from 'luxon';
import { type History, randomSource, writeHistory } from './support/analytics-history';

type Answer<T> = T & ErrorBody;

const CHARTS = [
  'retention',
  'trial-funnel',
  'engagement',
  'utilization',
  'time-to-match',
  'participation',
  'exits',
  'cohorts',
];

describe('the analytics dashboard API (reads the rollups only) and its re-run', () => {
  const system = useTestSystem();
  let org: OrganizationView;
  let other: OrganizationView;
  const people = {} as Record<'admin' | 'coordinator' | 'mentor' | 'mentee' | 'otherAdmin', SignedUpUser>;
  let history: History;
  let range: { from: string; to: string };
  const get = <T>(who: SignedUpUser, path: string, orgId = org.id) =>
    system.http.get<Answer<T>>(`/api/v1/orgs/${orgId}/analytics/${path}`, who.token);
  const fields = (answer: { body: ErrorBody }) =>
    ((answer.body.details ?? []) as { field: string }[]).map((d) => d.field);
  const sumOf = async (sql: string, params: unknown[]) =>
    Number((await system.api.db.query<{ n: string | null }>(sql, params))[0]?.n ?? 0);

  beforeAll(async () => {
    people.admin = await makeUser(system.http);
    people.otherAdmin = await makeUser(system.http);
    org = await makeOrganization(system.http, people.admin, 'Analytics Org');
    other = await makeOrganization(system.http, people.otherAdmin, 'Other Org');
    const tokens = system.api.app.get(InvitationTokens);
    for (const role of ['coordinator', 'mentor', 'mentee'] as const)
      people[role] = await makeMember(system.http, people.admin, org.id, [role], (id) =>
        tokens.issue(org.id, id),
      );
    history = await writeHistory(system.api.db, randomSource(11), { organizationId: org.id });
    await writeHistory(system.api.db, randomSource(12), { organizationId: other.id });
    const yesterday = DateTime.now().setZone(history.timeZone).minus({ days: 1 }).toISODate()!;
    range = { from: history.from, to: yesterday };
  });

  it('re-runs a range as a job when an admin asks, and says when it is done', async () => {
    const asked = await system.http.post<Answer<{ id: string; status: string }>>(
      `/api/v1/orgs/${org.id}/analytics/rollup-runs`,
      range,
      people.admin.token,
    );
    expect({ status: asked.status, run: asked.body.status }).toEqual({ status: 202, run: 'queued' });
    await waitFor(
      async () =>
        (await get<{ status: string }>(people.admin, `rollup-runs/${asked.body.id}`)).body.status === 'done',
      'the re-run',
    );
    expect(
      await sumOf(`SELECT count(*) AS n FROM analytics_cohort_days WHERE organization_id = $1`, [org.id]),
    ).toBeGreaterThan(0);
    // The other organization's rollups were not written by this organization's run.
    expect(
      await sumOf(`SELECT count(*) AS n FROM analytics_cohort_days WHERE organization_id = $1`, [other.id]),
    ).toBe(0);
  });

  it('answers every chart from the rollup rows, for admins and coordinators', async () => {
    const q = `from=${range.from}&to=${range.to}`;
    const total = (column: string) =>
      sumOf(
        `SELECT sum(${column}) AS n FROM analytics_cohort_days WHERE organization_id = $1 AND day BETWEEN $2 AND $3`,
        [org.id, range.from, range.to],
      );
    for (const who of [people.admin, people.coordinator]) {
      const funnel = await get<{
        stages: { stage: string; matches: number }[];
        trials: { converted: number };
      }>(who, `trial-funnel?${q}`);
      expect(funnel.status).toBe(200);
      expect(funnel.body.stages).toEqual([
        { stage: 'proposed', matches: await total('new_matches') },
        { stage: 'accepted', matches: await total('matches_accepted') },
        { stage: 'trial', matches: await total('trials_started') },
        { stage: 'active', matches: await total('matches_activated') },
        { stage: 'completed', matches: await total('matches_completed') },
      ]);
      expect(funnel.body.stages[0]!.matches).toBeGreaterThan(0);
      expect(funnel.body.trials.converted).toBe(await total('trials_converted'));

      const engagement = await get<{ points: { checkIns: number; milestonesCompleted: number }[] }>(
        who,
        `engagement?${q}&granularity=month`,
      );
      expect(engagement.status).toBe(200);
      expect(engagement.body.points.reduce((n, p) => n + p.checkIns, 0)).toBe(await total('check_ins'));
      expect(engagement.body.points.reduce((n, p) => n + p.milestonesCompleted, 0)).toBe(
        await total('milestones_completed'),
      );

      const waits = await system.api.db.query<{ days: number; matches: number }>(
        `SELECT days_to_match AS days, sum(matches)::int AS matches FROM analytics_time_to_match_days
          WHERE organization_id = $1 AND day BETWEEN $2 AND $3 GROUP BY 1`,
        [org.id, range.from, range.to],
      );
      const timeToMatch = await get<{ matches: number; medianDays: number | null; p90Days: number | null }>(
        who,
        `time-to-match?${q}`,
      );
      expect(timeToMatch.body).toMatchObject({
        matches: waits.reduce((n, w) => n + w.matches, 0),
        medianDays: nearestRank(waits, 0.5),
        p90Days: nearestRank(waits, 0.9),
      });

      const retention = await get<{
        overall: { points: { days: number; started: number; retained: number }[] };
      }>(who, `retention?${q}`);
      for (const point of retention.body.overall.points.filter((p) => p.days > 0))
        expect(point).toMatchObject({
          started: await sumOf(
            `SELECT sum(started) AS n FROM analytics_retention WHERE organization_id = $1 AND horizon_days = $2 AND start_day BETWEEN $3 AND $4`,
            [org.id, point.days, range.from, range.to],
          ),
          retained: await sumOf(
            `SELECT sum(retained) AS n FROM analytics_retention WHERE organization_id = $1 AND horizon_days = $2 AND start_day BETWEEN $3 AND $4`,
            [org.id, point.days, range.from, range.to],
          ),
        });

      const utilization = await get<{ buckets: { mentors: number }[]; placesOffered: number }>(
        who,
        `utilization?${q}`,
      );
      expect(utilization.body.buckets).toHaveLength(11);
      expect(utilization.body.buckets.reduce((n, b) => n + b.mentors, 0)).toBe(
        await sumOf(
          `SELECT sum(mentors) AS n FROM analytics_utilization_days WHERE organization_id = $1 AND day = $2`,
          [org.id, range.to],
        ),
      );

      const participation = await get<{
        proxy: string;
        horizons: {
          months: number;
          participants: { members: number };
          nonParticipants: { members: number };
        }[];
      }>(who, `participation?${q}`);
      expect(participation.body.proxy).toMatch(/membership/);
      for (const horizon of participation.body.horizons)
        expect(horizon.participants.members + horizon.nonParticipants.members).toBe(
          await sumOf(
            `SELECT sum(members) AS n FROM analytics_membership_outcomes WHERE organization_id = $1 AND horizon_months = $2 AND joined_day BETWEEN $3 AND $4`,
            [org.id, horizon.months, range.from, range.to],
          ),
        );

      const exits = await get<{ ended: { matches: number }[]; trialDeclined: { matches: number }[] }>(
        who,
        `exits?${q}`,
      );
      expect(exits.body.ended.reduce((n, e) => n + e.matches, 0)).toBe(await total('matches_ended'));
      expect(exits.body.trialDeclined.reduce((n, e) => n + e.matches, 0)).toBe(
        await total('trials_declined'),
      );

      const cohorts = await get<{ cohorts: { cohortId: string; newMatches: number }[] }>(who, `cohorts?${q}`);
      expect(cohorts.body.cohorts.length).toBeGreaterThan(0);
      for (const row of cohorts.body.cohorts)
        expect(row.newMatches).toBe(
          await sumOf(
            `SELECT sum(new_matches) AS n FROM analytics_cohort_days WHERE organization_id = $1 AND cohort_id = $2 AND day BETWEEN $3 AND $4`,
            [org.id, row.cohortId, range.from, range.to],
          ),
        );
    }
  });

  it('filters by program and cohort', async () => {
    const [cohort] = await system.api.db.query<{ cohort_id: string; program_id: string }>(
      `SELECT cohort_id, program_id FROM analytics_cohort_days WHERE organization_id = $1 GROUP BY 1, 2
        ORDER BY sum(new_matches) DESC LIMIT 1`,
      [org.id],
    );
    const q = `from=${range.from}&to=${range.to}`;
    for (const [filter, column, id] of [
      ['programId', 'program_id', cohort!.program_id],
      ['cohortId', 'cohort_id', cohort!.cohort_id],
    ] as const) {
      const funnel = await get<{ stages: { matches: number }[]; filter: Record<string, string | null> }>(
        people.admin,
        `trial-funnel?${q}&${filter}=${id}`,
      );
      expect(funnel.body.filter[filter]).toBe(id);
      expect(funnel.body.stages[0]!.matches).toBe(
        await sumOf(
          `SELECT sum(new_matches) AS n FROM analytics_cohort_days WHERE organization_id = $1 AND ${column} = $2 AND day BETWEEN $3 AND $4`,
          [org.id, id, range.from, range.to],
        ),
      );
    }
    const both = await get(
      people.admin,
      `exits?${q}&programId=${cohort!.program_id}&cohortId=${cohort!.cohort_id}`,
    );
    expect(both.status).toBe(200);
  });

  it('refuses bad filters with 400 naming the field', async () => {
    const [programs] = [
      await system.api.db.query<{ id: string }>(
        `SELECT id FROM programs WHERE organization_id = $1 ORDER BY id`,
        [org.id],
      ),
    ];
    const [ofOther] = await system.api.db.query<{ id: string }>(
      `SELECT id FROM cohorts WHERE organization_id = $1 AND program_id <> $2 LIMIT 1`,
      [org.id, programs![0]!.id],
    );
    const cases: [string, string][] = [
      ['trial-funnel?from=2026-13-01', 'from'],
      ['trial-funnel?to=yesterday', 'to'],
      ['trial-funnel?from=2026-05-01&to=2026-04-01', 'from'],
      ['trial-funnel?from=2020-01-01&to=2026-01-01', 'from'],
      ['trial-funnel?from=1800-01-01&to=1800-02-01', 'from'],
      ['retention?cohortId=not-a-uuid', 'cohortId'],
      ['utilization?programId=42', 'programId'],
      ['engagement?granularity=year', 'granularity'],
      ['participation?programId=' + programs![0]!.id, 'programId'],
      ['trial-funnel?unknown=1', 'unknown'],
    ];
    if (ofOther) cases.push([`cohorts?programId=${programs![0]!.id}&cohortId=${ofOther.id}`, 'cohortId']);
    for (const [path, field] of cases) {
      const answer = await get(people.admin, path);
      expect({ path, status: answer.status, code: answer.body.code, fields: fields(answer) }).toEqual({
        path,
        status: 400,
        code: 'validation_failed',
        fields: [field],
      });
    }
    const rerun = (body: unknown) =>
      system.http.post<ErrorBody>(`/api/v1/orgs/${org.id}/analytics/rollup-runs`, body, people.admin.token);
    for (const [body, field] of [
      [{ from: '2026-02-01', to: '2099-01-01' }, 'to'],
      [{ from: '2026-02-01', to: '2026-01-01' }, 'from'],
      [{ from: '2026-02-30', to: '2026-03-01' }, 'from'],
      [{ to: '2026-03-01' }, 'from'],
    ] as const) {
      const answer = await rerun(body);
      expect({ body, status: answer.status, fields: fields(answer) }).toEqual({
        body,
        status: 400,
        fields: [field],
      });
    }
    const zone = await system.http.put<ErrorBody>(
      `/api/v1/orgs/${org.id}/analytics/settings`,
      { timeZone: 'Mars/Olympus' },
      people.admin.token,
    );
    expect({ status: zone.status, fields: fields(zone) }).toEqual({ status: 400, fields: ['timeZone'] });
  });

  it("answers 404 for another organization's program or cohort as a filter, and for its routes", async () => {
    const [theirs] = await system.api.db.query<{ id: string; program_id: string }>(
      `SELECT id, program_id FROM cohorts WHERE organization_id = $1 LIMIT 1`,
      [other.id],
    );
    const byProgram = await get(people.admin, `trial-funnel?programId=${theirs!.program_id}`);
    expect({ status: byProgram.status, code: byProgram.body.code }).toEqual({
      status: 404,
      code: 'program_not_found',
    });
    const byCohort = await get(people.admin, `retention?cohortId=${theirs!.id}`);
    expect({ status: byCohort.status, code: byCohort.body.code }).toEqual({
      status: 404,
      code: 'cohort_not_found',
    });
    for (const chart of CHARTS) {
      const answer = await get(people.otherAdmin, chart);
      expect({ chart, status: answer.status, code: answer.body.code }).toEqual({
        chart,
        status: 404,
        code: 'organization_not_found',
      });
    }
    const [run] = await system.api.db.query<{ id: string }>(
      `SELECT id FROM analytics_rollup_runs WHERE organization_id = $1 LIMIT 1`,
      [org.id],
    );
    // A's run through B's own organization: not there.
    const crossRun = await get(people.otherAdmin, `rollup-runs/${run!.id}`, other.id);
    expect({ status: crossRun.status, code: crossRun.body.code }).toEqual({
      status: 404,
      code: 'rollup_run_not_found',
    });
  });

  it('is for admins and coordinators; re-runs and the zone are for admins', async () => {
    for (const who of [people.mentor, people.mentee])
      for (const chart of [...CHARTS, 'settings']) {
        const answer = await get(who, chart);
        expect({ chart, status: answer.status, code: answer.body.code }).toEqual({
          chart,
          status: 403,
          code: 'forbidden_role',
        });
      }
    for (const who of [people.coordinator, people.mentor]) {
      const rerun = await system.http.post<ErrorBody>(
        `/api/v1/orgs/${org.id}/analytics/rollup-runs`,
        range,
        who.token,
      );
      expect(rerun.status).toBe(403);
      const zone = await system.http.put<ErrorBody>(
        `/api/v1/orgs/${org.id}/analytics/settings`,
        { timeZone: 'Europe/Paris' },
        who.token,
      );
      expect(zone.status).toBe(403);
    }
    expect((await get<{ timeZone: string }>(people.coordinator, 'settings')).body.timeZone).toBe(
      history.timeZone,
    );
    const set = await system.http.put<{ timeZone: string }>(
      `/api/v1/orgs/${org.id}/analytics/settings`,
      { timeZone: 'Europe/Paris' },
      people.admin.token,
    );
    expect(set.body).toEqual({ timeZone: 'Europe/Paris' });
    const audited = await system.api.db.query(
      `SELECT details FROM audit_events WHERE organization_id = $1 AND action = 'analytics.time_zone_set'`,
      [org.id],
    );
    expect(audited).toEqual([{ details: { from: history.timeZone, to: 'Europe/Paris' } }]);
  });

  it('answers empty charts before anything is rolled up', async () => {
    const fresh = await makeOrganization(system.http, people.admin, 'Empty Org');
    const funnel = await get<{ stages: { matches: number }[]; trials: { conversionRate: number | null } }>(
      people.admin,
      'trial-funnel',
      fresh.id,
    );
    expect(funnel.status).toBe(200);
    expect(funnel.body.stages.every((s) => s.matches === 0)).toBe(true);
    expect(funnel.body.trials.conversionRate).toBeNull();
    const waits = await get<{ medianDays: number | null }>(people.admin, 'time-to-match', fresh.id);
    expect(waits.body.medianDays).toBeNull();
  });
});
