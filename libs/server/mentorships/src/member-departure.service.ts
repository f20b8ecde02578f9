import { Injectable, OnModuleInit } from '@nestjs/common';
import type { MatchAction } from '@mentorship/contracts';
import { MemberDepartures } from '@mentorship/organizations';
import { MatchLifecycleService } from './match-lifecycle.service';
import { MatchRepository } from './repositories/match.repository';

/** The system's step for an open match whose mentee or mentor leaves. */
const STEP_ON_DEPARTURE: Record<'proposed' | 'pending' | 'trial' | 'active', MatchAction> = {
  proposed: 'reject',
  pending: 'reject',
  // The mentee of a mentor who left goes back to the cohort's queue, ahead of new mentees.
  trial: 'end_trial',
  active: 'end',
};

/**
 * A member removed from the organization, or leaving it, mid-match (issue 9, point 8): each of
 * their open matches takes the state machine's exit with the reason `member_left`, in the
 * removal's transaction (organizations' `MemberDepartures`), so the mentor's place is freed and
 * the other side's timeline, agreement, map and check-ins stay. The matches outlive the
 * membership (their people reference users, see the migration `match-endings`).
 */
@Injectable()
export class MemberDepartureService implements OnModuleInit {
  constructor(
    private readonly departures: MemberDepartures,
    private readonly matches: MatchRepository,
    private readonly lifecycle: MatchLifecycleService,
  ) {}

  onModuleInit(): void {
    this.departures.onDeparture(async (userId) => {
      await this.endMatchesOf(userId);
    });
  }

  /** Ends the member's open matches; returns how many. */
  async endMatchesOf(userId: string): Promise<number> {
    let ended = 0;
    for (const match of await this.matches.lockOpenOf(userId)) {
      const action = STEP_ON_DEPARTURE[match.status as keyof typeof STEP_ON_DEPARTURE];
      if (await this.lifecycle.actAsSystem(match.id, action, undefined, 'member_left')) ended += 1;
    }
    return ended;
  }
}
