/*
 * The anchor of `npm run bench:analytics`: every fact table's rows of a range, computed by plain
 * SQL written from the rules (the naive recomputation of apps/api-e2e/src/support/analytics-naive.ts,
 * not the rollup's SQL) and writing no fact table. `anchorRows` times it; `anchorDifferences`
 * proves, with EXCEPT ALL both ways, that its rows are exactly the rows the rollup stored, so the
 * ratio compares two ways of computing the same result.
 *
 * How it computes, in the obvious way: each match's statuses as spells (a status holds from its
 * step's day up to the next step's day), one temporary table of them with statistics; a level
 * (matches active at a day's end, places used) is the spells covering the day, counted as +1 on
 * the day a spell starts and -1 on the day it stops, summed over the days; a day's count is its
 * steps; everything else is one GROUP BY per table.
 *
 * Every statement binds `$1` the organization, `$2` the first and `$3` the last day, `$4` the zone
 * and `$5` the instant the rollup ran at (a request past its expiry before that is expired).
 */
const SPELLS = 'pg_temp.bench_anchor_spells';

/** A timestamp's day in the organization's zone. */
const dayOf = (column: string, zone = '$4') => `(${column} AT TIME ZONE ${zone}::text)::date`;

/**
 * Every status a match took, in the order the naive recomputation replays them: its creation
 * (the first event's `from_status`, else its status now; `n` 0), then its events by time.
 * `until_day` is the day of the match's next step (none: the status holds on).
 */
const CREATE_SPELLS = `
  CREATE TEMPORARY TABLE bench_anchor_spells ON COMMIT DROP AS
  WITH events AS (
    SELECT e.match_id, e.from_status::text AS from_status, e.to_status::text AS status, e.actor::text AS actor,
           e.occurred_at AS at, row_number() OVER (PARTITION BY e.match_id ORDER BY e.occurred_at, e.id) AS n
      FROM match_events e
     WHERE e.organization_id = $1
  ),
  steps AS (
    SELECT m.id AS match_id, 0::bigint AS n, NULL::text AS from_status,
           coalesce(first.from_status, m.status::text) AS status, NULL::text AS actor, m.created_at AS at
      FROM matches m
      LEFT JOIN events first ON first.match_id = m.id AND first.n = 1
     WHERE m.organization_id = $1
    UNION ALL
    SELECT match_id, n, from_status, status, actor, at FROM events
  )
  SELECT s.match_id, m.cohort_id, m.mentor_user_id AS mentor, m.mentee_user_id AS mentee, m.origin, m.origin_id,
         m.created_at AS match_created_at, s.n, s.from_status, s.status, s.actor, s.at, ${dayOf('s.at', '$2')} AS day,
         lead(${dayOf('s.at', '$2')}) OVER (PARTITION BY s.match_id ORDER BY s.n) AS until_day
    FROM steps s
    JOIN matches m ON m.organization_id = $1 AND m.id = s.match_id`;

/** The cohorts with their programs, and the days of the range. */
const COHORTS_AND_DAYS = `
  cohort AS (
    SELECT c.id AS cohort_id, c.program_id, c.ends_on, coalesce(c.settings_snapshot, p.settings) AS settings
      FROM cohorts c JOIN programs p ON p.organization_id = c.organization_id AND p.id = c.program_id
     WHERE c.organization_id = $1
  ),
  range_day AS (SELECT d::date AS day FROM generate_series($2::date, $3::date, interval '1 day') d)`;

/**
 * A spell counts on the days from its day up to (not including) its `until_day`: +1 on the one,
 * -1 on the other (`change`, on `day`), each read in one pass over the spells.
 */
const SPELL_EDGES = `
  ${SPELLS} s CROSS JOIN LATERAL (VALUES (s.day, 1), (s.until_day, -1)) AS edge(day, change)
  WHERE (s.until_day IS NULL OR s.until_day > s.day) AND edge.day IS NOT NULL`;

/** The mentors with places: each enrolled mentor of a cohort, from their enrollment to its end. */
const MENTORS = `
  mentor AS (
    SELECT cp.cohort_id, cp.user_id, ${dayOf('cp.enrolled_at')} AS from_day, co.ends_on, co.program_id,
           mentor_places(pr, co.settings) AS places
      FROM cohort_participants cp
      JOIN cohort co ON co.cohort_id = cp.cohort_id
      LEFT JOIN profiles pr ON pr.organization_id = cp.organization_id AND pr.user_id = cp.user_id
     WHERE cp.organization_id = $1 AND cp.role = 'mentor' AND cp.status = 'enrolled'
  )`;

