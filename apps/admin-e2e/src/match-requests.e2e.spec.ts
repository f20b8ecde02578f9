import { FIELD_LIMITS } from '@mentorship/contracts';
import { InvitationTokens } from '@mentorship/organizations';
import {
  makeMember,
  makeOrganization,
  makeRoundCohort,
  makeUser,
  type SignedUpUser,
} from '@mentorship/testing';
import {
  DESKTOP,
  PHONE,
  expectCleanPage,
  openPage,
  signIn,
  useBrowserE2e,
  type Viewport,
} from './support/browser-e2e';

/** Issue 8, points 7 and 8: a mentee finds a mentor and sends a structured request; the mentor accepts. */
/** The whole request flow, mentee and mentor at two widths: minutes on a loaded machine. */
const FLOW_MS = 300_000;

describe('match requests in the admin app', () => {
  const e2e = useBrowserE2e();

  /** `person` enrolled in the cohort as `role`, with a profile: TypeScript at `level`, offered or wanted. */
  async function enroll(
    orgId: string,
    cohortId: string,
    person: SignedUpUser,
    role: 'mentor' | 'mentee',
    { level, capacity = null }: { level: number; capacity?: number | null },
  ): Promise<void> {
    await e2e.api.db.query(
      `INSERT INTO cohort_participants (organization_id, id, cohort_id, email, user_id, role, status, source, enrolled_at)
       VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, 'enrolled', 'invitation', now())`,
      [orgId, cohortId, person.email, person.id, role],
    );
    await e2e.api.db.query(
      `INSERT INTO profiles (organization_id, user_id, time_zone, languages, seniority, mentor_capacity, availability)
       VALUES ($1, $2, 'Europe/Berlin', ARRAY['English'], $3, $4,
               '[{"day":1,"start":"09:00","end":"12:00"},{"day":3,"start":"14:00","end":"16:30"}]')
       ON CONFLICT DO NOTHING`,
      [orgId, person.id, role === 'mentor' ? 5 : 2, capacity],
    );
    await e2e.api.db.query(
      `INSERT INTO profile_skills (organization_id, user_id, kind, skill_id, level)
       SELECT $1, $2, $3, s.id, $4 FROM skills s WHERE s.organization_id = $1 AND s.name = 'TypeScript'
       ON CONFLICT DO NOTHING`,
      [orgId, person.id, role === 'mentor' ? 'offered' : 'wanted', level],
    );
  }

  /**
   * A mentee-choice cohort in `matching` with three mentors made in bulk, and two people who
   * sign in: Manu (a mentee who wants TypeScript) and Mina (a mentor offering it, one place).
   * One bulk mentee has asked Mina already, so her second accept finds her full.
   */
  async function seed() {
    const admin = await makeUser(e2e.http, { displayName: 'Ada Admin' });
    const organization = await makeOrganization(e2e.http, admin, 'Northwind Mentoring');
    const orgId = organization.id;
    const cohort = await makeRoundCohort(e2e.http, e2e.api.db, admin, orgId, {
      mentors: 3,
      mentees: 1,
      matchingMode: 'mentee-choice',
      capacity: 2,
      prefix: 'choice',
    });
    const tokens = e2e.api.app.get(InvitationTokens);
    const member = (roles: Parameters<typeof makeMember>[3], displayName: string) =>
      makeMember(e2e.http, admin, orgId, roles, (id) => tokens.issue(orgId, id), { displayName });
    const mentee = await member(['mentee'], 'Manu Mentee');
    const mentor = await member(['mentor'], 'Mina Mentor');
    await enroll(orgId, cohort.cohortId, mentee, 'mentee', { level: 3 });
    await enroll(orgId, cohort.cohortId, mentor, 'mentor', { level: 5, capacity: 1 });
    const [waiting] = cohort.mentees;
    await e2e.api.db.query(
      `INSERT INTO match_requests (organization_id, id, cohort_id, mentee_user_id, mentor_user_id, subject, how_found,
                                   want_to_learn, specific_ask, offer_back, expires_at)
       VALUES ($1, gen_random_uuid(), $2, $3, $4, 'Half an hour on SQL tuning this month?', 'The data guild',
               'How to read query plans.', 'Twenty minutes on a call.', 'Our indexing notes.', now() + interval '14 days')`,
      [orgId, cohort.cohortId, waiting.id, mentor.id],
    );
    return { orgId, cohortId: cohort.cohortId, mentee, mentor, waiting };
  }

  async function open(user: SignedUpUser, viewport: Viewport = DESKTOP) {
    const { page, pageErrors } = await openPage(e2e.browser, viewport);
    await signIn(page, e2e.api.baseUrl, user);
    await page.waitForURL(/\/orgs\/[^/]+\/(members|home)$/);
    return { page, pageErrors };
  }

  it(
    'a mentee reads the reasons, sends a structured request; the mentor accepts it and the mentee sees it',
    async () => {
      const { orgId, mentee, mentor, waiting } = await seed();

      // The mentee: from their cohorts to the suggestions, each score part in words.
      const asMentee = await open(mentee);
      let page = asMentee.page;
      await page.getByRole('navigation').getByRole('link', { name: 'My cohorts' }).click();
      await page.getByRole('link', { name: /^Find a mentor in / }).click();
      await page.waitForURL(/\/cohorts\/[^/]+\/mentors$/);
      const suggestions = page.getByRole('list', { name: 'Suggested mentors' });
      const mina = suggestions.getByRole('listitem').filter({ hasText: 'Mina Mentor' });
      await mina.waitFor();
      // Reasons in words, under the component's name, never the engine's id.
      await mina.getByRole('term').filter({ hasText: 'Skills' }).waitFor();
      expect(await mina.getByRole('definition').first().innerText()).toMatch(/TypeScript/);
      expect(await suggestions.innerText()).not.toMatch(/mentorTypes|timeZone/);
      expect(await mina.innerText()).toMatch(/Score \d+ of 100 · 1 free place/);
      await expectCleanPage(page, 'mentee-suggestions-1280');

      // The request form: each part with its limit and why it is asked; too long is refused on the field.
      await mina.getByRole('button', { name: 'Ask Mina Mentor' }).click();
      await page.getByRole('heading', { name: 'Ask Mina Mentor' }).waitFor();
      const form = page.getByRole('form', { name: 'Request to Mina Mentor' });
      await form.getByText(`0 / ${FIELD_LIMITS.matchRequestSubject.max}`).waitFor();
      await form.getByText(/Why we ask: A mentor decides from the subject/).waitFor();
      await form.getByLabel('Subject').fill('x'.repeat(FIELD_LIMITS.matchRequestSubject.max + 1));
      await form.getByLabel('How I found you').fill('Your talk on typed APIs at the all-hands');
      await form
        .getByLabel('What I want to learn')
        .fill('How to introduce strict TypeScript in an old codebase.');
      await form
        .getByLabel('My specific ask')
        .fill('A first conversation of 20 minutes next week, at a time that suits you.');
      await form.getByLabel('What I offer back').fill('Notes from our migration of 40 services.');
      await form.getByRole('button', { name: 'Send request' }).click();
      await form.getByText(`Use at most ${FIELD_LIMITS.matchRequestSubject.max} characters.`).waitFor();
      await expectCleanPage(page, 'mentee-request-form-too-long-1280');
      const subject = '20 minutes on strict TypeScript, next week?';
      await form.getByLabel('Subject').fill(subject);
      await form.getByRole('button', { name: 'Send request' }).click();

      // My requests: status, expiry in the person's zone, withdraw.
      await page.waitForURL(/\/requests\/sent$/);
      const mine = page.getByRole('list', { name: 'My requests' }).getByRole('listitem');
      await mine.filter({ hasText: subject }).waitFor();
      expect(await mine.count()).toBe(1);
      const sentCard = await mine.first().innerText();
      expect(sentCard).toMatch(/To Mina Mentor/);
      expect(sentCard).toMatch(/Waiting for an answer/);
      // In the profile's zone (the browser runs in UTC), and named.
      expect(sentCard).toMatch(/Expires \d{1,2} \w{3} \d{4}, \d{2}:\d{2} \(Europe\/Berlin\)/);
      await mine.first().getByRole('button', { name: 'Withdraw the request to Mina Mentor' }).waitFor();
      await expectCleanPage(page, 'mentee-my-requests-1280');
      expect(asMentee.pageErrors).toEqual([]);
      await page.close();

      // The same pages on a phone.
      const phone = await open(mentee, PHONE);
      page = phone.page;
      await page.goto(`${e2e.api.baseUrl}/orgs/${orgId}/requests/sent`);
      await page.getByRole('list', { name: 'My requests' }).getByText(subject).waitFor();
      await expectCleanPage(page, 'mentee-my-requests-390');
      await page.goto(page.url().replace(/requests\/sent$/, 'cohorts'));
      await page.getByRole('link', { name: /^Find a mentor in / }).waitFor();
      await expectCleanPage(page, 'mentee-cohorts-390');
      await page.getByRole('link', { name: /^Find a mentor in / }).click();
      const phoneMina = page
        .getByRole('list', { name: 'Suggested mentors' })
        .getByRole('listitem')
        .filter({ hasText: 'Mina Mentor' });
      // Asked already: no second request, the way to the first instead.
      await phoneMina.getByText('Request sent, waiting for an answer.').waitFor();
      await expectCleanPage(page, 'mentee-suggestions-390');
      await page.getByRole('list', { name: 'Suggested mentors' }).getByRole('button').first().click();
      const phoneForm = page.getByRole('form');
      await phoneForm.waitFor();
      await expectCleanPage(page, 'mentee-request-form-390');
      // The browser's back returns to the list; forward to the form again.
      await page.goBack();
      await page.getByRole('list', { name: 'Suggested mentors' }).waitFor();
      await page.goForward();
      // The form's own heading: read before it renders, the list's "Find a mentor" is still there.
      const formHeading = page.getByRole('heading', { level: 1, name: /^Ask / });
      await formHeading.waitFor();
      const secondMentor = (await formHeading.innerText()).replace(/^Ask /, '');
      await phoneForm.getByLabel('Subject').fill('Half an hour on code review habits?');
      await phoneForm.getByLabel('How I found you').fill('The mentor list of the cohort');
      await phoneForm.getByLabel('What I want to learn').fill('How to review code kindly and fast.');
      await phoneForm.getByLabel('My specific ask').fill('A first call of 15 minutes.');
      await phoneForm.getByLabel('What I offer back').fill('My review checklist.');
      await phoneForm.getByRole('button', { name: 'Send request' }).click();
      // Withdrawn again, after a question: the mentee asks Mina only.
      await page.waitForURL(/\/requests\/sent$/);
      await page.getByRole('button', { name: `Withdraw the request to ${secondMentor}` }).click();
      const confirm = page.getByRole('dialog', { name: 'Withdraw the request?' });
      await confirm.waitFor();
      await expectCleanPage(page, 'mentee-withdraw-390');
      await confirm.getByRole('button', { name: 'Withdraw' }).click();
      const withdrawn = page
        .getByRole('list', { name: 'My requests' })
        .getByRole('listitem')
        .filter({ hasText: `To ${secondMentor}` });
      await withdrawn.getByText('Withdrawn', { exact: true }).waitFor();
      expect(await withdrawn.getByRole('button', { name: /Withdraw/ }).count()).toBe(0);
      expect(phone.pageErrors).toEqual([]);
      await page.close();

      // The mentor: the request with every part, their free places; accept.
      const asMentor = await open(mentor);
      page = asMentor.page;
      await page.getByRole('navigation').getByRole('link', { name: 'Requests to me' }).click();
      await page.waitForURL(/\/requests\/received$/);
      await page.getByText('1 of 1 place free').waitFor();
      const toMe = page.getByRole('list', { name: 'Requests to me' }).getByRole('listitem');
      const manu = toMe.filter({ hasText: 'From Manu Mentee' });
      await manu.getByText(/Answer before .* \(Europe\/Berlin\)/).waitFor();
      expect(await manu.innerText()).toMatch(/How to introduce strict TypeScript in an old codebase\./);
      await expectCleanPage(page, 'mentor-requests-1280');
      await manu.getByRole('button', { name: 'Decline the request from Manu Mentee' }).click();
      await manu.getByRole('radio', { name: 'Not my area' }).waitFor();
      await expectCleanPage(page, 'mentor-decline-form-1280');
      await manu.getByRole('button', { name: 'Cancel' }).click();
      await manu.getByRole('button', { name: 'Accept the request from Manu Mentee' }).click();
      await page.getByText('0 of 1 place free').waitFor();
      await manu.waitFor({ state: 'detached' });

      // Full now: the next accept is refused in words, and the request stays open.
      const other = toMe.filter({ hasText: 'Half an hour on SQL tuning' });
      await other.getByRole('button', { name: /^Accept the request from / }).click();
      await other
        .getByRole('alert')
        .getByText(/You have no free place/)
        .waitFor();
      await expectCleanPage(page, 'mentor-at-capacity-1280');
      expect(asMentor.pageErrors).toEqual([]);
      await page.close();

      const mentorPhone = await open(mentor, PHONE);
      page = mentorPhone.page;
      await page.goto(`${e2e.api.baseUrl}/orgs/${orgId}/requests/received`);
      await page.getByText('0 of 1 place free').waitFor();
      // So the mentor declines it (on a phone), with a reason the mentee reads and a word.
      const full = page
        .getByRole('list', { name: 'Requests to me' })
        .getByRole('listitem')
        .filter({ hasText: 'Half an hour on SQL tuning' });
      await full.getByRole('button', { name: /^Decline the request from / }).click();
      await full.getByRole('button', { name: 'Decline the request' }).click();
      await full.getByText('Pick a reason.').waitFor();
      await expectCleanPage(page, 'mentor-decline-form-390');
      await full.getByRole('radio', { name: 'Too busy right now' }).check();
      await full.getByLabel(/A word to/).fill('Full until summer, sorry.');
      await full.getByRole('button', { name: 'Decline the request' }).click();
      await full.waitFor({ state: 'detached' });
      const [declined] = await e2e.api.db.query<Record<string, unknown>>(
        `SELECT status, decline_reason, decline_note FROM match_requests WHERE mentee_user_id = $1`,
        [waiting.id],
      );
      expect(declined).toEqual({
        status: 'declined',
        decline_reason: 'too-busy',
        decline_note: 'Full until summer, sorry.',
      });
      await page.getByText('No request is waiting for your answer.').waitFor();
      await expectCleanPage(page, 'mentor-nothing-waiting-390');
      await page.getByLabel('Status').focus();
      await page.keyboard.press('Enter');
      await page.getByRole('option', { name: 'Any status', exact: true }).click();
      const answered = page.getByRole('list', { name: 'Requests to me' }).getByRole('listitem');
      await answered.filter({ hasText: 'Too busy right now' }).waitFor();
      expect(await answered.count()).toBe(2);
      await expectCleanPage(page, 'mentor-requests-390');
      expect(mentorPhone.pageErrors).toEqual([]);
      await page.close();

      // The mentee sees it accepted.
      const again = await open(mentee);
      page = again.page;
      await page.goto(`${e2e.api.baseUrl}/orgs/${orgId}/requests/sent`);
      const accepted = page
        .getByRole('list', { name: 'My requests' })
        .getByRole('listitem')
        .filter({ hasText: subject });
      await accepted.getByText('Accepted', { exact: true }).waitFor();
      expect(await accepted.innerText()).toMatch(/Mina Mentor accepted on/);
      expect(await accepted.getByRole('button', { name: /Withdraw/ }).count()).toBe(0);
      await expectCleanPage(page, 'mentee-request-accepted-1280');
      const [stored] = await e2e.api.db.query<{ status: string; match_status: string }>(
        `SELECT r.status, m.status AS match_status FROM match_requests r JOIN matches m ON m.id = r.match_id
        WHERE r.mentee_user_id = $1`,
        [mentee.id],
      );
      expect(stored).toEqual({ status: 'accepted', match_status: 'trial' });
      await page.close();
    },
    FLOW_MS,
  );

  it('says what to do where there is nothing to show: no choice in the cohort, no request sent', async () => {
    const admin = await makeUser(e2e.http, { displayName: 'Ada Admin' });
    const { id: orgId } = await makeOrganization(e2e.http, admin, 'Contoso Mentoring');
    const coordinated = await makeRoundCohort(e2e.http, e2e.api.db, admin, orgId, {
      mentors: 2,
      mentees: 0,
      matchingMode: 'coordinator',
      prefix: 'coordinated',
    });
    const tokens = e2e.api.app.get(InvitationTokens);
    const mentee = await makeMember(e2e.http, admin, orgId, ['mentee'], (id) => tokens.issue(orgId, id), {
      displayName: 'Noor Newcomer',
    });
    await enroll(orgId, coordinated.cohortId, mentee, 'mentee', { level: 2 });

    const { page, pageErrors } = await open(mentee, PHONE);
    // No "Find a mentor" where a coordinator matches; the page says why if opened anyway.
    await page.goto(`${e2e.api.baseUrl}/orgs/${orgId}/cohorts`);
    await page.getByRole('table', { name: 'Cohorts' }).getByText('Mentee · Enrolled').waitFor();
    expect(await page.getByRole('link', { name: /^Find a mentor in / }).count()).toBe(0);
    await page.goto(`${e2e.api.baseUrl}/orgs/${orgId}/cohorts/${coordinated.cohortId}/mentors`);
    await page.getByText('In this cohort a coordinator or a matching round makes the matches').waitFor();
    await expectCleanPage(page, 'mentee-no-choice-390');
    await page.getByRole('navigation').getByRole('link', { name: 'My requests' }).click();
    await page.getByText('You have sent no request yet.').waitFor();
    await expectCleanPage(page, 'mentee-no-requests-390');
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
