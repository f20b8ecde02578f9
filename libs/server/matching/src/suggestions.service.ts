import { Injectable } from '@nestjs/common';
import { SUGGESTION_LIMIT } from '@mentorship/contracts';
import { SharedReads, TenancyService, TenantContext, TenantVersions } from '@mentorship/platform';
import type { SuggestedMentorDto, SuggestionListDto } from './dto/suggestion.dto';
import { MenteeChoiceService } from './mentee-choice.service';
import { MentorIndexService, type CohortMentorIndex, type MenteeRanking } from './mentor-index.service';
import { MatchingException } from './matching.exception';
import { CohortPeopleRepository } from './repositories/cohort-people.repository';
import { SuggestionStateRepository } from './repositories/suggestion-state.repository';
import { SuggestionLedger, type LedgerClaims } from './suggestion-ledger.service';

/**
 * How long a mentor shown to a mentee counts against the mentor's limit: long enough to read the
 * list and write a request, short enough that a mentee who walked away frees the place. A new
 * list replaces the mentee's previous one at once.
 */
export const SUGGESTION_HOLD_MS = 72 * 3600 * 1000;
/**
 * A hold with more than the hold less this left is not written again by a repeated list: the
 * hold then ends up to this much earlier than 72 hours after the last list.
 */
export const SUGGESTION_HOLD_REFRESH_MS = 3600 * 1000;
/**
 * A kept answer is read again after this even with the organization's version unchanged: the
 * safety net for a write whose version bump was lost (a crash between its COMMIT and the bump),
 * an open request that expired, a pause that ended at midnight.
 */
export const SUGGESTION_ANSWER_MS = 5 * 60_000;
/** Calls (windows of the eligible mentors) a list may take before it stays short. */
const CLAIM_ROUNDS = 3;
/** A list's window of eligible mentors in its `round`th call: a few times its length, growing. */
const windowOf = (limit: number, round: number) => (limit * 4 + 8) * (round + 1);
/** How far down the eligible mentors a list of `limit` may reach in its calls. */
const windowsReach = (limit: number) =>
  Array.from({ length: CLAIM_ROUNDS }, (_, round) => windowOf(limit, round)).reduce((a, b) => a + b, 0);
/** Mentees' answers a process keeps (a few kB each); the least recently used goes first. */
const KEPT_ANSWERS = 20_000;

/** A cohort's mentors as lists need them beyond the index: free places and names, by index position. */
interface CohortMentors {
  version: string;
  readAt: number;
  indexVersion: string;
  free: Int32Array;
  names: string[];
}

/** Everything a mentee's list needs but the ledger's claims, read under one change version. */
interface MenteeAnswer {
  /** The organization's change version read before any of this was read. */
  version: string;
  /** `MentorIndexService.generationOf` before it was read: a notification since distrusts it. */
  generation: number;
  readAt: number;
  /**
   * `SUGGESTION_ANSWER_MS` after `readAt`, give or take a fifth: answers read together (a
   * cohort's mentees after a change) do not all run out in the same second.
   */
  expiresAt: number;
  cohortId: string;
  floodFactor: number;
  built: CohortMentorIndex;
  ranking: MenteeRanking;
  mentors: CohortMentors;
  /** Index positions the mentee may be shown, best first (full, declined and matched mentors out), as far as `windowsReach` of the longest list. */
  eligible: Int32Array;
  openRequests: Map<string, { id: string; expiresAt: number }>;
  /** The ledger's calls prepared for this answer, by list length and window. */
  claims: Map<string, LedgerClaims>;
}

/**
 * A mentee's suggested mentors: the engine's top mentors of the cohort with the reason for each
 * score component, without mentors who are full, paused, declined this mentee, are matched with
 * them, or are being shown to as many mentees as their free places times the program's factor.
 *
 * A repeated list makes no Postgres round trip (its route's guard opens no transaction,
 * `WithoutRouteTransaction`): the mentee's answer (the cohort and their place in it, the ranking,
 * loads, declines, matches, open requests) is kept in memory under the organization's change
 * version (`TenantVersions`), which every write of the organization bumps before it answers,
 * and the list's one Redis call (`SuggestionLedger.show`) checks that version in the same
 * atomic script that claims the mentors' holds. A moved version (or a notification of the
 * mentor index's tables, or `SUGGESTION_ANSWER_MS`) has the answer read again from Postgres.
 */
