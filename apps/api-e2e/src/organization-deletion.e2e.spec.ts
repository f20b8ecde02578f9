import type { INestApplicationContext } from '@nestjs/common';
import type { ErrorBody, OrganizationList, OrganizationView } from '@mentorship/contracts';
import {
  InvitationTokens,
  OrganizationPurgeService,
  organizationPurgeSchedule,
} from '@mentorship/organizations';
import { JobQueueService } from '@mentorship/platform';
import {
  HttpClient,
  makeInvitation,
  makeMember,
  makeOrganization,
  makeUser,
  SignedUpUser,
  startTestWorker,
  TestApi,
  useTestApi,
  useTestSystem,
  waitFor,
} from '@mentorship/testing';

const DAY_MS = 24 * 3600 * 1000;

/** An organization with data in several contexts' tables: members, an invitation, a skill, a program. */
async function makePopulatedOrganization(http: HttpClient, api: TestApi, name: string) {
  const admin = await makeUser(http);
  const org = await makeOrganization(http, admin, name);
  const tokens = api.app.get(InvitationTokens);
  const acceptToken = (invitationId: string) => tokens.issue(org.id, invitationId);
  const coordinator = await makeMember(http, admin, org.id, ['coordinator'], acceptToken);
  const mentor = await makeMember(http, admin, org.id, ['mentor'], acceptToken);
  const mentee = await makeMember(http, admin, org.id, ['mentee'], acceptToken);
  await makeInvitation(http, admin, org.id, `pending-${org.id}@example.test`, ['mentee']);
  const base = `/api/v1/orgs/${org.id}`;
  expect((await http.post(`${base}/skills`, { name: 'Kotlin' }, admin.token)).status).toBe(201);
  expect((await http.post(`${base}/programs`, { name: 'Pairs' }, admin.token)).status).toBe(201);
  return { org, admin, coordinator, mentor, mentee, acceptToken };
}

/** Rows of `organizationId` in every table of the tenancy catalog (the platform's `tenant_tables()`). */
async function rowsPerTenantTable(api: TestApi, organizationId: string): Promise<Record<string, number>> {
  const tables = await api.db.query<{ name: string }>('SELECT tenant_tables() AS name');
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await api.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${name}" WHERE organization_id = $1`,
      [organizationId],
    );
    counts[name] = row!.n;
  }
  return counts;
}

const nonZero = (counts: Record<string, number>) =>
  Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));

