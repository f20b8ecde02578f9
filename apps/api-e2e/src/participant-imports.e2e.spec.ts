import type { INestApplicationContext } from '@nestjs/common';
import type { ErrorBody, OrganizationView, Page } from '@mentorship/contracts';
import { InvitationTokens } from '@mentorship/organizations';
import type { ImportRowViewDto, ParticipantImportViewDto, ParticipantViewDto } from '@mentorship/programs';
import { ParticipantImportsService } from '@mentorship/programs';
import {
  createTestServices,
  dropTestServices,
  HttpClient,
  makeMember,
  makeMembersInBulk,
  makeOrganization,
  makeUser,
  SignedUpUser,
  SmtpSink,
  startSmtpSink,
  startTestApi,
  startTestWorker,
  TestApi,
  TestServices,
  waitFor,
} from '@mentorship/testing';
import { TenancyService } from '@mentorship/platform';

/** CSV imports of participants on the real API, worker, Postgres, Redis and SMTP sink. */
describe('participant CSV import', () => {
  let sink: SmtpSink;
  let services: TestServices;
  let api: TestApi;
  let worker: INestApplicationContext;
  let http: HttpClient;
  let admin: SignedUpUser;
  let coordinator: SignedUpUser;
  let org: OrganizationView;
  let accept: (invitationId: string) => string;
  const base = () => `/api/v1/orgs/${org.id}`;

  beforeAll(async () => {
    sink = await startSmtpSink();
    services = await createTestServices({ smtpUrl: sink.url });
    api = await startTestApi({ services });
    worker = await startTestWorker(services);
    http = new HttpClient(api.baseUrl);
    admin = await makeUser(http);
    org = await makeOrganization(http, admin, 'Import Org');
    const tokens = api.app.get(InvitationTokens);
    accept = (id) => tokens.issue(org.id, id);
    coordinator = await makeMember(http, admin, org.id, ['coordinator'], accept);
    for (const name of ['TypeScript', 'Go', 'Public speaking'])
      await http.post(`${base()}/skills`, { name }, admin.token);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink?.close();
    await dropTestServices(services);
  });

  const newCohort = async () => {
    const program = await http.post<{ id: string }>(
      `${base()}/programs`,
      { name: `Import program ${Math.random().toString(36).slice(2, 8)}` },
      coordinator.token,
    );
    const cohort = await http.post<{ id: string }>(
      `${base()}/programs/${program.body.id}/cohorts`,
      { name: 'Imported', startsOn: '2026-04-01', endsOn: '2026-09-30' },
      coordinator.token,
    );
    return cohort.body.id;
  };
  const upload = (cohortId: string, file: string | Buffer) =>
    http.postCsv<ParticipantImportViewDto & ErrorBody>(
      `${base()}/cohorts/${cohortId}/imports`,
      file,
      coordinator.token,
    );
  const rowsOf = async (cohortId: string, importId: string, status = 'rejected') =>
    (
      await http.get<Page<ImportRowViewDto>>(
        `${base()}/cohorts/${cohortId}/imports/${importId}/rows?status=${status}&pageSize=100`,
        coordinator.token,
      )
    ).body;
  const commit = (cohortId: string, importId: string) =>
    http.post<ParticipantImportViewDto & ErrorBody>(
      `${base()}/cohorts/${cohortId}/imports/${importId}/commit`,
      {},
      coordinator.token,
    );
  const stored = (cohortId: string) =>
    api.db.query<{
      email: string;
      status: string;
      role: string;
      user_id: string | null;
      pending_profile: unknown;
    }>(
      `SELECT email, status, role, user_id, pending_profile FROM cohort_participants
        WHERE organization_id = $1 AND cohort_id = $2 ORDER BY email`,
      [org.id, cohortId],
    );

  it('reads an HR export as it really is: BOM, semicolons, quoted fields, CRLF; members enrolled, others invited', async () => {
    const grace = await makeMember(http, admin, org.id, ['mentor'], accept, { email: 'grace@example.test' });
    const cohortId = await newCohort();
    const file =
      '\ufeffE-Mail;Full Name;Role;Skills;Time Zone;Languages;Department;Manager;Capacity;Employee ID\r\n' +
      'Grace@Example.test;"Hopper; Grace";Mentor;"TypeScript:5|Go:4";america/new_york;en|de;Engineering;boss@example.test;3;E1\r\n' +
      '"newbie@example.test";"Nia ""the new"" Newbie";mentee;Public speaking:2;Europe/Berlin;German;"Sales,\r\nEMEA";;;E2\r\n' +
      '\r\n';
    const validated = await upload(cohortId, file);
    expect(validated.status).toBe(201);
    expect(validated.body).toMatchObject({
      status: 'validated',
      delimiter: ';',
      ignoredColumns: ['Employee ID'],
      rows: { total: 2, valid: 2, rejected: 0 },
    });
    expect(await stored(cohortId)).toEqual([]);

    const committed = await commit(cohortId, validated.body.id);
    expect(committed.status).toBe(200);
    expect(committed.body).toMatchObject({
      status: 'completed',
      enrolled: 1,
      invited: 1,
      progress: { processed: 2, total: 2 },
    });
    expect(await stored(cohortId)).toEqual([
      {
        email: 'grace@example.test',
        status: 'enrolled',
        role: 'mentor',
        user_id: grace.id,
        pending_profile: null,
      },
      {
        email: 'newbie@example.test',
        status: 'invited',
        role: 'mentee',
        user_id: null,
        pending_profile: {
          skills: [{ skillId: expect.any(String), level: 2 }],
          timeZone: 'Europe/Berlin',
          languages: ['de'],
          department: 'Sales,\nEMEA',
        },
      },
    ]);
    const profile = await http.get<{
      timeZone: string;
      languages: string[];
      department: string;
      managerEmail: string;
      mentorCapacity: number;
      offeredSkills: { name: string; level: number }[];
    }>(`${base()}/profiles/${grace.id}`, coordinator.token);
    expect(profile.body).toMatchObject({
      timeZone: 'America/New_York',
      languages: ['en', 'de'],
      department: 'Engineering',
      managerEmail: 'boss@example.test',
      mentorCapacity: 3,
      offeredSkills: [
        { name: 'Go', level: 4 },
        { name: 'TypeScript', level: 5 },
      ],
    });
    const [invitation] = await api.db.query<{ id: string }>(
      `SELECT id FROM invitations WHERE organization_id = $1 AND email = 'newbie@example.test' AND status = 'pending'`,
      [org.id],
    );
    expect(invitation).toBeDefined();
    await waitFor(
      () => sink.messages.some((m) => m.to.includes('newbie@example.test')),
      'the invitation email',
    );

    // The newcomer joins and takes the place: the imported profile becomes theirs.
    const nia = await makeUser(http, { email: 'newbie@example.test' });
    await http.post(`${base()}/invitations/accept`, { token: accept(invitation!.id) }, nia.token);
    const taken = await http.post<ParticipantViewDto>(
      `${base()}/cohorts/${cohortId}/participation/accept`,
      {},
      nia.token,
    );
    expect(taken.body.profile).toMatchObject({
      timeZone: 'Europe/Berlin',
      languages: ['de'],
      skills: [{ name: 'Public speaking', level: 2 }],
    });
  });

  it('reports every rejected row with its line and reasons; importing then writes the valid rows only', async () => {
    const cohortId = await newCohort();
    await http.post(
      `${base()}/cohorts/${cohortId}/participants`,
      { email: 'taken@example.test', role: 'mentee' },
      coordinator.token,
    );
    const file = [
      'email,name,role,skills,time_zone,languages,capacity',
      'ok1@example.test,Ok One,mentor,Go:3,UTC,en,2',
      'ok1@example.test,Ok Again,mentee,,,,',
      'bad-email,Bad Email,mentee,,,,',
      'skills@example.test,Skills,mentor,"Cobol:3|Go:7|TypeScript",,,',
      'zone@example.test,Zone,mentee,,Mars/Olympus,klingonese,',
      'role@example.test,Role,boss,,,,',
      'cap@example.test,Cap,mentee,,,,4',
      'short@example.test,Short',
      'taken@example.test,Taken,mentee,,,,',
      ',,mentor,,,,',
      'ok2@example.test,"Ok, Two",mentee,TypeScript:1,Asia/Kolkata,,',
    ].join('\n');
    const validated = await upload(cohortId, file);
    expect(validated.body.rows).toEqual({ total: 11, valid: 2, rejected: 9 });
    const report = await rowsOf(cohortId, validated.body.id);
    expect(report.items.map((row) => [row.line, row.reasons])).toEqual([
      [3, ['duplicate email: ok1@example.test is on line 2 already']],
      [4, ['"bad-email" is not an email address']],
      [
        5,
        [
          'unknown skill "Cobol"',
          'level of "Go" must be 1 to 5, not "7"',
          'skill "TypeScript" has no level (write TypeScript:3)',
        ],
      ],
      [
        6,
        [
          'unknown time zone "Mars/Olympus" (use an IANA name such as Europe/Berlin)',
          'unknown language "klingonese"',
        ],
      ],
      [7, ['role must be mentor or mentee, not "boss"']],
      [8, ['capacity is for mentors; leave it empty for a mentee']],
      [
        9,
        [
          'expected 7 fields, found 2 (quote a value that contains the separator)',
          'role must be mentor or mentee, not ""',
        ],
      ],
      [10, ['taken@example.test has a place in this cohort already']],
      [11, ['email is empty', 'name is empty']],
    ]);
    const valid = await rowsOf(cohortId, validated.body.id, 'valid');
    expect(valid.items.map((row) => [row.line, row.email, row.name])).toEqual([
      [2, 'ok1@example.test', 'Ok One'],
      [12, 'ok2@example.test', 'Ok, Two'],
    ]);

    const committed = await commit(cohortId, validated.body.id);
    expect(committed.body).toMatchObject({ status: 'completed', invited: 2 });
    expect((await stored(cohortId)).map((row) => row.email)).toEqual([
      'ok1@example.test',
      'ok2@example.test',
      'taken@example.test',
    ]);
    const again = await commit(cohortId, validated.body.id);
    expect({ status: again.status, code: again.body.code }).toEqual({
      status: 409,
      code: 'import_not_pending',
    });
  });

  it('imports nothing from a file it cannot read, and stores no report either', async () => {
    const cohortId = await newCohort();
    const before = await api.db.query(
      'SELECT count(*)::int AS n FROM participant_imports WHERE organization_id = $1',
      [org.id],
    );
    const cases: [string | Buffer, string, number | null][] = [
      ['email,name,role\na@example.test,"Ada,mentee\nb@example.test,Bob,mentor\n', 'csv_malformed', 3],
      ['email,name,role\na@example.test,Ad"a,mentee\n', 'csv_malformed', 2],
      ['email,surname\na@example.test,Ada\n', 'csv_malformed', 1],
      ['email,name,role\n', 'csv_malformed', null],
      ['', 'csv_malformed', null],
      [Buffer.from('email,name,role\nz@example.test,Zo\xeb,mentee\n', 'latin1'), 'invalid_utf8', null],
    ];
    for (const [file, code, line] of cases) {
      const refused = await upload(cohortId, file);
      expect({
        code: refused.body.code,
        line: code === 'csv_malformed' ? (refused.body.details as { line: number | null }).line : null,
      }).toEqual({
        code,
        line,
      });
      expect(refused.status).toBeGreaterThanOrEqual(400);
      expect(refused.status).toBeLessThan(500);
    }
    expect(
      await api.db.query('SELECT count(*)::int AS n FROM participant_imports WHERE organization_id = $1', [
        org.id,
      ]),
    ).toEqual(before);
    expect(await stored(cohortId)).toEqual([]);
  });

  it('discards a validated import: nothing is imported, and it cannot be committed after', async () => {
    const cohortId = await newCohort();
    const validated = await upload(cohortId, 'email,name,role\nd@example.test,Dee,mentee\n');
    const discarded = await http.delete(
      `${base()}/cohorts/${cohortId}/imports/${validated.body.id}`,
      coordinator.token,
    );
    expect(discarded.status).toBe(204);
    expect((await commit(cohortId, validated.body.id)).body.code).toBe('import_not_pending');
    expect(await stored(cohortId)).toEqual([]);
  });

  it('imports nothing when the roster changed since the file was validated', async () => {
    const cohortId = await newCohort();
    const validated = await upload(
      cohortId,
      'email,name,role\nlate@example.test,Late,mentee\nfine@example.test,Fine,mentor\n',
    );
    await http.post(
      `${base()}/cohorts/${cohortId}/participants`,
      { email: 'late@example.test', role: 'mentor' },
      coordinator.token,
    );
    const committed = await commit(cohortId, validated.body.id);
    expect({ status: committed.status, code: committed.body.code }).toEqual({
      status: 409,
      code: 'import_outdated',
    });
    expect((await stored(cohortId)).map((row) => row.email)).toEqual(['late@example.test']);
  });

  it('imports 10,000 rows with profiles as a job, reporting progress, all at once at the end', async () => {
    const cohortId = await newCohort();
    const people = await makeMembersInBulk(api.db, org.id, 10_000, 'bulk-import');
    const zones = ['Europe/Berlin', 'America/Chicago', 'Asia/Singapore', 'UTC'];
    const lines = people.map((person, index) => {
      const role = index % 5 === 0 ? 'mentor' : 'mentee';
      const skills = index % 3 === 0 ? 'TypeScript:3|Go:2' : 'Public speaking:4';
      return `${person.email};${person.displayName};${role};${skills};${zones[index % 4]};en|fr;Dept ${index % 12};;${role === 'mentor' ? 2 : ''}`;
    });
    const file = [
      'email;name;role;skills;time_zone;languages;department;manager_email;capacity',
      ...lines,
    ].join('\r\n');
    const validated = await upload(cohortId, file);
    expect(validated.body.rows).toEqual({ total: 10_000, valid: 10_000, rejected: 0 });

    const committed = await commit(cohortId, validated.body.id);
    expect({ status: committed.status, import: committed.body.status }).toEqual({
      status: 202,
      import: 'queued',
    });
    const seen: number[] = [];
    let visibleBeforeCompletion = false;
    let last: ParticipantImportViewDto | undefined;
    await waitFor(
      async () => {
        // Rows counted first, status read after: rows seen before a status other than completed
        // would mean the import showed itself half-written.
        const rows = (await stored(cohortId)).length;
        last = (
          await http.get<ParticipantImportViewDto>(
            `${base()}/cohorts/${cohortId}/imports/${validated.body.id}`,
            coordinator.token,
          )
        ).body;
        seen.push(last.progress.processed);
        if (rows > 0 && last.status !== 'completed') visibleBeforeCompletion = true;
        return last.status === 'completed' || last.status === 'failed';
      },
      'the import job',
      240_000,
    );
    expect(last).toMatchObject({
      status: 'completed',
      enrolled: 10_000,
      invited: 0,
      progress: { processed: 10_000, total: 10_000 },
    });
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(visibleBeforeCompletion).toBe(false);
    const [counts] = await api.db.query<{ participants: number; profiles: number; skills: number }>(
      `SELECT (SELECT count(*)::int FROM cohort_participants WHERE organization_id = $1 AND cohort_id = $2 AND status = 'enrolled') AS participants,
              (SELECT count(*)::int FROM profiles WHERE organization_id = $1 AND time_zone IS NOT NULL AND department LIKE 'Dept %') AS profiles,
              (SELECT count(*)::int FROM profile_skills WHERE organization_id = $1 AND user_id = ANY($3::uuid[])) AS skills`,
      [org.id, cohortId, people.map((person) => person.id)],
    );
    expect(counts).toEqual({ participants: 10_000, profiles: 10_000, skills: 3334 * 2 + 6666 });
  });

  it('reports progress batch by batch while it writes', async () => {
    const cohortId = await newCohort();
    const people = await makeMembersInBulk(api.db, org.id, 2_500, 'progress');
    const file = [
      'email,name,role',
      ...people.map((person) => `${person.email},${person.displayName},mentee`),
    ].join('\n');
    const validated = await upload(cohortId, file);
    // Committed as the API commits a large file, but run here, so the progress callback the job
    // passes can be watched (no job is enqueued for it).
    await api.db.query(`UPDATE participant_imports SET status = 'queued', committed_by = $2 WHERE id = $1`, [
      validated.body.id,
      coordinator.id,
    ]);
    const reported: number[] = [];
    const caller = { userId: coordinator.id, email: coordinator.email, roles: ['coordinator' as const] };
    const ran = await api.app.get(TenancyService).runInTenant(
      org.id,
      () =>
        api.app.get(ParticipantImportsService).runQueued(validated.body.id, async (processed) => {
          reported.push(processed);
        }),
      caller,
    );
    expect({ ran, reported }).toEqual({ ran: true, reported: [1000, 2000, 2500] });
    expect((await stored(cohortId)).length).toBe(2500);
    // A second run (a repeated job) finds it written and leaves it alone.
    const twice = await api.app
      .get(TenancyService)
      .runInTenant(
        org.id,
        () => api.app.get(ParticipantImportsService).runQueued(validated.body.id, async () => undefined),
        caller,
      );
    expect(twice).toBe(false);
  });
});
