import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditService } from '@mentorship/audit';
import { NotificationsService } from '@mentorship/notifications';
import { ProfilesService } from '@mentorship/people';
import { Clock, JobOutbox, TenantContext } from '@mentorship/platform';
import { ProgramsException } from '@mentorship/programs';
import type {
  CohortFeedbackDto,
  CohortSurveyViewDto,
  OutcomeInputDto,
  OutcomeViewDto,
  PulseInputDto,
  PulseViewDto,
  SurveyAnsweredDto,
  SurveyInputDto,
} from './dto/feedback.dto';
import type { MatchEntity } from './entities/match.entity';
import { pulseDueJob } from './jobs/pulse-due.job';
import { MatchAccessService, RUNNING_MATCH_STATUSES, type SeenMatch } from './match-access.service';
import { MatchLifecycleService } from './match-lifecycle.service';
import {
  PAIR_SIDES,
  reachableSides,
  type PairSide,
  MentorshipsNotifications,
} from './mentorships.notifications';
import { MentorshipsAudit } from './mentorships.audit';
import { MentorshipsException } from './mentorships.exception';
import { MatchEventRepository } from './repositories/match-event.repository';
import { FeedbackRepository } from './repositories/feedback.repository';
import { MatchRepository } from './repositories/match.repository';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Feedback (issue 9.6): a pulse per side and period of the program's interval (1-5 and a
 * comment), each side's success measures of the match, and an end-of-cohort survey with a 0-10
 * recommendation. Coordinators read them in aggregate per cohort, never per person; comments
 * only where the program lets them read private notes.
 */
@Injectable()
export class FeedbackService implements OnModuleInit {
  constructor(
    private readonly access: MatchAccessService,
    private readonly feedback: FeedbackRepository,
    private readonly events: MatchEventRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly lifecycle: MatchLifecycleService,
    private readonly matches: MatchRepository,
    private readonly notifications: NotificationsService,
    private readonly profiles: ProfilesService,
    private readonly outbox: JobOutbox,
  ) {}

  onModuleInit(): void {
    // An active match is asked for a pulse as each period opens, from the next one on (the
    // trial's answers were just given); a match that ends takes its waiting reminders back.
    this.lifecycle.onTransition(async ({ match, to }) => {
      if (to === 'active') {
        const { period } = await this.periodOf(match);
        await this.schedulePulse(match, period + 1);
      } else if (to !== 'trial') await this.notifications.withdrawAll(PULSE, `${match.id}:`);
    });
  }

  /**
   * The pulse job of `period`: each side of the (still active) match that has not answered it is
   * reminded on the morning the period opens, and the next period's job is recorded.
   */
  async remindOfPulse(matchId: string, period: number): Promise<void> {
    const match = await this.matches.byId(matchId);
    if (!match || match.status !== 'active') return;
    const { start, intervalDays } = await this.pulseClockOf(match);
    const opens = new Date(start + period * intervalDays * DAY_MS);
    const answered = new Set((await this.feedback.pulsesOfPeriod(matchId, period)).map((a) => a.side));
    for (const side of PAIR_SIDES) if (!answered.has(side)) await this.remindSide(match, side, period, opens);
    await this.schedulePulse(match, period + 1);
  }

  private async schedulePulse(match: MatchEntity, period: number): Promise<void> {
    const { start, intervalDays } = await this.pulseClockOf(match);
    await this.outbox.enqueue(
      pulseDueJob,
      { matchId: match.id, period },
      { notBefore: new Date(start + period * intervalDays * DAY_MS) },
    );
  }

  private async remindSide(match: MatchEntity, side: PairSide, period: number, opens: Date): Promise<void> {
    const contacts = await this.profiles.contactsOf([match.menteeUserId, match.mentorUserId]);
    const reached = reachableSides(match, contacts).find((reachable) => reachable.side === side);
    if (!reached) return;
    const { recipient, otherName } = reached;
    await this.notifications.notify({
      kind: PULSE,
      recipient,
      key: `${match.id}:${period}:${recipient.userId}`,
      title: `How is it going with ${otherName}?`,
      body:
        `It is time for this period's pulse on your mentorship with ${otherName}: one rating from 1 to 5 ` +
        'and a line if you like. Coordinators see pulses only in aggregate, never yours alone.',
      link: `/orgs/${TenantContext.organizationId()}/matches/${match.id}`,
      subject: { type: 'match', id: match.id },
      due: new Date(Math.max(opens.getTime(), this.clock.now().getTime())),
    });
  }

  async pulse(matchId: string): Promise<PulseViewDto> {
    return this.pulseView(await this.access.see(matchId));
  }

  async answerPulse(matchId: string, input: PulseInputDto): Promise<PulseViewDto> {
    const seen = await this.access.asSide(matchId, RUNNING_MATCH_STATUSES);
    const { period, nextPeriodOn } = await this.periodOf(seen.match);
    const added = await this.feedback.addPulse({
      matchId,
      side: seen.side,
      period,
      rating: input.rating,
      comment: input.comment || null,
      answeredBy: seen.caller.userId,
      answeredAt: this.clock.now(),
    });
    if (!added) throw MentorshipsException.pulseAlreadyAnswered(nextPeriodOn);
    // Answered: this period's reminder is settled; the caller's next one waits for its period.
    await this.notifications.withdraw(PULSE, `${matchId}:${period}:${seen.caller.userId}`);
    if (seen.match.status === 'active') {
      const { start, intervalDays } = await this.pulseClockOf(seen.match);
      await this.remindSide(
        seen.match,
        seen.side,
        period + 1,
        new Date(start + (period + 1) * intervalDays * DAY_MS),
      );
    }
    await this.audit.record({
      action: MentorshipsAudit.pulseAnswered,
      target: { type: 'match', id: matchId },
      details: { side: seen.side, period },
    });
    return this.pulseView(seen);
  }

