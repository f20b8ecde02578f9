import { Injectable, ParseUUIDPipe } from '@nestjs/common';
import type { MatchActor, MatchStatus } from '@mentorship/contracts';
import { TenantContext, type Caller } from '@mentorship/platform';
import type { MatchEntity } from './entities/match.entity';
import { sidesOf } from './match-lifecycle.service';
import { MentorshipsException } from './mentorships.exception';
import { MatchRepository } from './repositories/match.repository';

/** The match as the caller may see it, and the sides they hold on it. */
export interface SeenMatch {
  match: MatchEntity;
  sides: MatchActor[];
  caller: Caller;
  /** The side the caller takes as a person of the match (mentee first), if any. */
  side: 'mentee' | 'mentor' | null;
  coordinator: boolean;
}

/** The `:matchId` path parameter: anything but a UUID is a match that does not exist (404). */
export const matchId = new ParseUUIDPipe({ exceptionFactory: () => MentorshipsException.matchNotFound() });

/** Agreements, maps, check-ins, the notebook and meetings belong to a match in these statuses. */
export const RUNNING_MATCH_STATUSES: readonly MatchStatus[] = ['trial', 'active'];

/**
 * Who may see what hangs off a match (its agreement, map, check-ins, notebook, next meeting):
 * its mentee, its mentor and coordinators; to anyone else the match does not exist (404).
 */
@Injectable()
export class MatchAccessService {
  constructor(private readonly matches: MatchRepository) {}

  /** The match for the caller, locked when they are about to change what hangs off it. */
  async see(matchId: string, options: { lock?: boolean } = {}): Promise<SeenMatch> {
    const caller = TenantContext.caller();
    const match = options.lock ? await this.matches.lockById(matchId) : await this.matches.byId(matchId);
    const sides = match ? sidesOf(match, caller) : [];
    if (!match || sides.length === 0) throw MentorshipsException.matchNotFound();
    const side = sides.includes('mentee') ? 'mentee' : sides.includes('mentor') ? 'mentor' : null;
    return { match, sides, caller, side, coordinator: sides.includes('coordinator') };
  }

  /** The same, for a write by the mentee or the mentor of a running match (locked). */
  async asSide(
    matchId: string,
    statuses = RUNNING_MATCH_STATUSES,
  ): Promise<SeenMatch & { side: 'mentee' | 'mentor' }> {
    const seen = await this.see(matchId, { lock: true });
    if (!seen.side) throw MentorshipsException.sideOnly();
    requireStatus(seen.match, statuses);
    return { ...seen, side: seen.side };
  }
}

/** 409 `match_not_running` unless the match is in one of `statuses`. */
export function requireStatus(match: MatchEntity, statuses: readonly MatchStatus[]): void {
  if (!statuses.includes(match.status)) throw MentorshipsException.matchNotRunning(match.status, statuses);
}
