import type { ProgramKind } from '@mentorship/contracts';
import type { HttpClient, SignedUpUser } from './http';
import { makeMembersInBulk, type BulkMember } from './http';
import type { TestDatabase } from './test-database';

export interface RoundCohortOptions {
  mentors: number;
  mentees: number;
  kind?: ProgramKind;
  groupSize?: number;
  matchingMode?: 'coordinator' | 'mentee-choice' | 'automatic';
  /** Mentees (or groups) per mentor; default 2. */
  capacity?: number;
  /** Distinguishes the people of several cohorts of one organization. */
  prefix?: string;
}

export interface RoundCohort {
  programId: string;
  cohortId: string;
  mentors: BulkMember[];
  mentees: BulkMember[];
}

const SKILLS = [
  'TypeScript',
  'Go',
  'SQL',
  'System design',
  'Public speaking',
  'Negotiation',
  'Hiring',
  'Product',
];
const ZONES = ['Europe/Berlin', 'America/Chicago', 'Asia/Singapore', 'UTC', 'Europe/London'];
const TYPES = ['technical', 'career', 'leadership', 'industry', 'entrepreneurial'];
const TOPICS = ['promotion', 'public speaking', 'architecture', 'management', 'career change', 'startups'];

/**
 * A program and a cohort in status `matching` (through the API, so its settings are frozen as in
 * production), with enrolled mentors and mentees whose profiles vary deterministically by their
 * number: skills, languages, time zones, weekly availability, seniority, topics. People are made
 * in bulk as the superuser (volume tests and benchmarks).
 */
export async function makeRoundCohort(
  http: HttpClient,
  db: Pick<TestDatabase, 'query'>,
  admin: SignedUpUser,
  organizationId: string,
  options: RoundCohortOptions,
): Promise<RoundCohort> {
  const prefix = options.prefix ?? `round-${Math.random().toString(36).slice(2, 8)}`;
  const base = `/api/v1/orgs/${organizationId}`;
  const kind = options.kind ?? 'one-to-one';
  const program = await http.post<{ id: string }>(
    `${base}/programs`,
    {
      name: `Program ${prefix}`,
      settings: {
        kind,
        ...(kind === 'group' ? { groupSize: options.groupSize ?? 3 } : {}),
        ...(kind === 'flash' ? { trialDays: null } : {}),
        matchingMode: options.matchingMode ?? 'automatic',
        defaultMentorCapacity: options.capacity ?? 2,
      },
    },
    admin.token,
  );
  if (program.status !== 201) throw new Error(`program: ${program.status} ${JSON.stringify(program.body)}`);
  const cohort = await http.post<{ id: string }>(
    `${base}/programs/${program.body.id}/cohorts`,
    { name: `Cohort ${prefix}`, startsOn: '2026-04-01', endsOn: '2030-09-30' },
    admin.token,
  );
  if (cohort.status !== 201) throw new Error(`cohort: ${cohort.status} ${JSON.stringify(cohort.body)}`);
  const cohortId = cohort.body.id;
  for (const status of ['enrolling', 'matching']) {
    const moved = await http.post(`${base}/cohorts/${cohortId}/status`, { status }, admin.token);
    if (moved.status !== 200 && moved.status !== 201) throw new Error(`status ${status}: ${moved.status}`);
  }
  const mentors = await makeMembersInBulk(db, organizationId, options.mentors, `${prefix}-mentor`, [
    'mentor',
  ]);
  const mentees = await makeMembersInBulk(db, organizationId, options.mentees, `${prefix}-mentee`, [
    'mentee',
  ]);
  await db.query(
    `INSERT INTO skills (organization_id, id, name)
     SELECT $1, gen_random_uuid(), s FROM unnest($2::text[]) AS s ON CONFLICT DO NOTHING`,
    [organizationId, SKILLS],
  );
  const enrol = async (people: BulkMember[], role: 'mentor' | 'mentee') => {
    const ids = people.map((p) => p.id);
    await db.query(
      `INSERT INTO cohort_participants (organization_id, id, cohort_id, email, user_id, role, status, source, enrolled_at)
       SELECT $1, gen_random_uuid(), $2, u.email, u.id, $3, 'enrolled', 'invitation', now()
         FROM unnest($4::uuid[]) AS t(id) JOIN users u ON u.id = t.id`,
      [organizationId, cohortId, role, ids],
    );
    // Profiles vary by the person's number n: every value a plain function of n.
    await db.query(
      `INSERT INTO profiles (organization_id, user_id, time_zone, languages, seniority, department, goals, topics,
                             offered_mentor_types, wanted_mentor_types, availability, mentor_capacity)
       SELECT $1, t.id, ($3::text[])[1 + t.n % 5],
              CASE WHEN t.n % 7 = 0 THEN ARRAY['German'] ELSE ARRAY['English'] END,
              CASE WHEN $5 = 'mentor' THEN 3 + t.n % 4 ELSE 1 + t.n % 3 END,
              'Dept ' || (t.n % 6),
              ARRAY[($4::text[])[1 + t.n % 6]],
              ARRAY[($4::text[])[1 + (t.n * 5) % 6], ($4::text[])[1 + (t.n + 2) % 6]],
              ARRAY[($6::text[])[1 + t.n % 5], ($6::text[])[1 + (t.n + 1) % 5]],
              ARRAY[($6::text[])[1 + (t.n * 3) % 5]],
              jsonb_build_array(
                jsonb_build_object('day', t.n % 5, 'start', lpad((8 + t.n % 6)::text, 2, '0') || ':00',
                                   'end', lpad((11 + t.n % 6)::text, 2, '0') || ':00'),
                jsonb_build_object('day', (t.n + 2) % 5, 'start', '14:00', 'end', '16:30')),
              NULL
         FROM unnest($2::uuid[]) WITH ORDINALITY AS t(id, n)`,
      [organizationId, ids, ZONES, TOPICS, role, TYPES],
    );
    await db.query(
      `INSERT INTO profile_skills (organization_id, user_id, kind, skill_id, level)
       SELECT $1, t.id, $3, s.id, CASE WHEN $3 = 'offered' THEN 3 + (t.n + k) % 3 ELSE 2 + (t.n + k) % 3 END
         FROM unnest($2::uuid[]) WITH ORDINALITY AS t(id, n)
         CROSS JOIN generate_series(0, 2) AS k
         JOIN skills s ON s.organization_id = $1 AND s.name = ($4::text[])[1 + (t.n * 3 + k * (1 + t.n % 3)) % 8]
       ON CONFLICT DO NOTHING`,
      [organizationId, ids, role === 'mentor' ? 'offered' : 'wanted', SKILLS],
    );
  };
  await enrol(mentors, 'mentor');
  await enrol(mentees, 'mentee');
  return { programId: program.body.id, cohortId, mentors, mentees };
}
