import { InvitationTokens } from '@mentorship/organizations';
import { UnsubscribeTokens, type NotificationPreferencesDto } from '@mentorship/notifications';
import { makeMember, makeOrganization, makeUser } from '@mentorship/testing';
import {
  horizontalOverflow,
  openPage,
  PHONE,
  screenshot,
  seriousAccessibilityViolations,
  useBrowserE2e,
} from './support/browser-e2e';

describe('the unsubscribe link of notification emails', () => {
  const e2e = useBrowserE2e();

  it('turns one kind’s email off without signing in, after asking, and refuses a broken link', async () => {
    const admin = await makeUser(e2e.http);
    const orgId = (await makeOrganization(e2e.http, admin, 'Northwind Mentoring')).id;
    const mentee = await makeMember(e2e.http, admin, orgId, ['mentee'], (id) =>
      e2e.api.app.get(InvitationTokens).issue(orgId, id),
    );
    // The link as the email carries it, pointed at this test's server.
    const emailed = new URL(
      e2e.api.app
        .get(UnsubscribeTokens)
        .url({ organizationId: orgId, userId: mentee.id, kind: 'trial.halfway' }),
    );
    const link = `${e2e.api.baseUrl}${emailed.pathname}${emailed.search}`;
    const { page, pageErrors } = await openPage(e2e.browser, PHONE);

    await page.goto(link);
    await page.getByRole('heading', { name: 'Stop “Trial halfway” emails?' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'unsubscribe-ask-390');
    // Opening the link changed nothing.
    const before = await e2e.http.get<NotificationPreferencesDto>(
      `/api/v1/orgs/${orgId}/notification-preferences`,
      mentee.token,
    );
    expect(before.body.kinds.find((k) => k.kind === 'trial.halfway')?.email).toBe(true);

    await page.getByRole('button', { name: 'Stop these emails' }).click();
    await page.getByRole('heading', { name: 'You will not get “Trial halfway” emails any more' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'unsubscribe-done-390');
    const after = await e2e.http.get<NotificationPreferencesDto>(
      `/api/v1/orgs/${orgId}/notification-preferences`,
      mentee.token,
    );
    expect(after.body.kinds.find((k) => k.kind === 'trial.halfway')).toMatchObject({
      inApp: true,
      email: false,
    });

    // Opened again later: it says so at once.
    await page.goto(link);
    await page.getByRole('heading', { name: 'You will not get “Trial halfway” emails any more' }).waitFor();

    // A link cut short.
    await page.goto(link.slice(0, -4));
    await page.getByRole('heading', { name: 'This unsubscribe link is not valid' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'unsubscribe-invalid-390');
    expect(pageErrors).toEqual([]);
  });
});
