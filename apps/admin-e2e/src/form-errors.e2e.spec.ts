import { InvitationTokens } from '@mentorship/organizations';
import { makeInvitation, makeMember, makeOrganization, makeUser } from '@mentorship/testing';
import type { Locator } from 'playwright-core';
import { openPage, screenshot, signIn, uniqueEmail, useBrowserE2e } from './support/browser-e2e';

async function overlaps(a: Locator, b: Locator): Promise<boolean> {
  const [first, second] = [await a.boundingBox(), await b.boundingBox()];
  if (!first || !second) throw new Error('an element to compare is not on screen');
  return (
    first.x < second.x + second.width &&
    second.x < first.x + first.width &&
    first.y < second.y + second.height &&
    second.y < first.y + first.height
  );
}

/** Issue 6, point 13: every invalid field says what is wrong, in words, and errors stay where they belong. */
describe('form errors in words', () => {
  const e2e = useBrowserE2e();

  it('says what is missing on sign-in and on a new organization', async () => {
    const admin = await makeUser(e2e.http);
    const { page, pageErrors } = await openPage(e2e.browser);

    await page.goto(`${e2e.api.baseUrl}/sign-in`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Enter your email.').waitFor();
    await page.getByText('Enter your password.').waitFor();
    await screenshot(page, 'sign-in-empty');
    // Each message is tied to its field, so a screen reader reads it with the field.
    const email = page.getByRole('textbox', { name: 'Email' });
    const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
    expect(
      await page.locator(`[id="${describedBy.split(' ').join('"], [id="')}"]`).allInnerTexts(),
    ).toContain('Enter your email.');
    await email.fill('not-an-address');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Enter an email address, like name@example.org.').waitFor();

    await signIn(page, e2e.api.baseUrl, admin);
    await page.waitForURL('**/orgs');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.getByText('Enter a name for the organization.').waitFor();
    await page.getByLabel('Organization name').fill('A');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.getByText('Use at least 2 characters.').waitFor();
    await screenshot(page, 'new-organization-too-short');

    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('words the invite dialog’s errors without covering the roles, and keeps each dialog’s errors in it', async () => {
    const admin = await makeUser(e2e.http, { displayName: 'Ada Lovelace' });
    const organization = await makeOrganization(e2e.http, admin, 'Northwind Mentoring');
    const orgId = organization.id;
    const tokens = e2e.api.app.get(InvitationTokens);
    const member = await makeMember(e2e.http, admin, orgId, ['mentor'], (id) => tokens.issue(orgId, id), {
      displayName: 'Grace Mentor',
    });
    const pending = uniqueEmail('pending');
    await makeInvitation(e2e.http, admin, orgId, pending, ['mentee']);
    const { page, pageErrors } = await openPage(e2e.browser);

    await signIn(page, e2e.api.baseUrl, admin);
    await page.waitForURL(`**/orgs/${orgId}/members`);
    await page.getByRole('button', { name: 'Invite member' }).click();
    const invite = page.getByRole('dialog', { name: 'Invite a member' });
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    const required = invite.getByText('Enter an email address.');
    await required.waitFor();
    const rolesLabel = invite.locator('mat-form-field', {
      has: page.getByRole('combobox', { name: 'Roles' }),
    });
    expect(await overlaps(required, rolesLabel.locator('mat-label'))).toBe(false);
    await invite.getByLabel('Email').fill('grace@');
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await invite.getByText('Enter an email address, like name@example.org.').waitFor();
    await screenshot(page, 'invite-invalid-email');

    // The API's refusal is shown in the dialog, next to the address it is about.
    await invite.getByLabel('Email').fill(pending);
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    const refusal = invite.getByText('This address already has a pending invitation.');
    await refusal.waitFor();
    await screenshot(page, 'invite-already-pending');
    await invite.getByRole('button', { name: 'Cancel' }).click();
    await invite.waitFor({ state: 'hidden' });

    // The next dialog starts clean: nothing of the last one is left on screen.
    await page.getByRole('button', { name: `Edit roles of ${member.email}` }).click();
    const roles = page.getByRole('dialog', { name: 'Roles of Grace Mentor' });
    await roles.waitFor();
    expect(await page.getByText('This address already has a pending invitation.').count()).toBe(0);
    await roles.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Invite member' }).click();
    await page.getByRole('dialog', { name: 'Invite a member' }).waitFor();
    expect(await page.getByText('This address already has a pending invitation.').count()).toBe(0);
    expect(await page.getByText('Enter an email address').count()).toBe(0);

    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
