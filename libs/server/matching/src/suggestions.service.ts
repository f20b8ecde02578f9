import { Injectable } from '@nestjs/common';
import { normalizeEmail } from '@mentorship/identity';
import { TenancyService, TenantContext } from '@mentorship/platform';
import type { SuggestedMentorDto, SuggestionListDto } from './dto/suggestion.dto';
import { MenteeChoiceService, type ChoosingCohort } from './mentee-choice.service';
import { MentorIndexService } from './mentor-index.service';
import { MatchingException } from './matching.exception';
import { CohortPeopleRepository } from './repositories/cohort-people.repository';
import {
  SuggestionExposureRepository,
  type CohortGate,
  type ShownMentor,
} from './repositories/suggestion-exposure.repository';

/**
 * How long a mentor shown to a mentee counts against the mentor's limit: long enough to read the
 * list and write a request, short enough that a mentee who walked away frees the place. A new
 * list replaces the mentee's previous one at once.
 */
export const SUGGESTION_HOLD_MS = 72 * 3600 * 1000;
/**
 * A slot held for longer than the hold less this is not written again by a repeated list: the
 * hold then ends up to this much earlier than 72 hours after the last list, and a mentee who
 * asks again within the hour makes a read-only transaction (no row written, no wait for the disk).
 */
export const SUGGESTION_HOLD_REFRESH_MS = 3600 * 1000;
/** Statements (windows of the ranking) a list may take before it stays short. */
const CLAIM_ROUNDS = 3;
/** Mentees' cohorts a process keeps (see `SuggestionsService.forMe`; a cohort view each, ~1-2 kB); the least recently used goes first. */
const CACHED_CHOOSERS = 20_000;

/** What `list` answers when the gate failed in a statement that came with the COMMIT. */
const COMMITTED = Symbol('committed');

/** A cohort as a mentee's earlier list read it, and the stamp its ledger statement checks. */
interface KeptChoice {
  open: ChoosingCohort;
  stamp: string;
}

/**
 * A mentee's suggested mentors: the engine's top mentors of the cohort with the reason for each
 * score component, without mentors who are full, paused, declined this mentee, are matched with
 * them, or are being shown to as many mentees as their free places times the program's factor.
 *
 * The flood limit is kept by the ledger's slots (`SuggestionExposureRepository`): a mentor with
 * `free` free places has `free × factor` slots and each mentee shown them takes one, with one
 * atomic upsert, so concurrent lists of different mentees wait for each other only on the same
 * slot of the same mentor and never show a mentor to more mentees than their slots. What a slot
 * count cannot undo: a mentor whose free places drop (an accept) keeps the mentees already
 * holding their higher slots until those lists run out or are replaced.
 */
@Injectable()
export class SuggestionsService {
  private readonly choosing = new Map<string, KeptChoice>();

  constructor(
    private readonly choice: MenteeChoiceService,
    private readonly indexes: MentorIndexService,
    private readonly people: CohortPeopleRepository,
    private readonly exposures: SuggestionExposureRepository,
    private readonly tenancy: TenancyService,
  ) {}

  /**
   * The cohort (status, settings, the caller's place) is read once per mentee and process, then
   * checked by the first ledger statement of each later list in the same statement
   * (`CohortGate`): a request is then the tenant transaction and the ledger statement, and a
   * cohort closed, a place withdrawn or settings changed are seen by the very next list, on every
   * replica, with no notification to wait for. A gate that fails writes nothing; the cohort is
   * read again, which refuses or lists anew.
   */
  async forMe(cohortId: string, limit: number): Promise<SuggestionListDto> {
    const caller = TenantContext.caller();
    const key = `${TenantContext.organizationId()}:${cohortId}:${caller.userId}`;
    const kept = this.choosing.get(key);
    if (kept) {
      this.choosing.delete(key);
      const participantId = kept.open.cohort.participation?.id;
      const gate: CohortGate | null = participantId
        ? {
            participantId,
            email: normalizeEmail(caller.email),
            startsOn: kept.open.cohort.startsOn,
            stamp: kept.stamp,
            // Filled in by `list` from the ranking it uses.
            profileStamp: null,
          }
        : null;
      const listed = gate ? await this.list(kept.open, limit, gate) : null;
      if (listed && listed !== COMMITTED) {
        this.keep(key, kept);
        return listed.answer;
      }
      // The gate's statement came with the request's COMMIT: the cohort is read anew in a
      // tenant transaction of its own (the request's connection is back in the pool by now).
      if (listed === COMMITTED) {
        // The profile may be what failed: the ranking is read again too.
        this.indexes.distrustRanking(cohortId, caller.userId);
        return this.tenancy.runInTenant(
          TenantContext.organizationId(),
          () => this.fresh(cohortId, limit, key),
          caller,
        );
      }
    }
    return this.fresh(cohortId, limit, key);
  }

