import fc from 'fast-check';
import { InvitationTokens } from '@mentorship/organizations';
import {
  listRoutes,
  makeInvitation,
  makeMember,
  makeMembersInBulk,
  makeOrganization,
  makeUser,
  TEST_PASSWORD,
  useTestApi,
} from '@mentorship/testing';
import {
  closeConnections,
  FuzzContext,
  hostileRequests,
  send,
  type Answer,
  type HostileRequest,
} from './support/hostile-requests';
import { MatchingWorld, requestBody } from './support/matching-world';
import { type OpenApiDocument, type Operation, operationsOf } from './support/openapi-operations';

/** Cases per operation: generated bodies, parameters and headers. */
const CASES = 200;
/**
 * The run grows with every operation the API documents (about 2.5 s each on a busy 2-core
 * machine), past the suite's default timeout; this bounds a hang, it does not judge speed.
 */
const FUZZ_TIMEOUT_MS = 15 * 60_000;
/** Operations fuzzed at once: enough to keep the API busy, few enough for a 2-core machine. */
const PARALLEL_OPERATIONS = 3;

const STACK_TRACE = /\bat \S+ \(\S+:\d+:\d+\)|\bat \/\S+:\d+:\d+|node_modules\/|\.ts:\d+:\d+/;
const ERROR_BODY_KEYS = ['code', 'details', 'message', 'statusCode'];

/** What is wrong with an answer, or null: never a 5xx, never a stack trace, errors in the one body. */
function problemWith(answer: Answer): string | null {
  if (answer.status >= 500) return `answered ${answer.status}: ${answer.text.slice(0, 300)}`;
  if (STACK_TRACE.test(answer.text)) return `a stack trace in the body: ${answer.text.slice(0, 300)}`;
  if (answer.status < 400) return null;
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return `answered ${answer.status} without a JSON error body: ${answer.text.slice(0, 200)}`;
  }
  const keys = Object.keys(body ?? {}).sort();
  if (JSON.stringify(keys) !== JSON.stringify(ERROR_BODY_KEYS) || body['statusCode'] !== answer.status)
    return `answered ${answer.status} with another body than the stable error body: ${answer.text.slice(0, 200)}`;
  return null;
}

const codeOf = (answer: Answer) => {
  try {
    return String(JSON.parse(answer.text)?.code ?? '');
  } catch {
    return '';
  }
};

const clip = (text: string, length: number) => (text.length > length ? `${text.slice(0, length)}…` : text);

/** The failing case in a few lines (fast-check's own report would print 20 kB bodies in full). */
function failureReport(name: string, details: fc.RunDetails<[HostileRequest]>): string {
  const [request] = details.counterexample ?? [];
  const error =
    details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  const body = request?.body ? clip(request.body.toString('utf8'), 300) : '(none)';
  return [
    `${name}: ${clip(error, 400)}`,
    `  sent ${request?.method} ${clip(request?.path ?? '', 300)}`,
    `  headers ${clip(JSON.stringify(request?.headers), 600)}`,
    `  body ${JSON.stringify(body)}`,
    `  replay with { seed: ${details.seed}, path: "${details.counterexamplePath}" }`,
  ].join('\n');
}

/** Runs `work` over `items`, at most `width` at a time. */
async function inPool<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

/**
 * Property-based fuzzing of every operation in the API's own OpenAPI document (so a new route
 * is fuzzed without anyone listing it): generated bodies, path and query parameters and
 * headers, signed in with real tokens and a real organization so tenant routes get past the
 * membership check. No answer may be a 5xx, carry a stack trace, or use another error body.
 */
