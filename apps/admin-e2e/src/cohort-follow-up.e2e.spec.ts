import { randomUUID } from 'node:crypto';
import type { SignedUpUser } from '@mentorship/testing';
import type { Page as BrowserPage } from 'playwright-core';
import { DESKTOP, PHONE, expectCleanPage, useBrowserE2e, type Viewport } from './support/browser-e2e';

/** Each test's bound: a few page loads and axe checks, minutes on a loaded machine. */
const STEP_MS = 240_000;

/**
 * Issue 9, point 9: a coordinator follows a cohort from its page — every match in every state
 * (filtered by state, each opening its match page), what needs attention in that cohort, and the
 * feedback in aggregate (recommendation score, pulse, success measures, unattributed comments) —
 * checked with axe-core at desktop and phone width.
 */
describe('a coordinator follows a cohort: its matches and its feedback', () => {
  const e2e = useBrowserE2e();
  let world: Awaited<ReturnType<typeof seed>>;

  async function seed() {
    const { orgId, admin, member } = await e2e.organization('Follow-up Mentoring');
    const coordinator = await member(['coordinator'], 'Cora Coordinator');
    const program = await e2e.http.post<{ id: string }>(
      `/api/v1/orgs/${orgId}/programs`,
      { name: 'Engineering mentoring', settings: { privateNotesToCoordinators: true } },
      admin.token,
    );
    const cohort = await e2e.http.post<{ id: string }>(
      `/api/v1/orgs/${orgId}/programs/${program.body.id}/cohorts`,
      { name: 'Spring cohort', startsOn: '2026-04-01', endsOn: '2099-09-30' },
      admin.token,
    );
    const pairs = [
      ['Ana Active', 'Max Mentor', 'active', 30],
      ['Tia Trial', 'Nia Mentor', 'trial', 5],
      ['Eli Ended', 'Oli Mentor', 'ended', 2],
    ] as const;
    const matchIds: Record<string, string> = {};
    const mentees: SignedUpUser[] = [];
    for (const [menteeName, mentorName, status, daysAgo] of pairs) {
      const mentee = await member(['mentee'], menteeName);
      const mentor = await member(['mentor'], mentorName);
      mentees.push(mentee);
      const id = randomUUID();
      matchIds[status] = id;
      await e2e.api.db.query(
        `INSERT INTO matches (organization_id, id, cohort_id, mentor_user_id, mentee_user_id, status, origin,
                              status_changed_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'round', now() - make_interval(days => $7::int),
                 now() - make_interval(days => $7::int))`,
        [orgId, id, cohort.body.id, mentor.id, mentee.id, status, daysAgo],
      );
    }
    // The end-of-cohort survey (10, 9, 3: two promoters, one detractor), a pulse and outcomes.
    for (const [index, recommend] of [10, 9, 3].entries())
      await e2e.api.db.query(
        `INSERT INTO cohort_survey_answers (organization_id, cohort_id, user_id, recommend, comment, answered_at)
         VALUES ($1, $2, $3, $4, $5, now())`,
        [orgId, cohort.body.id, mentees[index]!.id, recommend, index === 2 ? 'Too few meetings.' : null],
      );
    for (const [side, rating] of [
      ['mentee', 5],
      ['mentor', 4],
    ] as const)
      await e2e.api.db.query(
        `INSERT INTO pulse_answers (organization_id, match_id, side, period, rating, comment, answered_by, answered_at)
         VALUES ($1, $2, $3, 0, $4, NULL, $5, now())`,
        [orgId, matchIds['active'], side, rating, mentees[0]!.id],
      );
    await e2e.api.db.query(
      `INSERT INTO match_outcomes (organization_id, match_id, side, skills_gained, project_completed, career_step,
                                   network_grown, reported_by, reported_at)
       VALUES ($1, $2, 'mentee', '["Public speaking"]', true, false, true, $3, now())`,
      [orgId, matchIds['active'], mentees[0]!.id],
    );
    return { orgId, cohortId: cohort.body.id, coordinator, matchIds };
  }

  const open = (user: SignedUpUser, viewport: Viewport = DESKTOP) => e2e.signedIn(user, viewport);

  /** No error shown, and clean (axe, width, screenshot). */
  async function checkPage(page: BrowserPage, name: string): Promise<void> {
    expect(await page.locator('.mm-error-snackbar').count()).toBe(0);
    await expectCleanPage(page, name);
  }

  const rowsOf = (page: BrowserPage) =>
    page.getByRole('table', { name: 'Matches of the cohort' }).getByRole('row');

  it(
    'lists the cohort’s matches from its page, filters them by state and opens one',
    async () => {
      world = await seed();
      const { page, pageErrors } = await open(world.coordinator);
      await page.goto(`${e2e.api.baseUrl}/orgs/${world.orgId}/cohorts/${world.cohortId}`);
      await page.getByRole('heading', { name: 'Spring cohort' }).waitFor();
      await page
        .getByRole('navigation', { name: 'Follow the cohort' })
        .getByRole('link', { name: 'Matches' })
        .click();
      await page.getByRole('heading', { name: 'Matches', exact: true }).waitFor();
      // Header and three matches, the latest change first.
      await rowsOf(page).nth(3).waitFor();
      expect(await rowsOf(page).allInnerTexts()).toEqual([
        expect.stringMatching(/^Mentee and mentor\s+State\s+Since\s+Matched by$/),
        expect.stringMatching(/^Eli Ended with Oli Mentor\s+Ended\s+.+\s+Matching round$/),
        expect.stringMatching(/^Tia Trial with Nia Mentor\s+In trial\s+.+\s+Matching round$/),
        expect.stringMatching(/^Ana Active with Max Mentor\s+Active\s+.+\s+Matching round$/),
      ]);
      await checkPage(page, 'cohort-matches-1280');

      await page.getByRole('combobox', { name: 'State' }).click();
      await page.getByRole('option', { name: 'In trial' }).click();
      // One match left: the header row and the trial's.
      await rowsOf(page).filter({ hasText: 'Eli Ended' }).waitFor({ state: 'detached' });
      expect(await rowsOf(page).count()).toBe(2);
      expect(await rowsOf(page).nth(1).innerText()).toMatch(/^Tia Trial with Nia Mentor/);
      await page.getByRole('link', { name: 'Tia Trial with Nia Mentor' }).click();
      await page.waitForURL(new RegExp(`/matches/${world.matchIds['trial']}$`));
      await page.getByRole('heading', { name: 'Tia Trial and Nia Mentor' }).waitFor();

      // The cohort's "needs attention" keeps to the cohort.
      await page.goto(`${e2e.api.baseUrl}/orgs/${world.orgId}/cohorts/${world.cohortId}`);
      await page
        .getByRole('navigation', { name: 'Follow the cohort' })
        .getByRole('link', { name: 'Needs attention' })
        .click();
      await page.waitForURL(new RegExp(`/attention\\?cohortId=${world.cohortId}$`));
      await page.getByRole('heading', { name: 'Needs attention' }).waitFor();
      expect(pageErrors).toEqual([]);
      await page.context().close();

      const phone = await open(world.coordinator, PHONE);
      await phone.page.goto(`${e2e.api.baseUrl}/orgs/${world.orgId}/cohorts/${world.cohortId}/matches`);
      await rowsOf(phone.page).nth(3).waitFor();
      await checkPage(phone.page, 'cohort-matches-390');
      expect(phone.pageErrors).toEqual([]);
      await phone.page.context().close();
    },
    STEP_MS,
  );

  it(
    'shows the cohort’s feedback in aggregate: recommendation score, pulse, success measures, comments',
    async () => {
      expect(world).toBeDefined();
      for (const [viewport, name] of [
        [DESKTOP, 'cohort-feedback-1280'],
        [PHONE, 'cohort-feedback-390'],
      ] as const) {
        const { page, pageErrors } = await open(world.coordinator, viewport);
        await page.goto(`${e2e.api.baseUrl}/orgs/${world.orgId}/cohorts/${world.cohortId}`);
        await page
          .getByRole('navigation', { name: 'Follow the cohort' })
          .getByRole('link', { name: 'Feedback' })
          .click();
        await page.getByRole('heading', { name: 'Feedback', exact: true }).waitFor();
        const recommend = page.getByRole('region', { name: 'Would they recommend it?' });
        await recommend.getByText('+33').waitFor();
        expect(await recommend.innerText()).toMatch(/from 3 answers/);
        expect(await recommend.innerText()).toMatch(/Promoters \(9–10\): 2 · 67 %/);
        expect(await recommend.innerText()).toMatch(/Detractors \(0–6\): 1 · 33 %/);
        const pulse = page.getByRole('table', { name: 'Pulse by period' }).getByRole('row');
        expect(await pulse.nth(1).innerText()).toMatch(/^1\s+2\s+4\.5$/);
        const outcomes = page.getByRole('region', { name: 'Success measures' });
        expect(await outcomes.innerText()).toMatch(/1 report \(one per side of a match\)/);
        expect(await outcomes.innerText()).toMatch(/Skills gained: 1 · 100 %/);
        expect(await outcomes.innerText()).toMatch(/A career step: 0 · 0 %/);
        const comments = page.getByRole('list', { name: 'Comments' });
        expect(await comments.innerText()).toContain('Too few meetings.');
        await checkPage(page, name);
        expect(pageErrors).toEqual([]);
        await page.context().close();
      }
    },
    STEP_MS,
  );
});
