import type { TestDatabase } from '@mentorship/testing';
import { DateTime } from 'luxon';

/**
 * The rollups recomputed the slow, obvious way, straight from the source tables: every day of the
 * range, every match's status replayed from its events, every row counted in TypeScript. The
 * rollup's SQL (running sums, histograms) must agree with this to the row.
 */

type Row = Record<string, unknown>;
export type Rows = Map<string, Record<string, number>>;

export interface NaiveRollups {
  cohortDays: Rows;
  timeToMatch: Rows;
  utilization: Rows;
  exits: Rows;
  retention: Rows;
  membership: Rows;
}

const HOLDING = new Set(['pending', 'trial', 'active']);

interface Step {
  toStatus: string;
  fromStatus: string | null;
  actor: string | null;
  at: Date;
  day: string;
  seq: number;
}

export async function naiveRollups(
  db: TestDatabase,
  organizationId: string,
  timeZone: string,
  from: string,
  to: string,
  asOf: Date,
): Promise<NaiveRollups> {
  const q = (sql: string) => db.query<Row>(sql, [organizationId]);
  const localDay = (at: Date) => DateTime.fromJSDate(at, { zone: timeZone }).toISODate()!;
  const days: string[] = [];
  for (let d = from; d <= to; d = plusDays(d, 1)) days.push(d);

  const cohorts = await q(
    `SELECT id, program_id, to_char(ends_on, 'YYYY-MM-DD') AS ends_on FROM cohorts WHERE organization_id = $1`,
  );
  const programOf = new Map(cohorts.map((c) => [c.id as string, c.program_id as string]));
  const matches = await q(`SELECT * FROM matches WHERE organization_id = $1`);
  const events = await q(`SELECT * FROM match_events WHERE organization_id = $1 ORDER BY occurred_at, id`);
  const stepsOf = new Map<string, Step[]>();
  for (const m of matches) {
    const own = events.filter((e) => e.match_id === m.id);
    const first: Step = {
      toStatus: (own[0]?.from_status as string | undefined) ?? (m.status as string),
      fromStatus: null,
      actor: null,
      at: m.created_at as Date,
      day: localDay(m.created_at as Date),
      seq: 0,
    };
    stepsOf.set(m.id as string, [
      first,
      ...own.map((e) => ({
        toStatus: e.to_status as string,
        fromStatus: e.from_status as string,
        actor: e.actor as string,
        at: e.occurred_at as Date,
        day: localDay(e.occurred_at as Date),
        seq: 1,
      })),
    ]);
  }
  const statusAt = (matchId: string, d: string): string | null => {
    let status: string | null = null;
    for (const step of stepsOf.get(matchId)!) if (step.day <= d) status = step.toStatus;
    return status;
  };
  const allSteps = matches.flatMap((m) => stepsOf.get(m.id as string)!.map((s) => ({ ...s, match: m })));
  const acceptedStep = (matchId: string) =>
    stepsOf.get(matchId)!.find((s) => s.toStatus === 'trial' || s.toStatus === 'active') ?? null;

  const mentors = await q(
    `SELECT cp.cohort_id, cp.user_id, cp.enrolled_at, mentor_places(pr, coalesce(c.settings_snapshot, p.settings)) AS places
       FROM cohort_participants cp
       JOIN cohorts c ON c.organization_id = cp.organization_id AND c.id = cp.cohort_id
       JOIN programs p ON p.organization_id = c.organization_id AND p.id = c.program_id
       LEFT JOIN profiles pr ON pr.organization_id = cp.organization_id AND pr.user_id = cp.user_id
      WHERE cp.organization_id = $1 AND cp.role = 'mentor' AND cp.status = 'enrolled'`,
  );
  const requests = await q(`SELECT * FROM match_requests WHERE organization_id = $1`);
  const checkIns = await q(
    `SELECT ci.match_id, to_char(ci.held_on, 'YYYY-MM-DD') AS held_on FROM check_ins ci WHERE ci.organization_id = $1`,
  );
  const maps = await q(`SELECT match_id, content FROM mentorship_maps WHERE organization_id = $1`);
  const pulses = await q(`SELECT * FROM pulse_answers WHERE organization_id = $1`);
  const surveys = await q(`SELECT * FROM cohort_survey_answers WHERE organization_id = $1`);
  const participants = await q(`SELECT * FROM cohort_participants WHERE organization_id = $1`);
  const tenures = await q(`SELECT * FROM analytics_member_tenures WHERE organization_id = $1`);
  const cohortOfMatch = new Map(matches.map((m) => [m.id as string, m.cohort_id as string]));

  const result: NaiveRollups = {
    cohortDays: new Map(),
    timeToMatch: new Map(),
    utilization: new Map(),
    exits: new Map(),
    retention: new Map(),
    membership: new Map(),
  };
  const bump = (rows: Rows, key: string, measure: string, by = 1) => {
    const row = rows.get(key) ?? {};
    row[measure] = (row[measure] ?? 0) + by;
    rows.set(key, row);
  };

  for (const c of cohorts) {
    const cohortId = c.id as string;
    const own = matches.filter((m) => m.cohort_id === cohortId);
    for (const d of days) {
      const row: Record<string, number> = {};
      const count = (measure: string, n: number) => (row[measure] = n);
      count('active_matches', own.filter((m) => statusAt(m.id as string, d) === 'active').length);
      count('trial_matches', own.filter((m) => statusAt(m.id as string, d) === 'trial').length);
      count('places_used', own.filter((m) => HOLDING.has(statusAt(m.id as string, d) ?? '')).length);
      count(
        'places_offered',
        mentors
          .filter(
            (mt) =>
              mt.cohort_id === cohortId &&
              localDay(mt.enrolled_at as Date) <= d &&
              d <= (c.ends_on as string),
          )
          .reduce((sum, mt) => sum + Number(mt.places), 0),
      );
      const stepsToday = allSteps.filter((s) => s.match.cohort_id === cohortId && s.day === d);
      count('new_matches', stepsToday.filter((s) => s.seq === 0).length);
      count('matches_accepted', own.filter((m) => acceptedStep(m.id as string)?.day === d).length);
      count('trials_started', stepsToday.filter((s) => s.toStatus === 'trial').length);
      count(
        'trials_converted',
        stepsToday.filter((s) => s.fromStatus === 'trial' && s.toStatus === 'active').length,
      );
      count('trials_declined', stepsToday.filter((s) => s.toStatus === 'trial_declined').length);
      count('matches_activated', stepsToday.filter((s) => s.toStatus === 'active').length);
      count('matches_completed', stepsToday.filter((s) => s.toStatus === 'completed').length);
      count('matches_ended', stepsToday.filter((s) => s.toStatus === 'ended').length);
      const ofCohort = requests.filter((r) => r.cohort_id === cohortId);
      count('requests_sent', ofCohort.filter((r) => localDay(r.created_at as Date) === d).length);
      for (const status of ['accepted', 'declined'])
        count(
          `requests_${status}`,
          ofCohort.filter((r) => r.status === status && r.decided_at && localDay(r.decided_at as Date) === d)
            .length,
        );
      count(
        'requests_expired',
        ofCohort.filter(
          (r) =>
            (r.status === 'expired' || r.status === 'open') &&
            (r.expires_at as Date) <= asOf &&
            localDay(r.expires_at as Date) === d,
        ).length,
      );
      count(
        'check_ins',
        checkIns.filter((ci) => cohortOfMatch.get(ci.match_id as string) === cohortId && ci.held_on === d)
          .length,
      );
      count(
        'milestones_completed',
        maps
          .filter((mm) => cohortOfMatch.get(mm.match_id as string) === cohortId)
          .flatMap((mm) => (mm.content as { milestones: { doneOn?: string | null }[] }).milestones)
          .filter((ms) => ms.doneOn === d).length,
      );
      const pulsesToday = pulses.filter(
        (p) => cohortOfMatch.get(p.match_id as string) === cohortId && localDay(p.answered_at as Date) === d,
      );
      count('pulse_answers', pulsesToday.length);
      count(
        'pulse_rating_sum',
        pulsesToday.reduce((sum, p) => sum + Number(p.rating), 0),
      );
      const surveysToday = surveys.filter(
        (s) => s.cohort_id === cohortId && localDay(s.answered_at as Date) === d,
      );
      count('nps_promoters', surveysToday.filter((s) => Number(s.recommend) >= 9).length);
      count('nps_passives', surveysToday.filter((s) => [7, 8].includes(Number(s.recommend))).length);
      count('nps_detractors', surveysToday.filter((s) => Number(s.recommend) <= 6).length);
      if (Object.values(row).some((n) => n > 0)) result.cohortDays.set(`${cohortId}|${d}`, row);

      // Utilization: each enrolled mentor with places, from their enrollment to the cohort's end.
      for (const mt of mentors.filter((mt) => mt.cohort_id === cohortId)) {
        const places = Number(mt.places);
        if (places <= 0 || localDay(mt.enrolled_at as Date) > d || d > (c.ends_on as string)) continue;
        const used = own.filter(
          (m) => m.mentor_user_id === mt.user_id && HOLDING.has(statusAt(m.id as string, d) ?? ''),
        ).length;
        bump(
          result.utilization,
          `${cohortId}|${d}|${Math.min(10, Math.floor((used * 10) / places))}`,
          'mentors',
        );
      }
    }
  }

  for (const m of matches) {
    const accepted = acceptedStep(m.id as string);
    if (!accepted || accepted.day < from || accepted.day > to) continue;
    const request = m.origin === 'request' ? requests.find((r) => r.id === m.origin_id) : undefined;
    const participant = participants.find(
      (p) => p.cohort_id === m.cohort_id && p.user_id === m.mentee_user_id && p.role === 'mentee',
    );
    const since = (request?.created_at ?? participant?.enrolled_at ?? m.created_at) as Date;
    const waited = Math.max(0, Math.floor((accepted.at.getTime() - since.getTime()) / 86_400_000));
    bump(result.timeToMatch, `${m.cohort_id}|${accepted.day}|${waited}`, 'matches');
  }

  for (const s of allSteps)
    if ((s.toStatus === 'ended' || s.toStatus === 'trial_declined') && s.day >= from && s.day <= to)
      bump(result.exits, `${s.match.cohort_id}|${s.day}|${s.toStatus}|${s.actor ?? 'system'}`, 'matches');

  const starts = new Map<string, string>();
  for (const s of allSteps)
    if (s.toStatus === 'trial' || s.toStatus === 'active') {
      const key = `${s.match.cohort_id}|${s.match.mentee_user_id}`;
      if (!starts.has(key) || s.day < starts.get(key)!) starts.set(key, s.day);
    }
  for (const [key, startDay] of starts) {
    const [cohortId, mentee] = key.split('|') as [string, string];
    for (const horizon of [30, 90, 180]) {
      const atDay = plusDays(startDay, horizon);
      if (atDay < from || atDay > to) continue;
      const retained = matches.some(
        (m) =>
          m.cohort_id === cohortId &&
          m.mentee_user_id === mentee &&
          ['trial', 'active', 'completed'].includes(statusAt(m.id as string, atDay) ?? ''),
      );
      bump(result.retention, `${cohortId}|${startDay}|${horizon}`, 'started');
      bump(result.retention, `${cohortId}|${startDay}|${horizon}`, 'retained', retained ? 1 : 0);
    }
  }

  for (const t of tenures) {
    const joined = localDay(t.joined_at as Date);
    const firstDays = allSteps
      .filter(
        (s) =>
          (s.toStatus === 'trial' || s.toStatus === 'active') &&
          (s.match.mentor_user_id === t.user_id || s.match.mentee_user_id === t.user_id),
      )
      .map((s) => s.day);
    if (t.first_mentorship_at) firstDays.push(localDay(t.first_mentorship_at as Date));
    const firstDay = firstDays.sort()[0];
    for (const months of [6, 12]) {
      const atDay = DateTime.fromISO(joined, { zone: 'UTC' }).plus({ months }).toISODate()!;
      if (atDay < from || atDay > to) continue;
      const participant = firstDay !== undefined && firstDay <= atDay;
      const still = !t.left_at || localDay(t.left_at as Date) > atDay;
      bump(result.membership, `${joined}|${months}|${participant}`, 'members');
      bump(result.membership, `${joined}|${months}|${participant}`, 'still_members', still ? 1 : 0);
    }
  }
  void programOf;
  return result;
}