const HOLDING = `('pending', 'trial', 'active')`;

/**
 * Each fact table: its columns (all but the organization and when a row was written), which of its
 * stored rows a range covers (on `t`), and the anchor's SELECT of the same columns.
 */
export const ANCHOR_TABLES: readonly { table: string; columns: string; inRange: string; rows: string }[] = [
  {
    table: 'analytics_cohort_days',
    columns: `cohort_id, day, program_id, active_matches, trial_matches, places_offered, places_used,
      new_matches, matches_accepted, trials_started, trials_converted, trials_declined, matches_activated,
      matches_completed, matches_ended, requests_sent, requests_accepted, requests_declined, requests_expired,
      check_ins, milestones_completed, pulse_answers, pulse_rating_sum, nps_promoters, nps_passives, nps_detractors`,
    inRange: 't.day BETWEEN $2::date AND $3::date',
    rows: `
  WITH ${COHORTS_AND_DAYS}, ${MENTORS},
  -- The levels' changes per day; those before the range are moved to its first day.
  changes AS (
    SELECT cohort_id, day, sum(active) AS active, sum(trial) AS trial, sum(used) AS used, sum(offered) AS offered FROM (
      SELECT s.cohort_id, greatest(edge.day, $2::date) AS day,
             CASE WHEN s.status = 'active' THEN edge.change ELSE 0 END AS active,
             CASE WHEN s.status = 'trial' THEN edge.change ELSE 0 END AS trial,
             CASE WHEN s.status IN ${HOLDING} THEN edge.change ELSE 0 END AS used, 0 AS offered
        FROM ${SPELL_EDGES} AND edge.day <= $3::date
      UNION ALL
      SELECT mt.cohort_id, greatest(edge.day, $2::date), 0, 0, 0, edge.places
        FROM mentor mt CROSS JOIN LATERAL (VALUES (mt.from_day, mt.places), (mt.ends_on + 1, -mt.places)) AS edge(day, places)
       WHERE mt.from_day <= mt.ends_on AND edge.day <= $3::date
    ) c GROUP BY cohort_id, day
  ),
  levels AS (
    SELECT co.cohort_id, co.program_id, d.day,
           sum(coalesce(c.active, 0)) OVER w AS active_matches, sum(coalesce(c.trial, 0)) OVER w AS trial_matches,
           sum(coalesce(c.offered, 0)) OVER w AS places_offered, sum(coalesce(c.used, 0)) OVER w AS places_used
      FROM cohort co CROSS JOIN range_day d
      LEFT JOIN changes c ON c.cohort_id = co.cohort_id AND c.day = d.day
    WINDOW w AS (PARTITION BY co.cohort_id ORDER BY d.day)
  ),
  accepted AS (
    SELECT DISTINCT ON (match_id) cohort_id, day FROM ${SPELLS}
     WHERE status IN ('trial', 'active') ORDER BY match_id, n
  ),
  step_counts AS (
    SELECT cohort_id, day,
           count(*) FILTER (WHERE n = 0) AS new_matches,
           count(*) FILTER (WHERE status = 'trial') AS trials_started,
           count(*) FILTER (WHERE from_status = 'trial' AND status = 'active') AS trials_converted,
           count(*) FILTER (WHERE status = 'trial_declined') AS trials_declined,
           count(*) FILTER (WHERE status = 'active') AS matches_activated,
           count(*) FILTER (WHERE status = 'completed') AS matches_completed,
           count(*) FILTER (WHERE status = 'ended') AS matches_ended
      FROM ${SPELLS} WHERE day BETWEEN $2::date AND $3::date GROUP BY cohort_id, day
  ),
  accepted_counts AS (
    SELECT cohort_id, day, count(*) AS matches_accepted FROM accepted
     WHERE day BETWEEN $2::date AND $3::date GROUP BY cohort_id, day
  ),
  request_counts AS (
    SELECT cohort_id, day, count(*) FILTER (WHERE what = 'sent') AS requests_sent,
           count(*) FILTER (WHERE what = 'accepted') AS requests_accepted,
           count(*) FILTER (WHERE what = 'declined') AS requests_declined,
           count(*) FILTER (WHERE what = 'expired') AS requests_expired
      FROM (
        SELECT cohort_id, ${dayOf('created_at')} AS day, 'sent' AS what FROM match_requests WHERE organization_id = $1
        UNION ALL
        SELECT cohort_id, ${dayOf('decided_at')}, status::text FROM match_requests
         WHERE organization_id = $1 AND status IN ('accepted', 'declined') AND decided_at IS NOT NULL
        UNION ALL
        SELECT cohort_id, ${dayOf('expires_at')}, 'expired' FROM match_requests
         WHERE organization_id = $1 AND status IN ('expired', 'open') AND expires_at <= $5::timestamptz
      ) r WHERE day BETWEEN $2::date AND $3::date GROUP BY cohort_id, day
  ),
  check_in_counts AS (
    SELECT m.cohort_id, ci.held_on AS day, count(*) AS check_ins
      FROM check_ins ci JOIN matches m ON m.organization_id = $1 AND m.id = ci.match_id
     WHERE ci.organization_id = $1 AND ci.held_on BETWEEN $2::date AND $3::date GROUP BY 1, 2
  ),
  milestone_counts AS (
    SELECT m.cohort_id, (x->>'doneOn')::date AS day, count(*) AS milestones_completed
      FROM mentorship_maps mm JOIN matches m ON m.organization_id = $1 AND m.id = mm.match_id
      CROSS JOIN LATERAL jsonb_array_elements(mm.content->'milestones') x
     WHERE mm.organization_id = $1 AND x->>'doneOn' IS NOT NULL AND (x->>'doneOn')::date BETWEEN $2::date AND $3::date
     GROUP BY 1, 2
  ),
  pulse_counts AS (
    SELECT m.cohort_id, ${dayOf('pa.answered_at')} AS day, count(*) AS pulse_answers, sum(pa.rating) AS pulse_rating_sum
      FROM pulse_answers pa JOIN matches m ON m.organization_id = $1 AND m.id = pa.match_id
     WHERE pa.organization_id = $1 AND ${dayOf('pa.answered_at')} BETWEEN $2::date AND $3::date GROUP BY 1, 2
  ),
  survey_counts AS (
    SELECT cohort_id, ${dayOf('answered_at')} AS day,
           count(*) FILTER (WHERE recommend >= 9) AS nps_promoters,
           count(*) FILTER (WHERE recommend IN (7, 8)) AS nps_passives,
           count(*) FILTER (WHERE recommend <= 6) AS nps_detractors
      FROM cohort_survey_answers
     WHERE organization_id = $1 AND ${dayOf('answered_at')} BETWEEN $2::date AND $3::date GROUP BY 1, 2
  ),
  every_day AS (
    SELECT l.cohort_id, l.day, l.program_id,
           l.active_matches::int, l.trial_matches::int, l.places_offered::int, l.places_used::int,
           coalesce(s.new_matches, 0)::int AS new_matches, coalesce(a.matches_accepted, 0)::int AS matches_accepted,
           coalesce(s.trials_started, 0)::int AS trials_started, coalesce(s.trials_converted, 0)::int AS trials_converted,
           coalesce(s.trials_declined, 0)::int AS trials_declined, coalesce(s.matches_activated, 0)::int AS matches_activated,
           coalesce(s.matches_completed, 0)::int AS matches_completed, coalesce(s.matches_ended, 0)::int AS matches_ended,
           coalesce(r.requests_sent, 0)::int AS requests_sent, coalesce(r.requests_accepted, 0)::int AS requests_accepted,
           coalesce(r.requests_declined, 0)::int AS requests_declined, coalesce(r.requests_expired, 0)::int AS requests_expired,
           coalesce(ci.check_ins, 0)::int AS check_ins, coalesce(ms.milestones_completed, 0)::int AS milestones_completed,
           coalesce(p.pulse_answers, 0)::int AS pulse_answers, coalesce(p.pulse_rating_sum, 0)::int AS pulse_rating_sum,
           coalesce(sv.nps_promoters, 0)::int AS nps_promoters, coalesce(sv.nps_passives, 0)::int AS nps_passives,
           coalesce(sv.nps_detractors, 0)::int AS nps_detractors
      FROM levels l
      LEFT JOIN step_counts s ON s.cohort_id = l.cohort_id AND s.day = l.day
      LEFT JOIN accepted_counts a ON a.cohort_id = l.cohort_id AND a.day = l.day
      LEFT JOIN request_counts r ON r.cohort_id = l.cohort_id AND r.day = l.day
      LEFT JOIN check_in_counts ci ON ci.cohort_id = l.cohort_id AND ci.day = l.day
      LEFT JOIN milestone_counts ms ON ms.cohort_id = l.cohort_id AND ms.day = l.day
      LEFT JOIN pulse_counts p ON p.cohort_id = l.cohort_id AND p.day = l.day
      LEFT JOIN survey_counts sv ON sv.cohort_id = l.cohort_id AND sv.day = l.day
  )
  -- A day is kept when any measure is not zero (what the naive recomputation keeps).
  SELECT * FROM every_day e
   WHERE (e.active_matches, e.trial_matches, e.places_offered, e.places_used, e.new_matches, e.matches_accepted,
          e.trials_started, e.trials_converted, e.trials_declined, e.matches_activated, e.matches_completed,
          e.matches_ended, e.requests_sent, e.requests_accepted, e.requests_declined, e.requests_expired,
          e.check_ins, e.milestones_completed, e.pulse_answers, e.pulse_rating_sum, e.nps_promoters,
          e.nps_passives, e.nps_detractors) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)`,
  },
  {
    table: 'analytics_time_to_match_days',
    columns: 'cohort_id, day, days_to_match, program_id, matches',
    inRange: 't.day BETWEEN $2::date AND $3::date',
    rows: `
  WITH ${COHORTS_AND_DAYS},
  accepted AS (
    SELECT DISTINCT ON (match_id) match_id, cohort_id, mentee, origin, origin_id, match_created_at, at, day
      FROM ${SPELLS} WHERE status IN ('trial', 'active') ORDER BY match_id, n
  )
  SELECT a.cohort_id, a.day,
         greatest(0, floor(extract(epoch FROM a.at - coalesce(r.created_at, cp.enrolled_at, a.match_created_at)) / 86400))::int
           AS days_to_match,
         co.program_id, count(*)::int AS matches
    FROM accepted a
    JOIN cohort co ON co.cohort_id = a.cohort_id
    LEFT JOIN match_requests r ON a.origin = 'request' AND r.organization_id = $1 AND r.id = a.origin_id
    LEFT JOIN cohort_participants cp ON cp.organization_id = $1 AND cp.cohort_id = a.cohort_id
         AND cp.user_id = a.mentee AND cp.role = 'mentee'
   WHERE a.day BETWEEN $2::date AND $3::date
   GROUP BY 1, 2, 3, 4`,
  },
  {
    table: 'analytics_utilization_days',
    columns: 'cohort_id, day, bucket, program_id, mentors',
    inRange: 't.day BETWEEN $2::date AND $3::date',
    rows: `
  WITH ${COHORTS_AND_DAYS}, ${MENTORS},
  -- The days a mentor's places used change (their matches' holding spells start and stop), with
  -- their enrollment's first day and the day after the cohort's end.
  used_change AS (
    SELECT s.cohort_id, s.mentor AS user_id, edge.day, edge.change FROM ${SPELL_EDGES} AND s.status IN ${HOLDING}
    UNION ALL
    SELECT mt.cohort_id, mt.user_id, edge.day, 0
      FROM mentor mt CROSS JOIN LATERAL (VALUES (mt.from_day), (mt.ends_on + 1)) AS edge(day)
  ),
  -- A day's changes are peers in the window: the sum includes them all (its places used at the
  -- day's end); lead() gives all but the last the same day, and those stays are empty.
  used AS (
    SELECT cohort_id, user_id, day, sum(change) OVER w AS used, lead(day) OVER w AS until_day
      FROM used_change
    WINDOW w AS (PARTITION BY cohort_id, user_id ORDER BY day)
  ),
  -- A mentor in one bucket from one change to the next, cut to the enrollment and the range.
  stay AS (
    SELECT u.cohort_id, mt.program_id, least(10, floor(u.used * 10.0 / mt.places))::smallint AS bucket,
           greatest(u.day, mt.from_day, $2::date) AS from_day,
           least(u.until_day, mt.ends_on + 1, $3::date + 1) AS until_day
      FROM used u JOIN mentor mt ON mt.cohort_id = u.cohort_id AND mt.user_id = u.user_id
     WHERE mt.places > 0 AND u.until_day IS NOT NULL
  ),
  bucket_change AS (
    SELECT s.cohort_id, s.bucket, edge.day, sum(edge.change) AS change
      FROM stay s CROSS JOIN LATERAL (VALUES (s.from_day, 1), (s.until_day, -1)) AS edge(day, change)
     WHERE s.from_day < s.until_day GROUP BY 1, 2, 3
  ),
  counted AS (
    SELECT co.cohort_id, d.day, b.bucket::smallint AS bucket, co.program_id,
           sum(coalesce(c.change, 0)) OVER (PARTITION BY co.cohort_id, b.bucket ORDER BY d.day) AS mentors
      FROM cohort co CROSS JOIN range_day d CROSS JOIN generate_series(0, 10) b(bucket)
      LEFT JOIN bucket_change c ON c.cohort_id = co.cohort_id AND c.bucket = b.bucket AND c.day = d.day
  )
  SELECT cohort_id, day, bucket, program_id, mentors::int FROM counted WHERE mentors > 0`,
  },
  {
    table: 'analytics_exit_days',
    columns: 'cohort_id, day, exit, ended_by, program_id, matches',
    inRange: 't.day BETWEEN $2::date AND $3::date',
    rows: `
  WITH ${COHORTS_AND_DAYS}
  SELECT s.cohort_id, s.day, s.status AS exit, coalesce(s.actor, 'system') AS ended_by, co.program_id, count(*)::int AS matches
    FROM ${SPELLS} s JOIN cohort co ON co.cohort_id = s.cohort_id
   WHERE s.status IN ('ended', 'trial_declined') AND s.day BETWEEN $2::date AND $3::date
   GROUP BY 1, 2, 3, 4, 5`,
  },
  {
    table: 'analytics_retention',
    columns: 'cohort_id, start_day, horizon_days, program_id, started, retained',
    inRange: 't.start_day + t.horizon_days BETWEEN $2::date AND $3::date',
    rows: `
  WITH ${COHORTS_AND_DAYS},
  start AS (
    SELECT cohort_id, mentee, min(day) AS start_day FROM ${SPELLS}
     WHERE status IN ('trial', 'active') GROUP BY cohort_id, mentee
  ),
  due AS (
    SELECT s.cohort_id, s.mentee, s.start_day, h.horizon_days, s.start_day + h.horizon_days AS at_day
      FROM start s CROSS JOIN (VALUES (30), (90), (180)) h(horizon_days)
     WHERE s.start_day + h.horizon_days BETWEEN $2::date AND $3::date
  ),
  -- Retained: a match of theirs in the cohort is in trial, active or completed at that day's end.
  retained AS (
    SELECT DISTINCT d.cohort_id, d.mentee, d.horizon_days
      FROM due d
      JOIN ${SPELLS} sp ON sp.cohort_id = d.cohort_id AND sp.mentee = d.mentee
     WHERE sp.status IN ('trial', 'active', 'completed')
       AND sp.day <= d.at_day AND (sp.until_day IS NULL OR sp.until_day > d.at_day)
  )
  SELECT d.cohort_id, d.start_day, d.horizon_days::smallint, co.program_id, count(*)::int AS started,
         count(r.mentee)::int AS retained
    FROM due d JOIN cohort co ON co.cohort_id = d.cohort_id
    LEFT JOIN retained r ON r.cohort_id = d.cohort_id AND r.mentee = d.mentee AND r.horizon_days = d.horizon_days
   GROUP BY 1, 2, 3, 4`,
  },
  {
    table: 'analytics_membership_outcomes',
    columns: 'joined_day, horizon_months, participant, members, still_members',
    inRange:
      '(t.joined_day + make_interval(months => t.horizon_months::int))::date BETWEEN $2::date AND $3::date',
    rows: `
  WITH took_part AS (
    SELECT person, min(day) AS first_day FROM (
      SELECT mentor AS person, day FROM ${SPELLS} WHERE status IN ('trial', 'active')
      UNION ALL SELECT mentee, day FROM ${SPELLS} WHERE status IN ('trial', 'active')
    ) p GROUP BY person
  ),
  due AS (
    SELECT ${dayOf('t.joined_at')} AS joined_day, h.horizon_months,
           (${dayOf('t.joined_at')} + make_interval(months => h.horizon_months))::date AS at_day,
           ${dayOf('t.left_at')} AS left_day,
           least(p.first_day, ${dayOf('t.first_mentorship_at')}) AS first_day
      FROM analytics_member_tenures t
      CROSS JOIN (VALUES (6), (12)) h(horizon_months)
      LEFT JOIN took_part p ON p.person = t.user_id
     WHERE t.organization_id = $1
  )
  SELECT joined_day, horizon_months::smallint, coalesce(first_day <= at_day, false) AS participant,
         count(*)::int AS members, count(*) FILTER (WHERE left_day IS NULL OR left_day > at_day)::int AS still_members
    FROM due WHERE at_day BETWEEN $2::date AND $3::date
   GROUP BY 1, 2, 3`,
  },
];

