import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
// The real API, Postgres and Redis, and the HTTP client and seeding helpers, come from the
// server's test harness: these suites drive the whole product, so they depend on server test
// code on purpose.
import {
  TEST_PASSWORD,
  useTestApi,
  type SignedUpUser,
  type TestApi,
  type TestApiHandle,
} from '@mentorship/testing';
import { InvitationTokens } from '@mentorship/organizations';
import { chromium, type Browser, type Page as BrowserPage } from 'playwright-core';

const WORKSPACE = path.resolve(__dirname, '../../../..');
const ADMIN_INDEX = path.join(WORKSPACE, 'dist/apps/admin/browser/index.html');
const SCREENSHOTS = path.join(WORKSPACE, 'tmp/screenshots');

let unique = 0;
/** Unique per test run and per call: every suite shares nothing but its own database. */
export function uniqueEmail(prefix: string): string {
  unique += 1;
  return `${prefix}-${Date.now()}-${unique}@example.com`;
}

export interface BrowserE2e extends TestApiHandle {
  readonly browser: Browser;
}

/**
 * For the enclosing describe: the real API serving the built admin app (see useTestApi),
 * and Debian's Chromium; both stopped after the describe's tests.
 */
export function useBrowserE2e(): BrowserE2e {
  beforeAll(() => {
    if (!existsSync(ADMIN_INDEX))
      throw new Error(`No admin build at ${ADMIN_INDEX}: run \`npx nx build admin\` first.`);
  });
  const server = useTestApi({ serveAdmin: true });
  const handle = {
    get api() {
      return server.api;
    },
    get http() {
      return server.http;
    },
    browser: undefined as unknown as Browser,
  };
  beforeAll(async () => {
    handle.browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });
  afterAll(() => handle.browser?.close());
  return handle;
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

/**
 * The link the invitation email carries, built by the API's own provider. The API builds it
 * from PUBLIC_URL (the admin app's origin); here the admin app is served by the test API.
 */
export function acceptLink(api: TestApi, orgId: string, invitationId: string): string {
  const emailed = new URL(api.app.get(InvitationTokens).acceptUrl(orgId, invitationId));
  return `${api.baseUrl}${emailed.pathname}${emailed.search}`;
}

/** Signs `user` in through the sign-in page, with the harness's password. */
export async function signIn(page: BrowserPage, baseUrl: string, user: SignedUpUser): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
