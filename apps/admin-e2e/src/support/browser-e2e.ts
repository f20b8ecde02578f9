import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { InvitationView, OrganizationRole, OrganizationView, SessionView } from '@mentorship/contracts';
// The real API, Postgres and Redis come from the server's test helper: these suites drive the
// whole product, so they depend on server test code on purpose.
import { startTestApi, type TestApi } from '@mentorship/testing';
import { InvitationTokens } from '@mentorship/organizations';
import { chromium, type Browser, type Page as BrowserPage } from 'playwright-core';

const WORKSPACE = path.resolve(__dirname, '../../../..');
const ADMIN_INDEX = path.join(WORKSPACE, 'dist/apps/admin/browser/index.html');
const SCREENSHOTS = path.join(WORKSPACE, 'tmp/screenshots');

export const PASSWORD = 'correct horse battery staple';

export interface SeededUser {
  email: string;
  password: string;
  session: SessionView;
}

export interface SeededAdmin extends SeededUser {
  organization: OrganizationView;
}

let unique = 0;
/** Unique per test run and per call: every suite shares nothing but its own database. */
export function uniqueEmail(prefix: string): string {
  unique += 1;
  return `${prefix}-${Date.now()}-${unique}@example.com`;
}

/** The real API serving the built admin app, and Debian's Chromium. */
export async function startBrowserE2e(): Promise<{ api: TestApi; browser: Browser }> {
  if (!existsSync(ADMIN_INDEX)) {
    throw new Error(`No admin build at ${ADMIN_INDEX}: run \`npx nx build admin\` first.`);
  }
  const api = await startTestApi({ serveAdmin: true });
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  return { api, browser };
}

/** A page that records uncaught errors, so a test can assert there were none. */
export async function openPage(browser: Browser): Promise<{ page: BrowserPage; pageErrors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { page, pageErrors };
}

/** Saved once finite animations (dialog, snackbar, error fade-ins) are over, not mid-fade. */
export async function screenshot(page: BrowserPage, name: string): Promise<void> {
  // A string: this project's TypeScript has no DOM library.
  await page.evaluate(`Promise.all(
    document
      .getAnimations()
      .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
      .map((animation) => animation.finished.catch(() => undefined)),
  )`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export async function seedUser(baseUrl: string, prefix: string, displayName: string): Promise<SeededUser> {
  const email = uniqueEmail(prefix);
  const session = await apiRequest<SessionView>(baseUrl, 'POST', '/auth/sign-up', null, {
    email,
    password: PASSWORD,
    displayName,
  });
  return { email, password: PASSWORD, session };
}

export async function seedAdminWithOrganization(baseUrl: string): Promise<SeededAdmin> {
  const admin = await seedUser(baseUrl, 'admin', 'Ada Admin');
  const organization = await apiRequest<OrganizationView>(
    baseUrl,
    'POST',
    '/orgs',
    admin.session.accessToken,
    {
      name: 'Northwind Mentoring',
    },
  );
  // Only admins see the invite button; the creator must be one.
  expect(organization.roles).toContain('admin');
  return { ...admin, organization };
}

export function invite(
  baseUrl: string,
  admin: SeededAdmin,
  email: string,
  roles: OrganizationRole[],
): Promise<InvitationView> {
  return apiRequest<InvitationView>(
    baseUrl,
    'POST',
    `/orgs/${admin.organization.id}/invitations`,
    admin.session.accessToken,
    { email, roles },
  );
}

/**
 * The link the invitation email carries, built by the API's own provider. The API builds it
 * from PUBLIC_URL (the admin app's origin); here the admin app is served by the test API.
 */
export function acceptLink(api: TestApi, orgId: string, invitationId: string): string {
  const emailed = new URL(api.app.get(InvitationTokens).acceptUrl(orgId, invitationId));
  return `${api.baseUrl}${emailed.pathname}${emailed.search}`;
}

/** A member who joined through an invitation, entirely over HTTP. */
export async function seedMember(
  api: TestApi,
  admin: SeededAdmin,
  displayName: string,
  roles: OrganizationRole[],
): Promise<SeededUser> {
  const member = await seedUser(api.baseUrl, 'member', displayName);
  const invitation = await invite(api.baseUrl, admin, member.email, roles);
  const token = api.app.get(InvitationTokens).issue(admin.organization.id, invitation.id);
  await apiRequest(
    api.baseUrl,
    'POST',
    `/orgs/${admin.organization.id}/invitations/accept`,
    member.session.accessToken,
    { token },
  );
  return member;
}

export async function signIn(page: BrowserPage, baseUrl: string, user: SeededUser): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function apiRequest<T>(
  baseUrl: string,
  method: 'GET' | 'POST' | 'DELETE',
  apiPath: string,
  accessToken: string | null,
  body?: unknown,
): Promise<T> {
  const response = await apiResponse(baseUrl, method, apiPath, accessToken, body);
  if (!response.ok) {
    throw new Error(`${method} ${apiPath} answered ${response.status}: ${await response.text()}`);
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** The raw answer, for tests that expect a refusal. */
export function apiResponse(
  baseUrl: string,
  method: 'GET' | 'POST' | 'DELETE',
  apiPath: string,
  accessToken: string | null,
  body?: unknown,
): Promise<Response> {
  return fetch(`${baseUrl}/api/v1${apiPath}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(accessToken ? { Authorization: `Bearer ${accessToken}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
