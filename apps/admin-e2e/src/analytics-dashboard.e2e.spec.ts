import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { makeOrganization, makeUser, type SignedUpUser, waitFor } from '@mentorship/testing';
import type { Locator, Page as BrowserPage } from 'playwright-core';
// The demo seed's own history: the dashboard is tested on what a new admin of the demo sees.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { seedDemoHistory } from '../../../scripts/ts/demo-history';
import {
  DESKTOP,
  PHONE,
  horizontalOverflow,
  openPage,
  screenshot,
  seriousAccessibilityViolations,
  signIn,
  useBrowserE2e,
  watchContentSecurityPolicy,
  type Viewport,
} from './support/browser-e2e';

const AUTOMATIC = 'Engineering Mentoring';
const CHOICE = 'Career Conversations';

interface FunnelAnswer {
  stages: { stage: string; matches: number }[];
}

/** Picks an option of a Material select from the keyboard (as programs-cohorts.e2e does). */
async function choose(page: BrowserPage, select: Locator, option: string): Promise<void> {
  await select.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).waitFor({ state: 'detached' });
}

/** Whether the chart's canvas has drawn pixels (chart.js drew something, not a blank box). */
async function drawn(figure: Locator): Promise<boolean> {
  return figure.locator('canvas').evaluate((canvas) => {
    const c = canvas as unknown as {
      width: number;
      height: number;
      getContext(kind: '2d'): {
        getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
      };
    };
    if (c.width === 0 || c.height === 0) return false;
    const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
    return false;
  });
}

