import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import {
  MentorIndex,
  scorePair,
  type PairScore,
  type MenteeProfile,
  type MentorProfile,
  type ProgramCriteria,
} from '@mentorship/matching-engine';
import { DatabaseNotifications, SharedReads, TenantContext } from '@mentorship/platform';
import { cohortCriteria, type ProgramSettings } from '@mentorship/programs';
import { engineMenteeOf, engineMentorOf, type EngineIdentity } from './engine-profiles.service';
import { MentorPlacesService } from './mentor-places.service';
import { CohortPeopleRepository, type CohortPersonRow } from './repositories/cohort-people.repository';

/** Cohorts whose index a process keeps; the least recently used goes first. */
const CACHED_COHORTS = 64;
/** Mentor positions of mentees' rankings a process keeps, over all cohorts (4 bytes each). */
const CACHED_RANK_POSITIONS = 8_000_000;
/**
 * How long an index verified against Postgres is trusted on the strength of notifications alone:
 * a safety net for a notification lost without the connection failing, and for a pause that ends
 * at midnight (the stamp includes the date; no row changes then).
 */
const REVERIFY_MS = 60_000;
/** The channel the matching migration's triggers notify (payload: the organization, or empty). */
export const MENTOR_INDEX_CHANNEL = 'mentor_index';

/** The cohort a mentor index is built for: its id, its start (the criteria's reference date) and settings. */
export interface IndexedCohort {
  id: string;
  startsOn: string;
  settings: ProgramSettings;
}

/** A cohort's mentors compiled by the engine, and the stamp of the rows it was built from. */
export interface CohortMentorIndex {
  version: string;
  index: MentorIndex;
  criteria: ProgramCriteria;
  /** The enrolled mentors' membership ids, in the index's order. */
  mentorUserIds: string[];
}

interface KeptIndex {
  built: CohortMentorIndex;
  /** The organization's change version (`TenantVersions`) the stamp was compared under, if one was given. */
  changeVersion: string | null;
  /** The organization's change count when the stamp was last compared (see `generationOf`). */
  generation: number;
  verifiedAt: number;
}

/** A mentee's ranking of an index's mentors, and the explanations of those already shown. */
export class MenteeRanking {
  readonly version: string;
  private readonly explained = new Map<number, PairScore>();

  constructor(
    private readonly built: CohortMentorIndex,
    readonly mentee: MenteeProfile,
    /** Index positions, best first. */
    readonly order: Int32Array,
  ) {
    this.version = built.version;
  }

  /** The explained score of the mentee with the mentor at `position` of the index. */
  explain(position: number): PairScore {
    let score = this.explained.get(position);
    if (!score) {
      score = scorePair(this.mentee, this.built.index.mentors[position], this.built.criteria);
      this.explained.set(position, score);
    }
    return score;
  }
}

interface KeptRanking {
  ranking: MenteeRanking;
  /** The mentee's profile as the ranking read it. */
  profile: string;
  changeVersion: string | null;
  generation: number;
  verifiedAt: number;
}

/** No version asked for, or the one the entry was verified under. */
const sameVersion = (kept: string | null, asked: string | null): boolean => asked === null || kept === asked;

/** A manager who is a member is named by membership (`managerKey`), as everyone is here. */
const identityOf = (row: CohortPersonRow): EngineIdentity => ({
  id: row.userId,
  personId: row.userId,
  managerId: row.managerKey,
});

/** A mentor for the engine; `capacity` is their places (full ones are left out per request). */
export function mentorProfileOf(row: CohortPersonRow, places: number): MentorProfile {
  return engineMentorOf(row, identityOf(row), places);
}

export function menteeProfileOf(row: CohortPersonRow): MenteeProfile {
  return engineMenteeOf(row, identityOf(row));
}