export type AnchorParameters = [
  organizationId: string,
  from: string,
  to: string,
  timeZone: string,
  asOf: Date,
];

/** A query in the transaction the anchor runs in (the tenant's, as the rollup's). */
export type Query = (sql: string, parameters?: unknown[]) => Promise<Record<string, unknown>[]>;

/** The parameters up to the last one `sql` names (Postgres refuses a bind of more than it uses). */
const boundFor = (sql: string, parameters: AnchorParameters) =>
  parameters.slice(0, Math.max(...[...sql.matchAll(/\$(\d)/g)].map(([, n]) => Number(n))));

/**
 * The anchor's settings are the rollup's (`ROLLUP_SETTINGS`), for this transaction only, and its
 * spells are copied and analyzed: run inside the tenant's transaction.
 */
async function prepare(
  query: Query,
  settings: Readonly<Record<string, string>>,
  parameters: AnchorParameters,
) {
  const manager = { query };
  for (const [name, value] of Object.entries(settings))
    await manager.query(`SELECT set_config($1, $2, true)`, [name, value]);
  await manager.query(`DROP TABLE IF EXISTS ${SPELLS}`);
  // The spells read only the organization and the zone: the range cuts them later.
  await manager.query(CREATE_SPELLS, [parameters[0], parameters[3]]);
  await manager.query(`ANALYZE ${SPELLS}`);
  return manager;
}

