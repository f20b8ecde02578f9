import type { MemberView, SessionView } from '@mentorship/contracts';
import type { TestApi } from '@mentorship/testing';
import type { Browser } from 'playwright-core';
import {
  PASSWORD,
  acceptLink,
  apiRequest,
  invite,
  openPage,
  screenshot,
  seedAdminWithOrganization,
  seedUser,
  startBrowserE2e,
  uniqueEmail,
} from './support/browser-e2e';

describe('accepting an invitation from its emailed link', () => {
  let api: TestApi;
  let browser: Browser;

  beforeAll(async () => {
    ({ api, browser } = await startBrowserE2e());
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('lets a new person sign up from the link and land in the organization', async () => {
    const admin = await seedAdminWithOrganization(api.baseUrl);
    const orgId = admin.organization.id;
    const invitee = uniqueEmail('invitee');
    const invitation = await invite(api.baseUrl, admin, invitee, ['mentor', 'mentee']);
    const { page, pageErrors } = await openPage(browser);

    // Signed out: the page explains and offers sign-in or sign-up.
    await page.goto(acceptLink(api, orgId, invitation.id));
    await page.getByRole('heading', { name: "You've been invited to join an organization" }).waitFor();
    await screenshot(page, 'invitation-signed-out');
    await page.getByRole('link', { name: 'Create an account' }).click();

    // The sign-up page carries the invitation link as its return URL.
    await page.waitForURL(/\/sign-up\?returnUrl=/);
    expect(new URL(page.url()).searchParams.get('returnUrl')).toBe(
      `/invitations/accept?org=${orgId}&token=${encodeURIComponent(
        new URL(acceptLink(api, orgId, invitation.id)).searchParams.get('token') ?? '',
      )}`,
    );
    await page.getByLabel('Display name').fill('Grace Invitee');
    await page.getByLabel('Password').fill(PASSWORD);

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
    const inviteeSession = await apiRequest<SessionView>(api.baseUrl, 'POST', '/auth/sign-in', null, {
      email: invitee,
      password: PASSWORD,
    });
    const member = await apiRequest<MemberView>(
      api.baseUrl,
      'GET',
      `/orgs/${orgId}/members/${inviteeSession.user.id}`,
      admin.session.accessToken,
    );
    expect(member).toEqual(
      expect.objectContaining({ email: invitee, displayName: 'Grace Invitee', roles: ['mentor', 'mentee'] }),
    );

    // The members page needs admin or coordinator: a mentor is sent home, not to a page of 403s.
    await page.goto(`${api.baseUrl}/orgs/${orgId}/members`);
    await page.waitForURL(`**/orgs/${orgId}/home`);
    await page.getByRole('heading', { name: 'Welcome to Northwind Mentoring' }).waitFor();
    // So is the organization's own address, and `/orgs` after a reload (the remembered organization).
    for (const entry of [`/orgs/${orgId}`, '/orgs']) {
      await page.goto(`${api.baseUrl}${entry}`);
      await page.waitForURL(`**/orgs/${orgId}/home`);
      await page.getByRole('heading', { name: 'Welcome to Northwind Mentoring' }).waitFor();
    }

    // The link is used up now.
    await page.goto(acceptLink(api, orgId, invitation.id));
    await page.getByText('This invitation was already used or withdrawn.').waitFor();
    await page.getByText('You are already a member of Northwind Mentoring.').waitFor();

    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('tells someone signed in with another address that the link is not theirs', async () => {
    const admin = await seedAdminWithOrganization(api.baseUrl);
    const orgId = admin.organization.id;
    const invitation = await invite(api.baseUrl, admin, uniqueEmail('invited'), ['mentee']);
    const other = await seedUser(api.baseUrl, 'someone-else', 'Sam Else');
    const { page, pageErrors } = await openPage(browser);

    await page.goto(acceptLink(api, orgId, invitation.id));
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL(/\/sign-in\?returnUrl=/);
    await page.getByText('Sign in with the email address your invitation was sent to.').waitFor();
    await page.getByLabel('Email').fill(other.email);
    await page.getByLabel('Password').fill(other.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.waitForURL(/\/invitations\/accept\?/);
    await page
      .getByText(
        `This invitation link is not valid for your account (${other.email}). Sign in with the invited address.`,
      )
      .waitFor();
    await screenshot(page, 'invitation-wrong-account');

    // Nothing was joined.
    const pending = await apiRequest<{ items: { id: string }[] }>(
      api.baseUrl,
      'GET',
      `/orgs/${orgId}/invitations?status=pending&page=1&pageSize=100`,
      admin.session.accessToken,
    );
    expect(pending.items.map((i) => i.id)).toContain(invitation.id);

    // Switching account keeps the link: back on sign-in with the same return URL.
    await page.getByRole('button', { name: 'Sign in with another account' }).click();
    await page.waitForURL(/\/sign-in\?returnUrl=%2Finvitations%2Faccept/);

    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
