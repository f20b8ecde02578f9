// Seeds the demo organization and its people through the product's own services, the way
// people do it: sign up, create the organization, invite each person, who accepts.
// Idempotent: running it again changes nothing. Run through scripts/demo.mjs (or
// `node scripts/seed-demo.mjs`).
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { OrganizationView } from '@mentorship/contracts';
import { ProfilesService, SkillQueryDto, SkillsService, type UpdateProfileDto } from '@mentorship/people';
import { CohortsService, ParticipantsService } from '@mentorship/programs';
import { WorkerModule } from '@mentorship/bootstrap';
import { MatchRequestQueryDto, MatchRequestsService, SuggestionsService } from '@mentorship/matching';
import { AuthService } from '@mentorship/identity';
import {
  InvitationsService,
  InvitationTokens,
  OrganizationAccessService,
  OrganizationsService,
} from '@mentorship/organizations';
import { AuthenticatedUser, loadAppConfig } from '@mentorship/platform';
import { seedDemoHistory } from './demo-history';
import { seedDemoNotifications } from './demo-notifications';
import {
  DEMO_MENTEES,
  DEMO_MENTORS,
  DEMO_PEOPLE,
  DEMO_SKILLS,
  DEMO_STAFF,
  type DemoParticipant,
  type DemoPerson,
} from './demo-people';
import { seedDemoMentorships } from './demo-mentorships';
import { demoProgramWithCohort } from './demo-programs';

export const DEMO_ORGANIZATION_NAME = 'Demo Mentoring Program';
export const DEMO_PASSWORD = 'mentorship-demo-2026';
export const DEMO_PROGRAM_NAME = 'Engineering & Product Mentoring';
export const DEMO_COHORT_NAME = 'Spring 2026';
/** A second program, where mentees choose their mentor from suggestions and send requests. */
export const DEMO_CHOICE_PROGRAM_NAME = 'Career Conversations';
export const DEMO_CHOICE_COHORT_NAME = 'Autumn 2026';

/** The first is the organization's creator, hence its admin. */
const PEOPLE: DemoPerson[] = DEMO_PEOPLE;

