import { CONTENT_SECURITY_POLICY } from '@mentorship/platform';
import { makeInvitation, makeOrganization, makeUser } from '@mentorship/testing';
import type { Response as BrowserResponse } from 'playwright-core';
import {
  acceptLink,
  membersPageShows,
  openPage,
  screenshot,
  signIn,
  uniqueEmail,
  useBrowserE2e,
  watchContentSecurityPolicy,
} from './support/browser-e2e';

const EXPECTED_POLICY = Object.entries(CONTENT_SECURITY_POLICY)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join(';');

/** The headers every document of the admin app must carry. */
function expectSecurityHeaders(response: BrowserResponse | null): void {
  const headers = response?.headers() ?? {};
  expect(headers).toEqual(
    expect.objectContaining({
      'content-security-policy': EXPECTED_POLICY,
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    }),
  );
  // Plain HTTP here: HSTS would mean nothing and is not sent.
  expect(headers['strict-transport-security']).toBeUndefined();
}

describe('admin app under its security headers', () => {
  const e2e = useBrowserE2e();

  it('loads, signs in and opens dialogs with no Content-Security-Policy violation', async () => {
    const admin = await makeUser(e2e.http, { displayName: 'Ada Admin' });
    const organization = await makeOrganization(e2e.http, admin, 'Northwind Mentoring');
    const invitation = await makeInvitation(e2e.http, admin, organization.id, uniqueEmail('csp'), ['mentee']);
    const { page, pageErrors } = await openPage(e2e.browser);
    const violations = await watchContentSecurityPolicy(page);
    const assets: BrowserResponse[] = [];
    page.on('response', (response) => {
      if (/\.(js|css)$/.test(new URL(response.url()).pathname)) assets.push(response);
    });

    expectSecurityHeaders(await page.goto(`${e2e.api.baseUrl}/sign-up`));
    await page.getByRole('button', { name: 'Create account' }).waitFor();
    expectSecurityHeaders(await page.goto(`${e2e.api.baseUrl}/sign-in`));

    // The global stylesheet is applied (not left at media=print for an onload handler to switch).
    const applied = await page.evaluate(
      `[...document.styleSheets].filter((sheet) => /\\/styles-\\w+\\.css$/.test(sheet.href ?? '') && ['', 'all'].includes(sheet.media.mediaText) && sheet.cssRules.length > 0).length`,
    );
    expect(applied).toBe(1);

    const signedIn = page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/sign-in'));
    await signIn(page, e2e.api.baseUrl, admin);
    // The answer that carries the tokens is never cached.
    expect((await signedIn).headers()['cache-control']).toBe('no-store');
    await page.waitForURL(`**/orgs/${organization.id}/members`);
    await membersPageShows(page, admin.email);

    // Material's overlay, dialog and select position themselves with inline styles.
    await page.getByRole('button', { name: 'Invite member' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite a member' });
    await dialog.getByRole('combobox', { name: 'Roles' }).click();
    await page.getByRole('option', { name: 'Mentor', exact: true }).waitFor();
    await screenshot(page, 'csp-invite-dialog');
    // Closes the option panel, then the dialog.
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });

    expectSecurityHeaders(await page.goto(acceptLink(e2e.api, organization.id, invitation.id)));
    await page.getByRole('button').first().waitFor();
    expectSecurityHeaders(await page.goto(`${e2e.api.baseUrl}/orgs/new`));
    await page.getByRole('button').first().waitFor();

    // The bundles are served with the same headers, and nosniff holds them to their types.
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      expect(asset.headers()).toEqual(
        expect.objectContaining({
          'content-security-policy': EXPECTED_POLICY,
          'x-content-type-options': 'nosniff',
        }),
      );
    }
    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('serves the API reference (Swagger UI) with no violation either', async () => {
    const { page, pageErrors } = await openPage(e2e.browser);
    const violations = await watchContentSecurityPolicy(page);
    expectSecurityHeaders(await page.goto(`${e2e.api.baseUrl}/api/docs`));
    await page.getByText('Mentorship Map API').first().waitFor();
    await page.getByText('/api/v1/auth/sign-in').first().waitFor();
    await screenshot(page, 'csp-api-docs');
    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
