import { Injectable } from '@nestjs/common';
import { AuditService } from '@mentorship/audit';
import { Clock, TenantContext } from '@mentorship/platform';
import { ProgramsException } from '@mentorship/programs';
import type {
  CohortFeedbackDto,
  OutcomeInputDto,
  OutcomeViewDto,
  PulseInputDto,
  PulseViewDto,
  SurveyAnsweredDto,
  SurveyInputDto,
} from './dto/feedback.dto';
import type { MatchEntity } from './entities/match.entity';
import { MatchAccessService, RUNNING_MATCH_STATUSES, type SeenMatch } from './match-access.service';
import { MentorshipsAudit } from './mentorships.audit';
import { MentorshipsException } from './mentorships.exception';
import { MatchEventRepository } from './repositories/match-event.repository';
import { FeedbackRepository } from './repositories/feedback.repository';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Feedback (issue 9.6): a pulse per side and period of the program's interval (1-5 and a
 * comment), each side's success measures of the match, and an end-of-cohort survey with a 0-10
 * recommendation. Coordinators read them in aggregate per cohort, never per person; comments
 * only where the program lets them read private notes.
 */
@Injectable()
export class FeedbackService {
  constructor(
    private readonly access: MatchAccessService,
    private readonly feedback: FeedbackRepository,
    private readonly events: MatchEventRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

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
  private async periodOf(
    match: MatchEntity,
    interval?: number,
  ): Promise<{ period: number; nextPeriodOn: string }> {
    const intervalDays = interval ?? (await this.feedback.rulesOf(match.cohortId)).intervalDays;
    const began = (await this.events.ofMatch(match.id)).find(
      (e) => e.toStatus === 'trial' || e.toStatus === 'active',
    );
    const start = (began?.occurredAt ?? match.createdAt).getTime();
    const period = Math.max(0, Math.floor((this.clock.now().getTime() - start) / (intervalDays * DAY_MS)));
    const next = new Date(start + (period + 1) * intervalDays * DAY_MS);
    return { period, nextPeriodOn: next.toISOString().slice(0, 10) };
  }
}
