import { MATCH_STATUSES_HOLDING_A_PLACE } from '@mentorship/contracts';

/**
 * SQL shared by the rollups. Every rollup statement binds the same parameters: `$1` the
 * organization (the tenant, bound by `TenantRepository.sql`), `$2` the first and `$3` the last
 * day of the range (`YYYY-MM-DD`), `$4` the organization's time zone and `$5` the instant the
 * rollup runs at (what "now" is for a request that expires unanswered).
 */
export type RollupParameters = [from: string, to: string, timeZone: string, asOf: Date];

/** A timestamp's day in the organization's zone (`$4`, or the parameter named). */
export const localDay = (column: string, zone = '$4') => `(${column} AT TIME ZONE ${zone}::text)::date`;

/** The range's first instant and the instant after its last, in the organization's zone. */
export const RANGE_START = `($2::date::timestamp AT TIME ZONE $4::text)`;
export const RANGE_END = `(($3::date + 1)::timestamp AT TIME ZONE $4::text)`;

/** +1 when a step enters one of `statuses`, -1 when it leaves one (a creation leaves none). */
export function delta(statuses: readonly string[]): string {
  const list = statuses.map((s) => `'${s}'`).join(', ');
  return `((to_status IN (${list}))::int - coalesce(from_status IN (${list}), false)::int)`;
}

/**
 * Every status a match took, from the source tables, in the order the reference replays them: a
 * match's creation is a step into its first status (the first event's `from_status`, or its
 * status now when it has no event yet; `seq` 0), then each `match_events` row (`seq` 1) by time.
 * Read once per rollup into `analytics_rollup_steps`, a temporary table of its transaction with
 * statistics (`RollupRepository`), which every fact table's rows then read instead of joining the
 * matches and all their events again.
 *
 * What the fact tables need of a step's neighbours is worked out here, in the one sort of the
 * steps by match: `next_day` (the day of the match's next step: a status holds from its step's
 * day to the next one's), `first_accept` (the match's first step into trial or active: when it
 * was matched) and each level's change (+1 into a status, -1 out of it). Before, each statement
 * sorted the steps by match again for what it needed (three sorts of every step per rollup).
 */
export const stepsOfMatches = (zone: string) => `
  WITH first_events AS (
    SELECT DISTINCT ON (e.match_id) e.match_id, e.from_status
      FROM match_events e
     WHERE e.organization_id = $1
     ORDER BY e.match_id, e.occurred_at, e.id
  ),
  raw_steps AS (
    SELECT m.id AS match_id, m.cohort_id, m.mentor_user_id, m.mentee_user_id,
           NULL::text AS from_status, coalesce(f.from_status, m.status)::text AS to_status,
           NULL::text AS actor, m.created_at AS at, NULL::uuid AS event_id, 0 AS seq
      FROM matches m
      LEFT JOIN first_events f ON f.match_id = m.id
     WHERE m.organization_id = $1
    UNION ALL
    SELECT m.id, m.cohort_id, m.mentor_user_id, m.mentee_user_id,
           e.from_status::text, e.to_status::text, e.actor::text, e.occurred_at, e.id, 1
      FROM match_events e
      JOIN matches m ON m.organization_id = e.organization_id AND m.id = e.match_id
     WHERE e.organization_id = $1
  ),
  days_of_steps AS (SELECT *, ${localDay('at', zone)} AS day FROM raw_steps)
  SELECT match_id, cohort_id, mentor_user_id, mentee_user_id, from_status, to_status, actor, at, day, seq,
         lead(day) OVER w AS next_day,
         (to_status IN ('trial', 'active')
           AND count(*) FILTER (WHERE to_status IN ('trial', 'active')) OVER w = 1) AS first_accept,
         ${delta(['active'])}::smallint AS active_change,
         ${delta(['trial'])}::smallint AS trial_change,
         ${delta(MATCH_STATUSES_HOLDING_A_PLACE)}::smallint AS used_change
    FROM days_of_steps
  WINDOW w AS (PARTITION BY match_id ORDER BY seq, at, event_id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`;