describe('OpenAPI fuzz', () => {
  const t = useTestApi();
  let operations: Operation[];
  let context: FuzzContext;

  beforeAll(async () => {
    const document = await t.http.get<OpenApiDocument>('/api/docs/openapi.json');
    operations = operationsOf(document.body);

    const admin = await makeUser(t.http);
    const org = await makeOrganization(t.http, admin, 'Fuzzed Org');
    const orgId = org.id;
    const tokens = t.api.app.get(InvitationTokens);
    const mentee = await makeMember(t.http, admin, orgId, ['mentee'], (id) => tokens.issue(orgId, id));
    const pending = await makeInvitation(t.http, admin, orgId, 'pending@example.test', ['mentor']);
    const skillIds: string[] = [];
    for (const name of ['Go', 'Rust', 'Kotlin'])
      skillIds.push(
        (await t.http.post<{ id: string }>(`/api/v1/orgs/${orgId}/skills`, { name }, admin.token)).body.id,
      );
    const programId = (
      await t.http.post<{ id: string }>(`/api/v1/orgs/${orgId}/programs`, { name: 'Fuzzed' }, admin.token)
    ).body.id;
    const cohortIds: string[] = [];
    for (const name of ['Draft cohort', 'Open cohort'])
      cohortIds.push(
        (
          await t.http.post<{ id: string }>(
            `/api/v1/orgs/${orgId}/programs/${programId}/cohorts`,
            { name, startsOn: '2026-04-01', endsOn: '2026-09-30' },
            admin.token,
          )
        ).body.id,
      );
    await t.http.post(
      `/api/v1/orgs/${orgId}/cohorts/${cohortIds[1]}/status`,
      { status: 'enrolling' },
      admin.token,
    );
    const participantId = (
      await t.http.post<{ id: string }>(
        `/api/v1/orgs/${orgId}/cohorts/${cohortIds[1]}/participants`,
        { email: mentee.email, role: 'mentee' },
        admin.token,
      )
    ).body.id;
    const importId = (
      await t.http.postCsv<{ id: string }>(
        `/api/v1/orgs/${orgId}/cohorts/${cohortIds[1]}/imports`,
        'email,name,role\nfuzzed@example.test,Fuzzed,mentor\n',
        admin.token,
      )
    ).body.id;
    // A mentee-choice cohort in matching where the mentee asked a mentor: suggestions and requests.
    const world = new MatchingWorld(t.http, t.api.db).within(admin, org);
    const choosing = await world.newCohort();
    await world.enroll([mentee], 'mentee', {}, choosing.id);
    const mentors = await makeMembersInBulk(t.api.db, orgId, 2, 'fuzz-mentor', ['mentor']);
    await world.enroll(mentors, 'mentor', {}, choosing.id);
    const requestId = (
      await t.http.post<{ id: string }>(
        `/api/v1/orgs/${orgId}/cohorts/${choosing.id}/match-requests`,
        requestBody(mentors[0]!.id),
        mentee.token,
      )
    ).body.id;
    // A completed matching round to fuzz the review routes on (this test runs no worker).
    const [round] = await t.api.db.query<{ id: string }>(
      `INSERT INTO matching_rounds (organization_id, id, cohort_id, status, objective, mode, created_by, percent)
       VALUES ($1, gen_random_uuid(), $2, 'completed', 'max-score', 'exact', $3, 100) RETURNING id`,
      [orgId, cohortIds[1], admin.id],
    );
    // An active match of the mentee with a map and a check-in: agreements, maps and check-ins are fuzzed past 404.
    const [match] = await t.api.db.query<{ id: string }>(
      `INSERT INTO matches (organization_id, id, cohort_id, mentor_user_id, mentee_user_id, status, origin)
       VALUES ($1, gen_random_uuid(), $2, $3, $4, 'active', 'coordinator') RETURNING id`,
      [orgId, choosing.id, mentors[1]!.id, mentee.id],
    );
    const [checkIn] = await t.api.db.query<{ id: string }>(
      `INSERT INTO check_ins (organization_id, id, match_id, held_on, duration_minutes, shared_notes, action_items,
                              milestone_progress, logged_by, logged_at)
       VALUES ($1, gen_random_uuid(), $2, current_date, 30, '', '[]', '[]', $3, now()) RETURNING id`,
      [orgId, match!.id, mentee.id],
    );
    context = {
      tokens: [admin.token, mentee.token],
      orgId,
      known: {
        // Not the admin's own id: a fuzzed role change must not lock the fuzz out of its organization.
        userId: [mentee.id],
        invitationId: [pending.id],
        email: [admin.email, mentee.email, 'pending@example.test'],
        password: [TEST_PASSWORD],
        refreshToken: [admin.refreshToken, mentee.refreshToken],
        token: [tokens.issue(orgId, pending.id)],
        skillId: skillIds,
        intoSkillId: skillIds,
        programId: [programId],
        cohortId: [...cohortIds, choosing.id],
        requestId: [requestId],
        mentorUserId: mentors.map((m) => m.id),
        suggestedMentorUserId: mentors.map((m) => m.id),
        participantId: [participantId],
        importId: [importId],
        roundId: [round!.id],
        matchId: [match!.id],
        checkInId: [checkIn!.id],
      },
    };
  });
  afterAll(() => closeConnections());

  it('walks every route the API serves', () => {
    const documented = operations.map((operation) => `${operation.method} ${operation.path}`).sort();
    const served = listRoutes(t.api.app)
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`)
      .sort();
    expect(documented).toEqual(served);
    expect(documented).toEqual(
      expect.arrayContaining(['POST /api/v1/auth/sign-in', 'PATCH /api/v1/orgs/{orgId}/members/{userId}']),
    );
  });

  it(
    `answers ${CASES} hostile requests per operation without a 5xx or a stack trace`,
    async () => {
      const runs = await inPool(operations, PARALLEL_OPERATIONS, async (operation) => {
        const answered = new Set<string>();
        const details = await fc.check(
          fc.asyncProperty(hostileRequests(operation, context), async (request) => {
            const answer = await send(t.api.baseUrl, request);
            answered.add(`${answer.status} ${codeOf(answer)}`);
            const problem = problemWith(answer);
            if (problem) throw new Error(problem);
          }),
          // Stop at the first failure rather than shrink over HTTP: the report still has the case and seed.
          { numRuns: CASES, endOnFailure: true },
        );
        return { name: `${operation.method} ${operation.path}`, details, answered: [...answered].sort() };
      });

      const failures = runs
        .filter((run) => run.details.failed)
        .map((run) => failureReport(run.name, run.details));
      expect(failures).toEqual([]);
      expect(runs.map((run) => [run.name, run.details.numRuns])).toEqual(
        runs.map((run) => [run.name, CASES]),
      );
      // The real tokens and organization worked: every operation answered something other
      // than "who are you" or "no such organization" at least once.
      const stoppedAtTheDoor = runs
        .filter((run) =>
          run.answered.every((a) => a.startsWith('401 ') || a.endsWith(' organization_not_found')),
        )
        .map((run) => `${run.name}: ${run.answered.join(', ')}`);
      expect(stoppedAtTheDoor).toEqual([]);
    },
    FUZZ_TIMEOUT_MS,
  );
});
