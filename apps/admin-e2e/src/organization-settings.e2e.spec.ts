import type { OrganizationView } from '@mentorship/contracts';
import { InvitationTokens } from '@mentorship/organizations';
import { makeMember, makeOrganization, makeUser } from '@mentorship/testing';
import { openPage, screenshot, signIn, useBrowserE2e } from './support/browser-e2e';

describe('renaming and leaving an organization', () => {
  const e2e = useBrowserE2e();

  it('lets an admin rename it, and keeps its last admin from leaving', async () => {
    const admin = await makeUser(e2e.http, { displayName: 'Ada Admin' });
    const org = await makeOrganization(e2e.http, admin, 'Northwind Mentoring');
    const { page, pageErrors } = await openPage(e2e.browser);
    await signIn(page, e2e.api.baseUrl, admin);
    await page.waitForURL(`**/orgs/${org.id}/members`);
    await page.goto(`${e2e.api.baseUrl}/orgs/${org.id}/home`);

    await page.getByLabel('Name', { exact: true }).fill('Northwind Mentors');
    await page.getByRole('button', { name: 'Rename' }).click();
    await page.getByRole('heading', { name: 'Welcome to Northwind Mentors' }).waitFor();
    const switcher = page.getByRole('banner').getByRole('combobox', { name: 'Organization' });
    expect((await switcher.innerText()).trim()).toBe('Northwind Mentors');

    await page.getByRole('button', { name: 'Leave organization' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Leave' }).click();
    await page.getByText('An organization needs at least one admin.').waitFor();
    await screenshot(page, 'leave-last-admin');
    const mine = await e2e.http.get<{ items: OrganizationView[] }>('/api/v1/orgs', admin.token);
    expect(mine.body.items.map((item) => item.name)).toEqual(['Northwind Mentors']);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('lets a mentee leave', async () => {
    const admin = await makeUser(e2e.http, { displayName: 'Ada Admin' });
    const org = await makeOrganization(e2e.http, admin, 'Southwind Mentoring');
    const tokens = e2e.api.app.get(InvitationTokens);
    const mentee = await makeMember(e2e.http, admin, org.id, ['mentee'], (id) => tokens.issue(org.id, id));
    const { page, pageErrors } = await openPage(e2e.browser);
    await signIn(page, e2e.api.baseUrl, mentee);
    await page.waitForURL(`**/orgs/${org.id}/home`);
    // Renaming is the admins'.
    expect(await page.getByRole('button', { name: 'Rename' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Leave organization' }).click();
    await page
      .getByRole('dialog', { name: 'Leave Southwind Mentoring?' })
      .getByRole('button', { name: 'Leave' })
      .click();
    await page.getByText('You left Southwind Mentoring.').waitFor();
    await page.getByRole('heading', { name: 'Create an organization' }).waitFor();
    const mine = await e2e.http.get<{ items: OrganizationView[] }>('/api/v1/orgs', mentee.token);
    expect(mine.body.items).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