/**
 * The engine's `MentorIndex` of each cohort, built once and kept until what it was built from
 * changes: a mentor's profile or capacity, the roster's mentors, the cohort's settings, the skill
 * catalogue. Postgres computes a stamp of those rows (`mentorIndexVersion`); every replica builds
 * from the same rows and so answers the same. The stamp is not read per request: triggers on
 * those tables notify `mentor_index` at commit, and a kept index is trusted while its
 * organization has had no notification since its stamp was compared, the listening connection
 * has not dropped, and less than a minute has passed. Otherwise the stamp is read again, and the
 * index rebuilt only if it differs. Mentors' current load is not in the index (it changes with
 * every accept); suggestions leave full mentors out when they ask.
 *
 * Also kept: each mentee's ranking of the index's mentors (all eligible ones, best first), since
 * only which of them are full or flooded changes from one request to the next.
 */
@Injectable()
export class MentorIndexService implements OnApplicationBootstrap {
  private readonly cache = new Map<string, KeptIndex>();
  private readonly building = new SharedReads<CohortMentorIndex>();
  private readonly verifying = new SharedReads<CohortMentorIndex>();
  private readonly rankings = new Map<string, KeptRanking>();
  private rankPositions = 0;
  /** Notifications per organization, and those naming none (they concern every organization). */
  private readonly changes = new Map<string, number>();
  private everywhere = 0;
  private subscribed = false;
  /** Indexes this process has built (tests prove a request does not rebuild an unchanged one). */
  builds = 0;
  /** Stamps this process has read (tests prove a request does not read it while notified). */
  stampReads = 0;
  /** Notifications this process has heard (tests wait for one after a change). */
  heard = 0;

  constructor(
    private readonly people: CohortPeopleRepository,
    private readonly places: MentorPlacesService,
    private readonly notifications: DatabaseNotifications,
  ) {}

  /** Listening before the first request, so its index is not read again for want of it. */
  async onApplicationBootstrap(): Promise<void> {
    this.subscribe();
    await this.notifications.ready(MENTOR_INDEX_CHANNEL, 5_000);
  }

  /**
   * With `changeVersion` (the organization's change version read before the caller's reads), a
   * kept index is trusted only if its stamp was compared under that same version as well: a
   * write answered before the caller asked is seen even when its notification is still on its way.
   */
  async forCohort(cohort: IndexedCohort, changeVersion: string | null = null): Promise<CohortMentorIndex> {
    this.subscribe();
    const organizationId = TenantContext.organizationId();
    const key = `${organizationId}:${cohort.id}`;
    const kept = this.cache.get(key);
    if (kept && this.trusted(organizationId, kept) && sameVersion(kept.changeVersion, changeVersion))
      return this.keep(key, kept).built;

    // Counted before the stamp is read: a change committed while it is read leaves the count moved.
    const generation = this.generationOf(organizationId);
    // One stamp read for all requests that find the index untrusted at once (every mentee's
    // list a minute after the last check): the first one's transaction reads it for them all.
    return this.verifying.read(`${key}:${changeVersion ?? ''}:${generation}`, () =>
      this.verify(cohort, key, kept, changeVersion, generation),
    );
  }

  private async verify(
    cohort: IndexedCohort,
    key: string,
    kept: KeptIndex | undefined,
    changeVersion: string | null,
    generation: number,
  ): Promise<CohortMentorIndex> {
    this.stampReads++;
    const version = (await this.people.mentorIndexVersion(cohort.id)) ?? 'none';
    if (kept?.built.version === version) {
      return this.keep(key, { built: kept.built, changeVersion, generation, verifiedAt: Date.now() }).built;
    }
    const built = await this.building.read(`${key}:${version}`, () => this.build(cohort, version));
    this.keep(key, { built, changeVersion, generation, verifiedAt: Date.now() });
    while (this.cache.size > CACHED_COHORTS) this.cache.delete(this.cache.keys().next().value as string);
    return built;
  }

