import type { ErrorBody, OrganizationView, Page } from '@mentorship/contracts';
import { InvitationTokens } from '@mentorship/organizations';
import type { ProfileViewDto, SkillImportReportDto, SkillViewDto } from '@mentorship/people';
import { makeMember, makeOrganization, makeUser, SignedUpUser, useTestApi } from '@mentorship/testing';

describe('people: skills catalogue and profiles', () => {
  const t = useTestApi();
  let admin: SignedUpUser;
  let coordinator: SignedUpUser;
  let mentor: SignedUpUser;
  let mentee: SignedUpUser;
  let org: OrganizationView;
  const base = () => `/api/v1/orgs/${org.id}`;

  beforeAll(async () => {
    admin = await makeUser(t.http, { displayName: 'Ada Admin' });
    org = await makeOrganization(t.http, admin, 'People Org');
    const tokens = t.api.app.get(InvitationTokens);
    const accept = (id: string) => tokens.issue(org.id, id);
    coordinator = await makeMember(t.http, admin, org.id, ['coordinator'], accept, { displayName: 'Cora' });
    mentor = await makeMember(t.http, admin, org.id, ['mentor'], accept, { displayName: 'Grace Hopper' });
    mentee = await makeMember(t.http, admin, org.id, ['mentee'], accept, { displayName: 'Alan Turing' });
  });

  const addSkill = async (name: string): Promise<SkillViewDto> => {
    const created = await t.http.post<SkillViewDto>(`${base()}/skills`, { name }, admin.token);
    if (created.status !== 201)
      throw new Error(`add skill: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body;
  };
  const storedSkills = async () =>
    (
      await t.api.db.query<{ name: string; status: string }>(
        'SELECT name, status FROM skills WHERE organization_id = $1 ORDER BY lower(name)',
        [org.id],
      )
    ).map((row) => `${row.name}:${row.status}`);
  const auditActions = async () =>
    (
      await t.api.db.query<{ action: string }>(
        'SELECT action FROM audit_events WHERE organization_id = $1 ORDER BY occurred_at',
        [org.id],
      )
    ).map((row) => row.action);

  describe('skills catalogue', () => {
    it('adds skills with names unique ignoring case, renames, retires and restores them', async () => {
      const kotlin = await addSkill('  Kotlin ');
      expect(kotlin).toEqual({ id: kotlin.id, name: 'Kotlin', status: 'active', profiles: 0 });
      const twice = await t.http.post<ErrorBody>(`${base()}/skills`, { name: 'KOTLIN' }, admin.token);
      expect({ status: twice.status, code: twice.body.code }).toEqual({
        status: 409,
        code: 'skill_name_taken',
      });

      const swift = await addSkill('Swift');
      const clash = await t.http.patch<ErrorBody>(
        `${base()}/skills/${swift.id}`,
        { name: 'kotlin' },
        admin.token,
      );
      expect(clash.status).toBe(409);
      const renamed = await t.http.patch<SkillViewDto>(
        `${base()}/skills/${swift.id}`,
        { name: 'Swift UI' },
        admin.token,
      );
      expect(renamed.body.name).toBe('Swift UI');
      const retired = await t.http.patch<SkillViewDto>(
        `${base()}/skills/${kotlin.id}`,
        { status: 'retired' },
        admin.token,
      );
      expect(retired.body.status).toBe('retired');
      expect(await storedSkills()).toEqual(['Kotlin:retired', 'Swift UI:active']);

      const active = await t.http.get<Page<SkillViewDto>>(
        `${base()}/skills?status=active&q=swi`,
        mentee.token,
      );
      expect(active.body.items.map((skill) => skill.name)).toEqual(['Swift UI']);
      expect(active.body.total).toBe(1);
      await t.http.patch(`${base()}/skills/${kotlin.id}`, { status: 'active' }, admin.token);
      expect(await storedSkills()).toEqual(['Kotlin:active', 'Swift UI:active']);
      expect(await auditActions()).toEqual(
        expect.arrayContaining(['skill.added', 'skill.renamed', 'skill.retired', 'skill.restored']),
      );
    });

    it('imports a CSV list: BOM, header or none, existing names reported, nothing added when a line is bad', async () => {
      await addSkill('Go');
      const imported = await t.http.postCsv<SkillImportReportDto>(
        `${base()}/skills/import`,
        '\ufeffName\r\nRust\r\ngo\r\n"Public speaking, advanced"\r\nrust\r\n',
        admin.token,
      );
      expect(imported.status).toBe(200);
      expect(imported.body.added.map((skill) => skill.name)).toEqual(['Public speaking, advanced', 'Rust']);
      expect(imported.body.alreadyPresent).toEqual(['go']);

      const plain = await t.http.postCsv<SkillImportReportDto>(
        `${base()}/skills/import`,
        'Elixir\nHaskell\n',
        admin.token,
      );
      expect(plain.body.added.map((skill) => skill.name)).toEqual(['Elixir', 'Haskell']);

      const before = await storedSkills();
      const bad = await t.http.postCsv<ErrorBody>(
        `${base()}/skills/import`,
        `name\nScala\n${'x'.repeat(81)}\nZig,extra\n`,
        admin.token,
      );
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('csv_rows_rejected');
      expect(bad.body.details).toEqual({
        rejected: [
          { line: 3, reasons: ['a skill name has at most 80 characters'] },
          { line: 4, reasons: ['one name per line; quote a name that contains the separator'] },
        ],
      });
      const malformed = await t.http.postCsv<ErrorBody>(
        `${base()}/skills/import`,
        'name\n"Scala\n',
        admin.token,
      );
      expect({ status: malformed.status, code: malformed.body.code }).toEqual({
        status: 400,
        code: 'csv_malformed',
      });
      expect(await storedSkills()).toEqual(before);
    });

    it('takes CSV only as text/csv in UTF-8, and JSON not at all', async () => {
      const json = await t.http.post<ErrorBody>(`${base()}/skills/import`, { file: 'Go' }, admin.token);
      expect(json.status).toBe(415);
      const latin1 = await t.http.request<ErrorBody>('POST', `${base()}/skills/import`, {
        rawBody: Buffer.from('name\nCaf\xe9\n', 'latin1'),
        token: admin.token,
        headers: { 'content-type': 'text/csv' },
      });
      expect({ status: latin1.status, code: latin1.body.code }).toEqual({
        status: 400,
        code: 'invalid_utf8',
      });
      const declared = await t.http.request<ErrorBody>('POST', `${base()}/skills/import`, {
        rawBody: 'name\nGo\n',
        token: admin.token,
        headers: { 'content-type': 'text/csv; charset=latin1' },
      });
      expect({ status: declared.status, code: declared.body.code }).toEqual({
        status: 415,
        code: 'unsupported_charset',
      });
      const elsewhere = await t.http.postCsv<ErrorBody>(`${base()}/skills`, 'name\nGo\n', admin.token);
      expect(elsewhere.status).toBe(415);
    });

    it('merges a skill into another: profiles follow, keeping the higher level, and the merged skill is gone', async () => {
      const js = await addSkill('JS');
      const javascript = await addSkill('JavaScript');
      await t.http.patch(
        `${base()}/profiles/me`,
        {
          offeredSkills: [
            { skillId: js.id, level: 5 },
            { skillId: javascript.id, level: 3 },
          ],
        },
        mentor.token,
      );
      await t.http.patch(
        `${base()}/profiles/me`,
        { wantedSkills: [{ skillId: js.id, targetLevel: 2 }] },
        mentee.token,
      );

      const itself = await t.http.post<ErrorBody>(
        `${base()}/skills/${js.id}/merge`,
        { intoSkillId: js.id },
        admin.token,
      );
      expect(itself.status).toBe(400);
      const merged = await t.http.post<{ skill: SkillViewDto; movedProfileSkills: number }>(
        `${base()}/skills/${js.id}/merge`,
        { intoSkillId: javascript.id },
        admin.token,
      );
      expect(merged.status).toBe(200);
      expect(merged.body).toEqual({ skill: { ...javascript, profiles: 2 }, movedProfileSkills: 2 });
      expect((await t.http.get(`${base()}/skills/${js.id}`, admin.token)).status).toBe(404);

      const stored = await t.api.db.query<{ user_id: string; kind: string; level: number }>(
        `SELECT user_id, kind, level FROM profile_skills WHERE organization_id = $1 AND skill_id = $2 ORDER BY kind`,
        [org.id, javascript.id],
      );
      expect(stored).toEqual([
        { user_id: mentor.id, kind: 'offered', level: 5 },
        { user_id: mentee.id, kind: 'wanted', level: 2 },
      ]);

      const retired = await addSkill('Flash');
      await t.http.patch(`${base()}/skills/${retired.id}`, { status: 'retired' }, admin.token);
      const intoRetired = await t.http.post<ErrorBody>(
        `${base()}/skills/${javascript.id}/merge`,
        { intoSkillId: retired.id },
        admin.token,
      );
      expect({ status: intoRetired.status, code: intoRetired.body.code }).toEqual({
        status: 409,
        code: 'skill_retired',
      });
    });
    it('renames a skill to another case of its own name, and names stay unique however spelled', async () => {
      const sql = await addSkill('sql');
      const recased = await t.http.patch<SkillViewDto>(
        `${base()}/skills/${sql.id}`,
        { name: 'SQL' },
        admin.token,
      );
      expect({ status: recased.status, name: recased.body.name }).toEqual({ status: 200, name: 'SQL' });
      for (const name of ['Sql', ' sQL ']) {
        const taken = await t.http.post<ErrorBody>(`${base()}/skills`, { name }, admin.token);
        expect({ name, status: taken.status, code: taken.body.code }).toEqual({
          name,
          status: 409,
          code: 'skill_name_taken',
        });
      }
      await t.http.patch(`${base()}/skills/${sql.id}`, { status: 'retired' }, admin.token);
      // Retired names are taken too: the import reports them as present and adds nothing.
      const imported = await t.http.postCsv<SkillImportReportDto>(
        `${base()}/skills/import`,
        'name\nsql\n',
        admin.token,
      );
      expect(imported.body).toEqual({ added: [], alreadyPresent: ['sql'] });
    });

    it('keeps a retired skill on the profiles that have it, savable again, but nobody picks it anew', async () => {
      const cobol = await addSkill('COBOL');
      const fortran = await addSkill('Fortran');
      await t.http.patch(
        `${base()}/profiles/me`,
        {
          offeredSkills: [
            { skillId: cobol.id, level: 4 },
            { skillId: fortran.id, level: 2 },
          ],
        },
        mentor.token,
      );
      await t.http.patch(`${base()}/skills/${cobol.id}`, { status: 'retired' }, admin.token);
      const kept = await t.http.get<ProfileViewDto>(`${base()}/profiles/me`, mentor.token);
      expect(kept.body.offeredSkills.map((skill) => [skill.name, skill.status, skill.level])).toEqual([
        ['COBOL', 'retired', 4],
        ['Fortran', 'active', 2],
      ]);
      // The profile page sends its lists as a whole: the retired skill it shows goes back with it.
      const resaved = await t.http.patch<ProfileViewDto>(
        `${base()}/profiles/me`,
        {
          offeredSkills: [
            { skillId: cobol.id, level: 5 },
            { skillId: fortran.id, level: 3 },
          ],
        },
        mentor.token,
      );
      expect(resaved.status).toBe(200);
      expect(resaved.body.offeredSkills.map((skill) => [skill.name, skill.level])).toEqual([
        ['COBOL', 5],
        ['Fortran', 3],
      ]);
      // Not as a new pick: not in another list of the same person, not by someone else.
      const cases: [SignedUpUser, unknown, string][] = [
        [mentor, { wantedSkills: [{ skillId: cobol.id, targetLevel: 3 }] }, 'wantedSkills.0.skillId'],
        [mentee, { offeredSkills: [{ skillId: cobol.id, level: 3 }] }, 'offeredSkills.0.skillId'],
      ];
      for (const [who, body, field] of cases) {
        const refused = await t.http.patch<ErrorBody>(`${base()}/profiles/me`, body, who.token);
        expect({
          status: refused.status,
          fields: (refused.body.details as { field: string }[]).map((d) => d.field),
        }).toEqual({
          status: 400,
          fields: [field],
        });
      }
      // Merging the retired skill into an active one moves it over: profiles follow.
      const merged = await t.http.post<{ movedProfileSkills: number }>(
        `${base()}/skills/${cobol.id}/merge`,
        { intoSkillId: fortran.id },
        admin.token,
      );
      expect(merged.body.movedProfileSkills).toBe(1);
      const after = await t.http.get<ProfileViewDto>(`${base()}/profiles/me`, mentor.token);
      expect(after.body.offeredSkills.map((skill) => [skill.name, skill.level])).toEqual([['Fortran', 5]]);
    });
  });

  it('keeps answering and consistent while skills are merged, renamed and picked at the same time', async () => {
    const problems: string[] = [];
    for (let round = 0; round < 6; round++) {
      const ids: string[] = [];
      for (const name of ['Alpha', 'Beta', 'Gamma']) ids.push((await addSkill(`${name} ${round}`)).id);
      const at = (i: number) => ids[i % 3]!;
      const work = [0, 1, 2].flatMap((i) => [
        t.http.patch(
          `${base()}/skills/${at(i)}`,
          { name: `Renamed ${round}.${i}`, status: 'active' },
          admin.token,
        ),
        t.http.post(`${base()}/skills/${at(i)}/merge`, { intoSkillId: at(i + 1) }, admin.token),
        t.http.patch(
          `${base()}/profiles/me`,
          {
            offeredSkills: [
              { skillId: at(i + 2), level: 3 },
              { skillId: at(i), level: 2 },
            ],
          },
          [mentor, mentee, admin][i]!.token,
        ),
      ]);
      for (const answer of await Promise.all(work))
        if (answer.status >= 500) problems.push(`${answer.status} ${JSON.stringify(answer.body)}`);
    }
    expect(problems).toEqual([]);
    // Every profile entry points at a skill that still exists (the foreign key says so too).
    const dangling = await t.api.db.query(
      `SELECT 1 FROM profile_skills ps WHERE ps.organization_id = $1
          AND NOT EXISTS (SELECT 1 FROM skills s WHERE s.organization_id = ps.organization_id AND s.id = ps.skill_id)`,
      [org.id],
    );
    expect(dangling).toEqual([]);
  });

  describe('profiles', () => {
    it('gives a member who never saved one the defaults', async () => {
      const mine = await t.http.get<ProfileViewDto>(`${base()}/profiles/me`, coordinator.token);
      expect(mine.status).toBe(200);
      expect(mine.body).toMatchObject({
        userId: coordinator.id,
        displayName: 'Cora',
        timeZone: null,
        languages: [],
        offeredSkills: [],
        availability: [],
        paused: false,
        pausedNow: false,
        updatedAt: null,
      });
    });

    it('lets a member edit their own profile, and stores it in canonical form', async () => {
      const typescript = await addSkill('TypeScript');
      const edited = await t.http.patch<ProfileViewDto>(
        `${base()}/profiles/me`,
        {
          timeZone: 'europe/berlin',
          languages: ['EN', 'German', 'de'],
          seniority: 4,
          department: ' Platform ',
          managerEmail: 'Boss@Example.test',
          topics: ['system design'],
          offeredMentorTypes: ['technical', 'career'],
          offeredSkills: [{ skillId: typescript.id, level: 4 }],
          availability: [
            { day: 0, start: '09:00', end: '10:30' },
            { day: 6, start: '22:00', end: '01:00' },
          ],
          mentorCapacity: 3,
          paused: true,
          pauseEndsOn: '2999-01-01',
        },
        mentor.token,
      );
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({
        timeZone: 'Europe/Berlin',
        languages: ['en', 'de'],
        department: 'Platform',
        managerEmail: 'boss@example.test',
        offeredSkills: [{ skillId: typescript.id, name: 'TypeScript', status: 'active', level: 4 }],
        mentorCapacity: 3,
        paused: true,
        pauseEndsOn: '2999-01-01',
        pausedNow: true,
      });
      const [stored] = await t.api.db.query(
        'SELECT time_zone, languages, mentor_capacity, availability FROM profiles WHERE organization_id = $1 AND user_id = $2',
        [org.id, mentor.id],
      );
      expect(stored).toEqual({
        time_zone: 'Europe/Berlin',
        languages: ['en', 'de'],
        mentor_capacity: 3,
        availability: [
          { day: 0, start: '09:00', end: '10:30' },
          { day: 6, start: '22:00', end: '01:00' },
        ],
      });

      // A later edit changes only what it sends.
      const resumed = await t.http.patch<ProfileViewDto>(
        `${base()}/profiles/me`,
        { paused: false },
        mentor.token,
      );
      expect(resumed.body).toMatchObject({
        paused: false,
        pausedNow: false,
        mentorCapacity: 3,
        seniority: 4,
      });
      const ended = await t.http.patch<ProfileViewDto>(
        `${base()}/profiles/me`,
        { paused: true, pauseEndsOn: '2000-01-01' },
        mentor.token,
      );
      expect(ended.body.pausedNow).toBe(false);
    });

    it('refuses bad values with 400 naming the field, and changes nothing', async () => {
      const go = await addSkill('Go lang');
      await t.http.patch(`${base()}/skills/${go.id}`, { status: 'retired' }, admin.token);
      const before = await t.api.db.query(
        'SELECT * FROM profiles WHERE organization_id = $1 ORDER BY user_id',
        [org.id],
      );
      const cases: [unknown, string, RegExp][] = [
        [{ timeZone: 'Mars/Olympus' }, 'timeZone', /IANA time zone/],
        [{ languages: ['en', 'klingonese'] }, 'languages', /ISO 639/],
        [{ offeredSkills: [{ skillId: go.id, level: 3 }] }, 'offeredSkills.0.skillId', /not an active skill/],
        [
          { wantedSkills: [{ skillId: '00000000-0000-4000-8000-000000000000', targetLevel: 3 }] },
          'wantedSkills.0.skillId',
          /not an active skill/,
        ],
        [
          { offeredSkills: [{ skillId: go.id, level: 6 }] },
          'offeredSkills.0.level',
          /must not be greater than 5/,
        ],
        [
          { wantedSkills: [{ skillId: go.id, targetLevel: 0 }] },
          'wantedSkills.0.targetLevel',
          /not be less than 1/,
        ],
        [
          {
            availability: [
              { day: 1, start: '09:00', end: '11:00' },
              { day: 2, start: '08:00', end: '09:00' },
              { day: 1, start: '10:45', end: '12:00' },
            ],
          },
          'availability',
          /availability\.2 overlaps availability\.0/,
        ],
        [
          {
            availability: [
              { day: 6, start: '23:00', end: '02:00' },
              { day: 0, start: '01:00', end: '03:00' },
            ],
          },
          'availability',
          /availability\.1 overlaps availability\.0/,
        ],
        [{ availability: [{ day: 1, start: '09:10', end: '10:00' }] }, 'availability', /quarter hour/],
        [{ seniority: 7 }, 'seniority', /not be greater than 6/],
        [{ paused: null }, 'paused', /boolean/],
        [{ pauseEndsOn: '2026-02-30' }, 'pauseEndsOn', /ISO 8601/],
      ];
      for (const [body, field, problem] of cases) {
        const refused = await t.http.patch<ErrorBody>(`${base()}/profiles/me`, body, mentee.token);
        const problems = (refused.body.details as { field: string; problems: string[] }[] | null) ?? [];
        expect({
          body,
          status: refused.status,
          code: refused.body.code,
          fields: problems.map((p) => p.field),
        }).toEqual({ body, status: 400, code: 'validation_failed', fields: [field] });
        expect(problems[0]?.problems.join(' ')).toMatch(problem);
      }
      expect(
        await t.api.db.query('SELECT * FROM profiles WHERE organization_id = $1 ORDER BY user_id', [org.id]),
      ).toEqual(before);
    });

    it('lets coordinators and admins edit any profile here, and nobody else edit another one', async () => {
      const byCoordinator = await t.http.patch<ProfileViewDto>(
        `${base()}/profiles/${mentee.id}`,
        { department: 'Research', goals: ['promotion'] },
        coordinator.token,
      );
      expect(byCoordinator.status).toBe(200);
      expect(byCoordinator.body).toMatchObject({
        userId: mentee.id,
        department: 'Research',
        goals: ['promotion'],
      });

      const byPeer = await t.http.patch<ErrorBody>(
        `${base()}/profiles/${mentee.id}`,
        { goals: [] },
        mentor.token,
      );
      expect({ status: byPeer.status, code: byPeer.body.code }).toEqual({
        status: 403,
        code: 'forbidden_role',
      });
      expect((await t.http.get(`${base()}/profiles/${mentee.id}`, mentor.token)).status).toBe(403);

      const stranger = await makeUser(t.http);
      const notMember = await t.http.get<ErrorBody>(`${base()}/profiles/${stranger.id}`, admin.token);
      expect({ status: notMember.status, code: notMember.body.code }).toEqual({
        status: 404,
        code: 'profile_not_found',
      });

      const list = await t.http.get<Page<ProfileViewDto>>(
        `${base()}/profiles?department=research`,
        admin.token,
      );
      expect(list.body.items.map((profile) => profile.userId)).toEqual([mentee.id]);
      expect(await auditActions()).toContain('profile.updated');
    });

    it('lists profiles that offer or want a skill', async () => {
      const rust = (await t.http.get<Page<SkillViewDto>>(`${base()}/skills?q=rust`, admin.token)).body
        .items[0]!;
      await t.http.patch(
        `${base()}/profiles/me`,
        { wantedSkills: [{ skillId: rust.id, targetLevel: 4 }] },
        mentee.token,
      );
      const withRust = await t.http.get<Page<ProfileViewDto>>(
        `${base()}/profiles?skillId=${rust.id}`,
        coordinator.token,
      );
      expect(withRust.body.items.map((profile) => [profile.displayName, profile.wantedSkills])).toEqual([
        ['Alan Turing', [{ skillId: rust.id, name: 'Rust', status: 'active', targetLevel: 4 }]],
      ]);
      // Past the last page the list still knows its total (the platform's findPage counts then).
      const past = await t.http.get<Page<ProfileViewDto>>(
        `${base()}/profiles?skillId=${rust.id}&page=3`,
        coordinator.token,
      );
      expect(past.body).toMatchObject({ items: [], total: 1 });
      const skillsPast = await t.http.get<Page<SkillViewDto>>(`${base()}/skills?q=rust&page=2`, admin.token);
      expect(skillsPast.body).toMatchObject({ items: [], total: 1 });
    });
  });
});
