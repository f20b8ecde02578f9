import { Injectable } from '@nestjs/common';
import type { CohortStatus } from '@mentorship/contracts';
import {
  CohortsService,
  completeProgramSettings,
  type CohortViewDto,
  type ProgramSettings,
} from '@mentorship/programs';
import { MatchingException } from './matching.exception';

/** Mentees choose while the cohort is matching or running (not while it enrolls, nor once closed). */
const CHOOSING: readonly CohortStatus[] = ['matching', 'running'];

/** A cohort where mentees choose their mentors, with its complete settings. */
export interface ChoosingCohort {
  cohort: CohortViewDto;
  settings: ProgramSettings;
}

/** The gate of suggestions and requests: the cohort lets mentees choose, now. */
@Injectable()
export class MenteeChoiceService {
  constructor(private readonly cohorts: CohortsService) {}

  /** The cohort as the caller sees it (404 if they may not), open for mentees' choices. */
  async openCohort(cohortId: string): Promise<ChoosingCohort> {
    const cohort = await this.cohorts.get(cohortId);
    const settings = completeProgramSettings(cohort.settings);
    if (settings.matchingMode !== 'mentee-choice') throw MatchingException.menteeChoiceOff();
    if (!CHOOSING.includes(cohort.status)) throw MatchingException.cohortNotMatching(cohort.status);
    return { cohort, settings };
  }

  /** The same, for the caller as an enrolled mentee of the cohort. */
  async asMentee(cohortId: string): Promise<ChoosingCohort> {
    const open = await this.openCohort(cohortId);
    const place = open.cohort.participation;
    if (place?.role !== 'mentee' || place.status !== 'enrolled') throw MatchingException.notCohortMentee();
    return open;
  }
}
