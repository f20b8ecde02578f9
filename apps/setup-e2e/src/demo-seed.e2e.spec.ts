import Redis from 'ioredis';
import { createTestDatabase, serviceUrls, type TestDatabase } from '@mentorship/testing';
import { runScript, suffix } from './support';

/**
 * The demo seed (`node scripts/seed-demo.mjs`, which `npm run demo` runs) on a fresh database:
 * a new user finds a program and a cohort of about 40 mentees and 15 mentors with varied
 * profiles to look around in, matching: ready for a round.
 */
describe('demo seed', () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  let firstRun: { status: number | null; output: string };

  beforeAll(async () => {
    db = await createTestDatabase();
    env = { DATABASE_URL: db.appUrl, DATABASE_OWNER_URL: db.ownerUrl, REDIS_PREFIX: `mmseed-${suffix()}` };
    firstRun = runScript('scripts/seed-demo.mjs', env);
  }, 300_000);
  afterAll(() => db?.drop());

  const one = async <R extends Record<string, unknown>>(sql: string) => (await db.query<R>(sql))[0]!;

  it('seeds a program with a cohort of about 40 mentees and 15 mentors, all enrolled, in matching', async () => {
    expect({ status: firstRun.status, output: firstRun.status === 0 ? '' : firstRun.output }).toEqual({
      status: 0,
      output: '',
    });
    const roster = await db.query<{
      program: string;
      cohort: string;
      status: string;
      role: string;
      n: number;
    }>(
      `SELECT p.name AS program, c.name AS cohort, c.status, cp.role, count(*)::int AS n
         FROM cohort_participants cp
         JOIN cohorts c ON c.organization_id = cp.organization_id AND c.id = cp.cohort_id
         JOIN programs p ON p.organization_id = c.organization_id AND p.id = c.program_id
        WHERE cp.status = 'enrolled' AND cp.user_id IS NOT NULL
        GROUP BY 1, 2, 3, 4 ORDER BY role`,
    );
    expect(roster).toEqual(
      expect.arrayContaining([
        {
          program: 'Engineering & Product Mentoring',
          cohort: 'Spring 2026',
          status: 'matching',
          role: 'mentee',
          n: 40,
        },
        {
          program: 'Engineering & Product Mentoring',
          cohort: 'Spring 2026',
          status: 'matching',
          role: 'mentor',
          n: 15,
        },
      ]),
    );
    const organizations = await one<{ n: number }>(`SELECT count(*)::int AS n FROM organizations`);
    expect(organizations.n).toBe(1);
  });

  it('gives them realistic, varied profiles: time zones, skills, languages, departments, availability', async () => {
    const variety = await one<{
      profiles: number;
      zones: number;
      languages: number;
      departments: number;
      skills: number;
      withAvailability: number;
      withSkills: number;
      mentorsWithCapacity: number;
      menteesWithGoals: number;
      withManager: number;
    }>(
      `WITH cohort AS (SELECT DISTINCT organization_id, user_id, role FROM cohort_participants WHERE status = 'enrolled'),
            profile AS (SELECT p.*, c.role FROM profiles p JOIN cohort c USING (organization_id, user_id))
       SELECT (SELECT count(*)::int FROM profile) AS profiles,
              (SELECT count(DISTINCT time_zone)::int FROM profile) AS zones,
              (SELECT count(DISTINCT language)::int FROM profile, unnest(languages) AS language) AS languages,
              (SELECT count(DISTINCT department)::int FROM profile) AS departments,
              (SELECT count(DISTINCT skill_id)::int FROM profile_skills ps JOIN cohort USING (organization_id, user_id)) AS skills,
              (SELECT count(*)::int FROM profile WHERE jsonb_array_length(availability) > 0) AS "withAvailability",
              (SELECT count(DISTINCT user_id)::int FROM profile_skills ps JOIN cohort USING (organization_id, user_id)) AS "withSkills",
              (SELECT count(*)::int FROM profile WHERE role = 'mentor' AND mentor_capacity > 0) AS "mentorsWithCapacity",
              (SELECT count(*)::int FROM profile WHERE role = 'mentee' AND cardinality(goals) > 0) AS "menteesWithGoals",
              (SELECT count(*)::int FROM profile WHERE manager_email IS NOT NULL) AS "withManager"`,
    );
    expect(variety).toEqual({
      profiles: 55,
      zones: expect.any(Number),
      languages: expect.any(Number),
      departments: expect.any(Number),
      skills: expect.any(Number),
      withAvailability: 55,
      withSkills: 55,
      mentorsWithCapacity: 15,
      menteesWithGoals: 40,
      withManager: expect.any(Number),
    });
    expect(variety.zones).toBeGreaterThanOrEqual(8);
    expect(variety.languages).toBeGreaterThanOrEqual(5);
    expect(variety.departments).toBeGreaterThanOrEqual(6);
    expect(variety.skills).toBeGreaterThanOrEqual(15);
    expect(variety.withManager).toBeGreaterThan(0);
  });

  it('has a mentee-choice cohort in matching where a mentee has open requests, one to a mentor', async () => {
    const roster = await db.query<{ role: string; n: number }>(
      `SELECT cp.role, count(*)::int AS n FROM cohort_participants cp
         JOIN cohorts c ON c.organization_id = cp.organization_id AND c.id = cp.cohort_id
         JOIN programs p ON p.organization_id = c.organization_id AND p.id = c.program_id
        WHERE p.name = 'Career Conversations' AND c.status = 'matching' AND cp.status = 'enrolled'
          AND p.settings->>'matchingMode' = 'mentee-choice'
        GROUP BY 1 ORDER BY 1`,
    );
    expect(roster).toEqual([
      { role: 'mentee', n: 10 },
      { role: 'mentor', n: 6 },
    ]);
    // The open requests of "Autumn 2026" (the demo history has a year of requests in its own cohorts).
    const requests = await db.query<{ mentee: string; mentor: string; status: string }>(
      `SELECT mentee.email AS mentee, mentor.email AS mentor, r.status FROM match_requests r
         JOIN users mentee ON mentee.id = r.mentee_user_id JOIN users mentor ON mentor.id = r.mentor_user_id
         JOIN cohorts c ON c.organization_id = r.organization_id AND c.id = r.cohort_id
        WHERE c.name = 'Autumn 2026'
        ORDER BY r.created_at`,
    );
    expect(requests).toHaveLength(2);
    expect(new Set(requests.map((r) => `${r.mentee} ${r.status}`))).toEqual(
      new Set(['mentee1@demo.example open']),
    );
    expect(requests.map((r) => r.mentor)).toContain('mentor1@demo.example');
    // Each request's expiry job: recorded for the relay, or relayed to BullMQ (delayed) already.
    const jobs = await db.query<{ key: string; waiting: boolean }>(
      `SELECT 'match-request-expiry.' || r.organization_id || '.' || r.id AS key,
              EXISTS (SELECT 1 FROM job_outbox o WHERE o.organization_id = r.organization_id
                         AND o.job_key = 'match-request-expiry.' || r.organization_id || '.' || r.id) AS waiting
         FROM match_requests r JOIN cohorts c ON c.organization_id = r.organization_id AND c.id = r.cohort_id
        WHERE c.name = 'Autumn 2026'`,
    );
    const redis = new Redis(serviceUrls.redis);
    try {
      for (const job of jobs) {
        const relayed = (await redis.exists(`${env['REDIS_PREFIX']}:reminders:${job.key}`)) === 1;
        expect({ job: job.key, found: job.waiting || relayed }).toEqual({ job: job.key, found: true });
      }
    } finally {
      redis.disconnect();
    }
  });

  it('seeds a running cohort with a match in every state, with agreements, maps and check-ins', async () => {
    const states = await db.query<{
      status: string;
      agreements: number;
      signed: number;
      maps: number;
      checkIns: number;
    }>(
      `SELECT m.status,
              count(DISTINCT a.match_id)::int AS agreements,
              count(DISTINCT a.match_id) FILTER (WHERE a.mentee_signed_at IS NOT NULL AND a.mentor_signed_at IS NOT NULL)::int AS signed,
              count(DISTINCT mp.match_id)::int AS maps,
              count(DISTINCT ci.id)::int AS "checkIns"
         FROM matches m
         JOIN cohorts c ON c.organization_id = m.organization_id AND c.id = m.cohort_id
         LEFT JOIN agreements a ON a.organization_id = m.organization_id AND a.match_id = m.id
         LEFT JOIN mentorship_maps mp ON mp.organization_id = m.organization_id AND mp.match_id = m.id
         LEFT JOIN check_ins ci ON ci.organization_id = m.organization_id AND ci.match_id = m.id
        WHERE c.name = 'Winter 2026' AND c.status = 'running'
        GROUP BY m.status ORDER BY m.status`,
    );
    expect(states).toEqual([
      { status: 'active', agreements: 1, signed: 1, maps: 1, checkIns: 2 },
      { status: 'completed', agreements: 1, signed: 1, maps: 1, checkIns: 1 },
      { status: 'declined', agreements: 0, signed: 0, maps: 0, checkIns: 0 },
      { status: 'ended', agreements: 2, signed: 2, maps: 1, checkIns: 2 },
      { status: 'pending', agreements: 0, signed: 0, maps: 0, checkIns: 0 },
      { status: 'proposed', agreements: 0, signed: 0, maps: 0, checkIns: 0 },
      { status: 'trial', agreements: 0, signed: 0, maps: 0, checkIns: 1 },
      { status: 'trial_declined', agreements: 0, signed: 0, maps: 0, checkIns: 0 },
    ]);
    // The active match's map warns: a milestone missed twice, one without a measure, one without a date.
    const map = await one<{ versions: number }>(
      `SELECT count(*)::int AS versions FROM map_versions v
         JOIN matches m ON m.organization_id = v.organization_id AND m.id = v.match_id
         JOIN cohorts c ON c.organization_id = m.organization_id AND c.id = m.cohort_id
        WHERE m.status = 'active' AND c.name = 'Winter 2026'`,
    );
    expect(map.versions).toBe(2);
    // ...and names who helps (its mentor, a sponsor who is a member, a peer by name and role) and a buddy.
    const people = await one<{ helpers: string[]; buddy: boolean }>(
      `SELECT array(SELECT h->>'kind' FROM jsonb_array_elements(mp.content->'milestones') ms,
                                       jsonb_array_elements(ms->'helpers') h ORDER BY 1) AS helpers,
              mp.buddy_user_id IS NOT NULL AS buddy
         FROM mentorship_maps mp
         JOIN matches m ON m.organization_id = mp.organization_id AND m.id = mp.match_id
         JOIN cohorts c ON c.organization_id = m.organization_id AND c.id = m.cohort_id
        WHERE m.status = 'active' AND c.name = 'Winter 2026'`,
    );
    expect(people).toEqual({ helpers: ['mentor', 'peer', 'sponsor'], buddy: true });
    // Ended early with a reason both sides and coordinators read, and exit surveys answered.
    const endings = await db.query<{ code: string | null; reason: boolean; surveys: number }>(
      `SELECT m.exit_reason_code AS code, m.exit_reason IS NOT NULL AS reason,
              (SELECT count(*)::int FROM exit_surveys s WHERE s.organization_id = m.organization_id AND s.match_id = m.id) AS surveys
         FROM matches m JOIN cohorts c ON c.organization_id = m.organization_id AND c.id = m.cohort_id
        WHERE c.name = 'Winter 2026' AND m.status IN ('ended', 'completed', 'trial_declined')
        ORDER BY m.status, m.exit_reason_code NULLS FIRST`,
    );
    expect(endings).toEqual([
      { code: null, reason: false, surveys: 1 },
      { code: 'no_time', reason: true, surveys: 1 },
      { code: 'role_change', reason: true, surveys: 2 },
      // A declined trial's reason is the private note of the trial answer, for the coordinator.
      { code: null, reason: false, surveys: 0 },
    ]);
    // The year of history's early endings carry their reason code, and most endings an exit survey.
    const history = await one<{ ended: number; coded: number; surveyed: number }>(
      `SELECT count(*)::int AS ended, count(*) FILTER (WHERE exit_reason_code IS NOT NULL)::int AS coded,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM exit_surveys s WHERE s.organization_id = m.organization_id AND s.match_id = m.id))::int AS surveyed
         FROM matches m WHERE m.status = 'ended'`,
    );
    expect(history.ended).toBeGreaterThan(2);
    expect(history).toMatchObject({ coded: history.ended, surveyed: history.ended });
  });

  it('seeds idempotently: a second run changes nothing', async () => {
    const counts = () =>
      one(
        `SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM memberships) AS members,
                (SELECT count(*)::int FROM skills) AS skills, (SELECT count(*)::int FROM programs) AS programs,
                (SELECT count(*)::int FROM cohorts) AS cohorts,
                (SELECT count(*)::int FROM cohort_participants) AS participants,
                (SELECT count(*)::int FROM audit_events) AS audit,
                (SELECT count(*)::int FROM match_requests) AS requests,
                (SELECT count(*)::int FROM matches) AS matches,
                (SELECT count(*)::int FROM check_ins) AS "checkIns",
                (SELECT max(updated_at) FROM profiles) AS "profilesUpdated"`,
      );
    const before = await counts();
    const again = runScript('scripts/seed-demo.mjs', env);
    expect(again.status).toBe(0);
    expect(await counts()).toEqual(before);
  }, 300_000);
});
