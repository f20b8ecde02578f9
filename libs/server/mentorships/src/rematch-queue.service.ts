import { Injectable } from '@nestjs/common';
import { TrialRepository, type RematchEntry } from './repositories/trial.repository';

/**
 * Where matching reads who to match again: a declined trial puts its mentee in the cohort's
 * queue (ahead of new mentees, longest waiting first) and excludes that mentor from their next
 * suggestions and rounds. A new match of the mentee in the cohort (`MatchesService.create`)
 * takes them out of the queue; the exclusion stays for the cohort.
 */
@Injectable()
export class RematchQueueService {
  constructor(private readonly trials: TrialRepository) {}

  /** Mentees of the cohort waiting for a new match after a declined trial, in order. */
  waiting(cohortId: string): Promise<RematchEntry[]> {
    return this.trials.rematchQueue(cohortId);
  }

  /** Mentors not to suggest to the mentee in the cohort again. */
  excludedMentors(cohortId: string, menteeUserId: string): Promise<string[]> {
    return this.trials.excludedMentorsOf(cohortId, menteeUserId);
  }
}
