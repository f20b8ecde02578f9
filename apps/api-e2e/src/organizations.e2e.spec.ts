import type { ErrorBody, InvitationView, MemberView, OrganizationView, Page } from '@mentorship/contracts';
import { InvitationTokens } from '@mentorship/organizations';
import { makeMember, makeOrganization, makeUser, SignedUpUser, useTestApi } from '@mentorship/testing';

describe('organizations and members', () => {
  const t = useTestApi();
  let admin: SignedUpUser;
  let org: OrganizationView;
  let acceptToken: (invitationId: string) => string;

  beforeAll(async () => {
    admin = await makeUser(t.http, { displayName: 'Admin' });
    org = await makeOrganization(t.http, admin, 'Acme');
    const tokens = t.api.app.get(InvitationTokens);
    acceptToken = (invitationId) => tokens.issue(org.id, invitationId);
  });

  const auditActions = async () =>
    (
      await t.api.db.query<{ action: string }>('SELECT action FROM audit_events WHERE organization_id = $1', [
        org.id,
      ])
    ).map((r) => r.action);

  it('makes the creator admin and lists my organizations only', async () => {
    expect(org.roles).toEqual(['admin']);
    const outsider = await makeUser(t.http);
    await makeOrganization(t.http, outsider, 'Elsewhere');
    const mine = await t.http.get<{ items: OrganizationView[] }>('/api/v1/orgs', admin.token);
    expect(mine.body.items).toEqual([
      {
        id: org.id,
        name: 'Acme',
        roles: ['admin'],
        createdAt: org.createdAt,
        lastUsedAt: org.createdAt,
        deletion: null,
      },
    ]);
    expect(await auditActions()).toContain('organization.created');
  });

  it('invites by email; the invitee accepts with the signed token and joins with the invited roles', async () => {
    const invitee = await makeUser(t.http, { email: 'grace@example.test' });
    const invited = await t.http.post<InvitationView>(
      `/api/v1/orgs/${org.id}/invitations`,
      { email: 'Grace@Example.test', roles: ['mentor', 'mentee'] },
      admin.token,
    );
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({
      email: 'grace@example.test',
      roles: ['mentor', 'mentee'],
      status: 'pending',
    });

    const twice = await t.http.post<ErrorBody>(
      `/api/v1/orgs/${org.id}/invitations`,
      { email: 'grace@example.test', roles: ['mentor'] },
      admin.token,
    );
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('invitation_pending');

    const forged = await t.http.post<ErrorBody>(
      `/api/v1/orgs/${org.id}/invitations/accept`,
      { token: `${invited.body.id}.not-the-signature` },
      invitee.token,
    );
    expect(forged.status).toBe(404);
    // Someone else holding the link cannot use it: it was for Grace's address.
    const stranger = await makeUser(t.http);
    const stolen = await t.http.post(
      `/api/v1/orgs/${org.id}/invitations/accept`,
      { token: acceptToken(invited.body.id) },
      stranger.token,
    );
    expect(stolen.status).toBe(404);

    const accepted = await t.http.post<MemberView>(
      `/api/v1/orgs/${org.id}/invitations/accept`,
      { token: acceptToken(invited.body.id) },
      invitee.token,
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ userId: invitee.id, roles: ['mentor', 'mentee'] });
    const again = await t.http.post<ErrorBody>(
      `/api/v1/orgs/${org.id}/invitations/accept`,
      { token: acceptToken(invited.body.id) },
      invitee.token,
    );
    expect(again.body.code).toBe('invitation_not_pending');
    expect(await auditActions()).toEqual(
      expect.arrayContaining(['invitation.created', 'invitation.accepted']),
    );

    const alreadyMember = await t.http.post<ErrorBody>(
      `/api/v1/orgs/${org.id}/invitations`,
      { email: 'grace@example.test', roles: ['mentor'] },
      admin.token,
    );
    expect(alreadyMember.body.code).toBe('already_member');
  });

  it('refuses an expired invitation with 410', async () => {
    const late = await makeUser(t.http);
    const invited = await t.http.post<InvitationView>(
      `/api/v1/orgs/${org.id}/invitations`,
      { email: late.email, roles: ['mentee'] },
      admin.token,
    );
    await t.api.db.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      invited.body.id,
    ]);
    const result = await t.http.post<ErrorBody>(
      `/api/v1/orgs/${org.id}/invitations/accept`,
      { token: acceptToken(invited.body.id) },
      late.token,
    );
    expect(result.status).toBe(410);
    expect(result.body.code).toBe('invitation_expired');
  });

  it('lists members paginated, filtered by role, with a bounded page size', async () => {
    for (let i = 0; i < 3; i++) await makeMember(t.http, admin, org.id, ['mentor'], acceptToken);
    const firstPage = await t.http.get<Page<MemberView>>(
      `/api/v1/orgs/${org.id}/members?page=1&pageSize=2`,
      admin.token,
    );
    expect(firstPage.status).toBe(200);
    expect(firstPage.body.items).toHaveLength(2);
    expect(firstPage.body.total).toBeGreaterThanOrEqual(5);
    const secondPage = await t.http.get<Page<MemberView>>(
      `/api/v1/orgs/${org.id}/members?page=2&pageSize=2`,
      admin.token,
    );
    const seen = [...firstPage.body.items, ...secondPage.body.items].map((m) => m.userId);
    expect(new Set(seen).size).toBe(4);

    const mentors = await t.http.get<Page<MemberView>>(
      `/api/v1/orgs/${org.id}/members?role=mentor`,
      admin.token,
    );
    expect(mentors.body.items.length).toBeGreaterThanOrEqual(4);
    expect(mentors.body.items.every((m) => m.roles.includes('mentor'))).toBe(true);
    const admins = await t.http.get<Page<MemberView>>(
      `/api/v1/orgs/${org.id}/members?role=admin`,
      admin.token,
    );
    expect(admins.body.items.map((m) => m.userId)).toEqual([admin.id]);

    const tooBig = await t.http.get<ErrorBody>(`/api/v1/orgs/${org.id}/members?pageSize=101`, admin.token);
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.code).toBe('validation_failed');
    expect((await t.http.get(`/api/v1/orgs/${org.id}/members?role=overlord`, admin.token)).status).toBe(400);
  });

  it('changes roles and removes members, one audit row per mutation', async () => {
    const member = await makeMember(t.http, admin, org.id, ['mentee'], acceptToken);
    const before = (await auditActions()).length;
    const changed = await t.http.patch<MemberView>(
      `/api/v1/orgs/${org.id}/members/${member.id}`,
      { roles: ['mentor', 'coordinator'] },
      admin.token,
    );
    expect(changed.status).toBe(200);
    expect(changed.body.roles).toEqual(['mentor', 'coordinator']);
    expect((await t.http.delete(`/api/v1/orgs/${org.id}/members/${member.id}`, admin.token)).status).toBe(
      204,
    );
    expect((await t.http.get(`/api/v1/orgs/${org.id}/members/${member.id}`, admin.token)).status).toBe(404);

    const rows = await t.api.db.query<{
      action: string;
      actor_user_id: string;
      target_id: string;
      occurred_at: Date;
    }>(
      'SELECT action, actor_user_id, target_id, occurred_at FROM audit_events WHERE organization_id = $1 ORDER BY occurred_at',
      [org.id],
    );
    expect(rows).toHaveLength(before + 2);
    expect(rows.slice(-2)).toEqual([
      expect.objectContaining({
        action: 'member.roles_changed',
        actor_user_id: admin.id,
        target_id: member.id,
      }),
      expect.objectContaining({ action: 'member.removed', actor_user_id: admin.id, target_id: member.id }),
    ]);
  });

  it('refuses invalid roles and an empty role list', async () => {
    const member = await makeMember(t.http, admin, org.id, ['mentee'], acceptToken);
    expect(
      (await t.http.patch(`/api/v1/orgs/${org.id}/members/${member.id}`, { roles: [] }, admin.token)).status,
    ).toBe(400);
    expect(
      (await t.http.patch(`/api/v1/orgs/${org.id}/members/${member.id}`, { roles: ['root'] }, admin.token))
        .status,
    ).toBe(400);
  });

  it('keeps at least one admin', async () => {
    const demote = await t.http.patch<ErrorBody>(
      `/api/v1/orgs/${org.id}/members/${admin.id}`,
      { roles: ['mentor'] },
      admin.token,
    );
    expect(demote.status).toBe(409);
    expect(demote.body.code).toBe('last_admin');
    expect(
      (await t.http.delete<ErrorBody>(`/api/v1/orgs/${org.id}/members/${admin.id}`, admin.token)).body.code,
    ).toBe('last_admin');
  });

  it('checks roles on every organization route', async () => {
    const mentee = await makeMember(t.http, admin, org.id, ['mentee'], acceptToken);
    const coordinator = await makeMember(t.http, admin, org.id, ['coordinator'], acceptToken);
    const forbidden = await t.http.get<ErrorBody>(`/api/v1/orgs/${org.id}/members`, mentee.token);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('forbidden_role');
    expect((await t.http.get(`/api/v1/orgs/${org.id}/members`, coordinator.token)).status).toBe(200);
    expect(
      (
        await t.http.post(
          `/api/v1/orgs/${org.id}/invitations`,
          { email: 'x@example.test', roles: ['mentee'] },
          mentee.token,
        )
      ).status,
    ).toBe(403);
    expect(
      (await t.http.patch(`/api/v1/orgs/${org.id}/members/${mentee.id}`, { roles: ['admin'] }, mentee.token))
        .status,
    ).toBe(403);
    expect(
      (await t.http.delete(`/api/v1/orgs/${org.id}/members/${admin.id}`, coordinator.token)).status,
    ).toBe(403);
    const rows = await t.api.db.query(
      `SELECT 1 FROM memberships WHERE user_id = $1 AND 'admin' = ANY(roles)`,
      [mentee.id],
    );
    expect(rows).toHaveLength(0);
  });
});

