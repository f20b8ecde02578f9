import { MATCH_STATUSES_HOLDING_A_PLACE } from '@mentorship/contracts';

/**
 * SQL shared by the rollups. Every rollup statement binds the same parameters: `$1` the
 * organization (the tenant, bound by `TenantRepository.sql`), `$2` the first and `$3` the last
 * day of the range (`YYYY-MM-DD`), `$4` the organization's time zone and `$5` the instant the
 * rollup runs at (what "now" is for a request that expires unanswered). `STEPS_OF_MATCHES` binds
 * `$2` the zone alone: it reads every day.
 */
export type RollupParameters = [from: string, to: string, timeZone: string, asOf: Date];

/** A timestamp's day in the organization's zone (`$4`, or the parameter named). */
export const localDay = (column: string, zone = '$4') => `(${column} AT TIME ZONE ${zone}::text)::date`;

/** The range's first instant and the instant after its last, in the organization's zone. */
export const RANGE_START = `($2::date::timestamp AT TIME ZONE $4::text)`;
export const RANGE_END = `(($3::date + 1)::timestamp AT TIME ZONE $4::text)`;

/**
 * Every status a match took, from the source tables. A match's creation is a step into its first
 * status (the first event's `from_status`, or its status now when it has no event yet; `seq` 0),
 * and each `match_events` row a step of its own (`seq` 1). Read once per rollup, by
 * `RollupStepsRepository.materialize`, into `analytics_rollup_steps`: a temporary table of the
 * rollup's transaction (dropped at its commit), which every fact table's statement then reads
 * instead of joining the matches and all their events again.
 */
export const STEPS_OF_MATCHES = `
  WITH first_events AS (
    SELECT DISTINCT ON (e.match_id) e.match_id, e.from_status
      FROM match_events e
     WHERE e.organization_id = $1
     ORDER BY e.match_id, e.occurred_at, e.id
  )
  SELECT m.id AS match_id, m.cohort_id, m.mentor_user_id, m.mentee_user_id,
         NULL::text AS from_status, coalesce(f.from_status, m.status)::text AS to_status,
         NULL::text AS actor, m.created_at AS at, ${localDay('m.created_at', '$2')} AS day, 0 AS seq
    FROM matches m
    LEFT JOIN first_events f ON f.match_id = m.id
   WHERE m.organization_id = $1
  UNION ALL
  SELECT m.id, m.cohort_id, m.mentor_user_id, m.mentee_user_id,
         e.from_status::text, e.to_status::text, e.actor::text, e.occurred_at, ${localDay('e.occurred_at', '$2')}, 1
    FROM match_events e
    JOIN matches m ON m.organization_id = e.organization_id AND m.id = e.match_id
   WHERE e.organization_id = $1`;

/** The rollup's temporary copy of the steps (see `STEPS_OF_MATCHES`), this session's only. */
export const STEPS_TABLE = 'pg_temp.analytics_rollup_steps';

/**
 * `steps`: the rollup's materialized steps, inlined where a statement reads them (NOT
 * MATERIALIZED: a second copy per statement is what the temporary table is there to avoid).
 */
export const MATCH_STEPS = `steps AS NOT MATERIALIZED (SELECT * FROM ${STEPS_TABLE})`;

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

/** +1 when a step enters one of `statuses`, -1 when it leaves one (a creation leaves none). */
export function delta(statuses: readonly string[]): string {
  const list = statuses.map((s) => `'${s}'`).join(', ');
  return `((to_status IN (${list}))::int - coalesce(from_status IN (${list}), false)::int)`;
}

/** The statuses in which a match holds a place of its mentor (the contracts' one list). */
export const HOLDING_A_PLACE = MATCH_STATUSES_HOLDING_A_PLACE;

/**
 * The end of a rollup statement, after the CTE `from` (the range's fresh rows): the table's rows
 * of the range (`inRange`, on `t`) that `from` no longer has are deleted, those whose values
 * changed are updated, and the new ones inserted. A row the sources still say the same of is
 * not touched: `INSERT ... ON CONFLICT DO UPDATE ... WHERE` locked (wrote) every conflicting row
 * even when its WHERE kept it, so a re-run of a year rewrote all its 160,000 rows at the
 * benchmark's size. One rollup of an organization at a time (`lockOrganization`), so no other
 * writer inserts a key between this statement's snapshot and its insert.
 */
export function writeFresh(target: {
  table: string;
  from: string;
  keys: readonly string[];
  values: readonly string[];
  inRange: string;
  /** Set when a row is written, not compared (`column`, `value`). */
  stamp?: readonly [string, string];
}): string {
  const { table, from, keys, values, inRange, stamp } = target;
  const sameKey = keys.map((k) => `t.${k} = f.${k}`).join(' AND ');
  const set = [...values.map((v) => `${v} = f.${v}`), ...(stamp ? [`${stamp[0]} = ${stamp[1]}`] : [])];
  return `
  stale AS (
    DELETE FROM ${table} t
     WHERE t.organization_id = $1 AND ${inRange}
       AND (${keys.map((k) => `t.${k}`).join(', ')}) NOT IN (SELECT ${keys.join(', ')} FROM ${from})
  ),
  changed AS (
    UPDATE ${table} t SET ${set.join(', ')}
      FROM ${from} f
     WHERE t.organization_id = $1 AND ${sameKey}
       AND (${values.map((v) => `t.${v}`).join(', ')}) IS DISTINCT FROM (${values.map((v) => `f.${v}`).join(', ')})
  )
  INSERT INTO ${table} (organization_id, ${[...keys, ...values, ...(stamp ? [stamp[0]] : [])].join(', ')})
  SELECT $1, ${[...keys, ...values].map((c) => `f.${c}`).join(', ')}${stamp ? `, ${stamp[1]}` : ''}
    FROM ${from} f
   WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.organization_id = $1 AND ${sameKey})`;
}