  /**
   * The mentee's ranking of the cohort's mentors (every eligible one, best first, ties by mentor
   * id, as `MentorIndex.topK`) with their explained scores, kept per index and mentee profile.
   * The profile is read through `read` only when it may have changed (the same notifications as
   * the index: profiles, skills, rosters; and `changeVersion` as for `forCohort`); null when the
   * caller is no enrolled mentee.
   */
  async rankingOf(
    built: CohortMentorIndex,
    cohortId: string,
    menteeUserId: string,
    read: () => Promise<CohortPersonRow | null>,
    changeVersion: string | null = null,
  ): Promise<MenteeRanking | null> {
    const organizationId = TenantContext.organizationId();
    const key = `${organizationId}:${cohortId}:${menteeUserId}`;
    const kept = this.rankings.get(key);
    if (
      kept &&
      kept.ranking.version === built.version &&
      this.trusted(organizationId, kept) &&
      sameVersion(kept.changeVersion, changeVersion)
    ) {
      this.rankings.delete(key);
      this.rankings.set(key, kept);
      return kept.ranking;
    }
    const generation = this.generationOf(organizationId);
    const row = await read();
    if (!row) return null;
    const mentee = menteeProfileOf(row);
    const profile = JSON.stringify(mentee);
    if (kept && kept.ranking.version === built.version && kept.profile === profile) {
      this.rankings.delete(key);
      this.rankings.set(key, { ...kept, changeVersion, generation, verifiedAt: Date.now() });
      return kept.ranking;
    }
    const found = built.index.candidates(mentee);
    // Stable: equal points keep the index's order, which is by mentor id.
    found.sort((a, b) => b.points - a.points);
    const ranking = new MenteeRanking(
      built,
      mentee,
      Int32Array.from(found, (f) => f.mentor),
    );
    if (kept) this.rankPositions -= kept.ranking.order.length;
    this.rankings.delete(key);
    this.rankings.set(key, { ranking, profile, changeVersion, generation, verifiedAt: Date.now() });
    this.rankPositions += ranking.order.length;
    while (this.rankPositions > CACHED_RANK_POSITIONS && this.rankings.size > 1) {
      const [oldest, value] = this.rankings.entries().next().value as [string, KeptRanking];
      this.rankings.delete(oldest);
      this.rankPositions -= value.ranking.order.length;
    }
    return ranking;
  }

  /**
   * Whether nothing read at `generation` (`generationOf`) may have changed by what notifications
   * say: the listening connection is up and no notification of the organization has come since.
   * For caches built on the index (a mentee's kept answer), checked in memory per request.
   */
  unchangedSince(organizationId: string, generation: number): boolean {
    return (
      this.notifications.listening(MENTOR_INDEX_CHANNEL) && generation === this.generationOf(organizationId)
    );
  }

  private trusted(organizationId: string, kept: { generation: number; verifiedAt: number }): boolean {
    return this.unchangedSince(organizationId, kept.generation) && Date.now() - kept.verifiedAt < REVERIFY_MS;
  }

  /** Only grows; moves with every notification that may concern the organization. */
  generationOf(organizationId: string): number {
    return this.everywhere + (this.changes.get(organizationId) ?? 0);
  }

  /** Refreshes the entry's place in the map's order: the least recently used is evicted first. */
  private keep(key: string, entry: KeptIndex): KeptIndex {
    this.cache.delete(key);
    this.cache.set(key, entry);
    return entry;
  }

  private subscribe(): void {
    if (this.subscribed) return;
    this.subscribed = true;
    this.notifications.listen(MENTOR_INDEX_CHANNEL, {
      notified: (organizationId) => {
        this.heard++;
        if (organizationId === '') this.everywhere++;
        else this.changes.set(organizationId, (this.changes.get(organizationId) ?? 0) + 1);
      },
      gap: () => this.everywhere++,
    });
  }

  private async build(cohort: IndexedCohort, version: string): Promise<CohortMentorIndex> {
    const rows = await this.people.mentors(cohort.id);
    const places = await this.places.places(
      rows.map((row) => row.userId),
      cohort.settings,
    );
    const criteria = cohortCriteria(cohort.settings, cohort.startsOn);
    const index = new MentorIndex(
      rows.map((row) => mentorProfileOf(row, places.get(row.userId) ?? 0)),
      criteria,
    );
    this.builds++;
    return { version, index, criteria, mentorUserIds: index.mentors.map((m) => m.id) };
  }
}