describe('coordinators invite mentors and mentees', () => {
  const t = useTestApi();
  let admin: SignedUpUser;
  let coordinator: SignedUpUser;
  let org: OrganizationView;

  beforeAll(async () => {
    admin = await makeUser(t.http);
    org = await makeOrganization(t.http, admin, 'Cohort Org');
    const tokens = t.api.app.get(InvitationTokens);
    coordinator = await makeMember(t.http, admin, org.id, ['coordinator'], (id) => tokens.issue(org.id, id));
  });

  const invite = (email: string, roles: string[], token: string) =>
    t.http.post<InvitationView & ErrorBody>(`/api/v1/orgs/${org.id}/invitations`, { email, roles }, token);
  const stored = async (email: string) =>
    t.api.db.query('SELECT 1 FROM invitations WHERE organization_id = $1 AND email = $2', [org.id, email]);

  it('lets a coordinator invite mentors and mentees, and withdraw that invitation', async () => {
    const invited = await invite('new-mentor@example.test', ['mentor', 'mentee'], coordinator.token);
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ roles: ['mentor', 'mentee'], status: 'pending' });
    const [row] = await t.api.db.query<{ invited_by: string }>(
      'SELECT invited_by FROM invitations WHERE id = $1',
      [invited.body.id],
    );
    expect(row?.invited_by).toBe(coordinator.id);
    const withdrawn = await t.http.delete(
      `/api/v1/orgs/${org.id}/invitations/${invited.body.id}`,
      coordinator.token,
    );
    expect(withdrawn.status).toBe(204);
  });

  it.each([[['admin']], [['coordinator']], [['mentee', 'admin']]])(
    'refuses a coordinator an invitation with %j and writes nothing',
    async (roles) => {
      const email = `grant-${roles.join('-')}@example.test`;
      const refused = await invite(email, roles, coordinator.token);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('role_not_grantable');
      expect(refused.body.details).toEqual({ grantableRoles: ['mentor', 'mentee'] });
      expect(await stored(email)).toHaveLength(0);
    },
  );

  it("leaves an admin's coordinator invitation, role changes and removal to admins", async () => {
    const byAdmin = await invite('future-coordinator@example.test', ['coordinator'], admin.token);
    expect(byAdmin.status).toBe(201);
    const withdraw = await t.http.delete<ErrorBody>(
      `/api/v1/orgs/${org.id}/invitations/${byAdmin.body.id}`,
      coordinator.token,
    );
    expect(withdraw.status).toBe(403);
    expect(withdraw.body.code).toBe('role_not_grantable');
    const patch = await t.http.patch<ErrorBody>(
      `/api/v1/orgs/${org.id}/members/${coordinator.id}`,
      { roles: ['coordinator', 'mentor'] },
      coordinator.token,
    );
    expect(patch.status).toBe(403);
    expect(patch.body.code).toBe('forbidden_role');
    expect(
      (await t.http.delete(`/api/v1/orgs/${org.id}/members/${admin.id}`, coordinator.token)).status,
    ).toBe(403);
  });
});

