import { Injectable, OnModuleInit } from '@nestjs/common';
import { NotificationsService, readableDay } from '@mentorship/notifications';
import { ProfilesService } from '@mentorship/people';
import { Clock, JobOutbox, TenantContext } from '@mentorship/platform';
import { AgreementsService } from './agreements.service';
import type { TrialAnswerDto, TrialViewDto } from './dto/trial.dto';
import type { MatchEntity } from './entities/match.entity';
import { trialDeadlineJob, trialHalfwayJob } from './jobs/trial-deadline.job';
import { MatchLifecycleService, sidesOf, type MatchTransitioned } from './match-lifecycle.service';
import { PAIR_SIDES as SIDES, reachableSides, MentorshipsNotifications } from './mentorships.notifications';
import { MentorshipsException } from './mentorships.exception';
import { MatchRepository } from './repositories/match.repository';
import { TrialRepository } from './repositories/trial.repository';

const DAY_MS = 24 * 3600 * 1000;
/** How long after the trial's end answers are awaited before the program's default applies. */
export const TRIAL_GRACE_DAYS = 7;

/**
 * The trial period (issue 9, point 2). It starts when the mentor accepts and ends after the
 * cohort's trial length; a nudge halfway and a deadline a grace period after the end are delayed
 * jobs. Both sides answer "continue?" (rating 1–5, a note for the coordinator): both yes makes the
 * match active, any no ends the trial without blame, and at the deadline a side that has not
 * answered counts as the program's default. A coordinator decides instead with the `confirm` or
 * `end_trial` action. A declined trial puts the mentee in the re-match queue without that mentor.
 * Every rule reads time from the one `Clock`.
 */
@Injectable()
export class TrialService implements OnModuleInit {
  constructor(
    private readonly lifecycle: MatchLifecycleService,
    private readonly matches: MatchRepository,
    private readonly trials: TrialRepository,
    private readonly outbox: JobOutbox,
    private readonly clock: Clock,
    private readonly agreements: AgreementsService,
    private readonly notifications: NotificationsService,
    private readonly profiles: ProfilesService,
  ) {}

  onModuleInit(): void {
    this.lifecycle.onTransition((step) => this.follow(step));
  }

  /** The caller's answer as the mentee or the mentor of the match. */
  async answer(matchId: string, input: TrialAnswerDto): Promise<TrialViewDto> {
    const caller = TenantContext.caller();
    const match = await this.matches.lockById(matchId);
    const sides = match ? sidesOf(match, caller) : [];
    if (!match || sides.length === 0) throw MentorshipsException.matchNotFound();
    const side = SIDES.find((s) => sides.includes(s));
    if (!side) throw MentorshipsException.trialAnswerNotASide();
    if (match.status !== 'trial') throw MentorshipsException.trialNotRunning(match.status);
    const added = await this.trials.addAnswer({
      matchId,
      side,
      continues: input.continue,
      rating: input.rating,
      privateNote: input.note ?? null,
      answeredBy: caller.userId,
      answeredAt: this.clock.now(),
    });
    if (!added) throw MentorshipsException.trialAlreadyAnswered();
    await this.settle(matchId);
    return this.view(matchId);
  }

  async get(matchId: string): Promise<TrialViewDto> {
    const match = await this.matches.byId(matchId);
    if (!match || sidesOf(match, TenantContext.caller()).length === 0)
      throw MentorshipsException.matchNotFound();
    return this.view(matchId);
  }

  /** The halfway job: nudges both sides once, if the trial still runs and halfway has come. */
  async nudgeHalfway(matchId: string): Promise<void> {
    const match = await this.matches.byId(matchId);
    if (!match || match.status !== 'trial' || !match.trialEndsAt) return;
    const now = this.clock.now();
    if (now < halfwayOf(match)) return;
    // The nudge's record keeps it to once; each side's notification has its own key as well.
    await this.trials.claimNudge(matchId, 'halfway', now);
    const contacts = await this.profiles.contactsOf([match.menteeUserId, match.mentorUserId]);
    const organizationId = TenantContext.organizationId();
    for (const { side, recipient, otherName } of reachableSides(match, contacts)) {
      await this.notifications.notify({
        kind: MentorshipsNotifications.trialHalfway,
        recipient,
        key: `${match.id}:${side}`,
        title: `Halfway through your trial with ${otherName}`,
        body:
          `Your trial period with ${otherName} is halfway through; it ends on ` +
          `${readableDay(match.trialEndsAt, recipient.timeZone)}. If you have not met yet, agree on a first ` +
          'conversation now: at the end you both say whether to continue, and either of you may stop without blame.',
        link: `/orgs/${organizationId}/matches/${match.id}`,
        subject: { type: 'match', id: match.id },
        due: now,
      });
    }
  }

