// The demo organization's mentorships: a third program whose running cohort holds a match in
// every state of the lifecycle (proposed, pending, trial, active, completed, declined,
// trial_declined, ended), with agreements, maps, check-ins and a notebook, so a new user sees the
// whole lifecycle without setting anything up. Everything goes through the product's services as
// the people themselves would act; the one exception is said where it is. Idempotent: a cohort
// that has its matches already is left alone.
import type { INestApplicationContext } from '@nestjs/common';
import type { MatchAction, MatchEndReason } from '@mentorship/contracts';
import { AuthService } from '@mentorship/identity';
import {
  AgreementsService,
  CheckInsService,
  ExitSurveyService,
  MatchLifecycleService,
  MatchesService,
  MeetingsService,
  MentorshipMapsService,
  TrialService,
  type ExitSurveyInputDto,
  type MilestoneInputDto,
} from '@mentorship/mentorships';
import { OrganizationAccessService } from '@mentorship/organizations';
import { type AuthenticatedUser, TenantContext } from '@mentorship/platform';
import { CohortsService, ParticipantsService } from '@mentorship/programs';
import { DEMO_MENTEES, DEMO_MENTORS, type DemoParticipant } from './demo-people';
import { demoProgramWithCohort } from './demo-programs';

export const DEMO_LIFECYCLE_PROGRAM_NAME = 'Leadership Circle';
export const DEMO_LIFECYCLE_COHORT_NAME = 'Winter 2026';

const DAY_MS = 24 * 3600 * 1000;
/** A day `days` from today (negative: before), as the API writes days. */
const day = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

/**
 * The pairs, one per state. Mentors 0–5 and mentees 0–9 are in "Career Conversations" too; the
 * first mentee and mentor (whose accounts the seed prints) get matches here, so signing in as
 * them shows the lifecycle: the mentee has the active match and one in trial, the mentor a
 * completed and an ended one (neither holds a place, so the mentor can still accept a request).
 * Matches holding a place go to mentors with three.
 */
const PAIRS = {
  proposed: [5, 13],
  pending: [8, 12],
  trial: [11, 0],
  active: [14, 0],
  completed: [0, 10],
  declined: [7, 14],
  trial_declined: [9, 15],
  ended: [0, 11],
  /** A second early ending, by the mentee this time, for want of time. */
  endedEarly: [3, 16],
} as const;

type State = keyof typeof PAIRS;

/** Who helps the active mentee, and reviews their map with them: members of the demo. */
const ACTIVE_MAP_SPONSOR = 2;
const ACTIVE_MAP_BUDDY = 1;

