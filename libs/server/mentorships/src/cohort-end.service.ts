import { Injectable } from '@nestjs/common';
import type { MatchAction, MatchStatus } from '@mentorship/contracts';
import { NotificationsService } from '@mentorship/notifications';
import { ProfilesService } from '@mentorship/people';
import { Clock, JobOutbox, TenancyService, TenantContext } from '@mentorship/platform';
import { cohortEndJob } from './jobs/cohort-end.job';
import { MatchLifecycleService } from './match-lifecycle.service';
import { MentorshipsNotifications } from './mentorships.notifications';
import { CohortEndCandidateRepository } from './repositories/cohort-end-candidate.repository';
import { FeedbackRepository } from './repositories/feedback.repository';
import { MatchRepository } from './repositories/match.repository';

/** The system's step for a match still open when its cohort ends. */
const STEP_AT_COHORT_END: Partial<Record<MatchStatus, MatchAction>> = {
  proposed: 'reject',
  pending: 'reject',
  trial: 'complete',
  active: 'complete',
};

/**
 * The cohort's end (issue 9, point 8): once its last day (`endsOn`, UTC) has passed, or a
 * coordinator closed it (programs' status machine; programs may not call mentorships), its matches
 * in trial or active complete and those never accepted (proposed, pending) are closed, each as a
 * step of the state machine by the system with the reason code `cohort_ended`. An hourly schedule
 * finds such cohorts and records one `cohort-end` job per cohort through the outbox (in the
 * cohort's tenant); the job re-checks the date by the `Clock` and each match's status, so a job
 * that runs early, late or twice changes nothing.
 *
 * A closed cohort's end-of-cohort survey opens: the same job tells its enrolled mentors and
 * mentees so, once per cohort (a row in `cohort_survey_invitations`, written in the job's
 * transaction with the notifications), even when no match was left open to close.
 */
@Injectable()
export class CohortEndService {
  constructor(
    private readonly candidates: CohortEndCandidateRepository,
    private readonly tenancy: TenancyService,
    private readonly outbox: JobOutbox,
    private readonly matches: MatchRepository,
    private readonly lifecycle: MatchLifecycleService,
    private readonly feedback: FeedbackRepository,
    private readonly profiles: ProfilesService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  /** The schedule's tick: a job for each cohort that ended before `at`'s day with open matches. */
  async enqueueEnded(at: Date): Promise<number> {
    const due = await this.candidates.endedBy(at.toISOString().slice(0, 10));
    for (const { organizationId, cohortId } of due)
      await this.tenancy.runInTenant(organizationId, () => this.outbox.enqueue(cohortEndJob, { cohortId }));
    return due.length;
  }

  /** The job: closes the cohort's open matches if it is over; returns how many. */
  async closeMatches(cohortId: string): Promise<number> {
    const cohort = await this.matches.cohortEndOf(cohortId);
    const over = cohort && (cohort.closed || cohort.endsOn < this.clock.now().toISOString().slice(0, 10));
    if (!over) return 0;
    let closed = 0;
    for (const match of await this.matches.openOfCohort(cohortId)) {
      const action = STEP_AT_COHORT_END[match.status];
      if (action && (await this.lifecycle.actAsSystem(match.id, action, undefined, 'cohort_ended')))
        closed += 1;
    }
    // The survey takes answers only once a coordinator closed the cohort (not at its last day).
    if (cohort.closed) await this.inviteToSurvey(cohortId);
    return closed;
  }

  /** Each enrolled person who is still a member is asked once (the key is the cohort and the person). */
  private async inviteToSurvey(cohortId: string): Promise<void> {
    if (!(await this.feedback.markSurveyInvited(cohortId, this.clock.now()))) return;
    const organizationId = TenantContext.organizationId();
    const contacts = await this.profiles.contactsOf(await this.feedback.enrolledUserIds(cohortId));
    for (const recipient of contacts.values())
      await this.notifications.notify({
        kind: MentorshipsNotifications.cohortSurvey,
        recipient,
        key: `${cohortId}:${recipient.userId}`,
        title: 'Would you recommend the program?',
        body:
          'Your cohort has closed. One question (0-10: would you recommend the program to a colleague?) and ' +
          'a comment if you like help your program do better next time; your answer goes to its coordinators.',
        link: `/orgs/${organizationId}/matches`,
        subject: { type: 'cohort', id: cohortId },
        due: this.clock.now(),
      });
  }
}