describe('invitation list and revocation', () => {
  const t = useTestApi();
  let admin: SignedUpUser;
  let org: OrganizationView;

  beforeAll(async () => {
    admin = await makeUser(t.http);
    org = await makeOrganization(t.http, admin, 'Invites Org');
  });

  const invite = async (email: string) =>
    (
      await t.http.post<InvitationView>(
        `/api/v1/orgs/${org.id}/invitations`,
        { email, roles: ['mentee'] },
        admin.token,
      )
    ).body;
  const listed = async (status: string) =>
    (
      await t.http.get<Page<InvitationView>>(
        `/api/v1/orgs/${org.id}/invitations?status=${status}`,
        admin.token,
      )
    ).body.items
      .map((i) => i.email)
      .sort();

  it('filters invitations by status, expired included', async () => {
    await invite('fresh@example.test');
    const stale = await invite('stale@example.test');
    const withdrawn = await invite('withdrawn@example.test');
    await t.api.db.query(`UPDATE invitations SET expires_at = now() - interval '1 day' WHERE id = $1`, [
      stale.id,
    ]);
    expect(
      (await t.http.delete(`/api/v1/orgs/${org.id}/invitations/${withdrawn.id}`, admin.token)).status,
    ).toBe(204);

    expect(await listed('pending')).toEqual(['fresh@example.test']);
    expect(await listed('expired')).toEqual(['stale@example.test']);
    // Shown as it stands now: the stored row still says pending.
    const shown = await t.http.get<Page<InvitationView>>(
      `/api/v1/orgs/${org.id}/invitations?status=expired`,
      admin.token,
    );
    expect(shown.body.items.map((i) => i.status)).toEqual(['expired']);
    expect(await listed('revoked')).toEqual(['withdrawn@example.test']);
    expect((await t.http.get(`/api/v1/orgs/${org.id}/invitations?status=lost`, admin.token)).status).toBe(
      400,
    );
  });

  it('a revoked invitation cannot be accepted, nor revoked twice', async () => {
    const person = await makeUser(t.http);
    const invitation = await invite(person.email);
    expect(
      (await t.http.delete(`/api/v1/orgs/${org.id}/invitations/${invitation.id}`, admin.token)).status,
    ).toBe(204);
    const token = t.api.app.get(InvitationTokens).issue(org.id, invitation.id);
    const accept = await t.http.post<ErrorBody>(
      `/api/v1/orgs/${org.id}/invitations/accept`,
      { token },
      person.token,
    );
    expect(accept.body.code).toBe('invitation_not_pending');
    const again = await t.http.delete<ErrorBody>(
      `/api/v1/orgs/${org.id}/invitations/${invitation.id}`,
      admin.token,
    );
    expect(again.status).toBe(409);
    const audit = await t.api.db.query(
      `SELECT 1 FROM audit_events WHERE action = 'invitation.revoked' AND target_id = $1`,
      [invitation.id],
    );
    expect(audit).toHaveLength(1);
  });
});

