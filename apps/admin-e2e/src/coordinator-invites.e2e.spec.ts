import type { InvitationView, Page } from '@mentorship/contracts';
import { InvitationTokens } from '@mentorship/organizations';
import { makeMember, makeOrganization, makeUser } from '@mentorship/testing';
import { openPage, signIn, useBrowserE2e, uniqueEmail } from './support/browser-e2e';

describe('a coordinator on the members page', () => {
  const e2e = useBrowserE2e();

  it('invites a mentor, is offered mentor and mentee only, and gets no role changes or removal', async () => {
    const admin = await makeUser(e2e.http, { displayName: 'Ada Admin' });
    const organization = await makeOrganization(e2e.http, admin, 'Cohort Runners');
    const tokens = e2e.api.app.get(InvitationTokens);
    const coordinator = await makeMember(
      e2e.http,
      admin,
      organization.id,
      ['coordinator'],
      (invitationId) => tokens.issue(organization.id, invitationId),
      { displayName: 'Cora Coordinator' },
    );
    const invitee = uniqueEmail('mentor');
    const { page, pageErrors } = await openPage(e2e.browser);

    await signIn(page, e2e.api.baseUrl, coordinator);
    await page.waitForURL(`**/orgs/${organization.id}/members`);
    const table = page.getByRole('table', { name: 'Members' });
    await table.getByRole('cell', { name: admin.email, exact: true }).waitFor();
    // Role changes and removal stay with admins.
    expect(await table.getByRole('button', { name: /^(Edit roles|Remove) / }).count()).toBe(0);

    await page.getByRole('button', { name: 'Invite member' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite a member' });
    await dialog.getByLabel('Email').fill(invitee);
    await dialog.getByRole('combobox', { name: 'Roles' }).click();
    const offered = await page.getByRole('option').allTextContents();
    expect(offered.map((text) => text.trim())).toEqual(['Mentor', 'Mentee']);
    await page.getByRole('option', { name: 'Mentor', exact: true }).click();
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('region', { name: 'Pending invitations' }).getByText(invitee).waitFor();

    const invitations = await e2e.http.get<Page<InvitationView>>(
      `/api/v1/orgs/${organization.id}/invitations?status=pending&page=1&pageSize=100`,
      admin.token,
    );
    expect(invitations.body.items).toEqual([
      expect.objectContaining({ email: invitee, roles: expect.arrayContaining(['mentor', 'mentee']) }),
    ]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
