import type { ParticipantView, Page, ProfileView, ProgramView } from '@mentorship/contracts';
import type { SignedUpUser } from '@mentorship/testing';
import type { Page as BrowserPage, Locator } from 'playwright-core';
import {
  DESKTOP,
  PHONE,
  expectCleanPage,
  openPage,
  signIn,
  useBrowserE2e,
  watchContentSecurityPolicy,
  type Viewport,
} from './support/browser-e2e';

/**
 * Picks an option of a select from the keyboard: an empty select's floating label lies over
 * its middle, where a pointer click lands (Playwright refuses to click through it).
 */
async function choose(page: BrowserPage, select: Locator, option: string): Promise<void> {
  await select.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).waitFor({ state: 'detached' });
}

/**
 * Seven participants: five good rows and two bad ones (an unknown skill, a role that is none).
 * Members already are enrolled at once (a mentor with one place, three mentees: a gap of two);
 * the others are invited.
 */
function participantsCsv(members: { mentor: string; mentees: string[] }): string {
  return [
    'email,name,role,skills,time_zone,languages,capacity',
    `${members.mentor},Mina Mentor,mentor,Go:4,Europe/Berlin,en|de,1`,
    ...members.mentees
      .slice(0, 2)
      .map((email, i) => `${email},Mentee ${i + 1},mentee,Go:2,Europe/Lisbon,en,`),
    'cobol.fan@example.test,Cobol Fan,mentee,Cobol:3,UTC,en,',
    `${members.mentees[2]},Mentee 3,mentee,Rust:1,America/New_York,en,`,
    'bea.mentee@example.test,Bea Mentee,mentee,,Asia/Kolkata,en,',
    'boss@example.test,The Boss,boss,,,,',
  ].join('\r\n');
}