async function seed(): Promise<void> {
  const config = loadAppConfig(process.env, { logLevel: 'error' });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
  try {
    const auth = app.get(AuthService);
    const organizations = app.get(OrganizationsService);
    const invitations = app.get(InvitationsService);
    const tokens = app.get(InvitationTokens);
    const access = app.get(OrganizationAccessService);

    const account = async (person: DemoPerson): Promise<AuthenticatedUser> => {
      const user =
        (await auth.accountOf(person.email)) ??
        (await auth.register({
          email: person.email,
          displayName: person.displayName,
          password: DEMO_PASSWORD,
        }));
      return { id: user.id, email: user.email };
    };
    const organizationOf = async (user: AuthenticatedUser): Promise<OrganizationView | undefined> =>
      (await organizations.listMine(user.id)).items.find((o) => o.name === DEMO_ORGANIZATION_NAME);

    const [creator, ...others] = PEOPLE;
    const admin = await account(creator!);
    const organization =
      (await organizationOf(admin)) ?? (await organizations.create(admin, { name: DEMO_ORGANIZATION_NAME }));
    // By name: people who join together are listed by name, so this keeps the members page's order.
    for (const person of [...others].sort((a, b) => a.displayName.localeCompare(b.displayName))) {
      const user = await account(person);
      if (await organizationOf(user)) continue;
      const invitation = await access.enter(
        organization.id,
        admin,
        { kind: 'org-member', roles: ['admin'] },
        () => invitations.invite({ email: person.email, roles: person.roles }),
      );
      await access.enter(organization.id, user, { kind: 'org-invitee' }, () =>
        invitations.accept(tokens.issue(organization.id, invitation.id)),
      );
    }

    const coordinator = await account(DEMO_STAFF[1]!);
    const asAdmin = <T>(work: () => Promise<T>) =>
      access.enter(organization.id, admin, { kind: 'org-member', roles: ['admin'] }, work);
    const asCoordinator = <T>(work: () => Promise<T>) =>
      access.enter(organization.id, coordinator, { kind: 'org-member', roles: ['coordinator'] }, work);
    const asMember = <T>(user: AuthenticatedUser, work: () => Promise<T>) =>
      access.enter(organization.id, user, { kind: 'org-member', roles: [] }, work);

    // The skills catalogue.
    const skills = app.get(SkillsService);
    const catalogue = await asAdmin(() => skills.list(Object.assign(new SkillQueryDto(), { pageSize: 100 })));
    const skillIds = new Map(catalogue.items.map((skill) => [skill.name, skill.id]));
    for (const name of DEMO_SKILLS.filter((name) => !skillIds.has(name))) {
      const added = await asAdmin(() => skills.add({ name }));
      skillIds.set(added.name, added.id);
    }

    // Everyone in the cohort fills in a profile, once.
    const profiles = app.get(ProfilesService);
    const participants = [...DEMO_MENTORS, ...DEMO_MENTEES];
    const users = new Map<string, AuthenticatedUser>();
    for (const person of participants) {
      const user = await account(person);
      users.set(person.email, user);
      const current = await asMember(user, () => profiles.mine());
      if (current.updatedAt === null)
        await asMember(user, () => profiles.updateMine(profileOf(person, skillIds)));
    }

    // A program and its cohort with everyone enrolled, in matching.
    const cohorts = app.get(CohortsService);
    const roster = app.get(ParticipantsService);
    let { cohort } = await demoProgramWithCohort(
      app,
      asCoordinator,
      {
        name: DEMO_PROGRAM_NAME,
        description:
          'Six months of one-to-one mentoring across engineering, product, data and the business: skills, careers and leadership.',
        settings: {
          kind: 'one-to-one',
          matchingMode: 'automatic',
          criteria: {
            weights: { skills: 35, goals: 20, availability: 20, languages: 15 },
            mustHaves: ['languages'],
            maxTimeZoneGapHours: 8,
            excludeSameReportingLine: true,
          },
          trialDays: 30,
          checkInCadence: 'biweekly',
          durationWeeks: 26,
          defaultMentorCapacity: 2,
        },
      },
      {
        name: DEMO_COHORT_NAME,
        enrollmentOpensOn: '2026-01-05',
        enrollmentClosesOn: '2026-12-31',
        startsOn: '2026-03-02',
        endsOn: '2027-08-31',
      },
    );
    if (cohort.status === 'draft')
      cohort = await asCoordinator(() => cohorts.transition(cohort.id, 'enrolling'));
    for (const person of participants) {
      const user = users.get(person.email)!;
      const place = (await asMember(user, () => cohorts.get(cohort.id))).participation;
      if (place) continue;
      await asCoordinator(() => roster.invite(cohort.id, { email: person.email, role: person.cohortRole }));
      await asMember(user, () => roster.accept(cohort.id));
    }
    // Everyone is in: the cohort is matching, so a new user can run a round at once
    // ("Run a matching round" on its page) and review explained proposals.
    if (cohort.status === 'enrolling') {
      const enrolled = cohort;
      cohort = await asCoordinator(() => cohorts.transition(enrolled.id, 'matching'));
    }

    // Mentees choose in the second program: its cohort is matching, with six mentors and ten
    // mentees; the first mentee asked two of their suggested mentors, one of them the first mentor.
    let { cohort: choiceCohort } = await demoProgramWithCohort(
      app,
      asCoordinator,
      {
        name: DEMO_CHOICE_PROGRAM_NAME,
        description:
          'Mentees pick a mentor from explained suggestions and ask for a first 20-minute conversation.',
        settings: {
          kind: 'one-to-one',
          matchingMode: 'mentee-choice',
          criteria: {
            weights: { skills: 30, goals: 25, availability: 15, languages: 15 },
            mustHaves: ['languages'],
          },
          trialDays: 21,
          defaultMentorCapacity: 2,
          suggestionFloodFactor: 3,
          requestExpiryDays: 14,
          maxOpenRequestsPerMentee: 3,
        },
      },
      {
        name: DEMO_CHOICE_COHORT_NAME,
        startsOn: '2026-09-07',
        endsOn: '2027-03-31',
      },
    );
    const inChoice = choiceCohort;
    if (inChoice.status === 'draft')
      choiceCohort = await asCoordinator(() => cohorts.transition(inChoice.id, 'enrolling'));
    // People join while it enrolls (a member sees a cohort in matching only with a place in it).
    if (choiceCohort.status === 'enrolling') {
      const enrolling = choiceCohort;
      for (const person of [...DEMO_MENTORS.slice(0, 6), ...DEMO_MENTEES.slice(0, 10)]) {
        const user = users.get(person.email)!;
        if ((await asMember(user, () => cohorts.get(enrolling.id))).participation) continue;
        await asCoordinator(() =>
          roster.invite(enrolling.id, { email: person.email, role: person.cohortRole }),
        );
        await asMember(user, () => roster.accept(enrolling.id));
      }
      choiceCohort = await asCoordinator(() => cohorts.transition(enrolling.id, 'matching'));
    }
    const requests = app.get(MatchRequestsService);
    const asker = users.get(DEMO_MENTEES[0]!.email)!;
    const firstMentor = users.get(DEMO_MENTORS[0]!.email)!;
    const sent = await asMember(asker, () =>
      requests.list('mentee', Object.assign(new MatchRequestQueryDto(), { cohortId: choiceCohort.id })),
    );
    if (sent.total === 0) {
      const suggested = await asMember(asker, () => app.get(SuggestionsService).forMe(choiceCohort.id, 5));
      const other = suggested.items.find((item) => item.mentorUserId !== firstMentor.id);
      for (const mentorUserId of [firstMentor.id, ...(other ? [other.mentorUserId] : [])])
        await asMember(asker, () =>
          requests.send(choiceCohort.id, {
            mentorUserId,
            subject: '20 minutes on moving from engineering into product, in the next two weeks?',
            howFound: 'Your profile came up first in my suggestions in Career Conversations.',
            wantToLearn:
              'How you decided what to build next when you moved from engineering to product, and what you would do differently.',
            specificAsk: 'A first conversation of 20 minutes, at a time that suits you.',
            offerBack: 'I can walk you through the data pipeline our team rebuilt this year.',
          }),
        );
    }

    await seedDemoNotifications(app, organization.id, asker, choiceCohort.id, asMember);
    await seedDemoMentorships(app, organization.id, coordinator);
    // Last: it rolls the year up, so the dashboard counts every demo match, these included.
    await seedDemoHistory(
      app,
      organization.id,
      [DEMO_PROGRAM_NAME, DEMO_CHOICE_PROGRAM_NAME],
      creator!.email,
    );
  } finally {
    await app.close();
  }
}

