import { Injectable } from '@nestjs/common';
import { MATCH_STATUSES_HOLDING_A_PLACE } from '@mentorship/contracts';
import { TenancyService, TenantContext, TenantRepository } from '@mentorship/platform';
import { SuggestionExposureEntity } from '../entities/suggestion-exposure.entity';

/** A mentor the mentee may be shown: their places in the cohort (from the mentor index). */
export interface SlotCandidate {
  mentorUserId: string;
  places: number;
}

/** A mentor the mentee is now shown, with what the list says of them. */
export interface ShownMentor {
  mentorUserId: string;
  /** Position among the candidates given, 0 = first. */
  candidate: number;
  name: string;
  freePlaces: number;
  openRequestId: string | null;
}

/**
 * What a list kept from an earlier request says of the cohort, checked by the ledger statement
 * itself instead of reading the cohort again: still matching or running, the caller's place still
 * an enrolled mentee's, the same start and settings (`stamp`, as the statement answered it).
 */
export interface CohortGate {
  participantId: string;
  email: string;
  startsOn: string;
  stamp: string;
  /** The caller's profile's last change as their ranking read it (`CohortPersonRow.profileStamp`). */
  profileStamp: string | null;
}

/** The mentors shown, and whether the cohort passed the gate (nothing is written when not). */
export interface ShownList {
  shown: ShownMentor[];
  passed: boolean;
  /** The cohort's settings stamp when the statement ran (what a later `CohortGate` compares). */
  stamp: string | null;
}

/**
 * The suggestion ledger: which mentors each mentee of a cohort is being shown, and until when.
 * A mentor's mentees hold numbered slots (one mentee each); a mentor has as many as their free
 * places times the program's flood factor, so taking one is one atomic upsert, and no lock of
 * the cohort is needed.
 */
@Injectable()
export class SuggestionExposureRepository extends TenantRepository<SuggestionExposureEntity> {
  constructor(private readonly tenancy: TenancyService) {
    super(SuggestionExposureEntity);
  }