/**
 * Every table's rows of the range, consumed whole (`count(t.*)`: no measure can be left out),
 * counted per table; milliseconds per table beside them, the spells' copy as `spells`.
 */
export async function anchorRows(
  query: Query,
  settings: Readonly<Record<string, string>>,
  parameters: AnchorParameters,
): Promise<{ rows: Record<string, number>; ms: Record<string, number> }> {
  let started = performance.now();
  const manager = await prepare(query, settings, parameters);
  const ms: Record<string, number> = { spells: Math.round(performance.now() - started) };
  const rows: Record<string, number> = {};
  for (const { table, rows: sql } of ANCHOR_TABLES) {
    started = performance.now();
    const [row] = await manager.query(`SELECT count(t.*) AS n FROM (${sql}) t`, boundFor(sql, parameters));
    rows[table] = Number(row.n);
    ms[table] = Math.round(performance.now() - started);
  }
  return { rows, ms };
}

/**
 * Per table: the rows the anchor computes that the rollup did not store, plus the stored rows of
 * the range the anchor does not compute (each duplicate counted: EXCEPT ALL). All zeros when the
 * two agree to the row; run after a rollup of the same range and instant.
 */
export async function anchorDifferences(
  query: Query,
  settings: Readonly<Record<string, string>>,
  parameters: AnchorParameters,
): Promise<Record<string, { stored: number; differing: number }>> {
  const manager = await prepare(query, settings, parameters);
  const result: Record<string, { stored: number; differing: number }> = {};
  for (const { table, columns, inRange, rows } of ANCHOR_TABLES) {
    const stored = `SELECT ${columns} FROM ${table} t WHERE t.organization_id = $1 AND ${inRange}`;
    const anchor = `SELECT ${columns} FROM (${rows}) a`;
    const check = `SELECT (SELECT count(*) FROM (${stored}) s) AS stored,
              (SELECT count(*) FROM ((${anchor} EXCEPT ALL ${stored}) UNION ALL (${stored} EXCEPT ALL ${anchor})) d) AS differing`;
    const [row] = await manager.query(check, boundFor(check, parameters));
    result[table] = { stored: Number(row.stored), differing: Number(row.differing) };
  }
  return result;
}
