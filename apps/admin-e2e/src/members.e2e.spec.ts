import type { InvitationView, MemberView, Page } from '@mentorship/contracts';
import { InvitationTokens } from '@mentorship/organizations';
import {
  makeInvitation,
  makeMember,
  makeOrganization,
  makeUser,
  type HttpClient,
  type TestApi,
} from '@mentorship/testing';
import type { Browser } from 'playwright-core';
import { openPage, screenshot, signIn, startBrowserE2e, uniqueEmail } from './support/browser-e2e';

describe('admin members page', () => {
  let api: TestApi;
  let http: HttpClient;
  let browser: Browser;

  beforeAll(async () => {
    ({ api, http, browser } = await startBrowserE2e());
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('invites a member by email and lists the invitation as pending', async () => {
    const admin = await makeUser(http, { displayName: 'Ada Admin' });
    const organization = await makeOrganization(http, admin, 'Northwind Mentoring');
    // Only admins see the invite button; the creator must be one.
    expect(organization.roles).toContain('admin');
    const invitee = uniqueEmail('invitee');
    const { page, pageErrors } = await openPage(browser);

    await signIn(page, api.baseUrl, admin);
    // With one organization, signing in lands on its members page.
    await page.waitForURL(`**/orgs/${organization.id}/members`);
    await page
      .getByRole('table', { name: 'Members' })
      .getByRole('cell', { name: admin.email, exact: true })
      .waitFor();

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
    const invitations = await http.get<Page<InvitationView>>(
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
    const admin = await makeUser(http, { displayName: 'Ada Admin' });
    const organization = await makeOrganization(http, admin, 'Northwind Mentoring');
    // Only admins see the remove and withdraw buttons; the creator must be one.
    expect(organization.roles).toContain('admin');
    const orgId = organization.id;
    const tokens = api.app.get(InvitationTokens);
    const member = await makeMember(
      http,
      admin,
      orgId,
      ['mentor'],
      (invitationId) => tokens.issue(orgId, invitationId),
      { displayName: 'Grace Mentor' },
    );
    const memberId = member.id;
    const invitee = uniqueEmail('withdrawn');
    const invitation = await makeInvitation(http, admin, orgId, invitee, ['mentee']);
    const { page, pageErrors } = await openPage(browser);

    await signIn(page, api.baseUrl, admin);
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

    const members = await http.get<Page<MemberView>>(
      `/api/v1/orgs/${orgId}/members?page=1&pageSize=100`,
      admin.token,
    );
    expect(members.status).toBe(200);
    expect(members.body.items.map((m) => m.userId)).not.toContain(memberId);
    expect(members.body.total).toBe(1);
    const gone = await http.get(`/api/v1/orgs/${orgId}/members/${memberId}`, admin.token);
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

    const revoked = await http.get<Page<InvitationView>>(
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
    const self = await http.get<MemberView>(`/api/v1/orgs/${orgId}/members/${admin.id}`, admin.token);
    expect(self.status).toBe(200);
    expect(self.body.roles).toContain('admin');

    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
