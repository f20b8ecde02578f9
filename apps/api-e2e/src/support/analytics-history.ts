import { randomUUID } from 'node:crypto';
import { serviceUrls, withDatabase, type TestDatabase } from '@mentorship/testing';
import { Client } from 'pg';

/**
 * Random event histories for the analytics tests, written straight into the source tables (as the
 * superuser) of one organization: members joining and leaving, programs and cohorts, enrolled
 * mentors and mentees, matches walking the state machine, requests, check-ins, milestones,
 * pulses and survey answers. Every draw is bounded, so a history always ends.
 */

const DAY_MS = 24 * 3600 * 1000;

/** A small seeded generator (mulberry32): the same seed gives the same history. */
export function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type Random = ReturnType<typeof randomSource>;

export const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham'] as const;

/** The paths a match may walk (the state machine's), from its first status. */
const PATHS: readonly (readonly string[])[] = [
  ['proposed'],
  ['proposed', 'declined'],
  ['proposed', 'pending', 'declined'],
  ['proposed', 'pending', 'trial', 'trial_declined'],
  ['proposed', 'pending', 'trial', 'active', 'completed'],
  ['pending'],
  ['pending', 'trial'],
  ['pending', 'trial', 'active'],
  ['pending', 'trial', 'active', 'ended'],
  ['pending', 'trial', 'trial_declined'],
  ['pending', 'active', 'completed'],
  ['trial', 'active'],
  ['trial', 'trial_declined'],
  ['active'],
  ['active', 'ended'],
];
const ACTION_INTO: Record<string, string> = {
  pending: 'approve',
  trial: 'accept',
  active: 'confirm',
  completed: 'complete',
  declined: 'reject',
  trial_declined: 'end_trial',
  ended: 'end',
};
const ACTORS = ['mentee', 'mentor', 'coordinator', 'system'] as const;

export interface History {
  organizationId: string;
  timeZone: string;
  /** The first and last day the history spans (UTC days; the rollups are checked over them). */
  from: string;
  to: string;
}

export interface HistoryOptions {
  /** An organization made already (through the API): its history is added; else a new one. */
  organizationId?: string;
  start?: Date;
  days?: number;
  members?: number;
  matches?: number;
  checkIns?: number;
}

const at = (start: Date, random: Random, days: number) =>
  new Date(start.getTime() + random.int(0, days * 24 * 60) * 60 * 1000);

/** Writes one organization's random history and returns what it spans (one connection, as the superuser). */
export async function writeHistory(
  database: Pick<TestDatabase, 'name'>,
  random: Random,
  options: HistoryOptions = {},
): Promise<History> {
  const client = new Client({ connectionString: withDatabase(serviceUrls.admin, database.name) });
  await client.connect();
  try {
    return await writeWith(
      { query: async (sql, params) => (await client.query(sql, params)).rows },
      random,
      options,
    );
  } finally {
    await client.end();
  }
}

interface Sql {
  query(sql: string, params?: unknown[]): Promise<unknown[]>;
}

