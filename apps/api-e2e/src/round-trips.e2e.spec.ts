import type { InvitationView, MemberView, OrganizationView, Page } from '@mentorship/contracts';
import { InvitationTokens } from '@mentorship/organizations';
import { TenancyService, TenantContext } from '@mentorship/platform';
import {
  countRoundTrips,
  makeInvitation,
  makeMember,
  makeOrganization,
  makeUser,
  SignedUpUser,
  useTestApi,
} from '@mentorship/testing';

/**
 * What a tenant request costs in round trips to Postgres, counted at the pg driver: BEGIN with
 * the statement that sets the tenant and reads the caller's membership (one simple query), the
 * route's own statement(s), COMMIT (with the audit rows). The platform makes this true for every route.
 */
describe('round trips of a tenant request', () => {
  const t = useTestApi();
  let admin: SignedUpUser;
  let org: OrganizationView;

  beforeAll(async () => {
    admin = await makeUser(t.http);
    org = await makeOrganization(t.http, admin);
    const tokens = t.api.app.get(InvitationTokens);
    for (let i = 0; i < 3; i++)
      await makeMember(t.http, admin, org.id, ['mentee'], (id) => tokens.issue(org.id, id));
  });

  const auditCount = async () =>
    Number(
      (
        await t.api.db.query<{ n: string }>(
          `SELECT count(*) AS n FROM audit_events WHERE organization_id = $1 AND action = 'invitation.revoked'`,
          [org.id],
        )
      )[0].n,
    );

  it('a list route (members, one page with its total) takes 3, BEGIN and COMMIT included', async () => {
    const { result, statements } = await countRoundTrips(() =>
      t.http.get<Page<MemberView>>(`/api/v1/orgs/${org.id}/members?pageSize=2`, admin.token),
    );
    expect(result.status).toBe(200);
    expect(result.body.items).toHaveLength(2);
    expect(result.body.total).toBe(4);
    expect(statements.length).toBeLessThanOrEqual(3);
    expect(statements[0]).toMatch(/^START TRANSACTION;\s*SELECT[\s\S]*set_config\('app\.organization_id'/);
    expect(statements.at(-1)).toMatch(/COMMIT/);
  });

  it('a cohort roster (the cohort, one page with profiles and skills, and its total in one statement) takes at most 4', async () => {
    const program = await t.http.post<{ id: string }>(
      `/api/v1/orgs/${org.id}/programs`,
      { name: 'Round trips' },
      admin.token,
    );
    const cohort = await t.http.post<{ id: string }>(
      `/api/v1/orgs/${org.id}/programs/${program.body.id}/cohorts`,
      { name: 'Round trips', startsOn: '2026-04-01', endsOn: '2026-09-30' },
      admin.token,
    );
    await t.http.post(
      `/api/v1/orgs/${org.id}/cohorts/${cohort.body.id}/participants`,
      { email: 'someone@example.test', role: 'mentee' },
      admin.token,
    );
    const { result, statements } = await countRoundTrips(() =>
      t.http.get<Page<unknown>>(
        `/api/v1/orgs/${org.id}/cohorts/${cohort.body.id}/participants?role=mentee`,
        admin.token,
      ),
    );
    expect(result.body).toMatchObject({ total: 1 });
    expect(statements.length).toBeLessThanOrEqual(4);
  });

  it('a page past the end still knows the total', async () => {
    const past = await t.http.get<Page<MemberView>>(
      `/api/v1/orgs/${org.id}/members?page=5&pageSize=2`,
      admin.token,
    );
    expect(past.body).toMatchObject({ items: [], total: 4 });
  });

  it('a write route (revoke an invitation, with its audit row) takes at most 4', async () => {
    const invitation = await makeInvitation(t.http, admin, org.id, 'ada@example.test', ['mentor']);
    const before = await auditCount();
    const { result, statements } = await countRoundTrips(() =>
      t.http.delete(`/api/v1/orgs/${org.id}/invitations/${invitation.id}`, admin.token),
    );
    expect(result.status).toBe(204);
    expect(statements.length).toBeLessThanOrEqual(4);
    expect(statements.at(-1)).toMatch(/INSERT INTO "audit_events"[\s\S]*COMMIT$/);
    expect(await auditCount()).toBe(before + 1);
    const listed = await t.http.get<Page<InvitationView>>(
      `/api/v1/orgs/${org.id}/invitations?status=revoked`,
      admin.token,
    );
    expect(listed.body.items.map((i) => i.id)).toContain(invitation.id);

    // Revoked once only: the second answers 409 and writes no audit row.
    const again = await t.http.delete(`/api/v1/orgs/${org.id}/invitations/${invitation.id}`, admin.token);
    expect(again.status).toBe(409);
    expect(await auditCount()).toBe(before + 1);
  });

  it('the membership read in the tenant statement still refuses a non-member with 404', async () => {
    const outsider = await makeUser(t.http);
    const { result, statements } = await countRoundTrips(() =>
      t.http.get(`/api/v1/orgs/${org.id}/members`, outsider.token),
    );
    expect(result.status).toBe(404);
    expect(statements.length).toBeLessThanOrEqual(2);
  });
});

/**
 * The worker's one-statement transactions (a reminder's delivery): START TRANSACTION, the
 * tenant, the statement and COMMIT in one simple query, its parameters inlined as literals.
 */
describe('a statement in a tenant transaction of its own (TenancyService.statementInTenant)', () => {
  const t = useTestApi();

  it('is one round trip in its tenant only, commits, and leaves nothing of a failed one', async () => {
    const admin = await makeUser(t.http);
    const org = await makeOrganization(t.http, admin, 'Statement alone');
    await makeOrganization(t.http, admin, 'Another');
    const tenancy = t.api.app.get(TenancyService);
    const tricky = `it's \\ $2 "here"`;
    const { result, statements } = await countRoundTrips(() =>
      tenancy.statementInTenant<{ organizations: number; members: number; renamed: string }>(org.id, {
        sql: `WITH renamed AS (UPDATE organizations SET name = $2 WHERE id = $1 RETURNING name)
              SELECT (SELECT count(*)::int FROM organizations) AS organizations,
                     (SELECT count(*)::int FROM memberships) AS members, (SELECT name FROM renamed) AS renamed`,
        params: [tricky],
      }),
    );
    // The first use on a pooled connection prepares the statement (once per connection).
    expect(statements.filter((sql) => !sql.startsWith('PREPARE'))).toHaveLength(1);
    // Row-level security with the tenant set: its own organization and membership only.
    expect(result).toEqual([{ organizations: 1, members: 1, renamed: tricky }]);
    const nameOf = async () =>
      (await t.api.db.query<{ name: string }>(`SELECT name FROM organizations WHERE id = $1`, [org.id]))[0]
        ?.name;
    expect(await nameOf()).toBe(tricky);

    await expect(
      tenancy.statementInTenant(org.id, {
        sql: `WITH renamed AS (UPDATE organizations SET name = 'lost' WHERE id = $1 RETURNING 1)
              SELECT 1 / 0 FROM renamed`,
        params: [],
      }),
    ).rejects.toThrow(/division by zero/);
    expect(await nameOf()).toBe(tricky);
    // waitForDisk false: this transaction's COMMIT alone does not wait for the WAL flush.
    const flush = (waitForDisk?: boolean) =>
      tenancy.statementInTenant<{ s: string }>(org.id, {
        sql: `SELECT current_setting('synchronous_commit') AS s`,
        params: [],
        waitForDisk,
      });
    expect(await flush(false)).toEqual([{ s: 'off' }]);
    expect(await flush()).toEqual([{ s: 'on' }]);
    // The pooled connections carry no aborted transaction on to the next statement.
    for (let i = 0; i < 12; i++)
      expect(
        await tenancy.statementInTenant<{ n: number }>(org.id, { sql: `SELECT 1 AS n`, params: [] }),
      ).toEqual([{ n: 1 }]);
  });
});

describe('a tenant transaction’s last statement sent with its COMMIT (TenantContext.queryWithCommit)', () => {
  const t = useTestApi();

  it('is one round trip for both, answers its rows, commits, refuses statements after it and rolls back a failed one', async () => {
    const admin = await makeUser(t.http);
    const org = await makeOrganization(t.http, admin, 'With its commit');
    await makeOrganization(t.http, admin, 'Another one');
    const tenancy = t.api.app.get(TenancyService);
    const tricky = `it's \\ $2 "there"`;
    const rename = (name: string, after?: () => Promise<unknown>) =>
      tenancy.runInTenant(org.id, async () => {
        await TenantContext.query(`SELECT 1`);
        const rows = await TenantContext.queryWithCommit<{ organizations: number; renamed: string }>(
          `WITH renamed AS (UPDATE organizations SET name = $2 WHERE id = $1 RETURNING name)
           SELECT (SELECT count(*)::int FROM organizations) AS organizations, (SELECT name FROM renamed) AS renamed`,
          [org.id, name],
        );
        await after?.();
        return rows;
      });
    const nameOf = async () =>
      (await t.api.db.query<{ name: string }>(`SELECT name FROM organizations WHERE id = $1`, [org.id]))[0]
        ?.name;

    const { result, statements } = await countRoundTrips(() => rename(tricky));
    const sent = statements.filter((sql) => !sql.startsWith('PREPARE '));
    // BEGIN with the tenant, the SELECT 1, then the statement with the COMMIT: no COMMIT of its own.
    expect(sent).toHaveLength(3);
    expect(sent[2]).toMatch(/^EXECUTE commit_\w+\([\s\S]*\);\nCOMMIT$/);
    expect(result).toEqual([{ organizations: 1, renamed: tricky }]);
    expect(await nameOf()).toBe(tricky);

    // Nothing may follow in the committed transaction.
    await expect(rename('later', () => TenantContext.query(`SELECT 1`))).rejects.toThrow(
      /after the tenant transaction committed/,
    );
    expect(await nameOf()).toBe('later');
    await expect(
      tenancy.runInTenant(org.id, () =>
        TenantContext.queryWithCommit(
          `WITH renamed AS (UPDATE organizations SET name = 'lost' WHERE id = $1 RETURNING 1) SELECT 1 / 0 FROM renamed`,
          [org.id],
        ),
      ),
    ).rejects.toThrow(/division by zero/);
    expect(await nameOf()).toBe('later');
    // The pooled connections carry no aborted transaction on.
    for (let i = 0; i < 12; i++)
      expect(await tenancy.runInTenant(org.id, () => TenantContext.queryWithCommit(`SELECT 1 AS n`))).toEqual(
        [{ n: 1 }],
      );
  });
});