describe('invitation preview', () => {
  const t = useTestApi();
  let admin: SignedUpUser;
  let org: OrganizationView;
  let tokens: InvitationTokens;

  beforeAll(async () => {
    admin = await makeUser(t.http, { displayName: 'Ada Lovelace' });
    org = await makeOrganization(t.http, admin, 'Analytical Engines');
    tokens = t.api.app.get(InvitationTokens);
  });

  const invite = async (email: string, roles: string[]) =>
    (await t.http.post<InvitationView>(`/api/v1/orgs/${org.id}/invitations`, { email, roles }, admin.token))
      .body;
  const preview = (orgId: string, token: string) =>
    t.http.post<Record<string, unknown> & ErrorBody>('/api/v1/invitations/preview', {
      organizationId: orgId,
      token,
    });

  it('names the organization, the inviter and the roles offered, without signing in', async () => {
    const invitation = await invite('charles@example.test', ['mentor']);
    const shown = await preview(org.id, tokens.issue(org.id, invitation.id));
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual({
      organizationName: 'Analytical Engines',
      invitedBy: 'Ada Lovelace',
      roles: ['mentor'],
      status: 'pending',
      expiresAt: invitation.expiresAt,
    });
  });

  it('answers 404 for a forged, foreign, malformed or withdrawn token', async () => {
    const invitation = await invite('babbage@example.test', ['mentee']);
    const other = await makeOrganization(t.http, admin, 'Difference Engines');
    const refused = [
      await preview(org.id, `${invitation.id}.forged-signature-value`),
      await preview(other.id, tokens.issue(org.id, invitation.id)),
      await preview(other.id, tokens.issue(other.id, invitation.id)),
    ];
    await t.http.delete(`/api/v1/orgs/${org.id}/invitations/${invitation.id}`, admin.token);
    refused.push(await preview(org.id, tokens.issue(org.id, invitation.id)));
    for (const answer of refused) {
      expect(answer.status).toBe(404);
      expect(answer.body.code).toBe('invitation_not_found');
      expect(answer.body).not.toHaveProperty('organizationName');
    }
  });
});