  /** The deadline job: unanswered sides take the program's default, then the trial is settled. */
  async deadlineReached(matchId: string): Promise<void> {
    const match = await this.matches.lockById(matchId);
    if (!match || match.status !== 'trial' || !match.trialEndsAt) return;
    const now = this.clock.now();
    if (now < answersDueOf(match)) return;
    const { noAnswer } = await this.trials.rulesOf(match.cohortId);
    const answered = new Set((await this.trials.answersOf(matchId)).map((a) => a.side));
    for (const side of SIDES.filter((s) => !answered.has(s)))
      await this.trials.addAnswer({
        matchId,
        side,
        continues: noAnswer === 'continue',
        rating: null,
        privateNote: null,
        answeredBy: null,
        answeredAt: now,
      });
    await this.settle(matchId);
  }

  /** Any "no" ends the trial at once; two "yes" make the match active. */
  private async settle(matchId: string): Promise<void> {
    const answers = await this.trials.answersOf(matchId);
    if (answers.some((a) => !a.continues)) await this.lifecycle.actAsSystem(matchId, 'end_trial');
    else if (answers.length === SIDES.length) await this.lifecycle.actAsSystem(matchId, 'confirm');
  }

  /** What follows a step of the state machine, in its transaction. */
  private async follow({ match, from, to }: MatchTransitioned): Promise<void> {
    if (to === 'trial') await this.start(match);
    if (from === 'trial' && to === 'trial_declined')
      await this.trials.enqueueRematch({
        matchId: match.id,
        cohortId: match.cohortId,
        menteeUserId: match.menteeUserId,
        excludedMentorUserId: match.mentorUserId,
        queuedAt: match.statusChangedAt,
      });
    // Both continue (or a coordinator confirmed): the agreement is drafted from the program's template.
    if (from === 'trial' && to === 'active') await this.agreements.draft(match);
  }

  private async start(match: MatchEntity): Promise<void> {
    const { trialDays } = await this.trials.rulesOf(match.cohortId);
    const endsAt = new Date(match.statusChangedAt.getTime() + (trialDays ?? 0) * DAY_MS);
    await this.trials.setTrialEnd(match.id, endsAt);
    const started = { ...match, trialEndsAt: endsAt };
    await this.outbox.enqueue(trialHalfwayJob, { matchId: match.id }, { notBefore: halfwayOf(started) });
    await this.outbox.enqueue(trialDeadlineJob, { matchId: match.id }, { notBefore: answersDueOf(started) });
  }

  private async view(matchId: string): Promise<TrialViewDto> {
    const caller = TenantContext.caller();
    const match = await this.matches.byId(matchId);
    if (!match) throw MentorshipsException.matchNotFound();
    const sides = sidesOf(match, caller);
    const coordinator = sides.includes('coordinator');
    const answers = await this.trials.answersOf(matchId);
    return {
      status: match.status,
      endsAt: match.trialEndsAt?.toISOString() ?? null,
      answersDueAt: match.trialEndsAt ? answersDueOf(match).toISOString() : null,
      nudges: await this.trials.nudgesOf(matchId),
      answers: SIDES.map((side) => {
        const answer = answers.find((a) => a.side === side);
        // A side reads its own answer; the other's only as "answered" (no blame); coordinators all.
        const readable = coordinator || sides.includes(side);
        return {
          side,
          answered: answer !== undefined,
          byDefault: answer ? answer.answeredBy === null : false,
          continue: answer && readable ? answer.continues : null,
          rating: answer && readable ? answer.rating : null,
          note: answer && readable ? answer.privateNote : null,
        };
      }),
    };
  }
}

function halfwayOf(match: Pick<MatchEntity, 'statusChangedAt' | 'trialEndsAt'>): Date {
  const start = match.statusChangedAt.getTime();
  return new Date(start + ((match.trialEndsAt?.getTime() ?? start) - start) / 2);
}

function answersDueOf(match: Pick<MatchEntity, 'trialEndsAt'>): Date {
  return new Date((match.trialEndsAt?.getTime() ?? 0) + TRIAL_GRACE_DAYS * DAY_MS);
}