  /** The cohort read (refusing when the caller may not list), then the list. */
  private async fresh(cohortId: string, limit: number, key: string): Promise<SuggestionListDto> {
    const open = await this.choice.asMentee(cohortId);
    const listed = await this.list(open, limit, null);
    if (!listed || listed === COMMITTED) throw new Error('an ungated list always passes');
    if (listed.stamp) this.keep(key, { open, stamp: listed.stamp });
    return listed.answer;
  }

  private keep(key: string, kept: KeptChoice): void {
    this.choosing.set(key, kept);
    while (this.choosing.size > CACHED_CHOOSERS)
      this.choosing.delete(this.choosing.keys().next().value as string);
  }

  /**
   * The list; or, when `gate` no longer holds (then nothing was written), null if no statement
   * ran, `COMMITTED` if the gate's statement ran (and committed the request's transaction).
   */
  private async list(
    { cohort, settings }: ChoosingCohort,
    limit: number,
    gate: CohortGate | null,
  ): Promise<{ answer: SuggestionListDto; stamp: string | null } | null | typeof COMMITTED> {
    const cohortId = cohort.id;
    const me = TenantContext.caller().userId;
    const built = await this.indexes.forCohort({ id: cohort.id, startsOn: cohort.startsOn, settings });
    const ranking = await this.indexes.rankingOf(
      built,
      cohortId,
      me,
      () => this.people.person(cohortId, me, 'mentee'),
      { profileChecked: gate !== null },
    );
    // Without a ranking or a candidate no ledger statement runs: nothing checks the gate.
    if (gate && (!ranking || ranking.order.length === 0)) return null;
    if (!ranking) throw MatchingException.notCohortMentee();

    const until = new Date(Date.now() + SUGGESTION_HOLD_MS);
    const order = ranking.order;
    const shown: { position: number; mentor: ShownMentor }[] = [];
    let stamp: string | null = null;
    // Windows of the ranking, best first, a few times the list's length: most mentors near the
    // top are free, and a flooded cohort walks further down in a second or third window.
    let from = 0;
    if (order.length === 0) await this.exposures.release(cohortId, me);
    for (let round = 0; round < CLAIM_ROUNDS && shown.length < limit && from < order.length; round++) {
      const window = order.subarray(from, from + (limit * 4 + 8) * (round + 1));
      from += window.length;
      const answered = await this.exposures.show({
        cohortId,
        menteeUserId: me,
        candidates: Array.from(window, (position) => ({
          mentorUserId: built.mentorUserIds[position],
          places: built.index.mentors[position].capacity,
        })),
        want: limit - shown.length,
        floodFactor: settings.suggestionFloodFactor,
        until,
        keptAfter: new Date(until.getTime() - SUGGESTION_HOLD_REFRESH_MS),
        // The first statement replaces the mentee's previous list; later ones add to it.
        replacing: round === 0,
        // Checked once: later statements run after it held.
        gate: round === 0 && gate ? { ...gate, profileStamp: ranking.profileStamp } : null,
        // The first window rides with the request's COMMIT (one round trip for both); a list it
        // leaves short takes further windows in tenant transactions of their own (one round trip
        // each): every window's statement is atomic by itself, so nothing needs them in one.
        send: round === 0 ? 'commit' : 'own',
      });
      if (!answered.passed && gate) return COMMITTED;
      if (round === 0) stamp = answered.stamp;
      for (const mentor of answered.shown) shown.push({ position: window[mentor.candidate], mentor });
    }

    const items: SuggestedMentorDto[] = shown.map(({ position, mentor }, i) => {
      const explained = ranking.explain(position);
      return {
        rank: i + 1,
        mentorUserId: mentor.mentorUserId,
        displayName: mentor.name,
        score: explained.score,
        components: explained.components.map((c) => ({
          id: c.id,
          value: c.value,
          weight: c.weight,
          points: c.points,
          reason: c.reason,
        })),
        freePlaces: mentor.freePlaces,
        openRequestId: mentor.openRequestId,
      };
    });
    return { answer: { cohortId, indexVersion: built.version, items }, stamp };
  }
}