@Injectable()
export class SuggestionsService {
  private readonly answers = new Map<string, MenteeAnswer>();
  private readonly cohorts = new Map<string, CohortMentors>();
  private readonly readingMentors = new SharedReads<CohortMentors>();
  /** Answers read from Postgres (tests prove a repeated list reads none). */
  reads = 0;

  constructor(
    private readonly choice: MenteeChoiceService,
    private readonly indexes: MentorIndexService,
    private readonly people: CohortPeopleRepository,
    private readonly state: SuggestionStateRepository,
    private readonly ledger: SuggestionLedger,
    private readonly versions: TenantVersions,
    private readonly tenancy: TenancyService,
  ) {}

  async forMe(cohortId: string, limit: number): Promise<SuggestionListDto> {
    const organizationId = TenantContext.organizationId();
    const caller = TenantContext.caller();
    const key = `${organizationId}:${cohortId}:${caller.userId}`;
    const kept = this.answers.get(key);
    this.answers.delete(key);
    let version: string | null = null;
    if (kept && this.trusted(organizationId, kept)) {
      const listed = await this.list(kept, limit, kept.version);
      if ('answer' in listed) {
        this.keep(key, kept);
        return listed.answer;
      }
      // Read by the script before the reads below: a write meanwhile moves it again.
      version = listed.moved;
    }
    version ??= await this.versions.current(organizationId).catch(() => {
      throw MatchingException.suggestionsUnavailable();
    });
    const read = version;
    const fresh = await this.tenancy.runInTenant(organizationId, () => this.read(cohortId, read), caller);
    const listed = await this.list(fresh, limit, fresh.version);
    if ('answer' in listed) {
      this.keep(key, fresh);
      return listed.answer;
    }
    // A write committed while it was read: listed as read (newer than any kept answer), not kept.
    const anyway = await this.list(fresh, limit, null);
    if (!('answer' in anyway)) throw new Error('a list that expects no version always holds');
    return anyway.answer;
  }

  private trusted(organizationId: string, kept: MenteeAnswer): boolean {
    return Date.now() < kept.expiresAt && this.indexes.unchangedSince(organizationId, kept.generation);
  }

  private keep(key: string, answer: MenteeAnswer): void {
    this.answers.set(key, answer);
    while (this.answers.size > KEPT_ANSWERS) this.answers.delete(this.answers.keys().next().value as string);
  }

  /** The mentee's answer from Postgres, in a tenant transaction; refuses when the caller may not list. */
  private async read(cohortId: string, version: string): Promise<MenteeAnswer> {
    this.reads++;
    const organizationId = TenantContext.organizationId();
    const me = TenantContext.caller().userId;
    const generation = this.indexes.generationOf(organizationId);
    const readAt = Date.now();
    const { cohort, settings } = await this.choice.asMentee(cohortId);
    const built = await this.indexes.forCohort(
      { id: cohort.id, startsOn: cohort.startsOn, settings },
      version,
    );
    const ranking = await this.indexes.rankingOf(
      built,
      cohortId,
      me,
      () => this.people.person(cohortId, me, 'mentee'),
      version,
    );
    if (!ranking) throw MatchingException.notCohortMentee();
    const mentors = await this.mentorsOf(organizationId, cohortId, built, version, readAt);
    const mine = await this.state.mentee(cohortId, me);
    const out = new Set([...mine.declined, ...mine.matched]);
    // As many as the windows of the longest list reach: a kept answer stays a few kB.
    const eligible = new Int32Array(Math.min(ranking.order.length, windowsReach(SUGGESTION_LIMIT.max)));
    let found = 0;
    for (let i = 0; i < ranking.order.length && found < eligible.length; i++) {
      const position = ranking.order[i];
      if (mentors.free[position] > 0 && !out.has(built.mentorUserIds[position])) eligible[found++] = position;
    }
    return {
      version,
      generation,
      readAt,
      expiresAt: readAt + SUGGESTION_ANSWER_MS * (0.8 + Math.random() * 0.4),
      cohortId,
      floodFactor: settings.suggestionFloodFactor,
      built,
      ranking,
      mentors,
      eligible: eligible.subarray(0, found),
      claims: new Map(),
      openRequests: new Map(
        mine.openRequests.map((r) => [r.mentorUserId, { id: r.id, expiresAt: Date.parse(r.expiresAt) }]),
      ),
    };
  }

