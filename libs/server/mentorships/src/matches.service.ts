import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { MatchOrigin, MatchStatus } from '@mentorship/contracts';
import { AuditService } from '@mentorship/audit';
import { Clock, TenantContext } from '@mentorship/platform';
import { MatchEntity } from './entities/match.entity';
import { MentorshipsAudit } from './mentorships.audit';
import { MentorshipsException } from './mentorships.exception';
import { MatchRepository } from './repositories/match.repository';
import { TrialRepository } from './repositories/trial.repository';

/** A match to create: who, where, from what, and the state the program starts it in. */
export interface NewMatch {
  cohortId: string;
  mentorUserId: string;
  menteeUserId: string;
  /** `pending` or `trial` as the program says (`active` for a flash program's one conversation). */
  status: Extract<MatchStatus, 'pending' | 'trial' | 'active'>;
  origin: MatchOrigin;
  originId?: string | null;
  singleConversation?: boolean;
}

/**
 * Creates matches without ever putting a mentor over capacity. The caller says how many places
 * each mentor has (their profile's capacity or the program's default, none while paused: the
 * matching context knows the program); the load is every match of the mentor that holds a place,
 * in any cohort, counted under the mentor's lock in the caller's transaction. So 50 concurrent
 * accepts for a mentor with 3 free places give 3 matches and 47 `mentor_at_capacity` answers.
 */
@Injectable()
export class MatchesService {
  constructor(
    private readonly matches: MatchRepository,
    private readonly audit: AuditService,
    private readonly trials: TrialRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * All of `matches`, or none: refuses with 409 when a mentor would go over `places` or a pair has
   * an open match in the cohort already. Returns the new matches' ids in the order given.
   */
  async create(matches: readonly NewMatch[], places: ReadonlyMap<string, number>): Promise<string[]> {
    if (matches.length === 0) return [];
    if (new Set(matches.map((m) => m.cohortId)).size !== 1)
      throw new Error('MatchesService.create takes the matches of one cohort at a time');
    const cohortId = matches[0].cohortId;
    const mentors = matches.map((m) => m.mentorUserId);
    await this.matches.lockMentors(mentors);
    // In this cohort's seats: a group program's place is a group (see `mentor_loads`).
    const load = await this.matches.loadOf(mentors, cohortId);
    const adding = new Map<string, number>();
    for (const m of matches) adding.set(m.mentorUserId, (adding.get(m.mentorUserId) ?? 0) + 1);
    for (const [mentor, count] of adding) {
      const taken = load.get(mentor) ?? 0;
      const free = places.get(mentor) ?? 0;
      if (taken + count > free) throw MentorshipsException.mentorAtCapacity(mentor, free, taken);
    }
    const [repeated] = await this.matches.openPairs(cohortId, matches);
    if (repeated) throw MentorshipsException.pairAlreadyMatched(repeated.mentorUserId, repeated.menteeUserId);
    // A job (a round published by the worker) acts for nobody in particular.
    const createdBy = TenantContext.current().caller?.userId ?? null;
    const rows = matches.map((m) => ({
      id: randomUUID(),
      cohortId: m.cohortId,
      mentorUserId: m.mentorUserId,
      menteeUserId: m.menteeUserId,
      status: m.status,
      origin: m.origin,
      originId: m.originId ?? null,
      singleConversation: m.singleConversation ?? false,
      createdBy,
    }));
    await this.matches.insertMany(rows);
    // A mentee waiting after a declined trial has a new match: out of the re-match queue.
    await this.trials.markRematched(rows, this.clock.now());
    for (const row of rows) {
      await this.audit.record({
        action: MentorshipsAudit.matchCreated,
        target: { type: 'match', id: row.id },
        details: { cohortId: row.cohortId, origin: row.origin, status: row.status },
      });
    }
    return rows.map((row) => row.id);
  }

  /**
   * Places each mentor's matches hold now, over every cohort, in the seats of `cohortId` (for
   * suggestions, requests and rounds; see `mentor_loads`).
   */
  loadOf(mentorUserIds: readonly string[], cohortId: string): Promise<Map<string, number>> {
    return this.matches.loadOf(mentorUserIds, cohortId);
  }

  ofCohort(cohortId: string): Promise<MatchEntity[]> {
    return this.matches.ofCohort(cohortId);
  }

  async get(id: string): Promise<MatchEntity> {
    const match = await this.matches.byId(id);
    if (!match) throw MentorshipsException.matchNotFound();
    return match;
  }
}
