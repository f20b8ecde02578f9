import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
// The real API, Postgres and Redis, and the HTTP client and seeding helpers, come from the
// server's test harness: these suites drive the whole product, so they depend on server test
// code on purpose.
import {
  TEST_PASSWORD,
  makeMember,
  makeOrganization,
  makeUser,
  startTestWorker,
  useTestApi,
  type SignedUpUser,
  type TestApi,
  type TestApiHandle,
} from '@mentorship/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { InvitationTokens } from '@mentorship/organizations';
import type { AppConfig } from '@mentorship/platform';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page as BrowserPage } from 'playwright-core';

const WORKSPACE = path.resolve(__dirname, '../../../..');
const ADMIN_INDEX = path.join(WORKSPACE, 'dist/apps/admin/browser/index.html');
const SCREENSHOTS = path.join(WORKSPACE, 'tmp/screenshots');
/** The longest wait for a page's finite animations before it is checked or saved. */
const SETTLE_MS = 5_000;

let unique = 0;
/** Unique per test run and per call: every suite shares nothing but its own database. */
export function uniqueEmail(prefix: string): string {
  unique += 1;
  return `${prefix}-${Date.now()}-${unique}@example.com`;
}

export interface BrowserE2e extends TestApiHandle {
  readonly browser: Browser;
  /**
   * The real worker on this API's database and Redis namespace, for suites whose pages wait on
   * jobs. The harness stops it before the API and its database (see useBrowserE2e).
   */
  startWorker(): Promise<INestApplicationContext>;
  /** A new organization of a new admin, and a way to add members by role and display name. */
  organization(name: string): Promise<TestOrganization>;
  /** A page of its own at `viewport`, `user` signed in and on the first page their roles open. */
  signedIn(user: SignedUpUser, viewport?: Viewport): Promise<{ page: BrowserPage; pageErrors: string[] }>;
}

export interface TestOrganization {
  orgId: string;
  admin: SignedUpUser;
  /** A member who signed up and accepted an invitation with these roles. */
  member(roles: Parameters<typeof makeMember>[3], displayName: string): Promise<SignedUpUser>;
}

/** Debian's Chromium, with the flags this machine needs. */
function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * For the enclosing describe: the real API serving the built admin app (see useTestApi), and
 * Debian's Chromium; both stopped after the describe's tests.
 */
export function useBrowserE2e(options: { config?: Partial<AppConfig> } = {}): BrowserE2e {
  beforeAll(() => {
    if (!existsSync(ADMIN_INDEX))
      throw new Error(`No admin build at ${ADMIN_INDEX}: run \`npx nx build admin\` first.`);
  });
  const workers: INestApplicationContext[] = [];
  // Declared before useTestApi's afterAll: Jest runs afterAll hooks in the order they are
  // declared, so the workers stop before the API and its database are gone (a suite's own
  // `afterAll(() => worker.close())`, declared later, ran after the database was dropped).
  afterAll(async () => {
    for (const worker of workers.reverse()) await worker.close();
  });
  // `config` is read when the API starts: an earlier beforeAll may still fill it in (a sink's URL).
  const server = useTestApi({ serveAdmin: true, config: options.config });
  const handle = {
    get api() {
      return server.api;
    },
    get http() {
      return server.http;
    },
    browser: undefined as unknown as Browser,
    async startWorker() {
      const worker = await startTestWorker(server.api);
      workers.push(worker);
      return worker;
    },
    async organization(name: string): Promise<TestOrganization> {
      const admin = await makeUser(server.http, { displayName: 'Ada Admin' });
      const orgId = (await makeOrganization(server.http, admin, name)).id;
      const tokens = server.api.app.get(InvitationTokens);
      return {
        orgId,
        admin,
        member: (roles, displayName) =>
          makeMember(server.http, admin, orgId, roles, (id) => tokens.issue(orgId, id), { displayName }),
      };
    },
    async signedIn(user: SignedUpUser, viewport: Viewport = DESKTOP) {
      const opened = await openPage(handle.browser, viewport);
      await signIn(opened.page, server.api.baseUrl, user);
      // Each role lands on its own first page: members, home, cohorts or programs.
      await opened.page.waitForURL(/\/orgs\/[^/]+\/(members|home|cohorts|programs)$/);
      return opened;
    },
  };
  beforeAll(async () => {
    handle.browser = await launchChromium();
  });
  afterAll(() => handle.browser?.close());
  return handle;
}

