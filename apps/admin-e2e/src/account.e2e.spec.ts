import type { AppConfig } from '@mentorship/platform';
import { makeOrganization, makeUser, startSmtpSink, TEST_PASSWORD, type SmtpSink } from '@mentorship/testing';
import { openPage, screenshot, signIn, useBrowserE2e } from './support/browser-e2e';

const NEW_PASSWORD = 'a brand new passphrase';

describe('account basics in the browser', () => {
  const config: Partial<AppConfig> = {};
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
    config.smtpUrl = sink.url;
  });
  afterAll(() => sink?.close());
  const e2e = useBrowserE2e({ config });
  // The reset email is an account job: the worker sends it (outbox -> BullMQ -> SMTP).
  beforeAll(() => e2e.startWorker());

  it('resets a forgotten password from the emailed link, once', async () => {
    const ada = await makeUser(e2e.http, { displayName: 'Ada Lovelace' });
    await makeOrganization(e2e.http, ada, 'Northwind Mentoring');
    const { page, pageErrors } = await openPage(e2e.browser);

    await page.goto(`${e2e.api.baseUrl}/sign-in`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.waitForURL('**/forgot-password');
    await page.getByLabel('Email').fill(ada.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page
      .getByText(`If ${ada.email} has an account, a link to reset its password is on its way.`)
      .waitFor();
    await screenshot(page, 'forgot-password-sent');

    const email = await sink.waitFor((m) => m.to.includes(ada.email));
    const unfolded = email.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    const emailed = new URL(/https?:\/\/[^\s]+\/reset-password\?\S+/.exec(unfolded)![0]);
    const link = `${e2e.api.baseUrl}${emailed.pathname}${emailed.search}`;
    await page.goto(link);
    await page.getByLabel('New password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByText('Your password is changed.').waitFor();
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Email').fill(ada.email);
    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/orgs/*/members');

    // The link worked once.
    const { page: again } = await openPage(e2e.browser);
    await again.goto(link);
    await again.getByLabel('New password').fill('yet another passphrase');
    await again.getByRole('button', { name: 'Set password' }).click();
    await again.getByText('This password-reset link is not valid any more. Ask for a new one.').waitFor();
    await again.close();
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('edits my name and changes my password on the account page', async () => {
    const grace = await makeUser(e2e.http, { displayName: 'Grace' });
    await makeOrganization(e2e.http, grace, 'Southwind Mentoring');
    const { page, pageErrors } = await openPage(e2e.browser);
    await signIn(page, e2e.api.baseUrl, grace);
    await page.waitForURL('**/orgs/*/members');

    await page.getByRole('banner').getByRole('link', { name: 'Grace' }).click();
    await page.waitForURL('**/account');
    await page.getByLabel('Display name').fill('Grace Hopper');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByRole('banner').getByRole('link', { name: 'Grace Hopper' }).waitFor();

    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('The current password is wrong.').waitFor();
    await screenshot(page, 'account-wrong-password');
    await page.getByLabel('Current password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed. Your other sessions are signed out.').waitFor();

    // The old session (from sign-up) is over; this tab goes on after a reload.
    expect((await e2e.http.post('/api/v1/auth/refresh', { refreshToken: grace.refreshToken })).status).toBe(
      401,
    );
    const [row] = await e2e.api.db.query<{ display_name: string }>(
      'SELECT display_name FROM users WHERE id = $1',
      [grace.id],
    );
    expect(row?.display_name).toBe('Grace Hopper');
    await page.reload();
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