/** The profile a demo participant fills in, by the catalogue's ids. */
function profileOf(person: DemoParticipant, skillIds: Map<string, string>): UpdateProfileDto {
  const skills = person.skills.map(([name, level]) => ({ skillId: skillIds.get(name)!, level }));
  const mentor = person.cohortRole === 'mentor';
  return {
    timeZone: person.timeZone,
    languages: person.languages,
    seniority: person.seniority,
    department: person.department,
    managerEmail: person.managerEmail ?? null,
    goals: person.goals,
    topics: person.topics,
    availability: person.availability.map(([day, start, end]) => ({ day, start, end })),
    ...(mentor
      ? {
          offeredSkills: skills,
          offeredMentorTypes: person.mentorTypes,
          mentorCapacity: person.capacity ?? null,
        }
      : {
          wantedSkills: skills.map(({ skillId, level }) => ({ skillId, targetLevel: level })),
          wantedMentorTypes: person.mentorTypes,
        }),
  };
}

if (require.main === module) {
  seed()
    .then(() => {
      console.log(
        `Demo organization "${DEMO_ORGANIZATION_NAME}" is seeded. Everyone's password: ${DEMO_PASSWORD}`,
      );
      for (const person of [...DEMO_STAFF, DEMO_MENTORS[0]!, DEMO_MENTEES[0]!])
        console.log(`  ${person.roles.join('+').padEnd(14)} ${person.email}`);
      console.log(
        `  and ${PEOPLE.length - 4} more: "${DEMO_PROGRAM_NAME}", cohort "${DEMO_COHORT_NAME}" has ${DEMO_MENTORS.length} mentors and ${DEMO_MENTEES.length} mentees and is matching: run a round from its page.`,
      );
      console.log(
        `  "${DEMO_CHOICE_PROGRAM_NAME}" lets mentees choose: in "${DEMO_CHOICE_COHORT_NAME}" ${DEMO_MENTEES[0]!.email} has open requests, one of them to ${DEMO_MENTORS[0]!.email}.`,
      );
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
