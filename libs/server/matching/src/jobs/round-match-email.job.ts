import { Injectable } from '@nestjs/common';
import { MATCH_STATUSES_HOLDING_A_PLACE } from '@mentorship/contracts';
import { MatchesService } from '@mentorship/mentorships';
import { EmailDeliveryService } from '@mentorship/notifications';
import { defineJob, HandlesJob, JobHandler, JobRun, TenantJobPayload } from '@mentorship/platform';
import { IsUUID } from 'class-validator';
import { RoundInputRepository } from '../repositories/round-input.repository';

export class RoundMatchEmailPayload extends TenantJobPayload {
  @IsUUID()
  matchId!: string;
}

/** Tells both sides of a match a published round made; one job per match. */
export const roundMatchEmailJob = defineJob({
  name: 'round-match-email',
  queue: 'email',
  payload: RoundMatchEmailPayload,
  key: (payload) => payload.matchId,
});

/**
 * Two emails, the mentee's and the mentor's, each sent once (a key of its own under the job's)
 * however often the job runs. A match that no longer holds a place is not announced.
 */
@Injectable()
@HandlesJob(roundMatchEmailJob)
export class RoundMatchEmailJob implements JobHandler<RoundMatchEmailPayload> {
  constructor(
    private readonly email: EmailDeliveryService,
    private readonly matches: MatchesService,
    private readonly input: RoundInputRepository,
  ) {}

  async handle(payload: RoundMatchEmailPayload, run: JobRun): Promise<void> {
    for (const side of ['mentee', 'mentor'] as const) {
      await this.email.sendOnce({ ...run, key: `${run.key}:${side}` }, async () => {
        const match = await this.matches.get(payload.matchId);
        if (!(MATCH_STATUSES_HOLDING_A_PLACE as readonly string[]).includes(match.status)) return null;
        const cohort = await this.input.cohort(match.cohortId);
        const people = await this.input.people([match.menteeUserId, match.mentorUserId]);
        const mentee = people.get(match.menteeUserId);
        const mentor = people.get(match.mentorUserId);
        if (!cohort || !mentee || !mentor) return null;
        const next =
          match.status === 'pending'
            ? side === 'mentor'
              ? 'Please accept or decline the match in Mentorship Map.'
              : `${mentor.name} is asked to accept the match.`
            : match.singleConversation
              ? 'It is one conversation: agree on a time together.'
              : 'Your trial period starts now.';
        const [to, other, role] = side === 'mentee' ? [mentee, mentor, 'mentor'] : [mentor, mentee, 'mentee'];
        return {
          to: to.email,
          subject: `Your ${role} in ${cohort.name}: ${other.name}`,
          text: [
            `Hello ${to.name},`,
            '',
            `The matching round of ${cohort.name} matched you with ${other.name} (${other.email}) as your ${role}.`,
            next,
          ].join('\n'),
        };
      });
    }
  }
}
