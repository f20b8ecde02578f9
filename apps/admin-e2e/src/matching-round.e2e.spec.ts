import type { RoundView } from '@mentorship/contracts';
import { makeRoundCohort, type RoundCohort, type SignedUpUser } from '@mentorship/testing';
import type { Page as BrowserPage } from 'playwright-core';
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

const FIRST = [
  'Ada',
  'Ben',
  'Chloé',
  'Dev',
  'Eun-ji',
  'Femi',
  'Greta',
  'Hugo',
  'Ines',
  'Jonas',
  'Kemal',
  'Lea',
];
const LAST = ['Okafor', 'Lindqvist', 'Moreau', 'Patel', 'Kim', 'Adeyemi', 'Novak', 'Rossi', 'Silva', 'Weber'];
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** Issue 8, points 7 and 8: the coordinator's round page, from the first round to publication. */
describe('a matching round in the admin app', () => {
  const e2e = useBrowserE2e();

  let admin: SignedUpUser;
  let coordinator: SignedUpUser;
  let orgId: string;

  beforeAll(async () => {
    const org = await e2e.organization('Northwind Mentoring');
    ({ admin, orgId } = org);
    coordinator = await org.member(['coordinator'], 'Cora Coordinator');
  });

  /** A cohort in matching with profiled mentors and mentees, named as people are. */
  async function cohortOf(mentors: number, mentees: number): Promise<RoundCohort> {
    const cohort = await makeRoundCohort(e2e.http, e2e.api.db, admin, orgId, {
      mentors,
      mentees,
      capacity: 2,
    });
    const people = [...cohort.mentors, ...cohort.mentees];
    await e2e.api.db.query(
      `UPDATE users u SET display_name = t.name FROM unnest($1::uuid[], $2::text[]) AS t(id, name) WHERE u.id = t.id`,
      [
        people.map((p) => p.id),
        people.map((_, i) => `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`),
      ],
    );
    return cohort;
  }

  async function open(viewport: Viewport = DESKTOP) {
    const { page, pageErrors } = await openPage(e2e.browser, viewport);
    const violations = await watchContentSecurityPolicy(page);
    await signIn(page, e2e.api.baseUrl, coordinator);
    await page.waitForURL(/\/orgs\/[^/]+\/(members|home|programs)/);
    return { page, pageErrors, violations };
  }

  const roundOf = async (roundId: string) =>
    (await e2e.http.get<RoundView>(`/api/v1/orgs/${orgId}/matching-rounds/${roundId}`, coordinator.token))
      .body;
  const roundIdIn = (page: BrowserPage) => new RegExp(`/rounds/(${UUID})$`).exec(page.url())?.[1] ?? '';

  describe('a coordinator runs a round, sees its progress and proposals, forbids a pair, re-runs, sees the diff and publishes', () => {
    // One page through the steps (each step a test of its own, so each has Jest's whole timeout).
    let cohort: RoundCohort;
    let session: Awaited<ReturnType<typeof open>>;
    let page: BrowserPage;
    let first: RoundView;
    let second: RoundView;
    let firstId: string;
    let secondId: string;
    beforeAll(async () => {
      cohort = await cohortOf(5, 14);
      session = await open();
      page = session.page;
    });
    // Not closed here: the harness closes the browser, and a page closed just before it would
    // close its context while the browser goes (an unhandled rejection that fails the file).

    it('starts a round and shows it waiting, then its explained proposals', async () => {
      await page.goto(`${e2e.api.baseUrl}/orgs/${orgId}/cohorts/${cohort.cohortId}`);
      await page.getByRole('link', { name: 'Run a matching round' }).click();
      await page.waitForURL(/\/rounds$/);
      await page.getByRole('radio', { name: /Most mentees matched first/ }).check();
      await page.getByRole('radio', { name: /^Exact/ }).check();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'round-start-1280');

      // No worker yet: the round waits in the queue, and the page says so on its progress bar.
      await page.getByRole('button', { name: 'Run the round' }).click();
      await page.waitForURL(new RegExp(`/rounds/${UUID}$`));
      const progress = page.getByRole('progressbar', { name: 'Round progress' });
      await progress.waitFor();
      await page.getByText('Waiting for a worker to take the round').waitFor();
      expect(await progress.getAttribute('aria-valuenow')).toBe('0');
      firstId = roundIdIn(page);
      expect((await roundOf(firstId)).objective).toBe('max-matched-then-score');

      await e2e.startWorker();
      await page.getByRole('table', { name: 'Proposals' }).waitFor();
      await progress.waitFor({ state: 'detached' });
      first = await roundOf(firstId);
      expect(first.status).toBe('completed');
      await page.getByText(`${first.matchedCount} of 14 mentees`).waitFor();
      // Every proposal says why, in words: its components and their points.
      const rows = page.getByRole('table', { name: 'Proposals' }).getByRole('row');
      // The table frame is there before its page of proposals arrives: wait for the last row.
      const shown = Math.min(25, first.matchedCount!) + 1;
      await rows.nth(shown - 1).waitFor();
      expect(await rows.count()).toBe(shown);
      await expect(
        page.getByRole('list', { name: /^Why / }).first().getByRole('listitem').first().textContent(),
      ).resolves.toMatch(/\+\d+/);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'round-proposals-1280');
    });

    it('filters the proposals by name and by score', async () => {
      const busiest = first.mentorLoad.find((m) => m.assigned > 0)!;
      const top = first.people.find((p) => p.userId === busiest.mentorUserId)!;
      await page.getByLabel('Name or email').fill(top.name);
      await page.getByLabel('Name or email').press('Enter');
      await page
        .getByRole('button', { name: new RegExp(`^Forbid .+ with ${top.name}$`) })
        .first()
        .waitFor();
      await page.getByLabel('Name or email').fill('');
      await page.getByLabel('Name or email').press('Enter');
      await page.getByLabel('Score from').fill('100');
      await page.getByLabel('Score from').press('Enter');
      await page.getByText('No proposal matches these filters.').waitFor();
      await page.getByLabel('Score from').fill('');
      await page.getByLabel('Score from').press('Enter');
      await page
        .getByRole('button', { name: /^Forbid / })
        .first()
        .waitFor();
    });

    it('forbids a pair and re-runs: a new round, with the diff against the first', async () => {
      const forbid = page.getByRole('button', { name: /^Forbid / }).first();
      const label = (await forbid.getAttribute('aria-label'))!;
      const [, menteeName, mentorName] = /^Forbid (.+) with (.+)$/.exec(label)!;
      await forbid.click();
      await page.getByText('To forbid in the re-run').waitFor();
      await page.getByText('For the re-run: 1 to forbid.').waitFor();
      await page.getByRole('button', { name: 'Re-run with these decisions' }).click();
      await page.waitForURL((url) => url.pathname.endsWith('/rounds/' + firstId) === false);
      await page.getByRole('heading', { name: 'Changes against the previous round' }).waitFor();
      secondId = roundIdIn(page);
      second = await roundOf(secondId);
      expect(second.previousRoundId).toBe(firstId);
      const names = new Map(second.people.map((p) => [p.name, p.userId]));
      expect(second.forbiddenPairs).toEqual([
        { menteeUserId: names.get(menteeName), mentorUserId: names.get(mentorName) },
      ]);
      const diff = page.getByRole('region', { name: 'Changes against the previous round' });
      await diff.getByText(menteeName, { exact: false }).first().waitFor();
      expect(await diff.textContent()).toContain(
        `${second.diff!.totalScoreBefore.toFixed(1)} → ${second.diff!.totalScoreAfter.toFixed(1)}`,
      );
      await page.getByRole('table', { name: 'Proposals' }).waitFor();
      expect(
        await page.getByRole('button', { name: `Forbid ${menteeName} with ${mentorName}` }).count(),
      ).toBe(0);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'round-rerun-diff-1280');
    });

    it("shows the unmatched mentees with the engine's reason, and the mentor load as a chart and a table", async () => {
      await page.getByRole('tab', { name: /^Unmatched/ }).click();
      if (second.unmatched.length > 0) await page.getByText(second.unmatched[0].message).first().waitFor();
      await page.getByRole('tab', { name: 'Mentor load' }).click();
      await page.locator('mm-bar-chart canvas').waitFor();
      await page.getByRole('button', { name: 'Show as a table' }).click();
      const load = page.getByRole('table', { name: 'Mentees proposed per mentor, and places left' });
      await load.getByRole('row').nth(second.mentorLoad.length).waitFor();
      expect(await load.getByRole('row').count()).toBe(second.mentorLoad.length + 1);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'round-mentor-load-1280');
    });

    it('dry-runs other weights: a diff, and nothing saved', async () => {
      await page.getByRole('tab', { name: 'Dry run' }).click();
      await page.getByLabel('Skills weight').fill('0');
      await page.getByLabel('Time zone weight').fill('100');
      await page.getByRole('button', { name: 'Dry run', exact: true }).click();
      await page.getByRole('heading', { name: 'Dry run: what would change' }).waitFor();
      await page.getByText(/^Nothing was saved\./).waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'round-dry-run-1280');
      const rounds = await e2e.api.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM matching_rounds WHERE organization_id = $1 AND cohort_id = $2`,
        [orgId, cohort.cohortId],
      );
      expect(rounds[0].n).toBe(2);
    });

    it('fits a phone: row decisions in a menu, nothing to scroll sideways', async () => {
      const phone = await open(PHONE);
      await phone.page.goto(page.url());
      await phone.page.getByRole('table', { name: 'Proposals' }).waitFor();
      await phone.page
        .getByRole('button', { name: /^Decide on / })
        .first()
        .waitFor();
      expect(await horizontalOverflow(phone.page)).toBe(0);
      expect(await seriousAccessibilityViolations(phone.page)).toEqual([]);
      await screenshot(phone.page, 'round-proposals-390');
      await phone.page.getByRole('tab', { name: 'Mentor load' }).click();
      await phone.page.locator('mm-bar-chart canvas').waitFor();
      await screenshot(phone.page, 'round-mentor-load-390');
      expect(phone.pageErrors).toEqual([]);
      expect(phone.violations).toEqual([]);
      await phone.page.context().close();
    });

    it('publishes after a confirmation: the proposals become matches and the page is read-only', async () => {
      await page.getByRole('tab', { name: /^Proposals/ }).click();
      await page.getByRole('button', { name: 'Publish…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Publish this round?' });
      await dialog.getByText(`Its ${second.matchedCount} proposals become matches`).waitFor();
      await screenshot(page, 'round-publish-confirm-1280');
      await dialog.getByRole('button', { name: 'Publish' }).click();
      await page.getByText('the proposals are matches now', { exact: false }).waitFor();
      // The banner and the read-only table follow from the same published round, but the table
      // drops its actions column when it next renders its rows, which can be a tick later: wait
      // for the buttons to go before counting (a count right after the banner raced it).
      await page
        .getByRole('button', { name: /^(Fix|Forbid) / })
        .first()
        .waitFor({ state: 'detached' });
      expect(await page.getByRole('button', { name: /^(Fix|Forbid) / }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Re-run/ }).count()).toBe(0);
      expect((await roundOf(secondId)).status).toBe('published');
      const matchIds = await e2e.api.db.query<{ id: string }>(
        `SELECT id FROM matches WHERE organization_id = $1 AND origin_id = $2`,
        [orgId, secondId],
      );
      expect(matchIds).toHaveLength(second.matchedCount!);
      const match = await e2e.http.get<{ menteeUserId: string; mentorUserId: string; status: string }>(
        `/api/v1/orgs/${orgId}/matches/${matchIds[0].id}`,
        coordinator.token,
      );
      expect(match.status).toBe(200);
      expect(match.body.status).toBe('trial');
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'round-published-1280');
      expect(session.pageErrors).toEqual([]);
      expect(session.violations).toEqual([]);
    });
  });

  it('says in words that a round of the cohort is running already, and that a round is too large', async () => {
    const cohort = await cohortOf(1, 2);
    const [{ id: runningId }] = await e2e.api.db.query<{ id: string }>(
      `INSERT INTO matching_rounds (organization_id, id, cohort_id, status, objective, mode, created_by, phase, percent)
       VALUES ($1, gen_random_uuid(), $2, 'running', 'max-score', 'exact', $3, 'solving', 62) RETURNING id`,
      [orgId, cohort.cohortId, admin.id],
    );
    const { page, pageErrors } = await open();
    await page.goto(`${e2e.api.baseUrl}/orgs/${orgId}/cohorts/${cohort.cohortId}/rounds`);
    await page.getByRole('button', { name: 'Run the round' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('A round of this cohort is already running.').waitFor();
    await alert.getByRole('link', { name: 'Open the running round' }).click();
    await page.waitForURL(new RegExp(`/rounds/${runningId}$`));
    await page.getByText('Finding the best pairing: 62 %').waitFor();
    await screenshot(page, 'round-running-1280');

    const message =
      'This round is too large for one exact solve: 9000 mentees with 4000000 possible pairs. Split the cohort into smaller cohorts and run a round for each.';
    await e2e.api.db.query(
      `UPDATE matching_rounds SET status = 'failed', phase = NULL, failure_code = 'round_too_large', failure_message = $3
        WHERE organization_id = $1 AND id = $2`,
      [orgId, runningId, message],
    );
    await page.reload();
    await page.getByRole('alert').getByText(message).waitFor();
    // A failed round frees the cohort: the start form is back.
    await page.getByRole('button', { name: 'Run the round' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'round-too-large-1280');
    expect(pageErrors).toEqual([]);
  });
});
