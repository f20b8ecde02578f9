import { Clock } from '@mentorship/platform';
import type { SignedUpUser } from '@mentorship/testing';
import type { Page as BrowserPage } from 'playwright-core';
import {
  DESKTOP,
  PHONE,
  confirmed,
  horizontalOverflow,
  screenshot,
  seriousAccessibilityViolations,
  useBrowserE2e,
  type Viewport,
} from './support/browser-e2e';
import { DAY_MS, STEP_MS, TRIAL_DAYS, seedMentorshipCast } from './support/mentorship-seed';

/**
 * Issue 9, points 9 and 10: a mentorship through the admin app — the mentor accepts, the trial
 * runs out on the test clock, both continue, both sign the agreement, the mentee builds a map
 * of three milestones and a check-in is logged — checked with axe-core as mentee, mentor and
 * coordinator, at desktop and phone width.
 */
describe('a mentorship from trial to check-in in the admin app', () => {
  const e2e = useBrowserE2e();

  const seed = () => seedMentorshipCast(e2e, 'Lifecycle Mentoring');

  const open = (user: SignedUpUser, viewport: Viewport = DESKTOP) => e2e.signedIn(user, viewport);

  /** axe-core finds nothing serious, nothing reaches past the window's edge, and a screenshot. */
  async function checkPage(page: BrowserPage, name: string): Promise<void> {
    expect(await page.locator('.mm-error-snackbar').count()).toBe(0);
    expect({ name, violations: await seriousAccessibilityViolations(page) }).toEqual({
      name,
      violations: [],
    });
    expect({ name, overflow: await horizontalOverflow(page) }).toEqual({ name, overflow: 0 });
    await screenshot(page, name);
  }

  const section = (page: BrowserPage, name: string) => page.getByRole('region', { name });

  async function answerTrial(page: BrowserPage, rating: string, note?: string): Promise<void> {
    const form = page.getByRole('form', { name: 'Continue after the trial?' });
    await form.getByRole('radio', { name: 'Yes, continue' }).check();
    await form.getByRole('radio', { name: rating, exact: true }).check();
    if (note) await form.getByLabel('Private note to the coordinator (optional)').fill(note);
    await form.getByRole('button', { name: 'Send my answer' }).click();
    await confirmed(page, 'Your answer is sent.');
  }

  // One flow in steps, each bounded on its own (a loaded machine runs the whole past a single
  // test's bound); a step fails at once when an earlier one did not get it there.
  let flow: Awaited<ReturnType<typeof seed>>;
  let matchUrl: string;
  let page: BrowserPage;
  let menteePage: BrowserPage;
  const pageErrors: string[][] = [];

  it(
    'the mentor finds the match under My mentorships and accepts it: the trial starts',
    async () => {
      flow = await seed();
      const { mentor } = flow;
      matchUrl = `${e2e.api.baseUrl}/orgs/${flow.orgId}/matches/${flow.matchId}`;

      // The mentor finds the match under My mentorships and accepts: the trial starts.
      const asMentor = await open(mentor);
      page = asMentor.page;
      pageErrors.push(asMentor.pageErrors);
      await page.getByRole('navigation').getByRole('link', { name: 'My mentorships' }).click();
      const mine = page.getByRole('list', { name: 'My mentorships' });
      const card = mine.getByRole('listitem').filter({ hasText: 'Mentoring Manu Mentee' });
      await card.getByText('Accept or decline: accepting starts the trial.').waitFor();
      await card.getByText('Waiting for the mentor').waitFor();
      await checkPage(page, 'mentorships-mentor-1280');
      await card.getByRole('link', { name: 'Mentoring Manu Mentee' }).click();
      await page.getByRole('heading', { name: 'Manu Mentee and Mina Mentor' }).waitFor();
      const actions = page.getByRole('group', { name: 'What you can do' });
      expect(await actions.getByRole('button').allInnerTexts()).toEqual(['Accept', 'Decline']);
      await checkPage(page, 'match-pending-mentor-1280');
      await actions.getByRole('button', { name: 'Accept' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Accept' }).click();
      await confirmed(page, 'Accept: done.');
      await page.getByText('In trial', { exact: true }).waitFor();
      await page.getByText(/^Phase: Initiation/).waitFor();
      expect(await actions.getByRole('button').allInnerTexts()).toEqual(['Leave the trial']);
      await section(page, 'Timeline')
        .getByText(/Accepted: the trial started \(by the mentor\)/)
        .waitFor();
      await section(page, 'Trial').getByRole('form', { name: 'Continue after the trial?' }).waitFor();
      await checkPage(page, 'match-trial-mentor-1280');
    },
    STEP_MS,
  );

  it(
    'both answer “continue?” once the trial ran out on the test clock: the match is active',
    async () => {
      // The trial runs out on the API's clock; the mentee answers first.
      e2e.api.app.get(Clock).advance(TRIAL_DAYS * DAY_MS);
      const asMentee = await open(flow.mentee);
      menteePage = asMentee.page;
      pageErrors.push(asMentee.pageErrors);
      await menteePage.goto(matchUrl);
      await section(menteePage, 'Trial').getByText('Mentor: not answered yet').waitFor();
      await answerTrial(menteePage, '5', 'A good first month.');
      // The mentee's own answer and note are theirs to read; the match is still in trial.
      await section(menteePage, 'Trial')
        .getByText(/continue, rated 5\/5/)
        .waitFor();
      await section(menteePage, 'Trial').getByText('A good first month.', { exact: false }).waitFor();
      await checkPage(menteePage, 'match-trial-answered-mentee-1280');

      // The mentor sees that the mentee answered, not what, and answers too: the match is active.
      await page.reload();
      await section(page, 'Trial').getByText('Mentee: answered', { exact: true }).waitFor();
      expect(await section(page, 'Trial').innerText()).not.toContain('A good first month.');
      await answerTrial(page, '4');
      await page.getByText('Active', { exact: true }).waitFor();
      await section(page, 'Timeline')
        .getByText(/The trial ended well \(by Mentorship Map\): In trial → Active/)
        .waitFor();
    },
    STEP_MS,
  );

  it(
    'the mentor writes and signs the agreement, then the mentee signs it',
    async () => {
      // The drafted agreement: the mentor writes its terms (a new version) and signs.
      const agreement = section(page, 'Agreement');
      await agreement.getByText('Waiting for signatures').waitFor();
      await agreement.getByRole('button', { name: 'Edit the agreement' }).click();
      const terms = page.getByRole('form', { name: 'Edit the agreement' });
      await terms.getByLabel('Goals').fill('Lead a design review\nShip the typed API client');
      await terms.getByLabel('How often we meet').fill('Every two weeks, 45 minutes');
      await terms.getByLabel('The mentee offers back').fill('Notes from our migration');
      await terms.getByRole('button', { name: 'Save the agreement' }).click();
      await confirmed(page, /Agreement saved as version \d+\./);
      await agreement.getByText('Every two weeks, 45 minutes').waitFor();
      await agreement.getByRole('button', { name: /^Sign version \d+$/ }).click();
      await confirmed(page, 'Signed.');
      await agreement.getByText(/^Mentor: signed/).waitFor();
      await agreement.getByText('Mentee: not signed yet').waitFor();
      expect(await agreement.getByRole('button', { name: /^Sign version/ }).count()).toBe(0);
      await checkPage(page, 'match-agreement-mentor-1280');

      // The mentee signs the same version: signed by both.
      await menteePage.reload();
      const menteeAgreement = section(menteePage, 'Agreement');
      await menteeAgreement.getByText('Lead a design review; Ship the typed API client').waitFor();
      await menteeAgreement.getByRole('button', { name: /^Sign version \d+$/ }).click();
      await confirmed(menteePage, 'Signed by both of you.');
      await menteeAgreement.getByText('Signed by both').waitFor();
    },
    STEP_MS,
  );

  it(
    'the mentee makes a map of three milestones, with its flags, then reorders it',
    async () => {
      // The mentee's map: three milestones, one without a measure, none with a community part.
      const map = section(menteePage, 'Mentorship map');
      await map.getByRole('button', { name: 'Start the map' }).click();
      const editor = menteePage.getByRole('form', { name: 'Edit the mentorship map' });
      await editor.getByLabel('Skills and how you rate yourself').fill('System design: 2\nTypeScript: 4');
      await editor.getByLabel('Desired future state').fill('Leading the platform team’s design reviews.');
      const milestones = [
        { title: 'Lead a design review', due: '2027-03-01', measure: 'One review led, notes shared' },
        { title: 'Ship the typed API client', due: '2027-05-01', measure: '' },
        { title: 'Write the review checklist', due: '2027-06-01', measure: 'Checklist in the wiki' },
      ];
      for (const [i, milestone] of milestones.entries()) {
        if (i > 0) await editor.getByRole('button', { name: 'Add a milestone' }).click();
        const group = editor.getByRole('group', { name: `Milestone ${i + 1}` });
        await group.getByLabel('Title').fill(milestone.title);
        await group.getByLabel('Performance part').fill(`Practise: ${milestone.title.toLowerCase()}`);
        await group.getByLabel('Due date').fill(milestone.due);
        if (milestone.measure) await group.getByLabel('Measure of done').fill(milestone.measure);
      }
      await editor.getByRole('button', { name: 'Save the map' }).click();
      await confirmed(menteePage, 'Map saved as version 1.');
      const list = map.getByRole('list', { name: 'Milestones' });
      expect(await list.locator('.milestone-title').allInnerTexts()).toEqual(milestones.map((m) => m.title));
      await map
        .getByRole('list', { name: 'The map warns' })
        .getByText('The map has performance milestones but no community one.')
        .waitFor();
      await list
        .getByRole('listitem')
        .filter({ hasText: 'Ship the typed API client' })
        .getByText('No measure of done')
        .waitFor();
      await checkPage(menteePage, 'match-map-mentee-1280');

      // Reordered, with a community part: the warning goes, the history keeps both versions.
      await map.getByRole('button', { name: 'Edit the map' }).click();
      await editor.getByRole('button', { name: 'Move milestone 3 up' }).click();
      await editor
        .getByRole('group', { name: 'Milestone 2' })
        .getByLabel('Community part')
        .fill('Share the checklist at the guild meeting');
      await editor.getByRole('button', { name: 'Save the map' }).click();
      await confirmed(menteePage, 'Map saved as version 2.');
      expect(await list.locator('.milestone-title').allInnerTexts()).toEqual([
        'Lead a design review',
        'Write the review checklist',
        'Ship the typed API client',
      ]);
      expect(await map.getByText('The map has performance milestones but no community one.').count()).toBe(0);
      await map.getByText('History (2 versions)').click();
      await map
        .getByRole('list', { name: 'Map history' })
        .getByText(/milestones reordered/)
        .waitFor();
    },
    STEP_MS,
  );

  it(
    'the mentor logs a check-in with progress on a milestone',
    async () => {
      // The mentor logs a check-in with progress on a milestone.
      await page.reload();
      const checkIns = section(page, 'Check-ins');
      await section(page, 'Mentorship map')
        .getByText('Write the review checklist', { exact: true })
        .waitFor();
      await checkIns.getByRole('button', { name: 'Log a check-in' }).click();
      const log = page.getByRole('form', { name: 'Log a check-in' });
      await log.getByLabel('Minutes').fill('50');
      await log.getByLabel('Shared notes').fill('Walked through the first design review together.');
      await log.getByLabel('Private notes').fill('Manu is ready to lead the next one.');
      await log.getByRole('combobox', { name: 'Progress on a milestone' }).click();
      await page.getByRole('option', { name: 'Lead a design review' }).click();
      await log.getByLabel('Progress note').fill('Dry run done');
      await log.getByRole('button', { name: 'Log the check-in' }).click();
      await confirmed(page, 'Check-in logged.');
      const logged = checkIns.getByRole('list', { name: 'Check-ins logged' });
      await logged.getByText('Walked through the first design review together.').waitFor();
      await logged.getByText('Manu is ready to lead the next one.', { exact: false }).waitFor();
      await logged.getByText(/Lead a design review:\s*Dry run done/).waitFor();
      await checkPage(page, 'match-check-in-mentor-1280');
    },
    STEP_MS,
  );

  it(
    'the mentee on a phone and the coordinator read the match, each as they may',
    async () => {
      // The mentee sees the shared notes, not the mentor's private ones; on a phone too.
      const phone = await open(flow.mentee, PHONE);
      pageErrors.push(phone.pageErrors);
      await phone.page.goto(matchUrl);
      const phoneLogged = section(phone.page, 'Check-ins').getByRole('list', { name: 'Check-ins logged' });
      await phoneLogged.getByText('Walked through the first design review together.').waitFor();
      expect(await phoneLogged.innerText()).not.toContain('Manu is ready');
      await section(phone.page, 'Agreement').getByText('Signed by both').waitFor();
      await checkPage(phone.page, 'match-active-mentee-390');
      await phone.page.close();

      // The coordinator reads the whole match, with no side's forms.
      const asCoordinator = await open(flow.coordinator);
      pageErrors.push(asCoordinator.pageErrors);
      await asCoordinator.page.goto(matchUrl);
      const coordinatorPage = asCoordinator.page;
      await coordinatorPage.getByRole('heading', { name: 'Manu Mentee and Mina Mentor' }).waitFor();
      await section(coordinatorPage, 'Check-ins')
        .getByText('Walked through the first design review together.')
        .waitFor();
      await section(coordinatorPage, 'Trial').getByText('A good first month.', { exact: false }).waitFor();
      expect(await coordinatorPage.getByRole('button', { name: /^Sign version/ }).count()).toBe(0);
      expect(await coordinatorPage.getByRole('button', { name: 'Log a check-in' }).count()).toBe(0);
      expect(await coordinatorPage.getByRole('button', { name: 'Edit the map' }).count()).toBe(0);
      const coordinatorActions = coordinatorPage.getByRole('group', { name: 'What you can do' });
      expect(await coordinatorActions.getByRole('button').allInnerTexts()).toEqual([
        'Complete',
        'End the mentorship',
      ]);
      await checkPage(coordinatorPage, 'match-active-coordinator-1280');

      // My mentorships on a phone, as the mentee: the match and its next step.
      const phoneList = await open(flow.mentee, PHONE);
      pageErrors.push(phoneList.pageErrors);
      await phoneList.page.goto(`${e2e.api.baseUrl}/orgs/${flow.orgId}/matches`);
      await phoneList.page
        .getByRole('list', { name: 'My mentorships' })
        .getByText('Keep your map current and log your check-ins.')
        .waitFor();
      await checkPage(phoneList.page, 'mentorships-mentee-390');

      expect(pageErrors.flat()).toEqual([]);
      for (const p of [page, menteePage, coordinatorPage, phoneList.page]) await p.close();
    },
    STEP_MS,
  );

  it('shows the coordinator the trial ending under Needs attention, and the mentee their board', async () => {
    const { orgId, matchId, coordinator, mentor, mentee } = await seed();
    // The mentee wants technical and career mentoring; the mentor offers technical.
    await e2e.api.db.query(
      `INSERT INTO profiles (organization_id, user_id, time_zone, wanted_mentor_types)
       VALUES ($1, $2, 'Europe/Berlin', ARRAY['technical', 'career'])`,
      [orgId, mentee.id],
    );
    await e2e.api.db.query(
      `INSERT INTO profiles (organization_id, user_id, time_zone, offered_mentor_types)
       VALUES ($1, $2, 'Europe/Berlin', ARRAY['technical'])`,
      [orgId, mentor.id],
    );
    const accepted = await e2e.http.post<{ status: string }>(
      `/api/v1/orgs/${orgId}/matches/${matchId}/actions`,
      { action: 'accept' },
      mentor.token,
    );
    expect(accepted.body.status).toBe('trial');
    // Ten days on, the fourteen-day trial ends within the week the list looks ahead.
    e2e.api.app.get(Clock).advance(10 * DAY_MS);

    const asCoordinator = await open(coordinator);
    const page = asCoordinator.page;
    await page.getByRole('navigation').getByRole('link', { name: 'Needs attention' }).click();
    const items = page.getByRole('list', { name: 'Needs attention' }).getByRole('listitem');
    const item = items.filter({ hasText: 'Manu Mentee and Mina Mentor' });
    await item.getByText('Trial ending', { exact: true }).waitFor();
    await checkPage(page, 'needs-attention-coordinator-1280');
    await item.getByRole('link', { name: 'Manu Mentee’s board' }).click();
    await page.getByRole('heading', { name: 'Personal board of Manu Mentee' }).waitFor();
    await page.getByRole('link', { name: 'Needs attention' }).click();
    await item.getByRole('link', { name: 'Manu Mentee and Mina Mentor' }).click();
    await page.waitForURL(new RegExp(`/matches/${matchId}$`));
    await section(page, 'Trial').waitFor();

    const phone = await open(mentee, PHONE);
    await phone.page.goto(`${e2e.api.baseUrl}/orgs/${orgId}/board`);
    const kinds = phone.page.getByRole('list', { name: 'Kinds of mentoring' });
    const technical = kinds
      .getByRole('listitem')
      .filter({ has: phone.page.getByRole('heading', { name: /^Technical/ }) });
    await technical.getByRole('link', { name: 'Mina Mentor' }).waitFor();
    await phone.page.getByText('Still missing: Career.').waitFor();
    await checkPage(phone.page, 'personal-board-mentee-390');

    expect([...asCoordinator.pageErrors, ...phone.pageErrors]).toEqual([]);
    await page.close();
    await phone.page.close();
  }, 180_000);
});
