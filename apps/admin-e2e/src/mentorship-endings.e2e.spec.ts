import { Clock } from '@mentorship/platform';
import type { SignedUpUser } from '@mentorship/testing';
import type { Page as BrowserPage } from 'playwright-core';
import {
  DESKTOP,
  PHONE,
  confirmed,
  expectCleanPage,
  useBrowserE2e,
  type Viewport,
} from './support/browser-e2e';
import { DAY_MS, STEP_MS, TRIAL_DAYS, seedMentorshipCast } from './support/mentorship-seed';

/**
 * Issue 9, points 4, 6 and 8 in the admin app: the mentee names who helps with each milestone,
 * the next review and a map buddy; a mentorship ended early with a reason is followed by the
 * exit survey, answered by both sides; and once the cohort closes its participants answer the
 * end-of-cohort survey. Checked with axe-core at desktop and phone width.
 */
describe('a mentorship’s map people, its early end and the surveys after, in the admin app', () => {
  const e2e = useBrowserE2e();

  /** An active match (the trial ran out on the test clock and both continued) in an enrolled cohort. */
  async function seed() {
    const { org, orgId, cohortId, matchId, coordinator, mentor, mentee } = await seedMentorshipCast(
      e2e,
      'Endings Mentoring',
    );
    const buddy = await org.member(['mentee'], 'Bea Buddy');
    const sponsor = await org.member(['mentor'], 'Sam Sponsor');
    await e2e.api.db.query(
      `INSERT INTO cohort_participants (organization_id, id, cohort_id, email, user_id, role, status, source, enrolled_at)
       SELECT $1, gen_random_uuid(), $2, e, u, r, 'enrolled', 'invitation', now()
         FROM unnest($3::text[], $4::uuid[], $5::text[]) AS given(e, u, r)`,
      [orgId, cohortId, [mentor.email, mentee.email], [mentor.id, mentee.id], ['mentor', 'mentee']],
    );
    const matchApi = `/api/v1/orgs/${orgId}/matches/${matchId}`;
    const accepted = await e2e.http.post<{ status: string }>(
      `${matchApi}/actions`,
      { action: 'accept' },
      mentor.token,
    );
    expect(accepted.body.status).toBe('trial');
    e2e.api.app.get(Clock).advance(TRIAL_DAYS * DAY_MS);
    for (const side of [mentee, mentor])
      await e2e.http.post(`${matchApi}/trial/answers`, { continue: true, rating: 5 }, side.token);
    const active = await e2e.http.get<{ status: string }>(matchApi, mentee.token);
    expect(active.body.status).toBe('active');
    return {
      orgId,
      cohortId,
      matchId,
      coordinator,
      mentor,
      mentee,
      buddy,
      sponsor,
      matchUrl: `${e2e.api.baseUrl}/orgs/${orgId}/matches/${matchId}`,
    };
  }

  const open = (user: SignedUpUser, viewport: Viewport = DESKTOP) => e2e.signedIn(user, viewport);

  /** No error shown, axe-core finds nothing serious, nothing past the window's edge; a screenshot. */
  async function checkPage(page: BrowserPage, name: string): Promise<void> {
    expect(await page.locator('.mm-error-snackbar').count()).toBe(0);
    await expectCleanPage(page, name);
  }

  const section = (page: BrowserPage, name: string) => page.getByRole('region', { name });

  /** Types into a member picker and takes the member the API offers. */
  async function pickMember(page: BrowserPage, field: ReturnType<BrowserPage['getByRole']>, name: string) {
    await field.fill(name.split(' ')[0]!);
    await page.getByRole('option', { name }).click();
  }

  it(
    'the mentee names who helps with a milestone, the next review and a map buddy, on a phone too',
    async () => {
      const flow = await seed();
      const phone = await open(flow.mentee, PHONE);
      const page = phone.page;
      await page.goto(flow.matchUrl);
      const map = section(page, 'Mentorship map');
      await map.getByRole('button', { name: 'Start the map' }).click();
      const editor = page.getByRole('form', { name: 'Edit the mentorship map' });
      await editor.getByLabel('Desired future state').fill('Leading the platform team’s design reviews.');
      const first = editor.getByRole('group', { name: 'Milestone 1' });
      await first.getByLabel('Title').fill('Lead a design review');
      await first.getByLabel('Community part').fill('Share the notes at the guild');
      await first.getByLabel('Due date').fill('2027-03-01');
      await first.getByLabel('Measure of done').fill('One review led, notes shared');

      // A member of the organization, found by name, and someone from outside it.
      await first.getByRole('button', { name: 'Add a person who helps with milestone 1' }).click();
      const helper = first.getByRole('group', { name: 'Person 1 who helps with milestone 1' });
      await helper.getByRole('combobox', { name: 'How they help' }).click();
      await page.getByRole('option', { name: 'Sponsor (opens doors)' }).click();
      await pickMember(page, helper.getByRole('combobox', { name: 'Member' }), 'Sam Sponsor');
      await first.getByRole('button', { name: 'Add a person who helps with milestone 1' }).click();
      const outside = first.getByRole('group', { name: 'Person 2 who helps with milestone 1' });
      await outside.getByRole('radio', { name: 'Someone else' }).check();
      await outside.getByLabel('Name').fill('Kim Okafor');
      await outside.getByLabel('Role').fill('Guild lead at my old team');
      // A third, added by mistake, goes again.
      await first.getByRole('button', { name: 'Add a person who helps with milestone 1' }).click();
      await first.getByRole('button', { name: 'Remove person 3 from milestone 1' }).click();

      await editor.getByLabel('Next review').fill('2026-12-15');
      await pickMember(page, editor.getByRole('combobox', { name: 'Map buddy (optional)' }), 'Bea Buddy');
      await checkPage(page, 'map-editor-people-mentee-390');
      await editor.getByRole('button', { name: 'Save the map' }).click();
      await confirmed(page, 'Map saved as version 1.');

      const helpers = map.getByRole('list', { name: 'Who helps with Lead a design review' });
      expect(await helpers.getByRole('listitem').allInnerTexts()).toEqual([
        'Sam Sponsor, sponsor',
        'Kim Okafor (Guild lead at my old team), peer',
      ]);
      await map.getByText('Map buddy: Bea Buddy').waitFor();
      await map.getByText('Next review: 15 Dec 2026').waitFor();
      await checkPage(page, 'map-people-mentee-390');

      // The mentor reads the same people, at desktop width; the editor starts from them again.
      const asMentor = await open(flow.mentor);
      await asMentor.page.goto(flow.matchUrl);
      const mentorMap = section(asMentor.page, 'Mentorship map');
      await mentorMap.getByText('Map buddy: Bea Buddy').waitFor();
      await mentorMap.getByText('Sam Sponsor, sponsor').waitFor();
      expect(await mentorMap.getByRole('button', { name: 'Edit the map' }).count()).toBe(0);
      await checkPage(asMentor.page, 'map-people-mentor-1280');
      await map.getByRole('button', { name: 'Edit the map' }).click();
      expect(await editor.getByRole('combobox', { name: 'Map buddy (optional)' }).inputValue()).toBe(
        'Bea Buddy',
      );
      expect(await helper.getByRole('combobox', { name: 'Member' }).inputValue()).toBe('Sam Sponsor');
      expect(await editor.getByLabel('Next review').inputValue()).toBe('2026-12-15');

      expect([...phone.pageErrors, ...asMentor.pageErrors]).toEqual([]);
      await page.close();
      await asMentor.page.close();
    },
    STEP_MS,
  );

  it(
    'the mentee ends the mentorship early with a reason; both answer the exit survey',
    async () => {
      const flow = await seed();
      const asMentee = await open(flow.mentee);
      const page = asMentee.page;
      await page.goto(flow.matchUrl);
      const actions = page.getByRole('group', { name: 'What you can do' });
      await actions.getByRole('button', { name: 'End the mentorship' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('combobox', { name: 'Why it ends' }).click();
      await page.getByRole('option', { name: 'Role change' }).click();
      await dialog.getByLabel('Reason').fill('I moved to the data team and my goals changed with it.');
      await dialog.getByRole('button', { name: 'End the mentorship' }).click();
      await confirmed(page, 'End the mentorship: done.');
      await page.getByText('Ended', { exact: true }).waitFor();
      await page.getByText('Why it ended: Role change').waitFor();
      await section(page, 'Timeline')
        .getByText('I moved to the data team and my goals changed with it.', { exact: false })
        .waitFor();

      // The exit survey follows: the mentee answers it.
      const exit = section(page, 'Exit survey');
      await exit.getByText('Mentee: not answered yet').waitFor();
      const form = exit.getByRole('form', { name: 'Exit survey' });
      await form.getByRole('radio', { name: '4', exact: true }).check();
      await form.getByLabel('What worked').fill('Reviewing real designs together.');
      await form.getByLabel('What to change next time').fill('Agree on goals that survive a team change.');
      await checkPage(page, 'match-ended-exit-survey-mentee-1280');
      await form.getByRole('button', { name: 'Send' }).click();
      await confirmed(page, 'Thank you: your answer is sent.');
      await exit.getByText(/Mentee:\s*rated 4\/5/).waitFor();
      expect(await exit.getByRole('form', { name: 'Exit survey' }).count()).toBe(0);
      await checkPage(page, 'match-ended-exit-answered-mentee-1280');

      // The mentor, on a phone, reads why it ended and answers too.
      const phone = await open(flow.mentor, PHONE);
      await phone.page.goto(flow.matchUrl);
      await phone.page.getByText('Why it ended: Role change').waitFor();
      const mentorExit = section(phone.page, 'Exit survey');
      // The mentor reads that the mentee answered, not what.
      const menteeAnswer = mentorExit.getByRole('listitem').filter({ hasText: 'Mentee:' });
      await menteeAnswer.waitFor();
      expect(await menteeAnswer.innerText()).toMatch(/^Mentee:\s*answered$/);
      expect(await mentorExit.innerText()).not.toContain('Reviewing real designs together.');
      const mentorForm = mentorExit.getByRole('form', { name: 'Exit survey' });
      await mentorForm.getByRole('radio', { name: '3', exact: true }).check();
      await mentorForm.getByLabel('What worked').fill('Manu came with questions every time.');
      await checkPage(phone.page, 'match-ended-exit-survey-mentor-390');
      await mentorForm.getByRole('button', { name: 'Send' }).click();
      await confirmed(phone.page, 'Thank you: your answer is sent.');
      await mentorExit.getByText(/Mentor:\s*rated 3\/5/).waitFor();
      expect(await mentorExit.getByRole('form', { name: 'Exit survey' }).count()).toBe(0);
      await checkPage(phone.page, 'match-ended-exit-answered-mentor-390');

      // The cohort still runs: no end-of-cohort survey yet.
      expect(await phone.page.getByRole('region', { name: /^End of Spring cohort/ }).count()).toBe(0);

      expect([...asMentee.pageErrors, ...phone.pageErrors]).toEqual([]);
      await page.close();
      await phone.page.close();
    },
    STEP_MS,
  );

  it(
    'once the cohort closes, the mentee answers its survey under My mentorships: answered, once',
    async () => {
      const flow = await seed();
      const completed = await e2e.http.post<{ status: string }>(
        `/api/v1/orgs/${flow.orgId}/matches/${flow.matchId}/actions`,
        { action: 'complete' },
        flow.coordinator.token,
      );
      expect(completed.body.status).toBe('completed');
      await e2e.api.db.query(`UPDATE cohorts SET status = 'closed' WHERE organization_id = $1 AND id = $2`, [
        flow.orgId,
        flow.cohortId,
      ]);

      const phone = await open(flow.mentee, PHONE);
      const page = phone.page;
      await page.goto(`${e2e.api.baseUrl}/orgs/${flow.orgId}/matches`);
      const survey = section(page, 'End of Spring cohort: your view');
      const form = survey.getByRole('form', { name: 'End-of-cohort survey of Spring cohort' });
      await form.getByRole('button', { name: 'Send my answer' }).click();
      await survey.getByText('Choose a score from 0 to 10.').waitFor();
      await form.getByRole('radio', { name: '9', exact: true }).check();
      await form.getByLabel('Anything to add (optional)').fill('The trial made it easy to start.');
      await checkPage(page, 'cohort-survey-mentee-390');
      await form.getByRole('button', { name: 'Send my answer' }).click();
      await confirmed(page, 'Thank you: your answer is sent.');
      await survey.getByText(/You would recommend it 9 out of 10/).waitFor();
      await survey.getByText('Answered', { exact: true }).waitFor();
      expect(await survey.getByRole('form').count()).toBe(0);
      await checkPage(page, 'cohort-survey-answered-mentee-390');

      // The match page shows the same answer; the mentor, at desktop width, still has theirs to give.
      await page.goto(flow.matchUrl);
      await section(page, 'End of Spring cohort: your view')
        .getByText(/You would recommend it 9 out of 10/)
        .waitFor();
      const asMentor = await open(flow.mentor);
      await asMentor.page.goto(flow.matchUrl);
      await section(asMentor.page, 'End of Spring cohort: your view')
        .getByRole('form', { name: 'End-of-cohort survey of Spring cohort' })
        .waitFor();
      await checkPage(asMentor.page, 'match-completed-cohort-survey-mentor-1280');

      const feedback = await e2e.http.get<{ recommendation: { answers: number; promoters: number } }>(
        `/api/v1/orgs/${flow.orgId}/cohorts/${flow.cohortId}/feedback`,
        flow.coordinator.token,
      );
      expect(feedback.body.recommendation).toMatchObject({ answers: 1, promoters: 1 });

      expect([...phone.pageErrors, ...asMentor.pageErrors]).toEqual([]);
      await page.close();
      await asMentor.page.close();
    },
    STEP_MS,
  );
});