  /** The caller's own success measures of the match (null before they report). */
  async outcome(matchId: string): Promise<OutcomeViewDto | null> {
    const seen = await this.access.see(matchId);
    if (!seen.side) return null;
    const row = await this.feedback.outcomeOf(matchId, seen.side);
    return row && { ...row, reportedAt: new Date(row.reportedAt).toISOString() };
  }

  async reportOutcome(matchId: string, input: OutcomeInputDto): Promise<OutcomeViewDto> {
    const seen = await this.access.asSide(matchId, [...RUNNING_MATCH_STATUSES, 'completed', 'ended']);
    const row = { side: seen.side, ...input, reportedAt: this.clock.now() };
    await this.feedback.saveOutcome(matchId, row, seen.caller.userId);
    await this.audit.record({
      action: MentorshipsAudit.outcomeReported,
      target: { type: 'match', id: matchId },
      details: { side: seen.side },
    });
    return { ...row, reportedAt: row.reportedAt.toISOString() };
  }

  /** Whether the caller's end-of-cohort survey takes an answer, and the one they gave. */
  async survey(cohortId: string): Promise<CohortSurveyViewDto> {
    const { status } = await this.feedback.rulesOf(cohortId);
    if (status === null) throw ProgramsException.cohortNotFound();
    const { userId } = TenantContext.caller();
    const participant = await this.feedback.isEnrolled(cohortId, userId);
    const answer = participant ? await this.feedback.surveyAnswerOf(cohortId, userId) : null;
    return {
      cohortId,
      participant,
      open: participant && status === 'closed',
      answer: answer && { ...answer, answeredAt: answer.answeredAt.toISOString() },
    };
  }

  /** The caller's end-of-cohort survey: an enrolled mentor or mentee of a closed cohort, once. */
  async answerSurvey(cohortId: string, input: SurveyInputDto): Promise<SurveyAnsweredDto> {
    const { status } = await this.feedback.rulesOf(cohortId);
    if (status === null) throw ProgramsException.cohortNotFound();
    const caller = TenantContext.caller();
    if (!(await this.feedback.isEnrolled(cohortId, caller.userId)))
      throw MentorshipsException.notCohortParticipant();
    if (status !== 'closed') throw MentorshipsException.cohortNotClosed(status);
    const added = await this.feedback.addSurvey({
      cohortId,
      userId: caller.userId,
      recommend: input.recommend,
      comment: input.comment || null,
      at: this.clock.now(),
    });
    if (!added) throw MentorshipsException.surveyAlreadyAnswered();
    await this.audit.record({
      action: MentorshipsAudit.surveyAnswered,
      target: { type: 'cohort', id: cohortId },
      details: {},
    });
    return { cohortId, recommend: input.recommend };
  }

  /** The cohort's feedback, counted (coordinators). */
  async cohortFeedback(cohortId: string): Promise<CohortFeedbackDto> {
    const { status, commentsToCoordinators } = await this.feedback.rulesOf(cohortId);
    if (status === null) throw ProgramsException.cohortNotFound();
    const rows = await this.feedback.cohortFeedback(cohortId, commentsToCoordinators);
    const { promoters, passives, detractors } = rows.recommend;
    const answers = promoters + passives + detractors;
    return {
      cohortId,
      pulses: rows.pulses,
      recommendation: {
        answers,
        promoters,
        passives,
        detractors,
        netPromoterScore: answers > 0 ? Math.round(((promoters - detractors) * 100) / answers) : null,
      },
      outcomes: rows.outcomes,
      comments: commentsToCoordinators ? rows.comments : null,
    };
  }

  private async pulseView(seen: SeenMatch): Promise<PulseViewDto> {
    const { intervalDays } = await this.feedback.rulesOf(seen.match.cohortId);
    const { period, nextPeriodOn } = await this.periodOf(seen.match, intervalDays);
    const answers = seen.side ? await this.feedback.pulsesOf(seen.match.id, seen.side) : [];
    return {
      intervalDays,
      period,
      due:
        seen.side !== null &&
        RUNNING_MATCH_STATUSES.includes(seen.match.status) &&
        !answers.some((a) => a.period === period),
      nextPeriodOn,
      answers: answers.map((a) => ({
        period: a.period,
        rating: a.rating,
        comment: a.comment,
        answeredAt: a.answeredAt.toISOString(),
      })),
    };
  }

  /** Periods count from when the mentorship began (its trial, or active at once), else its creation. */
  private async pulseClockOf(
    match: MatchEntity,
    interval?: number,
  ): Promise<{ start: number; intervalDays: number }> {
    const intervalDays = interval ?? (await this.feedback.rulesOf(match.cohortId)).intervalDays;
    const began = (await this.events.ofMatch(match.id)).find(
      (e) => e.toStatus === 'trial' || e.toStatus === 'active',
    );
    return { start: (began?.occurredAt ?? match.createdAt).getTime(), intervalDays };
  }

  private async periodOf(
    match: MatchEntity,
    interval?: number,
  ): Promise<{ period: number; nextPeriodOn: string }> {
    const { start, intervalDays } = await this.pulseClockOf(match, interval);
    const period = Math.max(0, Math.floor((this.clock.now().getTime() - start) / (intervalDays * DAY_MS)));
    const next = new Date(start + (period + 1) * intervalDays * DAY_MS);
    return { period, nextPeriodOn: next.toISOString().slice(0, 10) };
  }
}

const PULSE = MentorshipsNotifications.pulseDue;