describe('the last used organization', () => {
  const t = useTestApi();

  it('is remembered on the membership when the member opens it, for that member only', async () => {
    const ada = await makeUser(t.http);
    const first = await makeOrganization(t.http, ada, 'Same Name');
    const second = await makeOrganization(t.http, ada, 'Same Name');
    const mine = async () =>
      (await t.http.get<{ items: OrganizationView[] }>('/api/v1/orgs', ada.token)).body.items;
    const lastUsed = (items: OrganizationView[]) =>
      [...items].sort((a, b) => (b.lastUsedAt ?? '').localeCompare(a.lastUsedAt ?? ''))[0]?.id;
    // Created is used: the newest one.
    expect(lastUsed(await mine())).toBe(second.id);

    const visit = await t.http.post(`/api/v1/orgs/${first.id}/visits`, {}, ada.token);
    expect(visit.status).toBe(204);
    const items = await mine();
    expect(lastUsed(items)).toBe(first.id);
    // Two of one name differ by their creation date, the switcher's second line.
    expect(items.map((item) => item.name)).toEqual(['Same Name', 'Same Name']);
    expect(items.every((item) => !Number.isNaN(Date.parse(item.createdAt)))).toBe(true);

    const outsider = await makeUser(t.http);
    const refused = await t.http.post<ErrorBody>(`/api/v1/orgs/${first.id}/visits`, {}, outsider.token);
    expect(refused.status).toBe(404);
    const [row] = await t.api.db.query<{ users: string }>(
      'SELECT count(*)::text AS users FROM memberships WHERE organization_id = $1 AND last_used_at IS NOT NULL',
      [first.id],
    );
    expect(row?.users).toBe('1');
  });
});

describe('renaming and leaving an organization', () => {
  const t = useTestApi();
  let admin: SignedUpUser;
  let org: OrganizationView;
  let acceptToken: (invitationId: string) => string;

  beforeAll(async () => {
    admin = await makeUser(t.http);
    org = await makeOrganization(t.http, admin, 'Old Name');
    const tokens = t.api.app.get(InvitationTokens);
    acceptToken = (invitationId) => tokens.issue(org.id, invitationId);
  });

  it('lets admins rename it, and only admins', async () => {
    const coordinator = await makeMember(t.http, admin, org.id, ['coordinator'], acceptToken);
    const refused = await t.http.patch<ErrorBody>(
      `/api/v1/orgs/${org.id}`,
      { name: 'Hijacked' },
      coordinator.token,
    );
    expect(refused.status).toBe(403);
    expect((await t.http.patch(`/api/v1/orgs/${org.id}`, { name: ' ' }, admin.token)).status).toBe(400);
    expect((await t.http.patch(`/api/v1/orgs/${org.id}`, { name: null }, admin.token)).status).toBe(400);

    const renamed = await t.http.patch<OrganizationView>(
      `/api/v1/orgs/${org.id}`,
      { name: ' New Name ' },
      admin.token,
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: org.id, name: 'New Name', roles: ['admin'] });
    const mine = await t.http.get<{ items: OrganizationView[] }>('/api/v1/orgs', coordinator.token);
    expect(mine.body.items.map((item) => item.name)).toEqual(['New Name']);
    const [audit] = await t.api.db.query<{ details: unknown }>(
      `SELECT details FROM audit_events WHERE organization_id = $1 AND action = 'organization.renamed'`,
      [org.id],
    );
    expect(audit?.details).toEqual({ from: 'Old Name', to: 'New Name' });
  });

  it('lets a member leave, but not the last admin', async () => {
    const mentee = await makeMember(t.http, admin, org.id, ['mentee'], acceptToken);
    expect((await t.http.delete(`/api/v1/orgs/${org.id}/membership`, mentee.token)).status).toBe(204);
    expect((await t.http.get(`/api/v1/orgs/${org.id}/profiles/me`, mentee.token)).status).toBe(404);

    const last = await t.http.delete<ErrorBody>(`/api/v1/orgs/${org.id}/membership`, admin.token);
    expect(last.status).toBe(409);
    expect(last.body.code).toBe('last_admin');
    const [row] = await t.api.db.query<{ roles: string[] }>(
      'SELECT roles FROM memberships WHERE organization_id = $1 AND user_id = $2',
      [org.id, admin.id],
    );
    expect(row?.roles).toEqual(['admin']);

    // With a second admin, the first may go.
    await makeMember(t.http, admin, org.id, ['admin'], acceptToken);
    expect((await t.http.delete(`/api/v1/orgs/${org.id}/membership`, admin.token)).status).toBe(204);
  });
});
