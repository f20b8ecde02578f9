import { InvitationTokens } from '@mentorship/organizations';
import { makeInvitation, makeMember, makeOrganization, makeUser } from '@mentorship/testing';
import type { Page as BrowserPage } from 'playwright-core';
import { acceptLink, openPage, screenshot, signIn, useBrowserE2e } from './support/browser-e2e';

/** The organization switcher's chosen value, or '' when it shows none. */
async function switcherValue(page: BrowserPage): Promise<string> {
  const switcher = page.getByRole('banner').getByRole('combobox', { name: 'Organization' });
  await switcher.waitFor();
  return (await switcher.innerText()).trim();
}

async function switchTo(page: BrowserPage, name: string): Promise<void> {
  await page.getByRole('banner').getByRole('combobox', { name: 'Organization' }).click();
  await page.getByRole('option', { name, exact: true }).click();
}

/**
 * Issue 6, points 12 and 18: the current organization lives in the URL and survives reloads
 * and deep links; every page knows the user's organizations; /orgs opens the one used last.
 */
describe('the current organization', () => {
  const e2e = useBrowserE2e();

  it('opens the organization used last, not the alphabetically first, on another device too', async () => {
    const admin = await makeUser(e2e.http, { displayName: 'Ada Lovelace' });
    const beta = await makeOrganization(e2e.http, admin, 'Beta Mentoring');
    // Created last is used last: the first sign-in opens it, though Beta sorts first.
    const gamma = await makeOrganization(e2e.http, admin, 'Gamma Mentoring');
    const { page, pageErrors } = await openPage(e2e.browser);

    await signIn(page, e2e.api.baseUrl, admin);
    await page.waitForURL(`**/orgs/${gamma.id}/members`);
    await switchTo(page, 'Beta Mentoring');
    await page.waitForURL(`**/orgs/${beta.id}/members`);
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    expect(pageErrors).toEqual([]);
    await page.close();

    // A fresh browser (nothing in its storage): the API remembered the switch.
    const other = await openPage(e2e.browser);
    await signIn(other.page, e2e.api.baseUrl, admin);
    await other.page.waitForURL(`**/orgs/${beta.id}/members`);
    expect(await switcherValue(other.page)).toBe('Beta Mentoring');
    expect(other.pageErrors).toEqual([]);
    await other.page.close();
  });

  it('tells apart two organizations of one name in the switcher by their creation date', async () => {
    const admin = await makeUser(e2e.http, { displayName: 'Ada Lovelace' });
    const first = await makeOrganization(e2e.http, admin, 'Acme');
    const second = await makeOrganization(e2e.http, admin, 'Acme');
    await makeOrganization(e2e.http, admin, 'Zenith');
    await e2e.http.post(`/api/v1/orgs/${second.id}/visits`, {}, admin.token);
    const { page, pageErrors } = await openPage(e2e.browser);

    await signIn(page, e2e.api.baseUrl, admin);
    await page.waitForURL(`**/orgs/${second.id}/members`);
    // The closed switcher shows the name alone.
    expect(await switcherValue(page)).toBe('Acme');
    await page.getByRole('banner').getByRole('combobox', { name: 'Organization' }).click();
    const options = (await page.getByRole('option').allInnerTexts()).map((text) =>
      text.replace(/\s+/g, ' ').trim(),
    );
    expect(options).toHaveLength(3);
    const acmes = options.filter((text) => text.startsWith('Acme'));
    expect(acmes).toHaveLength(2);
    for (const text of acmes) expect(text).toMatch(/^Acme Created \w{3} \d{1,2}, \d{4}/);
    // A name of its own needs no second line.
    expect(options).toContain('Zenith');
    await screenshot(page, 'switcher-same-names');
    await page.getByRole('option', { selected: false }).filter({ hasText: 'Acme' }).click();
    await page.waitForURL(`**/orgs/${first.id}/members`);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('keeps the organization of the URL through reloads and deep links, and knows the list on every page', async () => {
    const admin = await makeUser(e2e.http, { displayName: 'Ada Lovelace' });
    const beta = await makeOrganization(e2e.http, admin, 'Beta Mentoring');
    // Created last, so opened first.
    const alpha = await makeOrganization(e2e.http, admin, 'Alpha Mentoring');
    const { page, pageErrors } = await openPage(e2e.browser);

    await signIn(page, e2e.api.baseUrl, admin);
    await page.waitForURL(`**/orgs/${alpha.id}/members`);
    // A deep link to the other organization, then a reload: the URL decides.
    await page.goto(`${e2e.api.baseUrl}/orgs/${beta.id}/home`);
    expect(await switcherValue(page)).toBe('Beta Mentoring');
    await page.reload();
    await page.getByRole('heading', { name: 'Welcome to Beta Mentoring' }).waitFor();
    expect(await switcherValue(page)).toBe('Beta Mentoring');

    // Reloading the page to create an organization: a member is not told they have none.
    await page.goto(`${e2e.api.baseUrl}/orgs/new`);
    // Reload only once the page is up: the session's refresh rotates the token on every load,
    // and a reload that cuts the refresh short loses the session.
    await page.getByRole('heading', { name: 'Create an organization' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Create an organization' }).waitFor();
    expect(await switcherValue(page)).toBe('Beta Mentoring');
    expect(await page.getByText('You are not a member of any organization yet').count()).toBe(0);
    await screenshot(page, 'new-organization-reloaded');
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('shows the switcher with the joined organization after a full page load of an invitation link', async () => {
    const admin = await makeUser(e2e.http, { displayName: 'Ada Lovelace' });
    const northwind = await makeOrganization(e2e.http, admin, 'Northwind Mentoring');
    const tokens = e2e.api.app.get(InvitationTokens);
    const other = await makeUser(e2e.http, { displayName: 'Olga Other' });
    const southwind = await makeOrganization(e2e.http, other, 'Southwind Mentoring');
    const grace = await makeMember(
      e2e.http,
      other,
      southwind.id,
      ['mentor'],
      (id) => tokens.issue(southwind.id, id),
      {
        displayName: 'Grace Mentor',
      },
    );
    const invitation = await makeInvitation(e2e.http, admin, northwind.id, grace.email, ['mentee']);
    const { page, pageErrors } = await openPage(e2e.browser);

    await signIn(page, e2e.api.baseUrl, grace);
    await page.waitForURL(`**/orgs/${southwind.id}/home`);
    // The emailed link, opened in the same tab as a full page load (the session resumes).
    await page.goto(acceptLink(e2e.api, northwind.id, invitation.id));
    await page.waitForURL(`**/orgs/${northwind.id}/home`);
    await page.getByRole('heading', { name: 'Welcome to Northwind Mentoring' }).waitFor();
    expect(await switcherValue(page)).toBe('Northwind Mentoring');
    await page.getByRole('banner').getByRole('combobox', { name: 'Organization' }).click();
    expect(await page.getByRole('option').allInnerTexts()).toEqual([
      'Northwind Mentoring',
      'Southwind Mentoring',
    ]);
    await page.keyboard.press('Escape');

    // The used link, loaded again: the page says so, and the switcher is still there.
    await page.goto(acceptLink(e2e.api, northwind.id, invitation.id));
    await page.getByText('This invitation was already used or withdrawn.').waitFor();
    expect(await switcherValue(page)).toBe('Northwind Mentoring');
    await screenshot(page, 'invitation-used-switcher');

    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
