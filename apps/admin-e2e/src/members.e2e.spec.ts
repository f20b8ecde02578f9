import type { InvitationView, MemberView, Page } from '@mentorship/contracts';
import { InvitationTokens } from '@mentorship/organizations';
import { makeInvitation, makeMember, makeOrganization, makeUser } from '@mentorship/testing';
import {
  membersPageShows,
  openPage,
  screenshot,
  signIn,
  uniqueEmail,
  useBrowserE2e,
} from './support/browser-e2e';

describe('admin members page', () => {
  const e2e = useBrowserE2e();

  it('invites a member by email and lists the invitation as pending', async () => {
    const admin = await makeUser(e2e.http, { displayName: 'Ada Admin' });
    const organization = await makeOrganization(e2e.http, admin, 'Northwind Mentoring');
    // Only admins see the invite button; the creator must be one.
    expect(organization.roles).toContain('admin');
    const invitee = uniqueEmail('invitee');
    const { page, pageErrors } = await openPage(e2e.browser);

    await signIn(page, e2e.api.baseUrl, admin);
    // With one organization, signing in lands on its members page.
    await page.waitForURL(`**/orgs/${organization.id}/members`);
    await membersPageShows(page, admin.email);

    await page.getByRole('button', { name: 'Invite member' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite a member' });
    await dialog.getByLabel('Email').fill(invitee);
    // Mentee is preselected; add Mentor, then close the option panel (not the dialog).
    await dialog.getByRole('combobox', { name: 'Roles' }).click();
    await page.getByRole('option', { name: 'Mentor', exact: true }).click();
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const pending = page.getByRole('region', { name: 'Pending invitations' });
    await pending.getByText(invitee).waitFor();
    await screenshot(page, 'members');

    // The page shows it because the API stored it, not because the page remembered it.
    const invitations = await e2e.http.get<Page<InvitationView>>(
      `/api/v1/orgs/${organization.id}/invitations?status=pending&page=1&pageSize=100`,
      admin.token,
    );
    expect(invitations.status).toBe(200);
    expect(invitations.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          email: invitee,
          status: 'pending',
          roles: expect.arrayContaining(['mentee', 'mentor']),
        }),
      ]),
    );
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('removes a member, withdraws an invitation and keeps the last admin', async () => {
    const admin = await makeUser(e2e.http, { displayName: 'Ada Admin' });
    const organization = await makeOrganization(e2e.http, admin, 'Northwind Mentoring');
    // Only admins see the remove and withdraw buttons; the creator must be one.
    expect(organization.roles).toContain('admin');
    const orgId = organization.id;
    const tokens = e2e.api.app.get(InvitationTokens);
    const member = await makeMember(
      e2e.http,
      admin,
      orgId,
      ['mentor'],
      (invitationId) => tokens.issue(orgId, invitationId),
      { displayName: 'Grace Mentor' },
    );
    const memberId = member.id;
    const invitee = uniqueEmail('withdrawn');
    const invitation = await makeInvitation(e2e.http, admin, orgId, invitee, ['mentee']);
    const { page, pageErrors } = await openPage(e2e.browser);

    await signIn(page, e2e.api.baseUrl, admin);
    await page.waitForURL(`**/orgs/${orgId}/members`);
    const table = page.getByRole('table', { name: 'Members' });
    const memberCell = table.getByRole('cell', { name: member.email, exact: true });
    await memberCell.waitFor();

    // Remove: asks first, then the row goes.
    await page.getByRole('button', { name: `Remove ${member.email}`, exact: true }).click();
    const confirmRemove = page.getByRole('dialog', { name: 'Remove Grace Mentor?' });
    await confirmRemove.waitFor();
    await screenshot(page, 'members-remove-confirm');
    await confirmRemove.getByRole('button', { name: 'Remove', exact: true }).click();
    await confirmRemove.waitFor({ state: 'hidden' });
    await memberCell.waitFor({ state: 'detached' });
    await page.getByText('Grace Mentor was removed.').waitFor();

    const members = await e2e.http.get<Page<MemberView>>(
      `/api/v1/orgs/${orgId}/members?page=1&pageSize=100`,
      admin.token,
    );
    expect(members.status).toBe(200);
    expect(members.body.items.map((m) => m.userId)).not.toContain(memberId);
    expect(members.body.total).toBe(1);
    const gone = await e2e.http.get(`/api/v1/orgs/${orgId}/members/${memberId}`, admin.token);
    expect(gone.status).toBe(404);

    // Withdraw: the pending invitation leaves the list and is revoked at the API.
    const pending = page.getByRole('region', { name: 'Pending invitations' });
    await pending.getByText(invitee).waitFor();
    await pending.getByRole('button', { name: `Withdraw invitation to ${invitee}` }).click();
    const confirmWithdraw = page.getByRole('dialog', { name: 'Withdraw invitation?' });
    await confirmWithdraw.getByRole('button', { name: 'Withdraw', exact: true }).click();
    await confirmWithdraw.waitFor({ state: 'hidden' });
    await pending.getByText(invitee).waitFor({ state: 'detached' });
    await pending.getByText('No invitations are waiting for an answer.').waitFor();

    const revoked = await e2e.http.get<Page<InvitationView>>(
      `/api/v1/orgs/${orgId}/invitations?status=revoked&page=1&pageSize=100`,
      admin.token,
    );
    expect(revoked.status).toBe(200);
    expect(revoked.body.items.map((i) => i.id)).toContain(invitation.id);

    // The only admin cannot leave: the API's 409 last_admin message is shown.
    await page.getByRole('button', { name: `Remove ${admin.email}`, exact: true }).click();
    const confirmLeave = page.getByRole('dialog', { name: 'Leave Northwind Mentoring?' });
    await confirmLeave.getByRole('button', { name: 'Leave', exact: true }).click();
    await page.getByText('An organization needs at least one admin.').waitFor();
    await screenshot(page, 'members-last-admin');
    await table.getByRole('cell', { name: admin.email, exact: true }).waitFor();
    const self = await e2e.http.get<MemberView>(`/api/v1/orgs/${orgId}/members/${admin.id}`, admin.token);
    expect(self.status).toBe(200);
    expect(self.body.roles).toContain('admin');

    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
