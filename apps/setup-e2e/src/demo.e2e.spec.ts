import type {
  CohortView,
  MemberView,
  OrganizationList,
  Page,
  ProposalPage,
  RoundView,
  SessionView,
} from '@mentorship/contracts';
import { HttpClient, serviceUrls, withDatabase } from '@mentorship/testing';
import { Client } from 'pg';
import { adminQuery, freePort, runScript, Running, startScript, suffix, waitFor } from './support';

/**
 * `npm run demo` as a person runs it: services, migrations, admin build, demo data, then the
 * API, worker and mail sink on localhost. Here on a database of its own and free ports.
 */
describe('npm run demo', () => {
  const database = `mm_demo_${suffix()}`;
  let demo: Running;
  let http: HttpClient;
  let env: Record<string, string>;

  beforeAll(async () => {
    const port = await freePort();
    env = {
      PORT: String(port),
      PUBLIC_URL: `http://localhost:${port}`,
      DEMO_SMTP_PORT: String(await freePort()),
      DATABASE_URL: `postgres://mentorship_app:mentorship_app@127.0.0.1:5432/${database}`,
      DATABASE_OWNER_URL: `postgres://mentorship_owner:mentorship_owner@127.0.0.1:5432/${database}`,
      REDIS_PREFIX: `mmdemo-${suffix()}`,
    };
    demo = startScript('scripts/demo.mjs', env);
    await waitFor(
      () => demo.output().includes('Mentorship Map is running.') || demo.child.exitCode !== null,
      'the demo',
      280_000,
    );
    if (!demo.output().includes('Mentorship Map is running.'))
      throw new Error(`demo failed:\n${demo.output()}`);
    http = new HttpClient(`http://127.0.0.1:${port}`);
  }, 300_000);

  afterAll(async () => {
    demo?.child.kill('SIGTERM');
    await demo?.exited;
    await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }, 60_000);

  it('prints where everything is and how to sign in', () => {
    expect(demo.output()).toContain(`Admin app:   ${env['PUBLIC_URL']}/`);
    expect(demo.output()).toContain('admin@demo.example');
    expect(demo.output()).toContain('mentorship-demo-2026');
  });

  it('serves the admin app and lets the demo admin sign in to the seeded organization', async () => {
    const index = await fetch(`${http.baseUrl}/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>Mentorship Map');

    const session = await http.post<SessionView>('/api/v1/auth/sign-in', {
      email: 'admin@demo.example',
      password: 'mentorship-demo-2026',
    });
    expect(session.status).toBe(200);
    const orgs = await http.get<OrganizationList>('/api/v1/orgs', session.body.accessToken);
    expect(orgs.body.items).toEqual([
      expect.objectContaining({ name: 'Demo Mentoring Program', roles: ['admin'] }),
    ]);
    // Every role has its members (by role: the demo history's 240 members fill the first pages).
    const withRole = async (role: string) =>
      (
        await http.get<Page<MemberView>>(
          `/api/v1/orgs/${orgs.body.items[0]!.id}/members?role=${role}&pageSize=1`,
          session.body.accessToken,
        )
      ).body.total;
    const counts = Object.fromEntries(
      await Promise.all(
        ['admin', 'coordinator', 'mentor', 'mentee'].map(async (role) => [role, (await withRole(role)) > 0]),
      ),
    );
    expect(counts).toEqual({ admin: true, coordinator: true, mentor: true, mentee: true });
  });

  it('runs the worker: an invitation email reaches the demo mail sink with its link', async () => {
    const session = await http.post<SessionView>('/api/v1/auth/sign-in', {
      email: 'admin@demo.example',
      password: 'mentorship-demo-2026',
    });
    const orgId = (await http.get<OrganizationList>('/api/v1/orgs', session.body.accessToken)).body.items[0]!
      .id;
    const invited = await http.post(
      `/api/v1/orgs/${orgId}/invitations`,
      { email: 'new.mentee@demo.example', roles: ['mentee'] },
      session.body.accessToken,
    );
    expect(invited.status).toBe(201);
    await waitFor(
      () => demo.output().includes('[demo mail] to new.mentee@demo.example'),
      'the invitation email',
      30_000,
    );
    // The sink prints the link on a line of its own, which can arrive in a later chunk.
    const link = `[demo mail]   ${env['PUBLIC_URL']}/invitations/accept?org=${orgId}`;
    await waitFor(() => demo.output().includes(link), 'the link in the invitation email', 10_000);
    expect(demo.output()).toContain(link);
  });

  it('lets the demo coordinator run a round on the main cohort and see explained proposals at once', async () => {
    const session = await http.post<SessionView>('/api/v1/auth/sign-in', {
      email: 'coordinator@demo.example',
      password: 'mentorship-demo-2026',
    });
    expect(session.status).toBe(200);
    const token = session.body.accessToken;
    const orgId = (await http.get<OrganizationList>('/api/v1/orgs', token)).body.items[0]!.id;
    const cohorts = await http.get<Page<CohortView>>(`/api/v1/orgs/${orgId}/cohorts?pageSize=100`, token);
    const cohort = cohorts.body.items.find((c) => c.name === 'Spring 2026')!;
    expect(cohort.status).toBe('matching');
    const started = await http.post<RoundView>(
      `/api/v1/orgs/${orgId}/cohorts/${cohort.id}/matching-rounds`,
      {},
      token,
    );
    expect(started.status).toBe(202);
    let round = started.body;
    await waitFor(
      async () => {
        round = (await http.get<RoundView>(`/api/v1/orgs/${orgId}/matching-rounds/${round.id}`, token)).body;
        return round.status !== 'queued' && round.status !== 'running';
      },
      'the demo round',
      60_000,
    );
    expect(round.status).toBe('completed');
    // 15 mentors with their places for 40 mentees: most are matched, the rest say why not.
    expect(round.matchedCount).toBeGreaterThanOrEqual(20);
    expect(round.matchedCount! + round.unmatched.length).toBe(40);
    const proposals = await http.get<ProposalPage>(
      `/api/v1/orgs/${orgId}/matching-rounds/${round.id}/proposals?pageSize=100`,
      token,
    );
    expect(proposals.body.total).toBe(round.matchedCount);
    for (const proposal of proposals.body.items) {
      expect(proposal.menteeName).not.toMatch(/@/);
      expect(proposal.components.filter((c) => c.points > 0).length).toBeGreaterThanOrEqual(2);
      expect(proposal.components.map((c) => c.reason).join(' ')).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    }
  });

  it('seeds through the services: the audit log shows what people did', async () => {
    const client = new Client({ connectionString: withDatabase(serviceUrls.admin, database) });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT action, count(*)::int AS n FROM audit_events GROUP BY action ORDER BY action`,
      );
      // The people of the lifecycle cohort ("Winter 2026"): each accepted a place there too. (The
      // demo history's cohorts are generated rows, not people's actions: not in the audit log.)
      const {
        rows: [winter],
      } = await client.query(
        `SELECT count(*)::int AS n FROM cohort_participants cp
           JOIN cohorts c ON c.organization_id = cp.organization_id AND c.id = cp.cohort_id
          WHERE c.name = 'Winter 2026'`,
      );
      expect(winter.n).toBeGreaterThan(0);
      // The creator made the organization; each of the 56 others accepted an invitation to it
      // (the demo's own invitation test adds one more invitation.created); the 55 people of the
      // demo cohort, the 16 (6 mentors, 10 mentees) of the mentee-choice cohort and those of the
      // lifecycle cohort accepted their place; one mentee sent two match requests.
      expect(rows).toEqual(
        expect.arrayContaining([
          { action: 'organization.created', n: 1 },
          { action: 'invitation.accepted', n: 56 },
          { action: 'participant.accepted', n: 55 + 16 + winter.n },
          { action: 'match_request.sent', n: 2 },
        ]),
      );
    } finally {
      await client.end();
    }
  });

  it('seeds idempotently: running the seed again changes nothing', async () => {
    const before = await countIn(database);
    const again = runScript('scripts/seed-demo.mjs', env);
    expect(again.status).toBe(0);
    expect(await countIn(database)).toEqual(before);
    // The seed checks each of its 57 people again: longer than the default timeout.
  }, 300_000);
});

async function countIn(database: string) {
  const client = new Client({ connectionString: withDatabase(serviceUrls.admin, database) });
  await client.connect();
  try {
    const result = await client.query(
      `SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM memberships) AS members,
              (SELECT count(*)::int FROM organizations) AS organizations,
              (SELECT count(*)::int FROM invitations) AS invitations,
              (SELECT count(*)::int FROM audit_events) AS audit`,
    );
    return result.rows[0];
  } finally {
    await client.end();
  }
}
