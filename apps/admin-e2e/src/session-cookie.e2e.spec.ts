import { makeOrganization, makeUser } from '@mentorship/testing';
import { membersPageShows, openPage, signIn, useBrowserE2e } from './support/browser-e2e';

describe('the session in the browser', () => {
  const e2e = useBrowserE2e();

  it('keeps no refresh token where a script can read it, and survives a reload', async () => {
    const ada = await makeUser(e2e.http, { displayName: 'Ada Lovelace' });
    const org = await makeOrganization(e2e.http, ada, 'Northwind Mentoring');
    const { page, pageErrors } = await openPage(e2e.browser);
    await signIn(page, e2e.api.baseUrl, ada);
    await page.waitForURL(`**/orgs/${org.id}/members`);

    // Strings: this project's TypeScript has no DOM library.
    const readable = async () =>
      (await page.evaluate(
        `JSON.stringify({ session: { ...sessionStorage }, local: { ...localStorage }, cookies: document.cookie })`,
      )) as string;
    const before = await readable();
    expect(before).not.toMatch(/refresh/i);
    // The browser holds it, HttpOnly and for the auth routes only.
    const cookies = await page.context().cookies();
    expect(cookies.find((cookie) => cookie.name === 'mm_refresh')).toMatchObject({
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
      path: '/api/v1/auth',
    });

    await page.reload();
    await membersPageShows(page, ada.email);
    expect(page.url()).toContain(`/orgs/${org.id}/members`);
    expect(await readable()).not.toMatch(/refresh/i);

    // The local session ends at once; the cookie goes with the API's answer.
    await Promise.all([
      page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/sign-out')),
      page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click(),
    ]);
    await page.waitForURL('**/sign-in');
    expect((await page.context().cookies()).find((cookie) => cookie.name === 'mm_refresh')).toBeUndefined();
    await page.reload();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