/** The two widths every page is looked at: a laptop and a phone (WCAG's reflow width is 320). */
export const DESKTOP = { width: 1280, height: 900 } as const;
export const PHONE = { width: 390, height: 844 } as const;
export type Viewport = typeof DESKTOP | typeof PHONE;

/** How far the page reaches past the right edge of the window (0: nothing to scroll sideways). */
export async function horizontalOverflow(page: BrowserPage): Promise<number> {
  return (await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
}

/** A page that records uncaught errors, so a test can assert there were none. */
export async function openPage(
  browser: Browser,
  viewport: Viewport = DESKTOP,
): Promise<{ page: BrowserPage; pageErrors: string[] }> {
  // A context of its own (not browser.newPage()): axe-core's runner opens a page beside it.
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  // The page's context goes with it. When the page closes because the browser is closing (the
  // harness's afterAll, with a page a suite left open), closing its context rejects with "Target
  // page, context or browser has been closed": unhandled, that rejection failed every test of
  // the file after they had passed (seen as whole browser files failing on a loaded CI run).
  page.on('close', () => void context.close().catch(() => undefined));
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { page, pageErrors };
}

/** Saved once finite animations (dialog, snackbar, error fade-ins) are over, not mid-fade. */
export async function screenshot(page: BrowserPage, name: string): Promise<void> {
  await settleAnimations(page);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * What every page a browser test visits must pass: no serious or critical axe-core finding,
 * nothing past the window's right edge, and a screenshot (named for the page and width) to look at.
 */
export async function expectCleanPage(page: BrowserPage, name: string): Promise<void> {
  expect({ name, violations: await seriousAccessibilityViolations(page) }).toEqual({ name, violations: [] });
  expect({ name, overflow: await horizontalOverflow(page) }).toEqual({ name, overflow: 0 });
  await screenshot(page, name);
}

/** The confirmation came, then left: axe judges the page, not a message fading out. */
export async function confirmed(page: BrowserPage, message: string | RegExp): Promise<void> {
  const snackbar = page.locator('mat-snack-bar-container').filter({ hasText: message });
  await snackbar.waitFor();
  await snackbar.waitFor({ state: 'detached' });
}

/**
 * axe-core's serious and critical findings on the page as it is now (WCAG 2.1 A and AA), one
 * line each with the elements concerned, so a failing test says what to fix.
 */
export async function seriousAccessibilityViolations(page: BrowserPage): Promise<string[]> {
  // A violation counts only when a second look, after the page settled again, sees it too: a
  // snackbar that starts to leave while axe runs (CI saw `.mdc-snackbar__label` fail contrast
  // at half opacity) is gone or still on the second look; a real violation is on both.
  const first = await axeViolations(page);
  if (first.length === 0) return first;
  return axeViolations(page);
}

async function axeViolations(page: BrowserPage): Promise<string[]> {
  await settleAnimations(page);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    );
}

/**
 * Waits for the animations that end (dialog, snackbar, error fade-ins): checked or saved
 * mid-animation, half-transparent text fails the contrast rule and screenshots show a fade.
 * (A spinner animates forever: only animations that end are waited for.) A string: this
 * project's TypeScript has no DOM library.
 */
async function settleAnimations(page: BrowserPage): Promise<void> {
  // Bounded: page.evaluate has no timeout of its own, and an animation whose timeline does not
  // advance (a page Chromium is not painting, on a loaded machine) never finishes, which held a
  // browser step until Jest's timeout. After SETTLE_MS the check goes on with the page as it is.
  await page.evaluate(`Promise.race([
    Promise.all(document.getAnimations()
      .filter((animation) => animation.effect && animation.effect.getComputedTiming().endTime !== Infinity)
      .map((animation) => animation.finished.catch(() => undefined))),
    new Promise((settled) => setTimeout(settled, ${SETTLE_MS})),
  ])`);
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

/** Waits until the members page lists `email` in its table (signing in lands there). */
export async function membersPageShows(page: BrowserPage, email: string): Promise<void> {
  await page
    .getByRole('table', { name: 'Members' })
    .getByRole('cell', { name: email, exact: true })
    .waitFor();
}

/**
 * Records every Content-Security-Policy violation the page reports, as DOM events and as the
 * console errors Chromium prints for them. Call before the first navigation.
 */
export async function watchContentSecurityPolicy(page: BrowserPage): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  // A string: this project's TypeScript has no DOM library.
  await page.addInitScript(`document.addEventListener('securitypolicyviolation', (event) =>
    window.reportCspViolation(event.violatedDirective + ' blocked ' + event.blockedURI + ' ' + (event.sample || '')))`);
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}
