import { UnsubscribeTokens, type NotificationPreferencesDto } from '@mentorship/notifications';
import {
  DESKTOP,
  horizontalOverflow,
  openPage,
  PHONE,
  screenshot,
  seriousAccessibilityViolations,
  signIn,
  useBrowserE2e,
} from './support/browser-e2e';

describe('notifications in the admin app: the centre, its bell, and the unsubscribe link', () => {
  const e2e = useBrowserE2e();

  it('shows the unread count on the bell, the centre, marks read and saves a choice per kind', async () => {
    const { orgId, member } = await e2e.organization('Northwind Mentoring');
    const mentee = await member(['mentee'], 'Manu Mentee');
    // A delivered trial nudge, as the delivery job leaves it (its making is notifications.e2e's).
    await e2e.api.db.query(
      `INSERT INTO notifications (organization_id, id, recipient_user_id, recipient_email, recipient_name, kind,
                                  idempotency_key, title, body, link, deliver_at, delivered_at, shown_in_app, email_state)
       VALUES ($1, gen_random_uuid(), $2, $3, 'Mia Mentee', 'trial.halfway', 'browser', 'Halfway through your trial with Ada',
               'Your trial period with Ada is halfway through. Agree on a first conversation now.', $4,
               now(), now(), true, 'sent')`,
      [orgId, mentee.id, mentee.email, `/orgs/${orgId}/home`],
    );
    for (const viewport of [DESKTOP, PHONE]) {
      const { page, pageErrors } = await openPage(e2e.browser, viewport);
      await signIn(page, e2e.api.baseUrl, mentee);
      const width = viewport.width;
      if (viewport === DESKTOP) {
        await page.getByRole('link', { name: 'Notifications, 1 unread' }).click();
        await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
        await page.getByRole('heading', { name: /Halfway through your trial with Ada/ }).waitFor();
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
        await screenshot(page, `notifications-unread-${width}`);
        await page.getByRole('button', { name: 'Mark read' }).click();
        await page.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
        expect(await page.getByRole('button', { name: 'Mark read' }).count()).toBe(0);
        // The mentee wants this kind in the app only.
        await page
          .getByRole('group', { name: 'Trial halfway' })
          .getByRole('checkbox', { name: 'By email' })
          .uncheck();
        await page.getByText('Saved: Trial halfway.').waitFor();
        const saved = await e2e.http.get<NotificationPreferencesDto>(
          `/api/v1/orgs/${orgId}/notification-preferences`,
          mentee.token,
        );
        expect(saved.body.kinds.find((k) => k.kind === 'trial.halfway')).toMatchObject({
          inApp: true,
          email: false,
        });
        await page.getByRole('checkbox', { name: /daily digest/ }).check();
        await page.getByText('Saved: one email a morning.').waitFor();
        const digest = await e2e.http.get<NotificationPreferencesDto>(
          `/api/v1/orgs/${orgId}/notification-preferences`,
          mentee.token,
        );
        expect(digest.body.dailyDigest).toBe(true);
      } else {
        await page.getByRole('link', { name: 'Notifications', exact: true }).click();
        await page.getByRole('heading', { name: /Halfway through your trial with Ada/ }).waitFor();
        expect(await horizontalOverflow(page)).toBe(0);
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
        expect(
          await page
            .getByRole('group', { name: 'Trial halfway' })
            .getByRole('checkbox', { name: 'By email' })
            .isChecked(),
        ).toBe(false);
        await screenshot(page, `notifications-read-${width}`);
      }
      expect(pageErrors).toEqual([]);
    }
  });

  it('turns one kind’s email off without signing in, after asking, and refuses a broken link', async () => {
    const { orgId, member } = await e2e.organization('Northwind Mentoring');
    const mentee = await member(['mentee'], 'Manu Mentee');
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
