import { Inject, Injectable } from '@nestjs/common';
import { REDIS, TenantContext, TenantVersions } from '@mentorship/platform';
import type Redis from 'ioredis';
import { MatchingException } from './matching.exception';

/** A mentor the mentee may be shown, and how many mentees may hold them at once (free places × factor). */
export interface LedgerCandidate {
  mentorUserId: string;
  slots: number;
}

/** A window of candidates prepared for the script (`SuggestionLedger.prepare`). */
export interface LedgerClaims {
  menteeUserId: string;
  prefix: string;
  keys: string[];
  candidates: (string | number)[];
}

/** What a list's one call answered: the organization's version, and the candidates shown (positions). */
export interface LedgerAnswer {
  version: string;
  /** False: the version was not the one expected; nothing was claimed. */
  held: boolean;
  shown: number[];
}

/**
 * One list's claims, atomic: the organization's change version first (when one is expected and
 * it moved, nothing is claimed and the version is answered), then, candidate by candidate in
 * order until `want` are shown, the mentor's live holders counted (run-out holds are dropped when
 * the set is written): the mentee keeps a hold they have (written again only when it runs out
 * before `keptAfter`) or takes one, if fewer other mentees than the mentor's slots hold one. With `replacing`, the mentee's holds on
 * mentors not shown are given up. A mentor's holders: a sorted set, mentee to the end of the
 * hold in ms; the mentee's mentors: a set. Every key carries the organization's hash tag, so the
 * script's undeclared mentor keys (the prefix and a mentor id) are in the same slot on a cluster.
 *
 * KEYS: version, the mentee's mentors, then each candidate's holders.
 * ARGV: expected version ('' for any), mentee, now, until, keptAfter, want, replacing (1/0),
 * holders' key prefix, then mentor id and slots per candidate.
 */
const SHOW = `
local version = redis.call('GET', KEYS[1]) or '0'
if ARGV[1] ~= '' and ARGV[1] ~= version then return {version, '0'} end
local mentee, now, untilMs = ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
local keptAfter, want, replacing, prefix = tonumber(ARGV[5]), tonumber(ARGV[6]), ARGV[7] == '1', ARGV[8]
local answer = {version, '1'}
local chosen = {}
local wrote = false
for i = 1, #KEYS - 2 do
  if #answer - 2 >= want then break end
  local key, mentor, slots = KEYS[i + 2], ARGV[7 + 2 * i], tonumber(ARGV[8 + 2 * i])
  local mine = tonumber(redis.call('ZSCORE', key, mentee))
  if mine and mine <= now then mine = nil end
  local others = redis.call('ZCOUNT', key, '(' .. ARGV[3], '+inf') - (mine and 1 or 0)
  if others < slots then
    -- A hold with more than an hour left is kept as it is: a repeated list writes nothing.
    if not mine or mine <= keptAfter then
      redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
      redis.call('ZADD', key, untilMs, mentee)
      redis.call('PEXPIREAT', key, untilMs)
      wrote = true
    end
    answer[#answer + 1] = i - 1
    chosen[mentor] = true
  end
end
if replacing then
  for _, mentor in ipairs(redis.call('SMEMBERS', KEYS[2])) do
    if not chosen[mentor] then
      redis.call('ZREM', prefix .. mentor, mentee)
      redis.call('SREM', KEYS[2], mentor)
    end
  end
end
for mentor in pairs(chosen) do
  if redis.call('SADD', KEYS[2], mentor) == 1 then wrote = true end
end
if wrote then redis.call('PEXPIREAT', KEYS[2], untilMs) end
return answer`;

/** KEYS: the mentee's mentors. ARGV: mentee, holders' key prefix, the mentors to give up ('' for all). */
const GIVE_UP = `
local mentee, prefix = ARGV[1], ARGV[2]
local mentors = {}
if ARGV[3] == '' then mentors = redis.call('SMEMBERS', KEYS[1]) else mentors = {ARGV[3]} end
for _, mentor in ipairs(mentors) do
  redis.call('ZREM', prefix .. mentor, mentee)
  redis.call('SREM', KEYS[1], mentor)
end
return #mentors`;

type LedgerRedis = Redis & {
  suggestionShow(...args: (string | number)[]): Promise<[string, string, ...number[]]>;
  suggestionGiveUp(...args: (string | number)[]): Promise<number>;
};

/**
 * The flood ledger, in Redis: which mentees each mentor of a cohort is being shown to, until
 * when. A mentor is held by at most free places × the program's factor mentees at the moment
 * each took their hold (the script is atomic, on every replica alike); when free places drop (an
 * accept), mentees already holding them keep their holds until their list runs out or is
 * replaced. One call per list answers the claims and the organization's change version together.
 * When Redis does not answer, a list is refused (`suggestions_unavailable`, 503), never given
 * without the limit.
 */
