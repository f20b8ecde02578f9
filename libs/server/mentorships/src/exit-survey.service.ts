import { Injectable, OnModuleInit } from '@nestjs/common';
import type { MatchStatus } from '@mentorship/contracts';
import { AuditService } from '@mentorship/audit';
import { NotificationsService } from '@mentorship/notifications';
import { ProfilesService } from '@mentorship/people';
import { Clock, TenantContext } from '@mentorship/platform';
import type { ExitSurveyInputDto, ExitSurveyViewDto } from './dto/exit-survey.dto';
import type { MatchEntity } from './entities/match.entity';
import { MatchAccessService, type SeenMatch } from './match-access.service';
import { MatchLifecycleService } from './match-lifecycle.service';
import { PAIR_SIDES, reachableSides, MentorshipsNotifications } from './mentorships.notifications';
import { MentorshipsAudit } from './mentorships.audit';
import { MentorshipsException } from './mentorships.exception';
import { ExitSurveyRepository } from './repositories/exit-survey.repository';

/** A mentorship that ran (active, then ended early or completed) is asked how it went. */
export const EXIT_SURVEY_STATUSES: readonly MatchStatus[] = ['ended', 'completed'];

/**
 * The exit survey (issue 9, point 8): once a match has ended or completed, each side answers once
 * (a 1–5 rating, what worked, what to change; the texts optional). Both are invited when the
 * match ends, in the step's transaction. A side reads its own answer and only that the other
 * answered; coordinators read both.
 */
@Injectable()
export class ExitSurveyService implements OnModuleInit {
  constructor(
    private readonly access: MatchAccessService,
    private readonly surveys: ExitSurveyRepository,
    private readonly lifecycle: MatchLifecycleService,
    private readonly notifications: NotificationsService,
    private readonly profiles: ProfilesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.lifecycle.onTransition(async ({ match, to }) => {
      if (EXIT_SURVEY_STATUSES.includes(to)) await this.invite(match);
    });
  }

  async get(matchId: string): Promise<ExitSurveyViewDto> {
    return this.view(await this.access.see(matchId));
  }

  async answer(matchId: string, input: ExitSurveyInputDto): Promise<ExitSurveyViewDto> {
    const seen = await this.access.see(matchId, { lock: true });
    if (!seen.side) throw MentorshipsException.sideOnly();
    if (!EXIT_SURVEY_STATUSES.includes(seen.match.status))
      throw MentorshipsException.exitSurveyNotOpen(seen.match.status);
    const added = await this.surveys.add({
      matchId,
      side: seen.side,
      rating: input.rating,
      whatWorked: input.whatWorked || null,
      whatToChange: input.whatToChange || null,
      answeredBy: seen.caller.userId,
      answeredAt: this.clock.now(),
    });
    if (!added) throw MentorshipsException.exitSurveyAlreadyAnswered();
    await this.audit.record({
      action: MentorshipsAudit.exitSurveyAnswered,
      target: { type: 'match', id: matchId },
      details: { side: seen.side },
    });
    return this.view(seen);
  }

  private async view(seen: SeenMatch): Promise<ExitSurveyViewDto> {
    const answers = await this.surveys.ofMatch(seen.match.id);
    return {
      open: EXIT_SURVEY_STATUSES.includes(seen.match.status),
      answers: PAIR_SIDES.map((side) => {
        const answer = answers.find((a) => a.side === side);
        const readable = answer !== undefined && (seen.coordinator || seen.side === side);
        return {
          side,
          answered: answer !== undefined,
          rating: readable ? answer.rating : null,
          whatWorked: readable ? answer.whatWorked : null,
          whatToChange: readable ? answer.whatToChange : null,
          answeredAt: answer?.answeredAt.toISOString() ?? null,
        };
      }),
    };
  }

  /** Both sides are asked, once each (the notification's key is the match and the side). */
  private async invite(match: MatchEntity): Promise<void> {
    const contacts = await this.profiles.contactsOf([match.menteeUserId, match.mentorUserId]);
    const organizationId = TenantContext.organizationId();
    // A member who left the organization is not asked.
    for (const { side, recipient } of reachableSides(match, contacts)) {
      await this.notifications.notify({
        kind: MentorshipsNotifications.exitSurvey,
        recipient,
        key: `${match.id}:${side}`,
        title: 'How was your mentorship?',
        body:
          'Your mentorship has come to an end. Three short questions (a rating, what worked, what to change) help ' +
          'your program do better next time; your answers go to your program’s coordinators.',
        link: `/orgs/${organizationId}/matches/${match.id}`,
        subject: { type: 'match', id: match.id },
        due: this.clock.now(),
      });
    }
  }
}
