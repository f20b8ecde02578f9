import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { InvitationView, OrganizationView, Page, SessionView } from '@mentorship/contracts';
// The real API, Postgres and Redis come from the server's test helper: this suite drives the
// whole product, so it depends on server test code on purpose.
import { startTestApi } from '@mentorship/testing';
import { chromium, type Browser, type Page as BrowserPage } from 'playwright-core';

const WORKSPACE = path.resolve(__dirname, '../../..');
const ADMIN_INDEX = path.join(WORKSPACE, 'dist/apps/admin/browser/index.html');
const SCREENSHOTS = path.join(WORKSPACE, 'tmp/screenshots');

interface SeededAdmin {
  email: string;
  password: string;
  session: SessionView;
  organization: OrganizationView;
}

describe('admin members page', () => {
  let api: { baseUrl: string; close(): Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(ADMIN_INDEX)) {
      throw new Error(`No admin build at ${ADMIN_INDEX}: run \`npx nx build admin\` first.`);
    }
    api = await startTestApi({ serveAdmin: true });
    browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('invites a member by email and lists the invitation as pending', async () => {
    const admin = await seedAdminWithOrganization(api.baseUrl);
    const invitee = `invitee-${Date.now()}@example.com`;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await signIn(page, api.baseUrl, admin);
    // With one organization, signing in lands on its members page.
    await page.waitForURL(`**/orgs/${admin.organization.id}/members`);
    await page
      .getByRole('table', { name: 'Members' })
      .getByRole('cell', { name: admin.email, exact: true })
      .waitFor();

    await page.getByRole('button', { name: 'Invite member' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite a member' });
    await dialog.getByLabel('Email').fill(invitee);
    // Mentee is preselected; add Mentor, then close the option panel (not the dialog).
    await dialog.getByRole('combobox', { name: 'Roles' }).click();
    await page.getByRole('option', { name: 'Mentor', exact: true }).click();
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const pending = page.getByRole('region', { name: 'Pending invitations' });
    await pending.getByText(invitee).waitFor();

    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'members.png'), fullPage: true });

    // The page shows it because the API stored it, not because the page remembered it.
    const invitations = await apiRequest<Page<InvitationView>>(
      api.baseUrl,
      'GET',
      `/orgs/${admin.organization.id}/invitations?page=1&pageSize=100`,
      admin.session.accessToken,
    );
    expect(invitations.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          email: invitee,
          status: 'pending',
          roles: expect.arrayContaining(['mentee', 'mentor']),
        }),
      ]),
    );
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});

async function seedAdminWithOrganization(baseUrl: string): Promise<SeededAdmin> {
  const email = `admin-${Date.now()}@example.com`;
  const password = 'correct horse battery staple';
  const session = await apiRequest<SessionView>(baseUrl, 'POST', '/auth/sign-up', null, {
    email,
    password,
    displayName: 'Ada Admin',
  });
  const organization = await apiRequest<OrganizationView>(baseUrl, 'POST', '/orgs', session.accessToken, {
    name: 'Northwind Mentoring',
  });
  // Only admins see the invite button; the creator must be one.
  expect(organization.roles).toContain('admin');
  return { email, password, session, organization };
}

async function signIn(page: BrowserPage, baseUrl: string, admin: SeededAdmin): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function apiRequest<T>(
  baseUrl: string,
  method: 'GET' | 'POST',
  apiPath: string,
  accessToken: string | null,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${baseUrl}/api/v1${apiPath}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(accessToken ? { Authorization: `Bearer ${accessToken}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`${method} ${apiPath} answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as T;
}
