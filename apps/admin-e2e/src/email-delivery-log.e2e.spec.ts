import type { ProgramView } from '@mentorship/contracts';
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

/**
 * The admins' email delivery log (the retries and failures themselves, on a refusing SMTP server,
 * are apps/api-e2e's email-delivery-log test), the program's reminder kinds, and the way from a
 * member's profile to their notification settings.
 */
describe('notifications for admins and coordinators: the delivery log, reminders per program', () => {
  const e2e = useBrowserE2e();

  it('shows admins every email with its attempts and the failure reason, filtered by status', async () => {
    const { orgId, admin, member } = await e2e.organization('Northwind Mentoring');
    const coordinator = await member(['coordinator'], 'Cora Coordinator');
    // The ledger as the worker leaves it: one sent after a retry, one failed for good.
    await e2e.api.db.query(
      `INSERT INTO email_deliveries (organization_id, id, idempotency_key, recipient, subject, status, attempts,
                                     last_error, sent_at, last_attempt_at)
       VALUES ($1, gen_random_uuid(), 'browser.sent', 'mia@example.test', 'Halfway through your trial with Ada',
               'sent', 2, 'Greeting never received', now(), now()),
              ($1, gen_random_uuid(), 'browser.failed', 'noah@example.test', 'Time for a check-in with Ada',
               'failed', 5, 'Message failed: 451 Mailbox busy, try again later', null, now())`,
      [orgId],
    );
    for (const viewport of [DESKTOP, PHONE]) {
      const { page, pageErrors } = await openPage(e2e.browser, viewport);
      await signIn(page, e2e.api.baseUrl, admin);
      const width = viewport.width;
      if (viewport === DESKTOP) {
        await page
          .getByRole('navigation', { name: 'Northwind Mentoring' })
          .getByRole('link', { name: 'Email log' })
          .click();
      } else {
        await page.waitForURL(/\/orgs\//);
        await page.goto(`${e2e.api.baseUrl}/orgs/${orgId}/email-deliveries`);
      }
      await page.getByRole('heading', { name: 'Email delivery log', level: 1 }).waitFor();
      const table = page.getByRole('table', { name: 'Emails' });
      await table.getByRole('cell', { name: 'Message failed: 451 Mailbox busy, try again later' }).waitFor();
      await table.getByRole('cell', { name: 'Sent after retries' }).waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      if (viewport === PHONE) expect(await horizontalOverflow(page)).toBe(0);
      await screenshot(page, `email-deliveries-${width}`);

      await page.getByRole('combobox', { name: 'Filter by status' }).click();
      await page.getByRole('option', { name: 'Failed' }).click();
      await table.getByRole('cell', { name: 'Sent after retries' }).waitFor({ state: 'detached' });
      expect(await table.getByRole('cell', { name: 'noah@example.test' }).count()).toBe(1);
      expect(await table.getByRole('cell', { name: 'mia@example.test' }).count()).toBe(0);
      // The select's panel closes with its animation before axe looks.
      await page.getByRole('listbox').waitFor({ state: 'detached' });
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, `email-deliveries-failed-${width}`);
      expect(pageErrors).toEqual([]);
    }

    // Not for coordinators: no link, and the address leads elsewhere.
    const { page } = await openPage(e2e.browser, DESKTOP);
    await signIn(page, e2e.api.baseUrl, coordinator);
    const nav = page.getByRole('navigation', { name: 'Northwind Mentoring' });
    await nav.getByRole('link', { name: 'Programs', exact: true }).waitFor();
    expect(await nav.getByRole('link', { name: 'Email log' }).count()).toBe(0);
    await page.goto(`${e2e.api.baseUrl}/orgs/${orgId}/email-deliveries`);
    await page.waitForURL((url) => !url.pathname.endsWith('/email-deliveries'));
  });

  it('lets a coordinator turn a reminder kind off for a program, and a member reach their settings', async () => {
    const { orgId, member } = await e2e.organization('Northwind Mentoring');
    const coordinator = await member(['coordinator'], 'Cora Coordinator');
    const mentee = await member(['mentee'], 'Manu Mentee');
    const program = await e2e.http.post<ProgramView>(
      `/api/v1/orgs/${orgId}/programs`,
      { name: 'Sales mentoring' },
      coordinator.token,
    );

    const { page, pageErrors } = await openPage(e2e.browser, DESKTOP);
    await signIn(page, e2e.api.baseUrl, coordinator);
    await page.waitForURL(/\/orgs\//);
    await page.goto(`${e2e.api.baseUrl}/orgs/${orgId}/programs/${program.body.id}`);
    const reminders = page.getByRole('group', { name: 'Send these reminders' });
    await reminders.getByRole('checkbox', { name: 'Gone quiet' }).uncheck();
    await page.getByLabel('Quiet after (days without a check-in)').fill('14');
    await page.getByRole('button', { name: 'Save program' }).click();
    await page.getByText('Program saved.').waitFor();
    const saved = await e2e.http.get<ProgramView>(
      `/api/v1/orgs/${orgId}/programs/${program.body.id}`,
      coordinator.token,
    );
    expect(saved.body.settings).toMatchObject({ quietDays: 14, disabledNotificationKinds: ['pair.quiet'] });
    // The snackbar gone, axe looks at the page as it stays.
    await page.getByText('Program saved.').waitFor({ state: 'detached' });
    await reminders.scrollIntoViewIfNeeded();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'program-reminders-1280');
    expect(pageErrors).toEqual([]);

    const phone = await openPage(e2e.browser, PHONE);
    await signIn(phone.page, e2e.api.baseUrl, mentee);
    await phone.page.waitForURL(/\/orgs\//);
    await phone.page.goto(`${e2e.api.baseUrl}/orgs/${orgId}/profile`);
    await phone.page.getByRole('link', { name: 'Notification settings' }).click();
    await phone.page.getByRole('heading', { name: 'What reaches me' }).waitFor();
    expect(phone.page.url()).toMatch(/\/notifications#preferences$/);
    expect(await seriousAccessibilityViolations(phone.page)).toEqual([]);
    expect(phone.pageErrors).toEqual([]);
  });
});