/** `cohort`: each cohort with its program and its settings (the snapshot, else the program's). */
export const COHORTS = `
  cohort AS (
    SELECT c.id AS cohort_id, c.program_id, c.ends_on, coalesce(c.settings_snapshot, p.settings) AS settings
      FROM cohorts c
      JOIN programs p ON p.organization_id = c.organization_id AND p.id = c.program_id
     WHERE c.organization_id = $1
  )`;

/** `days`: every day of the range. */
export const DAYS = `days AS (SELECT d::date AS day FROM generate_series($2::date, $3::date, interval '1 day') AS d)`;

/** The statuses in which a match holds a place of its mentor (the contracts' one list). */
export const HOLDING_A_PLACE = MATCH_STATUSES_HOLDING_A_PLACE;

/** A fact table as the rollup writes it: its key, its values, and which of its rows a range covers. */
export interface FactTableWrite {
  table: string;
  keys: readonly string[];
  values: readonly string[];
  /** The table's rows of the range, on `t`. */
  inRange: string;
  /** Set when a row is written, not compared (`column`, `value`). */
  stamp?: readonly [string, string];
}

/**
 * The writes of one fact table, as CTEs of the rollup's one statement named `<name>_...`, after
 * the CTE `<name>` (the range's fresh rows): the table's rows of the range that `<name>` no
 * longer has are deleted, those whose values changed are updated, and the new ones inserted. A
 * row the sources still say the same of is not touched: `INSERT ... ON CONFLICT DO UPDATE ...
 * WHERE` locked (wrote) every conflicting row even when its WHERE kept it, so a re-run of a year
 * rewrote all its 160,000 rows at the benchmark's size.
 *
 * The range's stored rows are read once: one full join with the fresh rows sorts every key into
 * new, stale, changed or the same, and the delete and update then find their rows by `ctid`.
 * Every sub-statement sees the statement's one snapshot, and one rollup of an organization runs
 * at a time (`lockOrganization`), so no other writer moves a row or inserts a key between that
 * snapshot and the writes.
 */
export function writesOf(name: string, target: FactTableWrite): string {
  const { table, keys, values, inRange, stamp } = target;
  const columns = [...keys, ...values];
  const sameKey = keys.map((k) => `t.${k} = f.${k}`).join(' AND ');
  const set = [...values.map((v) => `${v} = d.${v}`), ...(stamp ? [`${stamp[0]} = ${stamp[1]}`] : [])];
  const fresh = keys[0]!;
  return `
  ${name}_stored AS (
    SELECT t.ctid AS row_id, ${columns.map((c) => `t.${c}`).join(', ')} FROM ${table} t
     WHERE t.organization_id = $1 AND ${inRange}
  ),
  ${name}_differences AS MATERIALIZED (
    SELECT t.row_id, ${columns.map((c) => `f.${c}`).join(', ')}
      FROM ${name} f FULL JOIN ${name}_stored t ON ${sameKey}
     WHERE t.row_id IS NULL OR f.${fresh} IS NULL
        OR (${values.map((v) => `t.${v}`).join(', ')}) IS DISTINCT FROM (${values.map((v) => `f.${v}`).join(', ')})
  ),
  ${name}_stale AS (
    DELETE FROM ${table} t
     WHERE t.organization_id = $1
       AND t.ctid = ANY (ARRAY(SELECT row_id FROM ${name}_differences WHERE ${fresh} IS NULL))
  ),
  ${name}_changed AS (
    UPDATE ${table} t SET ${set.join(', ')}
      FROM ${name}_differences d
     WHERE t.organization_id = $1 AND d.${fresh} IS NOT NULL AND t.ctid = d.row_id
       AND t.ctid = ANY (ARRAY(SELECT row_id FROM ${name}_differences WHERE row_id IS NOT NULL AND ${fresh} IS NOT NULL))
  ),
  ${name}_inserted AS (
    INSERT INTO ${table} (organization_id, ${[...columns, ...(stamp ? [stamp[0]] : [])].join(', ')})
    SELECT $1, ${columns.map((c) => `d.${c}`).join(', ')}${stamp ? `, ${stamp[1]}` : ''}
      FROM ${name}_differences d
     WHERE d.row_id IS NULL
  )`;
}