/** Issue 7, point 8: programs, cohorts, skills and profiles in the admin app. */
describe('programs, cohorts, skills and profiles in the admin app', () => {
  const e2e = useBrowserE2e();

  async function seed() {
    const { orgId, admin, member } = await e2e.organization('Northwind Mentoring');
    const coordinator = await member(['coordinator'], 'Cora Coordinator');
    const mentor = await member(['mentor'], 'Mina Mentor');
    const mentee = await member(['mentee'], 'Manu Mentee');
    const moreMentees = [await member(['mentee'], 'Mo Mentee'), await member(['mentee'], 'Ana Mentee')];
    const csv = participantsCsv({
      mentor: mentor.email,
      mentees: [mentee.email, ...moreMentees.map((m) => m.email)],
    });
    for (const name of ['Go', 'Rust', 'Public speaking', 'Kotlin']) {
      const added = await e2e.http.post(`/api/v1/orgs/${orgId}/skills`, { name }, admin.token);
      expect(added.status).toBe(201);
    }
    return { admin, orgId, coordinator, mentor, mentee, moreMentees, csv };
  }

  async function open(user: SignedUpUser, viewport: Viewport = DESKTOP) {
    const { page, pageErrors } = await openPage(e2e.browser, viewport);
    const violations = await watchContentSecurityPolicy(page);
    await signIn(page, e2e.api.baseUrl, user);
    await page.waitForURL(/\/orgs\/[^/]+\/(members|home)$/);
    return { page, pageErrors, violations };
  }

  /** On a cohort's page: the seed's participant CSV chosen for import, its preview read. */
  async function previewImport(page: BrowserPage, csv: string) {
    await page.getByRole('tab', { name: 'Import participants' }).click();
    await page.getByLabel('Participant CSV file').setInputFiles({
      name: 'participants.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByText('7 rows: 5 valid, 2 rejected.').waitFor();
  }

  it('lets a coordinator create a program and a cohort, import a CSV with two bad rows and import the rest', async () => {
    const { orgId, coordinator, mentor, mentee, moreMentees, csv } = await seed();
    const taken = await e2e.http.post<ProgramView>(
      `/api/v1/orgs/${orgId}/programs`,
      { name: 'Sales mentoring' },
      coordinator.token,
    );
    expect(taken.status).toBe(201);
    const { page, pageErrors, violations } = await open(coordinator);
    const nav = page.getByRole('navigation', { name: 'Northwind Mentoring' });
    for (const link of ['Programs', 'Cohorts', 'Skills'])
      await nav.getByRole('link', { name: link, exact: true }).waitFor();
    expect(await nav.getByRole('link', { name: 'My profile' }).count()).toBe(0);

    await nav.getByRole('link', { name: 'Programs', exact: true }).click();
    await page
      .getByRole('table', { name: 'Programs' })
      .getByRole('link', { name: 'Sales mentoring' })
      .waitFor();
    await expectCleanPage(page, 'programs-1280');

    // The editor: a name taken already is refused by the API, next to the name.
    await page.getByRole('link', { name: 'New program' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Sales mentoring');
    await page.getByText('A pair needs a language in common.').waitFor();
    await page.getByRole('button', { name: 'Create program' }).click();
    await page.getByText('A program named "Sales mentoring" exists already.').waitFor();
    await expectCleanPage(page, 'program-editor-error-1280');

    await page.getByLabel('Name', { exact: true }).fill('Engineering mentoring');
    await page.getByLabel('Skills', { exact: true }).fill('60');
    await page.getByLabel('Largest time-zone gap (hours)').fill('5');
    await page.getByText('Time zones at most 5 h apart.').waitFor();
    // Templates: the agreement every pair starts from and two milestones for every new map.
    const agreement = page.getByRole('group', { name: 'Agreement template' });
    await agreement.getByLabel('Goals').fill('Lead a project end to end\nSpeak at a meetup');
    await agreement.getByLabel('Meeting cadence').fill('Every other week, 45 minutes');
    await agreement.getByLabel('What the mentee offers back').fill('A fresh view on our tools');
    const mapTemplate = page.getByRole('group', { name: 'Map template' });
    for (const [index, title] of ['Ship a small feature', 'Give a lightning talk'].entries()) {
      await mapTemplate.getByRole('button', { name: 'Add a milestone' }).click();
      await mapTemplate.getByLabel(`Milestone ${index + 1}`, { exact: true }).fill(title);
    }
    await mapTemplate.getByRole('button', { name: 'Move up milestone 2' }).click();
    expect(await mapTemplate.getByLabel('Milestone 1', { exact: true }).inputValue()).toBe(
      'Give a lightning talk',
    );
    await page.getByRole('button', { name: 'Create program' }).click();
    await page.waitForURL(/\/programs\/[0-9a-f-]{36}$/);
    const programId = page.url().split('/').pop()!;
    const stored = await e2e.http.get<ProgramView>(
      `/api/v1/orgs/${orgId}/programs/${programId}`,
      coordinator.token,
    );
    expect(stored.body).toMatchObject({ name: 'Engineering mentoring' });
    expect(stored.body.settings.criteria).toMatchObject({ maxTimeZoneGapHours: 5, weights: { skills: 60 } });
    expect(stored.body.settings.agreementTemplate).toMatchObject({
      goals: ['Lead a project end to end', 'Speak at a meetup'],
      meetingCadence: 'Every other week, 45 minutes',
      menteeContributes: 'A fresh view on our tools',
    });
    expect(stored.body.settings.mapTemplate?.milestones.map((m) => m.title)).toEqual([
      'Give a lightning talk',
      'Ship a small feature',
    ]);
    // Read back into the editor after the save.
    await page
      .getByRole('group', { name: 'Map template' })
      .getByLabel('Milestone 2', { exact: true })
      .waitFor();
    expect(
      await page.getByRole('group', { name: 'Agreement template' }).getByLabel('Goals').inputValue(),
    ).toBe('Lead a project end to end\nSpeak at a meetup');
    await page.getByRole('heading', { name: 'Cohorts' }).waitFor();
    await expectCleanPage(page, 'program-editor-1280');

    await page.getByRole('button', { name: 'New cohort' }).click();
    const dialog = page.getByRole('dialog', { name: 'New cohort of Engineering mentoring' });
    await dialog.getByLabel('Cohort name').fill('Spring 2027');
    await dialog.getByLabel('Starts on').fill('2027-03-01');
    await dialog.getByLabel('Ends on').fill('2027-08-31');
    await dialog.getByRole('button', { name: 'Create cohort' }).click();
    await page.waitForURL(/\/cohorts\/[0-9a-f-]{36}$/);
    const cohortId = page.url().split('/').pop()!;
    await page.getByRole('heading', { name: 'Spring 2027' }).waitFor();

    await page.getByRole('button', { name: 'Open enrollment' }).click();
    await page.locator('[aria-current="step"]', { hasText: 'Enrolling' }).waitFor();

    await previewImport(page, csv);
    const rejected = page.getByRole('table', { name: 'Rejected rows' });
    await rejected.getByRole('row', { name: /5 cobol\.fan@example\.test unknown skill "Cobol"/ }).waitFor();
    await rejected.getByRole('row', { name: /8 boss@example\.test role must be mentor or mentee/ }).waitFor();
    await expectCleanPage(page, 'cohort-import-report-1280');

    await page.getByRole('button', { name: 'Import the 5 valid rows' }).click();
    await page.getByText('Imported 5 rows: 4 enrolled, 1 invited to the organization.').waitFor();
    const roster = await e2e.http.get<Page<ParticipantView>>(
      `/api/v1/orgs/${orgId}/cohorts/${cohortId}/participants?page=1&pageSize=100`,
      coordinator.token,
    );
    expect(roster.body.items.map((p) => p.email).sort()).toEqual(
      ['bea.mentee@example.test', mentor.email, mentee.email, ...moreMentees.map((m) => m.email)].sort(),
    );

    await page.getByRole('tab', { name: /^Roster/ }).click();
    const table = page.getByRole('table', { name: 'Roster' });
    await table.getByRole('cell', { name: /Bea Mentee/ }).waitFor();
    await page.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Mentor', exact: true }).click();
    await table.getByRole('cell', { name: /Bea Mentee/ }).waitFor({ state: 'detached' });
    await table.getByRole('cell', { name: /Mina Mentor/ }).waitFor();
    await expectCleanPage(page, 'cohort-roster-1280');

    await page.getByRole('tab', { name: /^Waitlist/ }).click();
    await page.getByText('2 more mentor places are needed for the 2 waiting mentees.').waitFor();
    await page.getByRole('table', { name: 'Waitlist' }).getByRole('row').nth(2).waitFor();
    await expectCleanPage(page, 'cohort-waitlist-1280');

    await nav.getByRole('link', { name: 'Cohorts', exact: true }).click();
    await page.getByRole('table', { name: 'Cohorts' }).getByRole('link', { name: 'Spring 2027' }).waitFor();
    await expectCleanPage(page, 'cohorts-1280');

    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('fits the coordinator’s pages into 390 px', async () => {
    const { orgId, coordinator, csv } = await seed();
    const program = await e2e.http.post<ProgramView>(
      `/api/v1/orgs/${orgId}/programs`,
      { name: 'Leadership circles', settings: { kind: 'group', groupSize: 6 } },
      coordinator.token,
    );
    const cohort = await e2e.http.post<{ id: string }>(
      `/api/v1/orgs/${orgId}/programs/${program.body.id}/cohorts`,
      { name: 'Autumn 2027', startsOn: '2027-09-01', endsOn: '2028-02-28' },
      coordinator.token,
    );
    const { page, pageErrors, violations } = await open(coordinator, PHONE);
    const visit = async (path: string, name: string, ready: () => Promise<void>) => {
      await page.goto(`${e2e.api.baseUrl}/orgs/${orgId}/${path}`);
      await ready();
      await expectCleanPage(page, name);
    };
    await visit('programs', 'programs-390', () =>
      page.getByRole('link', { name: 'Leadership circles' }).waitFor(),
    );
    await visit(`programs/${program.body.id}`, 'program-editor-390', () =>
      page.getByLabel('Group size').waitFor(),
    );
    await visit(`cohorts/${cohort.body.id}`, 'cohort-roster-390', () =>
      page.getByText('Nobody on the roster yet.', { exact: false }).waitFor(),
    );
    await previewImport(page, csv);
    await expectCleanPage(page, 'cohort-import-report-390');
    await visit('skills', 'skills-coordinator-390', () =>
      page.getByRole('cell', { name: 'Kotlin', exact: true }).waitFor(),
    );
    await visit('cohorts', 'cohorts-390', () => page.getByRole('cell', { name: /Autumn 2027/ }).waitFor());
    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('lets an admin add, rename, merge, retire and import skills', async () => {
    const { admin, orgId } = await seed();
    const { page, pageErrors, violations } = await open(admin);
    await page.goto(`${e2e.api.baseUrl}/orgs/${orgId}/skills`);
    const table = page.getByRole('table', { name: 'Skills' });
    await table.getByRole('cell', { name: 'Kotlin', exact: true }).waitFor();

    await page.getByLabel('New skill').fill('go');
    await page.getByRole('button', { name: 'Add skill' }).click();
    await page
      .getByText(/exists already|already/)
      .first()
      .waitFor();
    await page.getByLabel('New skill').fill('TypeScript');
    await page.getByRole('button', { name: 'Add skill' }).click();
    await table.getByRole('cell', { name: 'TypeScript', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Rename Kotlin' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename Kotlin' });
    await rename.getByLabel('New name').fill('Kotlin (JVM)');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await table.getByRole('cell', { name: 'Kotlin (JVM)', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Merge Public speaking' }).click();
    const merge = page.getByRole('dialog', { name: 'Merge Public speaking' });
    await merge.getByRole('combobox', { name: 'Merge into' }).click();
    await page.getByRole('option', { name: 'TypeScript' }).click();
    await merge.getByRole('button', { name: 'Merge' }).click();
    await table.getByRole('cell', { name: 'Public speaking', exact: true }).waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Retire Rust' }).click();
    await page.getByRole('dialog', { name: 'Retire Rust?' }).getByRole('button', { name: 'Retire' }).click();
    await table.getByRole('cell', { name: 'Rust', exact: true }).waitFor({ state: 'detached' });

    await page.getByLabel('Import skills from a CSV file').setInputFiles({
      name: 'skills.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('\uFEFFname\r\nElixir\r\nGo\r\n', 'utf8'),
    });
    await page.getByText('Added 1 skill.').waitFor();
    await table.getByRole('cell', { name: 'Elixir', exact: true }).waitFor();
    await expectCleanPage(page, 'skills-1280');

    const stored = await e2e.http.get<Page<{ name: string; status: string }>>(
      `/api/v1/orgs/${orgId}/skills?page=1&pageSize=100`,
      admin.token,
    );
    expect(stored.body.items.map((s) => `${s.name}:${s.status}`).sort()).toEqual([
      'Elixir:active',
      'Go:active',
      'Kotlin (JVM):active',
      'Rust:retired',
      'TypeScript:active',
    ]);
    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it.each([
    ['desktop', DESKTOP, '1280'],
    ['phone', PHONE, '390'],
  ] as const)('lets a mentor set capacity, a pause and skills (%s)', async (_, viewport, width) => {
    const { orgId, mentor, coordinator } = await seed();
    const program = await e2e.http.post<ProgramView>(
      `/api/v1/orgs/${orgId}/programs`,
      { name: 'Engineering mentoring' },
      coordinator.token,
    );
    const cohort = await e2e.http.post<{ id: string }>(
      `/api/v1/orgs/${orgId}/programs/${program.body.id}/cohorts`,
      { name: 'Spring 2027', startsOn: '2027-03-01', endsOn: '2027-08-31' },
      coordinator.token,
    );
    const opened = await e2e.http.post(
      `/api/v1/orgs/${orgId}/cohorts/${cohort.body.id}/status`,
      { status: 'enrolling' },
      coordinator.token,
    );
    expect(opened.status).toBe(200);

    // The mentor: capacity and a pause with its end date.
    const asMentor = await open(mentor, viewport);
    const page = asMentor.page;
    const nav = page.getByRole('navigation', { name: 'Northwind Mentoring' });
    await nav.getByRole('link', { name: 'My profile' }).click();
    await page.getByLabel('Mentees at once').fill('3');
    await page.getByText('Pause: take no new mentees').click();
    await page.getByLabel('Pause ends on').fill('2027-01-31');
    await page.getByRole('button', { name: 'Add a skill you offer' }).click();
    await choose(page, page.getByRole('combobox', { name: 'Skill', exact: true }), 'Go');
    await page.getByRole('button', { name: 'Monday 09:00' }).click();
    await page.getByRole('button', { name: 'Monday 10:00' }).click();
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Profile saved.').waitFor();
    await expectCleanPage(page, `profile-mentor-${width}`);
    const mentorProfile = await e2e.http.get<ProfileView>(`/api/v1/orgs/${orgId}/profiles/me`, mentor.token);
    expect(mentorProfile.body).toMatchObject({
      mentorCapacity: 3,
      paused: true,
      pauseEndsOn: '2027-01-31',
      offeredSkills: [expect.objectContaining({ name: 'Go', level: 3 })],
      availability: [{ day: 0, start: '09:00', end: '11:00' }],
    });
    await nav.getByRole('link', { name: 'My cohorts' }).click();
    await page.getByRole('button', { name: 'Apply as mentor' }).click();
    await page.getByRole('cell', { name: /Mentor · Applied/ }).waitFor();
    await expectCleanPage(page, `my-cohorts-mentor-${width}`);
    expect(asMentor.violations).toEqual([]);
    expect(asMentor.pageErrors).toEqual([]);
    await page.close();
  });

  it.each([
    ['desktop', DESKTOP, '1280'],
    ['phone', PHONE, '390'],
  ] as const)('lets a mentee set goals, skills to grow and free time (%s)', async (_, viewport, width) => {
    const { orgId, mentee } = await seed();
    const asMentee = await open(mentee, viewport);
    const page = asMentee.page;
    await page
      .getByRole('navigation', { name: 'Northwind Mentoring' })
      .getByRole('link', { name: 'My profile' })
      .click();
    await page.getByLabel('Your goals').fill('Lead a team of five\nSpeak at a conference');
    await page.getByRole('button', { name: 'Add a skill to grow' }).click();
    await choose(page, page.getByRole('combobox', { name: 'Skill to grow' }), 'Rust');
    await choose(page, page.getByRole('combobox', { name: 'Target level' }), '4 · advanced');
    await page.getByRole('button', { name: 'Wednesday 18:00' }).click();
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Profile saved.').waitFor();
    await expectCleanPage(page, `profile-mentee-${width}`);
    const menteeProfile = await e2e.http.get<ProfileView>(`/api/v1/orgs/${orgId}/profiles/me`, mentee.token);
    expect(menteeProfile.body).toMatchObject({
      goals: ['Lead a team of five', 'Speak at a conference'],
      wantedSkills: [expect.objectContaining({ name: 'Rust', targetLevel: 4 })],
      availability: [{ day: 2, start: '18:00', end: '19:00' }],
    });
    expect(asMentee.violations).toEqual([]);
    expect(asMentee.pageErrors).toEqual([]);
    await page.close();
  });
});