async function writeWith(db: Sql, random: Random, options: HistoryOptions): Promise<History> {
  const start = options.start ?? new Date('2026-01-05T00:00:00Z');
  const days = options.days ?? 200;
  const organizationId = options.organizationId ?? randomUUID();
  const timeZone = random.pick(ZONES);
  if (!options.organizationId)
    await db.query(`INSERT INTO organizations (id, name) VALUES ($1, $2)`, [
      organizationId,
      `History ${organizationId}`,
    ]);
  await db.query(
    `INSERT INTO analytics_settings (organization_id, time_zone) VALUES ($1, $2)
     ON CONFLICT (organization_id) DO UPDATE SET time_zone = EXCLUDED.time_zone`,
    [organizationId, timeZone],
  );

  const people: string[] = [];
  for (let i = 0; i < (options.members ?? 14); i++) {
    const id = randomUUID();
    people.push(id);
    await db.query(`INSERT INTO users (id, email, display_name, password_hash) VALUES ($1, $2, 'P', 'x')`, [
      id,
      `p-${id}@example.test`,
    ]);
    await db.query(
      `INSERT INTO memberships (organization_id, user_id, roles, created_at) VALUES ($1, $2, '{mentee}', $3)`,
      [organizationId, id, at(new Date(start.getTime() - 30 * DAY_MS), random, days / 2)],
    );
    if (random.chance(0.6))
      await db.query(`INSERT INTO profiles (organization_id, user_id, mentor_capacity) VALUES ($1, $2, $3)`, [
        organizationId,
        id,
        random.chance(0.2) ? null : random.int(0, 3),
      ]);
  }

  const programs: string[] = [];
  for (let i = 0; i < 2; i++) {
    const id = randomUUID();
    programs.push(id);
    const kind = random.pick(['one-to-one', 'group', 'flash'] as const);
    await db.query(`INSERT INTO programs (organization_id, id, name, settings) VALUES ($1, $2, $3, $4)`, [
      organizationId,
      id,
      `Program ${i}`,
      JSON.stringify({
        kind,
        matchingMode: 'coordinator',
        defaultMentorCapacity: random.int(1, 3),
        ...(kind === 'group' ? { groupSize: random.int(2, 4) } : {}),
      }),
    ]);
  }
  const cohorts: { id: string; mentors: string[]; mentees: string[] }[] = [];
  for (let i = 0; i < 3; i++) {
    const id = randomUUID();
    const startsOn = new Date(start.getTime() + random.int(0, days / 3) * DAY_MS);
    const endsOn = new Date(startsOn.getTime() + random.int(20, days) * DAY_MS);
    await db.query(
      `INSERT INTO cohorts (organization_id, id, program_id, name, status, starts_on, ends_on, settings_snapshot, created_at)
       VALUES ($1, $2, $3, $4, 'running', $5, $6, (SELECT settings FROM programs WHERE organization_id = $1 AND id = $3), $7)`,
      [organizationId, id, random.pick(programs), `Cohort ${i}`, day(startsOn), day(endsOn), start],
    );
    const mentors: string[] = [];
    const mentees: string[] = [];
    for (const person of people) {
      if (!random.chance(0.7)) continue;
      const role = random.chance(0.4) ? 'mentor' : 'mentee';
      const status = random.pick(['enrolled', 'enrolled', 'enrolled', 'applied', 'withdrawn'] as const);
      await db.query(
        `INSERT INTO cohort_participants (organization_id, id, cohort_id, email, user_id, role, status, source, enrolled_at)
         VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6, 'invitation', $7)`,
        [
          organizationId,
          id,
          `p-${person}@example.test`,
          person,
          role,
          status,
          status === 'enrolled' ? at(start, random, days) : null,
        ],
      );
      (role === 'mentor' ? mentors : mentees).push(person);
    }
    cohorts.push({ id, mentors, mentees });
  }

  const matches: { id: string; cohortId: string; mentor: string; mentee: string; createdAt: Date }[] = [];
  const pairs = new Set<string>();
  for (let i = 0; i < (options.matches ?? 24); i++) {
    const cohort = random.pick(cohorts);
    if (cohort.mentors.length === 0 || cohort.mentees.length === 0) continue;
    const mentor = random.pick(cohort.mentors);
    const mentee = random.pick(cohort.mentees);
    if (mentor === mentee || pairs.has(`${cohort.id}:${mentor}:${mentee}`)) continue;
    pairs.add(`${cohort.id}:${mentor}:${mentee}`);
    const path = random.pick(PATHS);
    const id = randomUUID();
    const createdAt = at(start, random, days);
    let origin = random.pick(['request', 'round', 'coordinator'] as const);
    let originId: string | null = null;
    if (origin === 'request') {
      originId = randomUUID();
      await db.query(
        `INSERT INTO match_requests (organization_id, id, cohort_id, mentee_user_id, mentor_user_id, status, subject,
           how_found, want_to_learn, specific_ask, offer_back, expires_at, decided_at, created_at)
         VALUES ($1, $2, $3, $4, $5, 'accepted', 's', 'h', 'w', 'a', 'o', $6, $7, $8)`,
        [
          organizationId,
          originId,
          cohort.id,
          mentee,
          mentor,
          new Date(createdAt.getTime() + 14 * DAY_MS),
          createdAt,
          new Date(createdAt.getTime() - random.int(0, 20 * 24) * 3600 * 1000),
        ],
      );
    } else if (random.chance(0.1)) origin = 'coordinator';
    // Steps a few hours to weeks apart; the status now is the path's last.
    const stepsAt: Date[] = [];
    let time = createdAt.getTime();
    for (let s = 1; s < path.length; s++) {
      time += random.int(1, 24 * 40) * 3600 * 1000 * (random.chance(0.2) ? 0.01 : 1);
      stepsAt.push(new Date(Math.round(time)));
    }
    await db.query(
      `INSERT INTO matches (organization_id, id, cohort_id, mentor_user_id, mentee_user_id, status, origin, origin_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [organizationId, id, cohort.id, mentor, mentee, path[path.length - 1], origin, originId, createdAt],
    );
    for (let s = 1; s < path.length; s++)
      await db.query(
        `INSERT INTO match_events (organization_id, id, match_id, action, from_status, to_status, actor, occurred_at)
         VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6, $7)`,
        [
          organizationId,
          id,
          ACTION_INTO[path[s]!],
          path[s - 1],
          path[s],
          random.pick(ACTORS),
          stepsAt[s - 1],
        ],
      );
    matches.push({ id, cohortId: cohort.id, mentor, mentee, createdAt });
  }

  // Requests that did not become matches: open (some past their time), declined, withdrawn, expired.
  for (let i = 0; i < 10; i++) {
    const cohort = random.pick(cohorts);
    if (cohort.mentors.length === 0 || cohort.mentees.length === 0) continue;
    const mentor = random.pick(cohort.mentors);
    const mentee = random.pick(cohort.mentees);
    if (mentor === mentee) continue;
    const status = random.pick(['open', 'declined', 'withdrawn', 'expired'] as const);
    const createdAt = at(start, random, days);
    const expiresAt = new Date(createdAt.getTime() + random.int(1, 20) * DAY_MS);
    await db
      .query(
        `INSERT INTO match_requests (organization_id, id, cohort_id, mentee_user_id, mentor_user_id, status, subject,
         how_found, want_to_learn, specific_ask, offer_back, decline_reason, expires_at, decided_at, created_at)
       VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, 's', 'h', 'w', 'a', 'o', $6, $7, $8, $9)`,
        [
          organizationId,
          cohort.id,
          mentee,
          mentor,
          status,
          status === 'declined' ? 'too-busy' : null,
          status === 'open' && random.chance(0.3) ? new Date('2099-01-01T00:00:00Z') : expiresAt,
          status === 'declined' ? new Date(createdAt.getTime() + random.int(1, 100) * 3600 * 1000) : null,
          createdAt,
        ],
      )
      .catch((error: Error) => {
        // A second open request of the same pair: the unique index refuses it; skip the draw.
        if (!/match_requests_open_pair_key/.test(error.message)) throw error;
      });
  }

  if (matches.length > 0) {
    for (let i = 0; i < (options.checkIns ?? 40); i++) {
      const match = random.pick(matches);
      await db.query(
        `INSERT INTO check_ins (organization_id, id, match_id, held_on, duration_minutes, shared_notes, action_items,
           milestone_progress, logged_by, logged_at)
         VALUES ($1, gen_random_uuid(), $2, $3, 30, '', '[]', '[]', $4, now())`,
        [organizationId, match.id, day(at(match.createdAt, random, 60)), match.mentee],
      );
    }
    for (const match of matches) {
      if (random.chance(0.5)) {
        const milestones = Array.from({ length: random.int(1, 5) }, () => ({
          id: randomUUID(),
          title: 'm',
          stage: 'practice',
          doneOn: random.chance(0.5) ? day(at(match.createdAt, random, 90)) : null,
        }));
        await db.query(
          `INSERT INTO mentorship_maps (organization_id, match_id, version, content, next_review_on, updated_by, updated_at, created_at)
           VALUES ($1, $2, 1, $3, '2026-12-01', $4, now(), now())`,
          [organizationId, match.id, JSON.stringify({ milestones }), match.mentee],
        );
      }
      for (const side of ['mentee', 'mentor'] as const)
        for (let period = 0; period < random.int(0, 3); period++)
          await db.query(
            `INSERT INTO pulse_answers (organization_id, match_id, side, period, rating, answered_by, answered_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [
              organizationId,
              match.id,
              side,
              period,
              random.int(1, 5),
              match.mentee,
              at(match.createdAt, random, 60),
            ],
          );
    }
  }
  for (const cohort of cohorts)
    for (const person of [...cohort.mentors, ...cohort.mentees])
      if (random.chance(0.3))
        await db.query(
          `INSERT INTO cohort_survey_answers (organization_id, cohort_id, user_id, recommend, answered_at)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
          [organizationId, cohort.id, person, random.int(0, 10), at(start, random, days)],
        );

  // Some members leave (their matches go with them; the tenure keeps when they took part), at a
  // drawn time: the trigger stamps now(), the history says when.
  for (const person of people)
    if (random.chance(0.2)) {
      await db.query(`DELETE FROM memberships WHERE organization_id = $1 AND user_id = $2`, [
        organizationId,
        person,
      ]);
      await db.query(
        `UPDATE analytics_member_tenures SET left_at = greatest(joined_at, $3) WHERE organization_id = $1 AND user_id = $2`,
        [organizationId, person, at(start, random, days + 200)],
      );
    }
  return {
    organizationId,
    timeZone,
    from: day(start),
    to: day(new Date(start.getTime() + (days + 200) * DAY_MS)),
  };
}

export function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}
