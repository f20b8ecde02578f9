import type { OrganizationView } from '@mentorship/contracts';
import { InvitationTokens } from '@mentorship/organizations';
import {
  listRoutes,
  makeMember,
  makeOrganization,
  makeUser,
  RouteInfo,
  SignedUpUser,
  TestApi,
  useTestApi,
} from '@mentorship/testing';
import { Client } from 'pg';

const TENANT_TABLES = ['organizations', 'memberships', 'invitations', 'audit_events', 'email_deliveries'];

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
  });

  /** A body that would pass validation on each route, so only access decides the outcome. */
  function validBody(route: RouteInfo): unknown {
    if (route.method === 'GET' || route.method === 'DELETE') return undefined;
    if (route.path.endsWith('/invitations/accept')) {
      return { token: t.api.app.get(InvitationTokens).issue(orgA.id, invitationA) };
    }
    if (route.path.endsWith('/invitations')) return { email: 'pending@example.test', roles: ['admin'] };
    if (route.method === 'PATCH') return { roles: ['admin'] };
    return undefined;
  }

  function fill(path: string, orgId: string): string {
    return path.replace(':orgId', orgId).replace(':userId', memberA.id).replace(':invitationId', invitationA);
  }

  it("gives organization B's admin 404 on every route of organization A, and changes nothing", async () => {
    const tenantRoutes = listRoutes(t.api.app).filter((r) => r.path.includes(':orgId'));
    expect(tenantRoutes.length).toBeGreaterThanOrEqual(6);
    const before = await snapshotOf(t.api, orgA.id);
    for (const route of tenantRoutes) {
      const result = await t.http.request<{ code: string }>(route.method, fill(route.path, orgA.id), {
        token: adminB.token,
        body: validBody(route),
      });
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
    const memberRoutes = listRoutes(t.api.app).filter(
      (r) => r.path.includes(':userId') || r.path.includes(':invitationId'),
    );
    expect(memberRoutes.length).toBeGreaterThanOrEqual(4);
    for (const route of memberRoutes) {
      const result = await t.http.request(route.method, fill(route.path, orgB.id), {
        token: adminB.token,
        body: validBody(route),
      });
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
      for (const table of TENANT_TABLES) {
        const stored = await t.api.db.query(`SELECT count(*)::int AS n FROM ${table}`);
        expect(stored[0]?.['n']).toBeGreaterThan(table === 'email_deliveries' ? -1 : 0);
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