/** Issue 11.3 and 11.5: the analytics dashboard, on a year of the demo organization's history. */
describe('the analytics dashboard in the admin app', () => {
  const e2e = useBrowserE2e();
  let admin: SignedUpUser;
  let coordinator: SignedUpUser;
  let orgId: string;

  beforeAll(async () => {
    const org = await e2e.organization('Northwind Mentoring');
    ({ admin, orgId } = org);
    coordinator = await org.member(['coordinator'], 'Cora Coordinator');
    for (const [name, matchingMode] of [
      [AUTOMATIC, 'automatic'],
      [CHOICE, 'mentee-choice'],
    ] as const) {
      const created = await e2e.http.post(
        `/api/v1/orgs/${orgId}/programs`,
        { name, settings: { matchingMode, trialDays: 30, pulseIntervalDays: 30 } },
        admin.token,
      );
      expect(created.status).toBe(201);
    }
    // The demo organization's year of history (and its rollup), written into this organization.
    expect(await seedDemoHistory(e2e.api.app, orgId, [AUTOMATIC, CHOICE], admin.email)).toBe(true);
  });

  async function open(viewport: Viewport, who: SignedUpUser = coordinator) {
    const { page, pageErrors } = await openPage(e2e.browser, viewport);
    const violations = await watchContentSecurityPolicy(page);
    await signIn(page, e2e.api.baseUrl, who);
    await page.waitForURL(/\/orgs\/[^/]+\/(members|home|programs)/);
    return { page, pageErrors, violations };
  }

  /** Waits for the dashboard's next read of `chart` (its request carries the filter). */
  const nextRead = (page: BrowserPage, chart: string, query = /./) =>
    page.waitForResponse((r) => r.url().includes(`/analytics/${chart}?`) && query.test(r.url()) && r.ok());

  describe('a coordinator opens it, filters it, reads a chart as a table and downloads its CSV', () => {
    let session: Awaited<ReturnType<typeof open>>;
    let page: BrowserPage;
    beforeAll(async () => {
      session = await open(DESKTOP);
      page = session.page;
    });
    // This page downloaded files: its context is closed (and awaited) before the harness closes the
    // browser, which would otherwise close it mid-way and leave that rejection unhandled.
    afterAll(() => page?.context().close());

    it('opens from the nav bar with real curves drawn at once', async () => {
      const read = nextRead(page, 'retention');
      await page.getByRole('link', { name: 'Analytics' }).click();
      await page.waitForURL(/\/analytics$/);
      await read;
      await page.getByRole('heading', { name: 'Analytics' }).waitFor();
      const retention = page.getByRole('figure', { name: /Cohort retention/ });
      await retention.waitFor();
      await waitFor(() => drawn(retention), 'the retention curves drawn', 30_000);
      for (const name of [
        /Trial funnel/,
        /Time to match/,
        /Engagement over time/,
        /Mentor utilization/,
        /Participants vs non-participants/,
      ])
        await page.getByRole('figure', { name }).waitFor();
      await page
        .getByText(
          'a membership that ends (the person is removed from the organization) is the outcome proxy',
        )
        .waitFor();
      const comparison = page.getByRole('table', { name: 'Cohorts compared' });
      expect(await comparison.getByRole('row').count()).toBeGreaterThanOrEqual(4);
      expect(session.pageErrors).toEqual([]);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'analytics-dashboard-1280');
    });

    it('narrows every chart to a program, then a cohort of it', async () => {
      const read = nextRead(page, 'cohorts', /programId=/);
      await choose(page, page.getByRole('combobox', { name: 'Program' }), CHOICE);
      await read;
      // Every row of the comparison is of the program, once the page has drawn the new answer.
      const firstCells = page
        .getByRole('table', { name: 'Cohorts compared' })
        .locator('tbody tr td:first-child');
      await waitFor(
        async () => (await firstCells.allTextContents()).every((text) => text.includes(CHOICE)),
        "the comparison narrowed to the program's cohorts",
        30_000,
      );
      const cohorts = (await firstCells.allTextContents()).map((text) => text.replace(CHOICE, '').trim());
      expect(cohorts.length).toBeGreaterThanOrEqual(2);
      expect(cohorts.every((name) => name.endsWith('conversations'))).toBe(true);

      // The cohort choices are the program's only.
      await page.getByRole('combobox', { name: 'Cohort' }).focus();
      await page.keyboard.press('Enter');
      const options = (await page.getByRole('option').allTextContents()).map((t) => t.trim());
      expect([options[0], options.slice(1).sort()]).toEqual(['All cohorts', [...cohorts].sort()]);
      await page.keyboard.press('Escape');
      await page.getByRole('option').first().waitFor({ state: 'detached' });

      const narrowed = nextRead(page, 'trial-funnel', /cohortId=/);
      await choose(page, page.getByRole('combobox', { name: 'Cohort' }), cohorts[0]!);
      await narrowed;
      await waitFor(
        async () => (await firstCells.count()) === 1,
        'the comparison narrowed to the cohort',
        30_000,
      );
    });

    it('narrows the dates, shows the funnel as a table and downloads the same numbers as CSV', async () => {
      const from = page.getByLabel('From', { exact: true });
      const current = await from.inputValue();
      const later = new Date(Date.parse(current) + 30 * 86_400_000).toISOString().slice(0, 10);
      const read = nextRead(page, 'trial-funnel', new RegExp(`from=${later}`));
      await from.fill(later);
      await from.press('Tab');
      // The same read as the page's, answered again through the API (the browser's copy may be gone).
      const asked = new URL((await read).url());
      const answer = (
        await e2e.http.get<FunnelAnswer & { filter: { from: string; to: string } }>(
          asked.pathname + asked.search,
          coordinator.token,
        )
      ).body;
      expect(answer.filter.from).toBe(later);

      const funnel = page.getByRole('figure', { name: /Trial funnel/ });
      await funnel.getByRole('button', { name: 'Show as a table' }).click();
      const table = funnel.getByRole('table');
      await table.waitFor({ state: 'visible' });
      expect(await table.getByRole('row').count()).toBe(answer.stages.length + 1);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        funnel.getByRole('button', { name: 'Download CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(
        `trial-funnel-${answer.filter.from}-to-${answer.filter.to}.csv`,
      );
      const rows = parse(await readFile(await download.path(), 'utf8'), { columns: true }) as Record<
        string,
        string
      >[];
      await download.delete();
      expect(rows).toEqual(
        answer.stages.map((s) => ({
          Stage: s.stage.charAt(0).toUpperCase() + s.stage.slice(1),
          Matches: String(s.matches),
        })),
      );
      expect(answer.stages.some((s) => s.matches > 0)).toBe(true);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'analytics-dashboard-filtered-1280');
    });

    it("downloads a cohort's check-ins from the comparison table, streamed by the server", async () => {
      const comparison = page.getByRole('table', { name: 'Cohorts compared' });
      await comparison
        .getByRole('button', { name: /^Export / })
        .first()
        .click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('menuitem', { name: 'Check-ins (CSV)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/-check-ins\.csv$/);
      const text = await readFile(await download.path(), 'utf8');
      await download.delete();
      expect(text.split('\r\n')[0]).toBe(
        'check_in_id,match_id,mentor_user_id,mentee_user_id,held_on,duration_minutes,logged_by_user_id,logged_at,shared_notes,private_notes,action_items,action_items_done,milestones_done',
      );
      expect(text.split('\r\n').length).toBeGreaterThan(3);
      expect(session.pageErrors).toEqual([]);
      expect(session.violations).toEqual([]);
    });
  });

  it('fits a phone: one column, no sideways scrolling, 0 serious or critical axe findings', async () => {
    const { page, pageErrors } = await open(PHONE, admin);
    const read = nextRead(page, 'retention');
    await page.goto(`${e2e.api.baseUrl}/orgs/${orgId}/analytics`);
    await read;
    await page.getByRole('figure', { name: /Cohort retention/ }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'analytics-dashboard-390');
    expect(pageErrors).toEqual([]);
  });

  it('says what to do where there is no data yet', async () => {
    const newcomer = await makeUser(e2e.http, { displayName: 'Nia Newcomer' });
    const emptyOrg = (await makeOrganization(e2e.http, newcomer, 'Empty Mentoring')).id;
    const { page } = await open(DESKTOP, newcomer);
    const read = nextRead(page, 'cohorts');
    await page.goto(`${e2e.api.baseUrl}/orgs/${emptyOrg}/analytics`);
    await read;
    await page.getByRole('heading', { name: 'Cohort retention' }).waitFor();
    expect(
      await page.getByText(/Nothing in the rollups for these filters yet/).count(),
    ).toBeGreaterThanOrEqual(5);
    expect(await page.getByRole('figure').count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'analytics-dashboard-empty-1280');
  });
});