@Injectable()
export class SuggestionLedger {
  private readonly redis: LedgerRedis;

  constructor(
    @Inject(REDIS) redis: Redis,
    private readonly versions: TenantVersions,
  ) {
    if (!('suggestionShow' in redis)) {
      redis.defineCommand('suggestionShow', { lua: SHOW });
      redis.defineCommand('suggestionGiveUp', { lua: GIVE_UP });
    }
    this.redis = redis as LedgerRedis;
  }

  /**
   * A list's candidates as the script takes them (keys, then mentor and slots per candidate):
   * built once per kept answer and window, so a repeated list allocates no key of its own.
   */
  prepare(cohortId: string, menteeUserId: string, candidates: readonly LedgerCandidate[]): LedgerClaims {
    const organizationId = TenantContext.organizationId();
    const prefix = this.holdersPrefix(organizationId, cohortId);
    return {
      menteeUserId,
      prefix,
      keys: [
        this.versions.versionKeyOf(organizationId),
        this.menteeKey(organizationId, cohortId, menteeUserId),
        ...candidates.map((c) => prefix + c.mentorUserId),
      ],
      candidates: candidates.flatMap((c) => [c.mentorUserId, c.slots]),
    };
  }

  /** Claims up to `want` of the prepared candidates (best first) for the mentee; see `SHOW`. */
  async show(
    claims: LedgerClaims,
    options: {
      want: number;
      /** The version the caller's answer was read under; null: claim whatever it is. */
      expectedVersion: string | null;
      until: Date;
      keptAfter: Date;
      replacing: boolean;
    },
  ): Promise<LedgerAnswer> {
    try {
      const [version, held, ...shown] = await this.redis.suggestionShow(
        claims.keys.length,
        ...claims.keys,
        options.expectedVersion ?? '',
        claims.menteeUserId,
        Date.now(),
        options.until.getTime(),
        options.keptAfter.getTime(),
        options.want,
        options.replacing ? 1 : 0,
        claims.prefix,
        ...claims.candidates,
      );
      return { version, held: held === '1', shown: shown.map(Number) };
    } catch (error) {
      throw unavailable(error);
    }
  }

  /**
   * The mentee's holds given up: all of them (matched: no longer choosing), or one mentor's
   * (declined). The organization is named: this runs after the COMMIT, outside the tenant's scope.
   */
  async giveUp(
    organizationId: string,
    cohortId: string,
    menteeUserId: string,
    mentorUserId?: string,
  ): Promise<void> {
    try {
      await this.redis.suggestionGiveUp(
        1,
        this.menteeKey(organizationId, cohortId, menteeUserId),
        menteeUserId,
        this.holdersPrefix(organizationId, cohortId),
        mentorUserId ?? '',
      );
    } catch (error) {
      throw unavailable(error);
    }
  }

  /** The mentees holding the mentor now, with the end of each hold (tests, the benchmark's report). */
  async holders(
    organizationId: string,
    cohortId: string,
    mentorUserId: string,
  ): Promise<{ menteeUserId: string; until: number }[]> {
    const flat = await this.redis.zrangebyscore(
      this.holdersPrefix(organizationId, cohortId) + mentorUserId,
      `(${Date.now()}`,
      '+inf',
      'WITHSCORES',
    );
    const found: { menteeUserId: string; until: number }[] = [];
    for (let i = 0; i < flat.length; i += 2)
      found.push({ menteeUserId: flat[i], until: Number(flat[i + 1]) });
    return found;
  }

  /** Sets the end of a hold (tests: a list that ran out, or a hold an hour old). */
  async setHold(
    organizationId: string,
    cohortId: string,
    mentorUserId: string,
    menteeUserId: string,
    until: number,
  ): Promise<void> {
    await this.redis.zadd(this.holdersPrefix(organizationId, cohortId) + mentorUserId, until, menteeUserId);
  }

  private holdersPrefix(organizationId: string, cohortId: string): string {
    return this.versions.keyOf(organizationId, 'suggestions', cohortId, 'holders', '');
  }

  private menteeKey(organizationId: string, cohortId: string, menteeUserId: string): string {
    return this.versions.keyOf(organizationId, 'suggestions', cohortId, 'mentee', menteeUserId);
  }
}

function unavailable(error: unknown): Error {
  return error instanceof MatchingException ? error : MatchingException.suggestionsUnavailable();
}
