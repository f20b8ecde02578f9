import { InvitationTokens } from '@mentorship/organizations';
import { makeMember, makeOrganization, makeUser } from '@mentorship/testing';
import { openPage, screenshot, signIn, useBrowserE2e } from './support/browser-e2e';

/** Issue 6, point 15: one product name for everyone; each role sees what is theirs. */
describe('the product as each role sees it', () => {
  const e2e = useBrowserE2e();

  it('speaks of Mentorship Map, not of an admin console, before anyone signs in', async () => {
    const { page, pageErrors } = await openPage(e2e.browser);
    for (const [path, heading] of [
      ['/sign-in', 'Sign in'],
      ['/sign-up', 'Create your account'],
    ]) {
      await page.goto(`${e2e.api.baseUrl}${path}`);
      // The page itself, lazily loaded, has arrived (and set the title) once its heading shows.
      await page.getByRole('heading', { name: heading }).waitFor();
      await page.getByRole('banner').getByText('Mentorship Map').waitFor();
      const text = await page.locator('body').innerText();
      expect(text).not.toMatch(/admin/i);
      expect(await page.title()).toMatch(/ · Mentorship Map$/);
    }
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('shows a mentee their organization’s home and nothing of administration', async () => {
    const admin = await makeUser(e2e.http, { displayName: 'Ada Admin' });
    const organization = await makeOrganization(e2e.http, admin, 'Northwind Mentoring');
    const tokens = e2e.api.app.get(InvitationTokens);
    const mentee = await makeMember(
      e2e.http,
      admin,
      organization.id,
      ['mentee'],
      (invitationId) => tokens.issue(organization.id, invitationId),
      { displayName: 'Milo Mentee' },
    );
    const { page, pageErrors } = await openPage(e2e.browser);

    await signIn(page, e2e.api.baseUrl, mentee);
    await page.waitForURL(`**/orgs/${organization.id}/home`);
    await page.getByRole('heading', { name: 'Welcome to Northwind Mentoring' }).waitFor();
    const navigation = page.getByRole('navigation', { name: 'Northwind Mentoring' });
    await navigation.getByRole('link', { name: 'Home' }).waitFor();
    expect(await navigation.getByRole('link', { name: 'Members' }).count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toMatch(/\badmin\b|administration/i);
    await screenshot(page, 'home-mentee');

    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('gives an admin the members page in the organization’s navigation', async () => {
    const admin = await makeUser(e2e.http, { displayName: 'Ada Lovelace' });
    const organization = await makeOrganization(e2e.http, admin, 'Northwind Mentoring');
    const { page, pageErrors } = await openPage(e2e.browser);

    await signIn(page, e2e.api.baseUrl, admin);
    await page.waitForURL(`**/orgs/${organization.id}/members`);
    const navigation = page.getByRole('navigation', { name: 'Northwind Mentoring' });
    const members = navigation.getByRole('link', { name: 'Members' });
    expect(await members.getAttribute('aria-current')).toBe('page');
    await navigation.getByRole('link', { name: 'Home' }).click();
    await page.waitForURL(`**/orgs/${organization.id}/home`);
    expect(await page.getByRole('banner').innerText()).not.toMatch(/admin/i);

    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