  /**
   * Shows the mentee up to `want` of `candidates` (best first) in one statement, and answers
   * those shown. A candidate is left out when they declined the mentee, are matched with them,
   * have no free place (`mentor_loads`) or already as many other mentees holding a slot as free
   * places × `floodFactor`. Each one shown keeps the slot the mentee held (written again with
   * `until` only when it ran to `keptAfter` or before: a list repeated soon after writes
   * nothing, and its transaction commits without waiting for the disk), or takes a free one
   * (at random, so two lists rarely reach for the same), or one whose holder's time ran out;
   * a slot another list took first (a concurrent request) leaves that mentor out. With
   * `replacing`, the mentee's other slots are given up in the same statement (their new list
   * replaces the old). Slots are taken in mentor and slot order: two lists reaching for the
   * same slots wait for each other in one order and cannot deadlock.
   *
   * With a `gate`, the statement first checks the cohort as the gate describes it (one row of
   * cohorts, one of the roster and the caller's profile row, by primary key): if it no longer holds, it writes nothing and
   * answers `passed: false`, and the caller reads the cohort again (and refuses, or lists anew).
   *
   * `send` says how the statement travels: `commit` as the request's last statement, with its
   * COMMIT (one round trip for both; the request's transaction is over after it); `own` in a
   * tenant transaction of its own, also one round trip (a further window after the first was
   * committed); `in-transaction` as a statement of the request's open transaction.
   */
  async show(options: {
    cohortId: string;
    menteeUserId: string;
    candidates: readonly SlotCandidate[];
    want: number;
    floodFactor: number;
    until: Date;
    /** A slot the mentee holds until after this already is kept as it is (no write). */
    keptAfter: Date;
    replacing: boolean;
    gate: CohortGate | null;
    send: 'commit' | 'own' | 'in-transaction';
  }): Promise<ShownList> {
    const { candidates, gate } = options;
    type Row = ShownMentor & { stamp: string | null; passed: boolean };
    const send = (sql: string, params: unknown[]): Promise<Row[]> => {
      if (options.send === 'commit') return this.sqlWithCommit<Row>(sql, params);
      if (options.send === 'in-transaction') return this.sql<Row>(sql, params);
      return this.tenancy.statementInTenant<Row>(TenantContext.organizationId(), { sql, params });
    };
    const rows = await send(
      `WITH cohort AS (
         SELECT md5(coalesce(c.settings_snapshot, p.settings)::text) AS stamp,
                $12::text IS NULL OR (
                  c.status IN ('matching', 'running') AND md5(coalesce(c.settings_snapshot, p.settings)::text) = $12
                  AND c.starts_on = $13::date
                  AND EXISTS (SELECT 1 FROM cohort_participants me
                               WHERE me.organization_id = $1 AND me.cohort_id = $2 AND me.id = $14::uuid
                                 AND me.email = $11 AND me.role = 'mentee' AND me.status = 'enrolled')
                  AND (SELECT pr.updated_at FROM profiles pr WHERE pr.organization_id = $1 AND pr.user_id = $3)
                        IS NOT DISTINCT FROM $15::timestamptz) AS passed
           FROM cohorts c
           JOIN programs p ON p.organization_id = c.organization_id AND p.id = c.program_id
          WHERE c.organization_id = $1 AND c.id = $2
       ),
       gate AS (SELECT coalesce((SELECT passed FROM cohort), false) AS passed),
       candidate AS (
         SELECT c.mentor, c.places, c.n FROM unnest($4::uuid[], $5::int[]) WITH ORDINALITY AS c(mentor, places, n)
          WHERE (SELECT passed FROM gate)
       ),
       state AS (
         SELECT c.mentor, c.n, greatest(c.places - coalesce(l.load, 0), 0) AS free,
                held.others, held.mine, held.mine_until
           FROM candidate c
           LEFT JOIN mentor_loads($1, $4::uuid[], $2) AS l ON l.mentor = c.mentor
           LEFT JOIN LATERAL (
             SELECT array_agg(e.slot) FILTER (WHERE e.mentee_user_id <> $3) AS others,
                    min(e.slot) FILTER (WHERE e.mentee_user_id = $3) AS mine,
                    min(e.shown_until) FILTER (WHERE e.mentee_user_id = $3) AS mine_until
               FROM suggestion_exposures e
              WHERE e.organization_id = $1 AND e.cohort_id = $2 AND e.mentor_user_id = c.mentor AND e.shown_until > now()
           ) AS held ON true
          WHERE NOT EXISTS (SELECT 1 FROM match_requests r
                             WHERE r.organization_id = $1 AND r.cohort_id = $2 AND r.mentee_user_id = $3
                               AND r.mentor_user_id = c.mentor AND r.status = 'declined')
            AND NOT EXISTS (SELECT 1 FROM matches m
                             WHERE m.organization_id = $1 AND m.cohort_id = $2 AND m.mentee_user_id = $3
                               AND m.mentor_user_id = c.mentor AND m.status = ANY ($9::text[]))
       ),
       chosen AS (
         SELECT pick.* FROM (
           SELECT s.mentor, s.n, s.free,
                  coalesce(s.mine, (SELECT k FROM generate_series(0, s.free * $6 - 1) AS k
                                     WHERE k <> ALL (coalesce(s.others, '{}')) ORDER BY random() LIMIT 1)) AS slot,
                  -- Held by the mentee until after $16 already: kept as it is, not written again.
                  coalesce(s.mine_until > $16::timestamptz, false) AS fresh
             FROM state s
            WHERE coalesce(cardinality(s.others), 0) < s.free * $6
         ) AS pick
          WHERE pick.slot IS NOT NULL
          ORDER BY pick.n
          LIMIT $7
       ),
       given_up AS (
         DELETE FROM suggestion_exposures e
          WHERE $10 AND (SELECT passed FROM gate) AND e.organization_id = $1 AND e.cohort_id = $2 AND e.mentee_user_id = $3
            AND NOT EXISTS (SELECT 1 FROM chosen c WHERE c.mentor = e.mentor_user_id AND c.slot = e.slot)
       ),
       taken AS (
         INSERT INTO suggestion_exposures AS e (organization_id, cohort_id, mentee_user_id, mentor_user_id, slot, shown_until)
         SELECT $1, $2, $3, c.mentor, c.slot, $8 FROM chosen c WHERE NOT c.fresh ORDER BY c.mentor, c.slot
         ON CONFLICT (organization_id, cohort_id, mentor_user_id, slot) DO UPDATE
            SET mentee_user_id = excluded.mentee_user_id, shown_until = excluded.shown_until
          WHERE e.shown_until <= now() OR e.mentee_user_id = excluded.mentee_user_id
         RETURNING e.mentor_user_id AS mentor
       )
       SELECT c.mentor AS "mentorUserId", (c.n - 1)::int AS candidate,
              coalesce((SELECT u.display_name FROM users u WHERE u.id = c.mentor), '') AS name,
              c.free::int AS "freePlaces",
              (SELECT r.id FROM match_requests r
                WHERE r.organization_id = $1 AND r.cohort_id = $2 AND r.mentee_user_id = $3 AND r.mentor_user_id = c.mentor
                  AND r.status = 'open' AND r.expires_at > now()
                LIMIT 1) AS "openRequestId",
              NULL AS stamp, true AS passed
         FROM chosen c
        WHERE c.fresh OR c.mentor IN (SELECT t.mentor FROM taken t)
       UNION ALL
       -- The gate's own row, first: candidate -1.
       SELECT NULL, -1, '', 0, NULL, (SELECT stamp FROM cohort), (SELECT passed FROM gate)
       ORDER BY candidate`,
      [
        options.cohortId,
        options.menteeUserId,
        candidates.map((c) => c.mentorUserId),
        candidates.map((c) => c.places),
        options.floodFactor,
        options.want,
        options.until,
        [...MATCH_STATUSES_HOLDING_A_PLACE],
        options.replacing,
        gate?.email ?? null,
        gate?.stamp ?? null,
        gate?.startsOn ?? null,
        gate?.participantId ?? null,
        gate?.profileStamp ?? null,
        options.keptAfter,
      ],
    );
    const [head, ...shown] = rows;
    return {
      shown: shown.map(({ stamp: _stamp, passed: _passed, ...mentor }) => mentor),
      passed: head.passed,
      stamp: head.stamp,
    };
  }

  /** A matched mentee is no longer choosing: their list stops counting against anyone. */
  release(cohortId: string, menteeUserId: string): Promise<void> {
    return this.delete({ cohortId, menteeUserId });
  }
}