/** What the rollup tables hold for the organization, keyed and shaped as `naiveRollups` answers. */
export async function storedRollups(db: TestDatabase, organizationId: string): Promise<NaiveRollups> {
  const q = (sql: string) => db.query<Row>(sql, [organizationId]);
  const keyed = (rows: Row[], key: (r: Row) => string, measures: string[]): Rows =>
    new Map(rows.map((r) => [key(r), Object.fromEntries(measures.map((m) => [m, Number(r[m])]))]));
  const d = (column: string) => `to_char(${column}, 'YYYY-MM-DD') AS ${column}`;
  const cohortDayMeasures = [
    'active_matches',
    'trial_matches',
    'places_offered',
    'places_used',
    'new_matches',
    'matches_accepted',
    'trials_started',
    'trials_converted',
    'trials_declined',
    'matches_activated',
    'matches_completed',
    'matches_ended',
    'requests_sent',
    'requests_accepted',
    'requests_declined',
    'requests_expired',
    'check_ins',
    'milestones_completed',
    'pulse_answers',
    'pulse_rating_sum',
    'nps_promoters',
    'nps_passives',
    'nps_detractors',
  ];
  return {
    cohortDays: keyed(
      await q(
        `SELECT cohort_id, ${d('day')}, ${cohortDayMeasures.join(', ')} FROM analytics_cohort_days WHERE organization_id = $1`,
      ),
      (r) => `${r.cohort_id}|${r.day}`,
      cohortDayMeasures,
    ),
    timeToMatch: keyed(
      await q(
        `SELECT cohort_id, ${d('day')}, days_to_match, matches FROM analytics_time_to_match_days WHERE organization_id = $1`,
      ),
      (r) => `${r.cohort_id}|${r.day}|${r.days_to_match}`,
      ['matches'],
    ),
    utilization: keyed(
      await q(
        `SELECT cohort_id, ${d('day')}, bucket, mentors FROM analytics_utilization_days WHERE organization_id = $1`,
      ),
      (r) => `${r.cohort_id}|${r.day}|${r.bucket}`,
      ['mentors'],
    ),
    exits: keyed(
      await q(
        `SELECT cohort_id, ${d('day')}, exit, ended_by, matches FROM analytics_exit_days WHERE organization_id = $1`,
      ),
      (r) => `${r.cohort_id}|${r.day}|${r.exit}|${r.ended_by}`,
      ['matches'],
    ),
    retention: keyed(
      await q(
        `SELECT cohort_id, ${d('start_day')}, horizon_days, started, retained FROM analytics_retention WHERE organization_id = $1`,
      ),
      (r) => `${r.cohort_id}|${r.start_day}|${r.horizon_days}`,
      ['started', 'retained'],
    ),
    membership: keyed(
      await q(
        `SELECT ${d('joined_day')}, horizon_months, participant, members, still_members FROM analytics_membership_outcomes WHERE organization_id = $1`,
      ),
      (r) => `${r.joined_day}|${r.horizon_months}|${r.participant}`,
      ['members', 'still_members'],
    ),
  };
}

/** A map as a sorted object, so a failing comparison prints the rows that differ. */
export function sorted(rows: Rows): Record<string, Record<string, number>> {
  return Object.fromEntries([...rows].sort(([a], [b]) => a.localeCompare(b)));
}

function plusDays(day: string, days: number): string {
  return DateTime.fromISO(day, { zone: 'UTC' }).plus({ days }).toISODate()!;
}
