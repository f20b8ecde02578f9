import type { MemberView, Page, InvitationView, SessionView } from '@mentorship/contracts';
import { makeInvitation, makeOrganization, makeUser, TEST_PASSWORD } from '@mentorship/testing';
import { acceptLink, openPage, screenshot, useBrowserE2e, uniqueEmail } from './support/browser-e2e';

describe('accepting an invitation from its emailed link', () => {
  const e2e = useBrowserE2e();

  it('lets a new person sign up from the link and land in the organization', async () => {
    const admin = await makeUser(e2e.http, { displayName: 'Ada Admin' });
    const organization = await makeOrganization(e2e.http, admin, 'Northwind Mentoring');
    // Only an admin can invite; the creator must be one.
    expect(organization.roles).toContain('admin');
    const orgId = organization.id;
    const invitee = uniqueEmail('invitee');
    const invitation = await makeInvitation(e2e.http, admin, orgId, invitee, ['mentor', 'mentee']);
    const { page, pageErrors } = await openPage(e2e.browser);

    // Signed out: the page explains and offers sign-in or sign-up.
    await page.goto(acceptLink(e2e.api, orgId, invitation.id));
    // It names the organization, who invited and the roles offered, before anyone signs in.
    await page.getByRole('heading', { name: "You've been invited to join Northwind Mentoring" }).waitFor();
    await page.getByText('Ada Admin invited you to join Northwind Mentoring as Mentor and Mentee.').waitFor();
    await screenshot(page, 'invitation-signed-out');
    await page.getByRole('link', { name: 'Create an account' }).click();

    // The sign-up page carries the invitation link as its return URL.
    await page.waitForURL(/\/sign-up\?returnUrl=/);
    expect(new URL(page.url()).searchParams.get('returnUrl')).toBe(
      `/invitations/accept?org=${orgId}&token=${encodeURIComponent(
        new URL(acceptLink(e2e.api, orgId, invitation.id)).searchParams.get('token') ?? '',
      )}`,
    );
    await page.getByLabel('Display name').fill('Grace Invitee');
    await page.getByLabel('Password').fill(TEST_PASSWORD);

    // A taken address: the API's answer is shown next to the field, nothing is lost.
    await page.getByLabel('Email').fill(admin.email);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('An account with this email already exists.').waitFor();
    await screenshot(page, 'sign-up-email-taken');

    await page.getByLabel('Email').fill(invitee);
    await page.getByRole('button', { name: 'Create account' }).click();

    // Back on the invitation, accepted at once; a mentor/mentee lands on the organization's home.
    await page.waitForURL(`**/orgs/${orgId}/home`);
    await page.getByRole('heading', { name: 'Welcome to Northwind Mentoring' }).waitFor();
    const roles = page.getByRole('list', { name: 'Your roles' });
    await roles.getByRole('listitem').filter({ hasText: 'Mentor' }).waitFor();
    expect(await roles.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('Mentor'),
      expect.stringContaining('Mentee'),
    ]);
    await screenshot(page, 'invitation-accepted-home');

    // The API confirms the membership with the invited roles.
    const inviteeSession = await e2e.http.post<SessionView>('/api/v1/auth/sign-in', {
      email: invitee,
      password: TEST_PASSWORD,
    });
    expect(inviteeSession.status).toBe(200);
    const member = await e2e.http.get<MemberView>(
      `/api/v1/orgs/${orgId}/members/${inviteeSession.body.user.id}`,
      admin.token,
    );
    expect(member.status).toBe(200);
    expect(member.body).toEqual(
      expect.objectContaining({ email: invitee, displayName: 'Grace Invitee', roles: ['mentor', 'mentee'] }),
    );

    // The members page needs admin or coordinator: a mentor is sent home, not to a page of 403s.
    await page.goto(`${e2e.api.baseUrl}/orgs/${orgId}/members`);
    await page.waitForURL(`**/orgs/${orgId}/home`);
    await page.getByRole('heading', { name: 'Welcome to Northwind Mentoring' }).waitFor();
    // So is the organization's own address, and `/orgs` after a reload (the remembered organization).
    for (const entry of [`/orgs/${orgId}`, '/orgs']) {
      await page.goto(`${e2e.api.baseUrl}${entry}`);
      await page.waitForURL(`**/orgs/${orgId}/home`);
      await page.getByRole('heading', { name: 'Welcome to Northwind Mentoring' }).waitFor();
    }

    // The link is used up now.
    await page.goto(acceptLink(e2e.api, orgId, invitation.id));
    await page.getByText('This invitation was already used or withdrawn.').waitFor();
    await page.getByText('You are already a member of Northwind Mentoring.').waitFor();

    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('tells someone signed in with another address that the link is not theirs', async () => {
    const admin = await makeUser(e2e.http, { displayName: 'Ada Admin' });
    const organization = await makeOrganization(e2e.http, admin, 'Northwind Mentoring');
    // Only an admin can invite; the creator must be one.
    expect(organization.roles).toContain('admin');
    const orgId = organization.id;
    const invitation = await makeInvitation(e2e.http, admin, orgId, uniqueEmail('invited'), ['mentee']);
    const other = await makeUser(e2e.http, { displayName: 'Sam Else' });
    const { page, pageErrors } = await openPage(e2e.browser);

    await page.goto(acceptLink(e2e.api, orgId, invitation.id));
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL(/\/sign-in\?returnUrl=/);
    await page.getByText('Sign in with the email address your invitation was sent to.').waitFor();
    await page.getByLabel('Email').fill(other.email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.waitForURL(/\/invitations\/accept\?/);
    await page
      .getByText(
        `This invitation link is not valid for your account (${other.email}). Sign in with the invited address.`,
      )
      .waitFor();
    await screenshot(page, 'invitation-wrong-account');

    // Nothing was joined.
    const pending = await e2e.http.get<Page<InvitationView>>(
      `/api/v1/orgs/${orgId}/invitations?status=pending&page=1&pageSize=100`,
      admin.token,
    );
    expect(pending.status).toBe(200);
    expect(pending.body.items.map((i) => i.id)).toContain(invitation.id);

    // Switching account keeps the link: back on sign-in with the same return URL.
    await page.getByRole('button', { name: 'Sign in with another account' }).click();
    await page.waitForURL(/\/sign-in\?returnUrl=%2Finvitations%2Faccept/);

    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('says a forged link is not valid before anyone signs in', async () => {
    const admin = await makeUser(e2e.http, { displayName: 'Ada Admin' });
    const organization = await makeOrganization(e2e.http, admin, 'Northwind Mentoring');
    const invitation = await makeInvitation(e2e.http, admin, organization.id, uniqueEmail('forged'), [
      'mentee',
    ]);
    const { page, pageErrors } = await openPage(e2e.browser);

    const link = new URL(acceptLink(e2e.api, organization.id, invitation.id));
    link.searchParams.set('token', `${invitation.id}.not-the-signature`);
    await page.goto(link.toString());
    await page.getByRole('heading', { name: 'This invitation link is not valid' }).waitFor();
    expect(await page.getByText('Northwind Mentoring').count()).toBe(0);
    // An API answer, not a page error: the 404 was expected.
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