describe('deleting an organization', () => {
  const t = useTestApi();
  let populated: Awaited<ReturnType<typeof makePopulatedOrganization>>;
  let base: string;

  beforeAll(async () => {
    populated = await makePopulatedOrganization(t.http, t.api, 'Doomed Org');
    base = `/api/v1/orgs/${populated.org.id}`;
  });

  const schedule = (token: string, body: unknown, orgId = populated.org.id) =>
    t.http.post<OrganizationView & ErrorBody>(`/api/v1/orgs/${orgId}/deletion`, body, token);
  const restore = (token: string, orgId = populated.org.id) =>
    t.http.delete<OrganizationView & ErrorBody>(`/api/v1/orgs/${orgId}/deletion`, token);
  const stored = async () =>
    (
      await t.api.db.query<{ purge_after: Date | null }>(
        'SELECT purge_after FROM organizations WHERE id = $1',
        [populated.org.id],
      )
    )[0];
  const auditActions = async () =>
    (
      await t.api.db.query<{ action: string }>(
        `SELECT action FROM audit_events WHERE organization_id = $1 AND action LIKE 'organization.%'`,
        [populated.org.id],
      )
    ).map((row) => row.action);

  it('refuses a missing or wrong confirmation with 400 naming confirmName, and changes nothing', async () => {
    const missing = await schedule(populated.admin.token, {});
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('validation_failed');
    expect(missing.body.details).toEqual([expect.objectContaining({ field: 'confirmName' })]);

    for (const confirmName of ['doomed org', 'Doomed Org ', 'Doomed', '']) {
      const wrong = await schedule(populated.admin.token, { confirmName });
      expect({ confirmName, status: wrong.status, code: wrong.body.code }).toEqual({
        confirmName,
        status: 400,
        code: 'organization_name_mismatch',
      });
      expect(wrong.body.details).toEqual([expect.objectContaining({ field: 'confirmName' })]);
    }
    expect((await stored())!.purge_after).toBeNull();
    expect(await auditActions()).toEqual(['organization.created']);
  });

  it('is for admins only: 403 for the other roles, 404 for a non-member and for another organization', async () => {
    const { coordinator, mentor, mentee } = populated;
    for (const member of [coordinator, mentor, mentee]) {
      const refused = await schedule(member.token, { confirmName: 'Doomed Org' });
      expect({ status: refused.status, code: refused.body.code }).toEqual({
        status: 403,
        code: 'forbidden_role',
      });
    }
    const stranger = await makeUser(t.http);
    expect((await schedule(stranger.token, { confirmName: 'Doomed Org' })).status).toBe(404);
    // The admin of another organization, with that organization's id and with this one's.
    const otherAdmin = await makeUser(t.http);
    const other = await makeOrganization(t.http, otherAdmin, 'Doomed Org');
    const crossed = await schedule(otherAdmin.token, { confirmName: 'Doomed Org' });
    expect({ status: crossed.status, code: crossed.body.code }).toEqual({
      status: 404,
      code: 'organization_not_found',
    });
    expect((await restore(otherAdmin.token)).status).toBe(404);
    // Restoring one that is not scheduled: 409.
    const notScheduled = await restore(otherAdmin.token, other.id);
    expect({ status: notScheduled.status, code: notScheduled.body.code }).toEqual({
      status: 409,
      code: 'organization_not_scheduled_for_deletion',
    });
    expect((await stored())!.purge_after).toBeNull();
  });

  it('closes the organization to its members at once; its admins see it scheduled, and restore it', async () => {
    const { admin, mentor, coordinator } = populated;
    const before = Date.now();
    const scheduled = await schedule(admin.token, { confirmName: 'Doomed Org' });
    expect(scheduled.status).toBe(200);
    const { scheduledAt, purgeAfter } = scheduled.body.deletion!;
    // The default grace period: 30 days.
    expect(new Date(purgeAfter).getTime() - new Date(scheduledAt).getTime()).toBe(30 * DAY_MS);
    expect(new Date(scheduledAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(await auditActions()).toContain('organization.deletion_scheduled');

    // Every tenant route answers 404, as for an organization one cannot see, admins included.
    for (const member of [admin, coordinator, mentor]) {
      const members = await t.http.get<ErrorBody>(`${base}/members`, member.token);
      expect({ status: members.status, code: members.body.code }).toEqual({
        status: 404,
        code: 'organization_not_found',
      });
    }
    expect((await t.http.get(`${base}/programs`, admin.token)).status).toBe(404);
    expect((await schedule(admin.token, { confirmName: 'Doomed Org' })).status).toBe(404);
    // An invitation to it cannot be accepted any more.
    const invitee = await makeUser(t.http);
    const invitation = await t.api.db.query<{ id: string }>(
      `SELECT id FROM invitations WHERE organization_id = $1 AND status = 'pending'`,
      [populated.org.id],
    );
    const accepted = await t.http.post(
      `${base}/invitations/accept`,
      { token: populated.acceptToken(invitation[0]!.id) },
      invitee.token,
    );
    expect(accepted.status).toBe(404);

    // Gone from the mentor's organizations; the admin sees it, scheduled for deletion.
    const mentorsList = await t.http.get<OrganizationList>('/api/v1/orgs', mentor.token);
    expect(mentorsList.body.items.map((o) => o.id)).not.toContain(populated.org.id);
    const adminsList = await t.http.get<OrganizationList>('/api/v1/orgs', admin.token);
    expect(adminsList.body.items.find((o) => o.id === populated.org.id)?.deletion).toEqual({
      scheduledAt,
      purgeAfter,
    });

    // Only an admin restores it; to anyone else it is not there.
    for (const member of [coordinator, mentor]) {
      const refused = await restore(member.token);
      expect({ status: refused.status, code: refused.body.code }).toEqual({
        status: 404,
        code: 'organization_not_found',
      });
    }
    const restored = await restore(admin.token);
    expect(restored.status).toBe(200);
    expect(restored.body.deletion).toBeNull();
    expect((await stored())!.purge_after).toBeNull();
    expect(await auditActions()).toContain('organization.restored');
    expect((await t.http.get(`${base}/profiles/me`, mentor.token)).status).toBe(200);
    const listedAgain = await t.http.get<OrganizationList>('/api/v1/orgs', mentor.token);
    expect(listedAgain.body.items.find((o) => o.id === populated.org.id)?.deletion).toBeNull();
  });

  it('erases every tenant table of the organization after the grace date, in one go, and audit-logs it', async () => {
    const { admin } = populated;
    const bystander = await makePopulatedOrganization(t.http, t.api, 'Bystander Org');
    const bystanderRows = await rowsPerTenantTable(t.api, bystander.org.id);
    const before = nonZero(await rowsPerTenantTable(t.api, populated.org.id));
    // Rows in several contexts' tables, so the purge has something to find in each.
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining(['memberships', 'invitations', 'audit_events', 'skills', 'programs']),
    );

    const scheduled = await schedule(admin.token, { confirmName: 'Doomed Org' });
    const purgeAfter = new Date(scheduled.body.deletion!.purgeAfter).getTime();
    const purge = t.api.app.get(OrganizationPurgeService);

    // The clock is the purge's parameter: a day before the grace date, nothing happens.
    expect(await purge.purgeDue(new Date(purgeAfter - DAY_MS))).toEqual([]);
    expect(await stored()).toBeDefined();

    expect(await purge.purgeDue(new Date(purgeAfter + 1000))).toEqual([populated.org.id]);
    expect(await stored()).toBeUndefined();
    expect(nonZero(await rowsPerTenantTable(t.api, populated.org.id))).toEqual({});
    // Another organization's rows are all there.
    expect(await rowsPerTenantTable(t.api, bystander.org.id)).toEqual(bystanderRows);
    // The people remain: they are not the organization's.
    expect(await t.api.db.query('SELECT 1 FROM users WHERE id = $1', [admin.id])).toHaveLength(1);

    const logged = await t.api.db.query<{ action: string; details: Record<string, unknown> }>(
      `SELECT action, details FROM system_audit_events WHERE target_type = 'organization' AND target_id = $1`,
      [populated.org.id],
    );
    expect(logged).toHaveLength(1);
    expect(logged[0]!.action).toBe('organization.purged');
    expect(logged[0]!.details).toMatchObject({ organizations: 1, memberships: before['memberships'] });

    // Once more: nothing left to purge, nothing logged twice.
    expect(await purge.purgeDue(new Date(purgeAfter + 2000))).toEqual([]);
    expect((await t.http.get(`${base}/members`, admin.token)).status).toBe(404);
    const adminsList = await t.http.get<OrganizationList>('/api/v1/orgs', admin.token);
    expect(adminsList.body.items.map((o) => o.id)).not.toContain(populated.org.id);
  });

  it('refuses to let the application erase tenant rows on its own', async () => {
    // Only the owner may call the catalog-wide delete; the application goes through the due check.
    const [grant] = await t.api.db.query<{ allowed: boolean }>(
      `SELECT has_function_privilege('mentorship_runtime', 'purge_tenant_rows(uuid)', 'EXECUTE') AS allowed`,
    );
    expect(grant!.allowed).toBe(false);
  });
});

describe('the purge schedule, with two workers and no grace period', () => {
  const system = useTestSystem({
    config: { organizationDeletionGraceDays: 0, organizationPurgeEverySeconds: 1 },
  });
  let secondWorker: INestApplicationContext;
  let admin: SignedUpUser;
  let org: OrganizationView;

  beforeAll(async () => {
    secondWorker = await startTestWorker(system.services);
    admin = await makeUser(system.http);
    org = await makeOrganization(system.http, admin, 'Short-lived Org');
  });
  afterAll(() => secondWorker?.close());

  const ticks = async () =>
    (
      await system.api.db.query<{ runs: number; slots: number }>(
        `SELECT count(*)::int AS runs, count(DISTINCT tick_at)::int AS slots FROM schedule_runs WHERE schedule = $1`,
        [organizationPurgeSchedule.name],
      )
    )[0]!;

  it('cannot be restored once its purge date has passed', async () => {
    const other = await makeOrganization(system.http, admin, 'Instant Org');
    const scheduled = await system.http.post<OrganizationView>(
      `/api/v1/orgs/${other.id}/deletion`,
      { confirmName: 'Instant Org' },
      admin.token,
    );
    expect(scheduled.body.deletion!.purgeAfter).toBe(scheduled.body.deletion!.scheduledAt);
    const late = await system.http.delete<ErrorBody>(`/api/v1/orgs/${other.id}/deletion`, admin.token);
    // Gone already (purged by a tick) or about to be: either way not restorable.
    expect([404, 410]).toContain(late.status);
    if (late.status === 410) expect(late.body.code).toBe('organization_purge_due');
  });

  it('purges once: each tick runs on one worker only, and one scheduler serves both', async () => {
    const scheduled = await system.http.post(
      `/api/v1/orgs/${org.id}/deletion`,
      { confirmName: 'Short-lived Org' },
      admin.token,
    );
    expect(scheduled.status).toBe(200);
    await waitFor(
      async () =>
        (await system.api.db.query('SELECT 1 FROM organizations WHERE id = $1', [org.id])).length === 0,
      'the purge of the organization',
    );
    // A few more ticks, which must find nothing more to do.
    const seen = (await ticks()).slots;
    await waitFor(async () => (await ticks()).slots >= seen + 3, 'three more ticks');

    const { runs, slots } = await ticks();
    expect(runs).toBe(slots);
    const logged = await system.api.db.query(
      `SELECT 1 FROM system_audit_events WHERE action = 'organization.purged' AND target_id = $1`,
      [org.id],
    );
    expect(logged).toHaveLength(1);
    const schedulers = await system.api.app
      .get(JobQueueService)
      .queue(organizationPurgeSchedule.queue)
      .getJobSchedulers();
    // One scheduler per schedule, however many workers upserted it (other contexts' share the queue).
    const keys = schedulers.map((s) => s.key);
    expect(keys.filter((key) => key === organizationPurgeSchedule.name)).toHaveLength(1);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
