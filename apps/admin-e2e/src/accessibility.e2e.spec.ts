import { InvitationTokens } from '@mentorship/organizations';
import { makeInvitation, makeMember, makeOrganization, makeUser } from '@mentorship/testing';
import type { Page as BrowserPage } from 'playwright-core';
import {
  acceptLink,
  openPage,
  screenshot,
  seriousAccessibilityViolations,
  signIn,
  uniqueEmail,
  useBrowserE2e,
} from './support/browser-e2e';

interface FocusStop {
  element: string;
  outline: string;
}

/**
 * Presses Tab `stops` times and reports each focused control whose focus is not drawn as an
 * outline of at least 2 px (WCAG 2.4.7: focus visible). Returns the controls reached too.
 */
async function tabThrough(
  page: BrowserPage,
  stops: number,
): Promise<{ reached: string[]; invisible: FocusStop[] }> {
  const reached: string[] = [];
  const invisible: FocusStop[] = [];
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press('Tab');
    // A string: this project's TypeScript has no DOM library.
    const stop = (await page.evaluate(`(() => {
      const element = document.activeElement;
      if (!element || element === document.body) return null;
      const style = getComputedStyle(element);
      const name = (element.getAttribute('aria-label') || element.textContent || element.getAttribute('name') || '').trim();
      return {
        element: element.tagName.toLowerCase() + ' "' + name.slice(0, 40) + '"',
        outline: style.outlineStyle + ' ' + style.outlineWidth,
        visible: element.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      };
    })()`)) as (FocusStop & { visible: boolean }) | null;
    if (!stop) continue;
    reached.push(stop.element);
    if (!stop.visible) invisible.push({ element: stop.element, outline: stop.outline });
  }
  return { reached, invisible };
}

/** Issue 6, point 14: visible keyboard focus on every control; axe-core finds nothing serious. */
describe('accessibility of every page', () => {
  const e2e = useBrowserE2e();

  it('has no serious or critical axe findings on any page, signed out or in, as admin or mentee', async () => {
    const admin = await makeUser(e2e.http, { displayName: 'Ada Lovelace' });
    const organization = await makeOrganization(e2e.http, admin, 'Northwind Mentoring');
    const orgId = organization.id;
    const tokens = e2e.api.app.get(InvitationTokens);
    const mentee = await makeMember(e2e.http, admin, orgId, ['mentee'], (id) => tokens.issue(orgId, id), {
      displayName: 'Milo Mentee',
    });
    const invitation = await makeInvitation(e2e.http, admin, orgId, uniqueEmail('pending'), ['mentor']);
    const findings: Record<string, string[]> = {};
    const check = async (page: BrowserPage, name: string) => {
      findings[name] = await seriousAccessibilityViolations(page);
    };

    const { page, pageErrors } = await openPage(e2e.browser);
    await page.goto(`${e2e.api.baseUrl}/sign-in`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await check(page, 'sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Enter your email.').waitFor();
    await check(page, 'sign-in with errors');
    await page.goto(`${e2e.api.baseUrl}/sign-up`);
    await page.getByRole('button', { name: 'Create account' }).waitFor();
    await check(page, 'sign-up');
    await page.goto(acceptLink(e2e.api, orgId, invitation.id));
    await page.getByRole('link', { name: 'Create an account' }).waitFor();
    await check(page, 'invitation, signed out');

    await signIn(page, e2e.api.baseUrl, admin);
    await page.waitForURL(`**/orgs/${orgId}/members`);
    await page.getByRole('cell', { name: mentee.email, exact: true }).waitFor();
    await check(page, 'members');
    await page.getByRole('button', { name: 'Invite member' }).click();
    await page.getByRole('dialog', { name: 'Invite a member' }).waitFor();
    await check(page, 'invite dialog');
    await page.keyboard.press('Escape');
    await page.goto(`${e2e.api.baseUrl}/orgs/new`);
    await page.getByRole('button', { name: 'Create organization' }).waitFor();
    await check(page, 'new organization');
    await page.goto(`${e2e.api.baseUrl}/orgs/${orgId}/home`);
    await page.getByRole('heading', { name: 'Welcome to Northwind Mentoring' }).waitFor();
    await check(page, 'home, admin');
    await page.close();

    const { page: menteePage } = await openPage(e2e.browser);
    await signIn(menteePage, e2e.api.baseUrl, mentee);
    await menteePage.waitForURL(`**/orgs/${orgId}/home`);
    await menteePage.getByRole('heading', { name: 'Welcome to Northwind Mentoring' }).waitFor();
    await check(menteePage, 'home, mentee');
    // The checker itself can fail: an unlabelled field put on the page is reported as critical.
    await menteePage.evaluate(`document.querySelector('main').append(document.createElement('input'))`);
    expect(await seriousAccessibilityViolations(menteePage)).toEqual([
      expect.stringMatching(/^label \(critical\)/),
    ]);
    await menteePage.close();

    expect(findings).toEqual(Object.fromEntries(Object.keys(findings).map((name) => [name, []])));
    expect(Object.keys(findings)).toHaveLength(9);
    expect(pageErrors).toEqual([]);
  });

  it('draws keyboard focus visibly on every control of the sign-in and members pages', async () => {
    const admin = await makeUser(e2e.http, { displayName: 'Ada Lovelace' });
    const organization = await makeOrganization(e2e.http, admin, 'Northwind Mentoring');
    const { page, pageErrors } = await openPage(e2e.browser);

    await page.goto(`${e2e.api.baseUrl}/sign-in`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const signInPage = await tabThrough(page, 6);
    expect(signInPage.invisible).toEqual([]);
    expect(signInPage.reached).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^a "Mentorship Map/),
        expect.stringMatching(/^button "Sign in/),
      ]),
    );

    await signIn(page, e2e.api.baseUrl, admin);
    await page.waitForURL(`**/orgs/${organization.id}/members`);
    await page.getByRole('cell', { name: admin.email, exact: true }).waitFor();
    const membersPage = await tabThrough(page, 14);
    await screenshot(page, 'focus-visible-members');
    expect(membersPage.invisible).toEqual([]);
    expect(membersPage.reached).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^button "Sign out/),
        expect.stringMatching(/^button "Invite member/),
        expect.stringMatching(/^button "Edit roles of/),
      ]),
    );

    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