  /** The cohort's mentors' free places and names, shared by its mentees' answers of one version. */
  private async mentorsOf(
    organizationId: string,
    cohortId: string,
    built: CohortMentorIndex,
    version: string,
    readAt: number,
  ): Promise<CohortMentors> {
    const key = `${organizationId}:${cohortId}`;
    const kept = this.cohorts.get(key);
    if (
      kept &&
      kept.version === version &&
      kept.indexVersion === built.version &&
      readAt - kept.readAt < SUGGESTION_ANSWER_MS
    )
      return kept;
    // One read for all of the cohort's mentees whose answers are read at once.
    return this.readingMentors.read(`${key}:${version}:${built.version}`, () =>
      this.readMentors(key, cohortId, built, version, readAt),
    );
  }

  private async readMentors(
    key: string,
    cohortId: string,
    built: CohortMentorIndex,
    version: string,
    readAt: number,
  ): Promise<CohortMentors> {
    const rows = await this.state.mentors(cohortId, built.mentorUserIds);
    const byMentor = new Map(rows.map((row) => [row.mentorUserId, row]));
    const mentors: CohortMentors = {
      version,
      readAt,
      indexVersion: built.version,
      free: Int32Array.from(built.index.mentors, (mentor, position) =>
        Math.max(0, mentor.capacity - (byMentor.get(built.mentorUserIds[position])?.load ?? 0)),
      ),
      names: built.mentorUserIds.map((id) => byMentor.get(id)?.name ?? ''),
    };
    this.cohorts.set(key, mentors);
    if (this.cohorts.size > 256) this.cohorts.delete(this.cohorts.keys().next().value as string);
    return mentors;
  }

  /**
   * The list: the ledger's claims over windows of the eligible mentors, best first (one Redis
   * call for most lists); or, when `expected` is no longer the organization's version (nothing
   * claimed then), the version found.
   */
  private async list(
    answer: MenteeAnswer,
    limit: number,
    expected: string | null,
  ): Promise<{ answer: SuggestionListDto } | { moved: string }> {
    const { built, eligible, mentors, cohortId } = answer;
    const me = TenantContext.caller().userId;
    const until = new Date(Date.now() + SUGGESTION_HOLD_MS);
    const keptAfter = new Date(until.getTime() - SUGGESTION_HOLD_REFRESH_MS);
    const shown: number[] = [];
    // Windows a few times the list's length: most mentors near the top have a free slot, and a
    // flooded cohort walks further down in a second or third window. The first call also gives
    // up the mentee's holds on mentors no longer shown (their new list replaces the old).
    let from = 0;
    for (let round = 0; round < CLAIM_ROUNDS && shown.length < limit; round++) {
      if (round > 0 && from >= eligible.length) break;
      const window = eligible.subarray(from, from + windowOf(limit, round));
      from += window.length;
      const prepared = `${limit}:${round}`;
      let claims = answer.claims.get(prepared);
      if (!claims) {
        claims = this.ledger.prepare(
          cohortId,
          me,
          Array.from(window, (position) => ({
            mentorUserId: built.mentorUserIds[position],
            slots: mentors.free[position] * answer.floodFactor,
          })),
        );
        answer.claims.set(prepared, claims);
      }
      const answered = await this.ledger.show(claims, {
        want: limit - shown.length,
        expectedVersion: round === 0 ? expected : null,
        until,
        keptAfter,
        replacing: round === 0,
      });
      if (!answered.held) return { moved: answered.version };
      for (const candidate of answered.shown) shown.push(window[candidate]);
    }

    const now = Date.now();
    const items: SuggestedMentorDto[] = shown.map((position, i) => {
      const explained = answer.ranking.explain(position);
      const mentorUserId = built.mentorUserIds[position];
      const open = answer.openRequests.get(mentorUserId);
      return {
        rank: i + 1,
        mentorUserId,
        displayName: mentors.names[position],
        score: explained.score,
        components: explained.components.map((c) => ({
          id: c.id,
          value: c.value,
          weight: c.weight,
          points: c.points,
          reason: c.reason,
        })),
        freePlaces: mentors.free[position],
        openRequestId: open && open.expiresAt > now ? open.id : null,
      };
    });
    return { answer: { cohortId, indexVersion: built.version, items } };
  }
}