export async function seedDemoMentorships(
  app: INestApplicationContext,
  organizationId: string,
  coordinator: AuthenticatedUser,
): Promise<void> {
  const access = app.get(OrganizationAccessService);
  const auth = app.get(AuthService);
  const asCoordinator = <T>(work: () => Promise<T>) =>
    access.enter(organizationId, coordinator, { kind: 'org-member', roles: ['coordinator'] }, work);
  const asMember = <T>(user: AuthenticatedUser, work: () => Promise<T>) =>
    access.enter(organizationId, user, { kind: 'org-member', roles: [] }, work);
  const accountOf = async (person: DemoParticipant): Promise<AuthenticatedUser> => {
    const user = await auth.accountOf(person.email);
    if (!user) throw new Error(`demo-mentorships: ${person.email} has no account (seed the people first)`);
    return { id: user.id, email: user.email };
  };

  // The program and its cohort, running.
  const cohorts = app.get(CohortsService);
  const roster = app.get(ParticipantsService);
  let { cohort } = await demoProgramWithCohort(
    app,
    asCoordinator,
    {
      name: DEMO_LIFECYCLE_PROGRAM_NAME,
      description:
        'A year of one-to-one mentoring for new team leads: a two-week trial, an agreement, a mentorship map and check-ins every two weeks.',
      settings: {
        kind: 'one-to-one',
        matchingMode: 'coordinator',
        trialDays: 14,
        trialNoAnswer: 'continue',
        checkInCadence: 'biweekly',
        durationWeeks: 52,
        defaultMentorCapacity: 2,
        privateNotesToCoordinators: true,
        agreementTemplate: {
          goals: ['Lead my team’s planning on my own'],
          meetingCadence: 'Every two weeks, 45 minutes',
          confidentiality: 'What we discuss stays between us unless we agree otherwise.',
          contact: 'Chat for quick questions; no messages after 18:00.',
          successMeasures: ['Runs a planning session alone'],
          mentorContributes: 'Experience of leading teams through two reorganizations.',
          menteeContributes: 'A fresh view on our onboarding, and notes from each session.',
        },
      },
    },
    { name: DEMO_LIFECYCLE_COHORT_NAME, startsOn: day(-120), endsOn: day(245) },
  );
  const matches = app.get(MatchesService);
  if ((await asCoordinator(() => matches.ofCohort(cohort.id))).length > 0) return;

  const people = new Map<State, { mentor: AuthenticatedUser; mentee: AuthenticatedUser; capacity: number }>();
  for (const [state, [mentor, mentee]] of Object.entries(PAIRS) as [State, readonly [number, number]][])
    people.set(state, {
      mentor: await accountOf(DEMO_MENTORS[mentor]!),
      mentee: await accountOf(DEMO_MENTEES[mentee]!),
      capacity: DEMO_MENTORS[mentor]!.capacity ?? 1,
    });

  if (cohort.status === 'draft') {
    const draft = cohort;
    cohort = await asCoordinator(() => cohorts.transition(draft.id, 'enrolling'));
  }
  if (cohort.status === 'enrolling') {
    const enrolling = cohort;
    const everyone = [...new Set([...people.values()].flatMap((p) => [p.mentor, p.mentee]))];
    const persons = [...DEMO_MENTORS, ...DEMO_MENTEES];
    for (const user of everyone) {
      if ((await asMember(user, () => cohorts.get(enrolling.id))).participation) continue;
      const person = persons.find((p) => p.email === user.email)!;
      await asCoordinator(() =>
        roster.invite(enrolling.id, { email: person.email, role: person.cohortRole }),
      );
      await asMember(user, () => roster.accept(enrolling.id));
    }
    cohort = await asCoordinator(() => cohorts.transition(enrolling.id, 'matching'));
  }
  if (cohort.status === 'matching') {
    const matching = cohort;
    cohort = await asCoordinator(() => cohorts.transition(matching.id, 'running'));
  }

  const lifecycle = app.get(MatchLifecycleService);
  const trials = app.get(TrialService);
  const agreements = app.get(AgreementsService);
  const maps = app.get(MentorshipMapsService);
  const checkIns = app.get(CheckInsService);
  const meetings = app.get(MeetingsService);
  const exitSurveys = app.get(ExitSurveyService);
  const sponsor = await accountOf(DEMO_MENTORS[ACTIVE_MAP_SPONSOR]!);
  const buddy = await accountOf(DEMO_MENTEES[ACTIVE_MAP_BUDDY]!);

  /** A match the coordinator made, waiting for the mentor, within the mentor's places. */
  const create = async (state: State) => {
    const pair = people.get(state)!;
    const [id] = await asCoordinator(() =>
      matches.create(
        [
          {
            cohortId: cohort.id,
            mentorUserId: pair.mentor.id,
            menteeUserId: pair.mentee.id,
            status: 'pending',
            origin: 'coordinator',
          },
        ],
        new Map([[pair.mentor.id, pair.capacity]]),
      ),
    );
    return { id: id!, ...pair };
  };
  type Made = Awaited<ReturnType<typeof create>>;
  const act = (user: AuthenticatedUser, id: string, action: MatchAction, reason?: string) =>
    asMember(user, () => lifecycle.act(id, action, reason));
  const answer = (user: AuthenticatedUser, id: string, goOn: boolean, rating: number, note?: string) =>
    asMember(user, () => trials.answer(id, { continue: goOn, rating, ...(note ? { note } : {}) }));

  /** Accepted, both continued, the agreement written and signed by both. */
  const activate = async (match: Made, goals: string[]) => {
    await act(match.mentor, match.id, 'accept');
    await answer(match.mentee, match.id, true, 5, 'We clicked at once.');
    await answer(match.mentor, match.id, true, 4);
    const drafted = await asMember(match.mentee, () => agreements.get(match.id));
    const edited = await asMember(match.mentee, () =>
      agreements.edit(match.id, { version: drafted.version, terms: { ...drafted.terms, goals } }),
    );
    await asMember(match.mentee, () => agreements.sign(match.id, { version: edited.version }));
    await asMember(match.mentor, () => agreements.sign(match.id, { version: edited.version }));
  };

  /** One side ends the match with a reason and its code; then the sides named answer the exit survey, mentee first. */
  const endWithSurvey = async (
    match: Made,
    by: 'mentee' | 'mentor',
    ending: { reason: string; code: MatchEndReason },
    answers: Partial<Record<'mentee' | 'mentor', ExitSurveyInputDto>>,
  ) => {
    await asMember(match[by], () => lifecycle.act(match.id, 'end', ending.reason, ending.code));
    for (const side of ['mentee', 'mentor'] as const) {
      const given = answers[side];
      if (given) await asMember(match[side], () => exitSurveys.answer(match.id, given));
    }
  };

  const milestone = (
    title: string,
    stage: MilestoneInputDto['stage'],
    dueOn: string | null,
    parts: {
      performance?: string;
      community?: string;
      measure?: string | null;
      helpers?: MilestoneInputDto['helpers'];
    } = {},
  ): MilestoneInputDto => ({
    title,
    stage,
    dueOn,
    performance: parts.performance ?? '',
    community: parts.community ?? '',
    measure: parts.measure === undefined ? `${title}: done and shown to my mentor` : parts.measure,
    ...(parts.helpers ? { helpers: parts.helpers } : {}),
  });

  const mapOf = (
    milestones: MilestoneInputDto[],
    version?: number,
    review: { nextReviewOn?: string; buddyUserId?: string } = {},
  ) => ({
    ...(version ? { version } : {}),
    ...review,
    currentState: {
      skills: [
        { name: 'Running a planning session', rating: 2 },
        { name: 'Giving feedback', rating: 3 },
      ],
      performanceThemes: ['Delegation', 'Prioritising'],
      communityInvolvement: 'Attends the leads’ guild now and then.',
    },
    desiredState: {
      description: 'Leads a team of six with confidence and helps other new leads.',
      horizonMonths: 12,
    },
    communityLevel: 'participant' as const,
    milestones,
  });

  const log = (
    user: AuthenticatedUser,
    id: string,
    daysAgo: number,
    sharedNotes: string,
    extra: { privateNotes?: string; milestoneId?: string; done?: boolean } = {},
  ) =>
    asMember(user, () =>
      checkIns.log(id, {
        heldOn: day(-daysAgo),
        durationMinutes: 45,
        sharedNotes,
        ...(extra.privateNotes ? { privateNotes: extra.privateNotes } : {}),
        actionItems: [{ text: 'Draft the next planning agenda', owner: 'mentee' }],
        ...(extra.milestoneId
          ? {
              milestoneProgress: [
                { milestoneId: extra.milestoneId, note: 'Good progress', done: extra.done },
              ],
            }
          : {}),
      }),
    );

  // proposed: what a coordinator-reviewed round leaves before its approval. Nothing in the
  // product creates a proposal by itself yet, so the pending match is set back, the one write
  // not made through a service (a proposal has no timeline entry, so none is missing).
  const proposed = await create('proposed');
  await asCoordinator(() =>
    TenantContext.manager().query(
      `UPDATE matches SET status = 'proposed' WHERE organization_id = $1 AND id = $2 AND status = 'pending'`,
      [organizationId, proposed.id],
    ),
  );

  // pending: the mentor has not answered yet.
  await create('pending');

  // declined: the mentor declined, saying why.
  const declined = await create('declined');
  await act(declined.mentor, declined.id, 'decline', 'My places are taken until summer; ask me again then.');

  // trial: accepted, the first conversation logged, a question in the notebook.
  const trial = await create('trial');
  await act(trial.mentor, trial.id, 'accept');
  await log(trial.mentor, trial.id, 0, 'First conversation: what a good year would look like.');
  await asMember(trial.mentee, () =>
    checkIns.post(trial.id, { kind: 'question', body: 'How do you say no to a request from another team?' }),
  );

  // trial_declined: the mentee said no at the end of the trial; the reason is for the coordinator.
  const trialDeclined = await create('trial_declined');
  await act(trialDeclined.mentor, trialDeclined.id, 'accept');
  await answer(trialDeclined.mentor, trialDeclined.id, true, 4);
  await answer(trialDeclined.mentee, trialDeclined.id, false, 2, 'Our time zones made meeting hard.');

  // active: the richest one — a signed agreement, a map with its warnings (a milestone missed
  // twice, one without a measure, one without a date), check-ins, a notebook and a next meeting.
  const active = await create('active');
  await activate(active, ['Run planning alone by spring', 'Give feedback every week']);
  const first = await asMember(active.mentee, () =>
    maps.save(
      active.id,
      mapOf(
        [
          milestone('Shadow two planning sessions', 'discovery', day(-40), {
            performance: 'Watch how my mentor runs planning',
            helpers: [{ kind: 'mentor', userId: active.mentor.id }],
          }),
          milestone('Run a planning session with support', 'practice', day(30), {
            performance: 'Lead planning with my mentor in the room',
            community: 'Share the agenda template in the leads’ guild',
            helpers: [
              { kind: 'sponsor', userId: sponsor.id },
              { kind: 'peer', name: 'Priya Raman', role: 'Organiser of the leads’ guild' },
            ],
          }),
          milestone('Weekly feedback to each report', 'feedback', day(60), {
            performance: 'Five minutes of feedback with each report every week',
            measure: null,
          }),
          milestone('Mentor a newer lead', 'mastery', null, {
            community: 'Take on a new lead from the next cohort',
          }),
        ],
        undefined,
        // A peer from another cohort reviews the map with the mentee, a fortnight from now.
        { nextReviewOn: day(14), buddyUserId: buddy.id },
      ),
    ),
  );
  // The first milestone is moved to a later day that has passed too: missed twice, with prompts.
  const retargeted = first.milestones.map((m, i): MilestoneInputDto => ({
    id: m.id,
    title: m.title,
    stage: m.stage,
    performance: m.performance,
    community: m.community,
    measure: m.measure,
    helpers: m.helpers,
    dueOn: i === 0 ? day(-5) : m.dueOn,
  }));
  await asMember(active.mentee, () => maps.save(active.id, mapOf(retargeted, first.version)));
  await log(active.mentor, active.id, 21, 'Went through the team’s next quarter together.', {
    privateNotes: 'Confident on content; needs practice on saying no.',
  });
  await log(active.mentee, active.id, 7, 'Planned the session I will run next month.', {
    milestoneId: first.milestones[1]!.id,
  });
  await asMember(active.mentee, () =>
    checkIns.post(active.id, {
      kind: 'reflection',
      body: 'Running the agenda past my mentor first saved me an hour.',
    }),
  );
  await asMember(active.mentor, () =>
    checkIns.post(active.id, { kind: 'result', body: 'Planning ran on time with all six people.' }),
  );
  await asMember(active.mentee, () =>
    meetings.plan(active.id, {
      startsAt: `${day(7)}T15:30`,
      durationMinutes: 45,
      location: 'Video call',
      agenda: 'Review the planning session; retarget the first milestone.',
    }),
  );

  // completed: the year went well; a coordinator completed it.
  const completed = await create('completed');
  await activate(completed, ['Take over the team’s roadmap']);
  const done = await asMember(completed.mentee, () =>
    maps.save(
      completed.id,
      mapOf([
        milestone('Own the roadmap review', 'practice', day(-30), { performance: 'Present the roadmap' }),
        milestone('Present at the guild', 'feedback', day(-10), { community: 'A talk at the leads’ guild' }),
        milestone('Hand over to a successor', 'mastery', day(20), { performance: 'Write the handover' }),
      ]),
    ),
  );
  await log(completed.mentee, completed.id, 14, 'The roadmap review went well.', {
    milestoneId: done.milestones[0]!.id,
    done: true,
  });
  await asCoordinator(() => lifecycle.act(completed.id, 'complete'));
  await asMember(completed.mentee, () =>
    exitSurveys.answer(completed.id, {
      rating: 5,
      whatWorked: 'Having the roadmap review as a milestone gave every meeting a purpose.',
      whatToChange: 'Start the handover milestone earlier.',
    }),
  );

  // ended: ended early by the mentor, with a reason code and a note both read.
  const ended = await create('ended');
  await activate(ended, ['Prepare for the team lead role']);
  await asMember(ended.mentee, () =>
    maps.save(
      ended.id,
      mapOf([
        milestone('Shadow a team lead', 'discovery', day(15), { performance: 'Two days of shadowing' }),
        milestone('Lead a retrospective', 'practice', day(45), { performance: 'Run one retro' }),
        milestone('Join the guild', 'practice', day(60), { community: 'Attend the leads’ guild monthly' }),
      ]),
    ),
  );
  await log(ended.mentor, ended.id, 3, 'Agreed the shadowing days.');
  // The exit survey after it: both answered, each reads only their own (coordinators both).
  await endWithSurvey(
    ended,
    'mentor',
    { reason: 'I am moving to another office and cannot keep our meetings.', code: 'role_change' },
    {
      mentee: {
        rating: 4,
        whatWorked: 'The shadowing days showed me what the role is really like.',
        whatToChange: 'Agree early what happens if one of us has to move.',
      },
      mentor: {
        rating: 3,
        whatWorked: 'A clear first milestone.',
        whatToChange: 'I should have said sooner that my move was coming.',
      },
    },
  );

  // endedEarly: the mentee ended it four months in, for want of time; the exit survey is the
  // mentor's still to answer.
  const endedEarly = await create('endedEarly');
  await activate(endedEarly, ['Learn to delegate the team’s on-call planning']);
  await log(endedEarly.mentee, endedEarly.id, 20, 'Mapped which on-call tasks could be handed over.');
  await endWithSurvey(
    endedEarly,
    'mentee',
    {
      reason:
        'Our release crunch runs until the summer and I cannot keep the meetings; I would like to join the next cohort.',
      code: 'no_time',
    },
    { mentee: { rating: 4, whatWorked: 'Every meeting ended with one thing to try that week.' } },
  );
}
