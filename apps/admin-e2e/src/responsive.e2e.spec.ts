import { InvitationTokens } from '@mentorship/organizations';
import { makeInvitation, makeMember, makeOrganization, makeUser } from '@mentorship/testing';
import type { Page as BrowserPage } from 'playwright-core';
import {
  DESKTOP,
  PHONE,
  acceptLink,
  horizontalOverflow,
  openPage,
  screenshot,
  signIn,
  uniqueEmail,
  useBrowserE2e,
  type Viewport,
} from './support/browser-e2e';

/** True when the element is wholly inside the window, as it is right now. */
async function inWindow(page: BrowserPage, selector: ReturnType<BrowserPage['getByRole']>): Promise<boolean> {
  const box = await selector.boundingBox();
  const size = page.viewportSize();
  return (
    !!box &&
    !!size &&
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= size.width &&
    box.y + box.height <= size.height
  );
}

/** Issue 6, point 11: the shell and the tables work at phone width (390 px) as at 1280 px. */
describe('phone and desktop widths', () => {
  const e2e = useBrowserE2e();

  async function seed() {
    const admin = await makeUser(e2e.http, { displayName: 'Ada Lovelace-Byron' });
    const organization = await makeOrganization(e2e.http, admin, 'Northwind Mentoring Collective');
    await makeOrganization(e2e.http, admin, 'Southwind Mentoring');
    // Used last, so signing in opens it (not Southwind, created after it).
    await e2e.http.post(`/api/v1/orgs/${organization.id}/visits`, {}, admin.token);
    const orgId = organization.id;
    const tokens = e2e.api.app.get(InvitationTokens);
    const member = await makeMember(
      e2e.http,
      admin,
      orgId,
      ['mentor', 'mentee'],
      (id) => tokens.issue(orgId, id),
      {
        displayName: 'Grace Hopper-Mentor',
      },
    );
    const invitation = await makeInvitation(e2e.http, admin, orgId, uniqueEmail('pending-invitee'), [
      'mentee',
    ]);
    return { admin, orgId, member, invitation };
  }

  it('fits every page into both widths, without sideways scrolling, and screenshots each', async () => {
    const { admin, orgId, invitation } = await seed();
    for (const viewport of [DESKTOP, PHONE] as Viewport[]) {
      const size = `${viewport.width}`;
      const { page, pageErrors } = await openPage(e2e.browser, viewport);
      const visit = async (name: string, ready: () => Promise<unknown>) => {
        await ready();
        expect({ page: name, width: size, overflow: await horizontalOverflow(page) }).toEqual({
          page: name,
          width: size,
          overflow: 0,
        });
        await screenshot(page, `${name}-${size}`);
      };
      await page.goto(`${e2e.api.baseUrl}/sign-in`);
      await visit('sign-in', () => page.getByRole('button', { name: 'Sign in' }).waitFor());
      await page.goto(`${e2e.api.baseUrl}/sign-up`);
      await visit('sign-up', () => page.getByRole('button', { name: 'Create account' }).waitFor());
      await page.goto(acceptLink(e2e.api, orgId, invitation.id));
      await visit('invitation', () => page.getByRole('link', { name: 'Create an account' }).waitFor());
      await signIn(page, e2e.api.baseUrl, admin);
      await page.waitForURL(`**/orgs/${orgId}/members`);
      await visit('members', () => page.getByRole('cell', { name: admin.email, exact: true }).waitFor());
      await page.goto(`${e2e.api.baseUrl}/orgs/${orgId}/home`);
      await visit('home', () => page.getByRole('heading', { name: /^Welcome to/ }).waitFor());
      await page.goto(`${e2e.api.baseUrl}/orgs/new`);
      await visit('new-organization', () =>
        page.getByRole('button', { name: 'Create organization' }).waitFor(),
      );
      expect(pageErrors).toEqual([]);
      await page.close();
    }
  });

  it('puts the account and organization controls in reach at 390 px', async () => {
    const { admin, orgId } = await seed();
    const { page, pageErrors } = await openPage(e2e.browser, PHONE);

    await signIn(page, e2e.api.baseUrl, admin);
    await page.waitForURL(`**/orgs/${orgId}/members`);
    const banner = page.getByRole('banner');
    const switcher = banner.getByRole('combobox', { name: 'Organization' });
    expect(await inWindow(page, switcher)).toBe(true);
    expect((await switcher.boundingBox())!.width).toBeGreaterThanOrEqual(200);
    expect((await switcher.innerText()).trim()).toBe('Northwind Mentoring Collective');

    await banner.getByRole('button', { name: 'Menu' }).click();
    const menu = page.getByRole('menu');
    await menu.getByText(admin.email).waitFor();
    await screenshot(page, 'shell-menu-390');
    expect(await inWindow(page, menu.getByRole('menuitem', { name: 'Sign out' }))).toBe(true);
    await menu.getByRole('menuitem', { name: 'New organization' }).click();
    await page.waitForURL('**/orgs/new');
    await banner.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('menu').getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');

    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('keeps each member’s roles and actions reachable in the table at 390 px', async () => {
    const { admin, orgId, member } = await seed();
    const { page, pageErrors } = await openPage(e2e.browser, PHONE);

    await signIn(page, e2e.api.baseUrl, admin);
    await page.waitForURL(`**/orgs/${orgId}/members`);
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: member.email, exact: true }) });
    await row.waitFor();

    // Actions stay on screen without scrolling sideways.
    const actions = row.getByRole('button', { name: `Actions for ${member.email}` });
    expect(await inWindow(page, actions)).toBe(true);
    // The roles are there too, on screen or one sideways scroll of the table away.
    const roles = row.getByRole('list', { name: `Roles of ${member.email}` });
    await roles.scrollIntoViewIfNeeded();
    expect(await inWindow(page, roles)).toBe(true);
    expect(await roles.getByRole('listitem').allInnerTexts()).toEqual(['Mentor', 'Mentee']);
    await horizontalOverflow(page).then((overflow) => expect(overflow).toBe(0));

    await actions.click();
    await page.getByRole('menuitem', { name: 'Edit roles' }).click();
    await page.getByRole('dialog', { name: 'Roles of Grace Hopper-Mentor' }).waitFor();
    await screenshot(page, 'member-roles-dialog-390');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await actions.click();
    await page.getByRole('menuitem', { name: 'Remove' }).click();
    await page.getByRole('dialog', { name: 'Remove Grace Hopper-Mentor?' }).waitFor();

    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
