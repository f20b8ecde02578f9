import type { OrganizationView } from '@mentorship/contracts';
import {
  DESKTOP,
  PHONE,
  expectCleanPage,
  openPage,
  signIn,
  useBrowserE2e,
  watchContentSecurityPolicy,
  type Viewport,
} from './support/browser-e2e';

describe('deleting and restoring an organization', () => {
  const e2e = useBrowserE2e();

  for (const [viewport, width] of [
    [DESKTOP, 1280],
    [PHONE, 390],
  ] as [Viewport, number][]) {
    it(`lets an admin delete it by typing its name, and restore it (${width} px)`, async () => {
      const { orgId, admin, member } = await e2e.organization(`Eastwind ${width}`);
      const mentor = await member(['mentor'], 'Mina Mentor');
      const { page, pageErrors } = await openPage(e2e.browser, viewport);
      const cspViolations = await watchContentSecurityPolicy(page);
      await signIn(page, e2e.api.baseUrl, admin);
      await page.waitForURL(`**/orgs/${orgId}/members`);
      await page.goto(`${e2e.api.baseUrl}/orgs/${orgId}/home`);

      const dangerZone = page.getByRole('region', { name: 'Delete organization' });
      await dangerZone.getByRole('button', { name: 'Delete organization' }).click();
      const dialog = page.getByRole('dialog', { name: `Delete Eastwind ${width}?` });
      const confirm = dialog.getByRole('button', { name: 'Delete organization' });
      const typed = dialog.getByLabel("Type the organization's name to confirm");
      // Disabled until the name is typed exactly.
      expect(await confirm.isDisabled()).toBe(true);
      await typed.fill(`eastwind ${width}`);
      expect(await confirm.isDisabled()).toBe(true);
      await expectCleanPage(page, `organization-delete-dialog-${width}`);
      await typed.fill(`Eastwind ${width}`);
      expect(await confirm.isEnabled()).toBe(true);
      await confirm.click();

      const scheduled = page.getByRole('region', { name: `Eastwind ${width} is scheduled for deletion` });
      await scheduled.waitFor();
      await page.getByText(`Eastwind ${width} is scheduled for deletion.`, { exact: true }).waitFor();
      // The API agrees: closed for the mentor, listed as scheduled for the admin.
      const mentorsList = await e2e.http.get<{ items: OrganizationView[] }>('/api/v1/orgs', mentor.token);
      expect(mentorsList.body.items).toEqual([]);
      const adminsList = await e2e.http.get<{ items: OrganizationView[] }>('/api/v1/orgs', admin.token);
      expect(adminsList.body.items.find((item) => item.id === orgId)?.deletion).not.toBeNull();
      await expectCleanPage(page, `organization-scheduled-for-deletion-${width}`);

      // A reload lands on the same page (the members page is closed), and restoring reopens it.
      await page.goto(`${e2e.api.baseUrl}/orgs/${orgId}`);
      await page.waitForURL(`**/orgs/${orgId}/home`);
      await scheduled.getByRole('button', { name: 'Restore organization' }).click();
      await page.getByText(`Eastwind ${width} is restored.`).waitFor();
      await page.getByRole('region', { name: 'Delete organization' }).waitFor();
      const restored = await e2e.http.get<{ items: OrganizationView[] }>('/api/v1/orgs', mentor.token);
      expect(restored.body.items.map((item) => item.id)).toEqual([orgId]);
      await expectCleanPage(page, `organization-restored-${width}`);

      expect(cspViolations).toEqual([]);
      expect(pageErrors).toEqual([]);
      await page.close();
    });
  }
});
