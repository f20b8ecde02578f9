import type { ErrorBody, OrganizationView, Page } from '@mentorship/contracts';
import { MatchingInputError, resolveCriteria } from '@mentorship/matching-engine';
import { InvitationTokens } from '@mentorship/organizations';
import type { CohortViewDto, ProgramViewDto } from '@mentorship/programs';
import { makeMember, makeOrganization, makeUser, SignedUpUser, useTestApi } from '@mentorship/testing';

describe('programs and cohorts', () => {
  const t = useTestApi();
  let admin: SignedUpUser;
  let coordinator: SignedUpUser;
  let mentee: SignedUpUser;
  let org: OrganizationView;
  const base = () => `/api/v1/orgs/${org.id}`;

  beforeAll(async () => {
    admin = await makeUser(t.http);
    org = await makeOrganization(t.http, admin, 'Programs Org');
    const tokens = t.api.app.get(InvitationTokens);
    const accept = (id: string) => tokens.issue(org.id, id);
    coordinator = await makeMember(t.http, admin, org.id, ['coordinator'], accept);
    mentee = await makeMember(t.http, admin, org.id, ['mentee'], accept);
  });

  const createProgram = async (body: unknown): Promise<ProgramViewDto> => {
    const created = await t.http.post<ProgramViewDto>(`${base()}/programs`, body, coordinator.token);
    if (created.status !== 201) throw new Error(`program: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body;
  };
  const createCohort = async (
    programId: string,
    body: Record<string, unknown> = {},
  ): Promise<CohortViewDto> => {
    const created = await t.http.post<CohortViewDto>(
      `${base()}/programs/${programId}/cohorts`,
      {
        name: `Cohort ${Math.random().toString(36).slice(2, 8)}`,
        startsOn: '2026-04-01',
        endsOn: '2026-09-30',
        ...body,
      },
      coordinator.token,
    );
    if (created.status !== 201) throw new Error(`cohort: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body;
  };
  const move = (cohortId: string, status: string) =>
    t.http.post<CohortViewDto & ErrorBody>(
      `${base()}/cohorts/${cohortId}/status`,
      { status },
      coordinator.token,
    );

  describe('programs', () => {
    it('creates a program with defaults, the criteria completed by the matching engine', async () => {
      const program = await createProgram({ name: 'Engineering mentoring', description: 'For engineers' });
      const { kind: _kind, referenceDate: _date, ...engineDefaults } = resolveCriteria();
      expect(program).toMatchObject({
        name: 'Engineering mentoring',
        description: 'For engineers',
        cohorts: 0,
        settings: {
          kind: 'one-to-one',
          matchingMode: 'coordinator',
          criteria: engineDefaults,
          trialDays: 30,
          trialNoAnswer: 'end',
          checkInCadence: 'biweekly',
          durationWeeks: 26,
          defaultMentorCapacity: 2,
          groupSize: null,
        },
      });
      const [stored] = await t.api.db.query<{ settings: { criteria: unknown } }>(
        'SELECT settings FROM programs WHERE organization_id = $1 AND id = $2',
        [org.id, program.id],
      );
      expect(stored?.settings.criteria).toEqual(engineDefaults);
      const twice = await t.http.post<ErrorBody>(
        `${base()}/programs`,
        { name: 'ENGINEERING mentoring' },
        admin.token,
      );
      expect({ status: twice.status, code: twice.body.code }).toEqual({
        status: 409,
        code: 'program_name_taken',
      });
    });

    it('refuses criteria the engine refuses, with the engine’s message, and stores nothing', async () => {
      const cases = [
        { weights: { skills: -5 } },
        {
          weights: {
            skills: 0,
            goals: 0,
            mentorTypes: 0,
            availability: 0,
            languages: 0,
            seniority: 0,
            timeZone: 0,
          },
        },
        { mustHaves: ['horoscope'] },
        { targetWeeklyOverlapHours: 0 },
        { maxTimeZoneGapHours: -3 },
      ];
      const before = await t.api.db.query(
        'SELECT count(*)::int AS n FROM programs WHERE organization_id = $1',
        [org.id],
      );
      for (const [index, criteria] of cases.entries()) {
        let engineMessage = '';
        try {
          resolveCriteria(criteria as never);
        } catch (error) {
          if (error instanceof MatchingInputError) engineMessage = error.message;
        }
        expect(engineMessage).not.toBe('');
        const refused = await t.http.post<ErrorBody>(
          `${base()}/programs`,
          { name: `Refused ${index}`, settings: { criteria } },
          coordinator.token,
        );
        expect({
          criteria,
          status: refused.status,
          code: refused.body.code,
          message: refused.body.message,
        }).toEqual({
          criteria,
          status: 400,
          code: 'invalid_criteria',
          message: engineMessage,
        });
      }
      const unknownWeight = await t.http.post<ErrorBody>(
        `${base()}/programs`,
        { name: 'Refused weights', settings: { criteria: { weights: { charisma: 3 } } } },
        coordinator.token,
      );
      expect(unknownWeight.status).toBe(400);
      expect(unknownWeight.body.details).toEqual([
        {
          field: 'settings.criteria.weights',
          problems: [expect.stringMatching(/charisma is not a score component/)],
        },
      ]);
      expect(
        await t.api.db.query('SELECT count(*)::int AS n FROM programs WHERE organization_id = $1', [org.id]),
      ).toEqual(before);
    });

    it('takes every kind with its own rules: flash has no trial, group needs a group size', async () => {
      const flash = await createProgram({
        name: 'Coffee roulette',
        settings: { kind: 'flash', matchingMode: 'automatic' },
      });
      expect(flash.settings).toMatchObject({ kind: 'flash', trialDays: null, groupSize: null });
      const group = await createProgram({
        name: 'Leadership circles',
        settings: { kind: 'group', groupSize: 6 },
      });
      expect(group.settings).toMatchObject({ kind: 'group', groupSize: 6 });
      for (const kind of ['peer', 'reverse'])
        expect((await createProgram({ name: `${kind} program`, settings: { kind } })).settings.kind).toBe(
          kind,
        );

      const flashTrial = await t.http.post<ErrorBody>(
        `${base()}/programs`,
        { name: 'Bad flash', settings: { kind: 'flash', trialDays: 14 } },
        coordinator.token,
      );
      expect(flashTrial.body.details).toEqual([
        { field: 'settings.trialDays', problems: ['flash programs have no trial: send null'] },
      ]);
      const groupless = await t.http.post<ErrorBody>(
        `${base()}/programs`,
        { name: 'Bad group', settings: { kind: 'group' } },
        coordinator.token,
      );
      expect(groupless.body.details).toEqual([
        { field: 'settings.groupSize', problems: ['group programs need a group size'] },
      ]);
      const list = await t.http.get<Page<ProgramViewDto>>(`${base()}/programs?kind=group`, admin.token);
      expect(list.body.items.map((program) => program.name)).toEqual(['Leadership circles']);
    });

    it('edits a program: fields sent replace the stored ones', async () => {
      const program = await createProgram({ name: 'Sales mentoring', settings: { trialDays: 21 } });
      const edited = await t.http.patch<ProgramViewDto>(
        `${base()}/programs/${program.id}`,
        {
          description: 'Now with hard limits',
          settings: { criteria: { maxTimeZoneGapHours: 4, excludeSameDepartment: true } },
        },
        coordinator.token,
      );
      expect(edited.status).toBe(200);
      expect(edited.body.description).toBe('Now with hard limits');
      expect(edited.body.settings).toMatchObject({
        trialDays: 21,
        criteria: { maxTimeZoneGapHours: 4, excludeSameDepartment: true },
      });
    });

    it('refuses a rename to a name taken (in any case) with 409, changing nothing; a cohort likewise', async () => {
      const taken = await createProgram({ name: 'Design mentoring' });
      const program = await createProgram({ name: 'Data mentoring', description: 'As it was' });
      const clash = await t.http.patch<ErrorBody>(
        `${base()}/programs/${program.id}`,
        { name: 'DESIGN mentoring', description: 'Not kept' },
        coordinator.token,
      );
      expect({ status: clash.status, code: clash.body.code }).toEqual({
        status: 409,
        code: 'program_name_taken',
      });
      const kept = await t.http.get<ProgramViewDto>(`${base()}/programs/${program.id}`, coordinator.token);
      expect([kept.body.name, kept.body.description]).toEqual(['Data mentoring', 'As it was']);
      expect(
        (await t.http.get<ProgramViewDto>(`${base()}/programs/${taken.id}`, coordinator.token)).body.name,
      ).toBe('Design mentoring');

      await createCohort(program.id, { name: 'Autumn' });
      const cohort = await createCohort(program.id, { name: 'Winter' });
      const cohortClash = await t.http.patch<ErrorBody>(
        `${base()}/cohorts/${cohort.id}`,
        { name: 'autumn', endsOn: '2026-10-31' },
        coordinator.token,
      );
      expect({ status: cohortClash.status, code: cohortClash.body.code }).toEqual({
        status: 409,
        code: 'cohort_name_taken',
      });
      const cohortKept = await t.http.get<CohortViewDto>(`${base()}/cohorts/${cohort.id}`, coordinator.token);
      expect([cohortKept.body.name, cohortKept.body.endsOn]).toEqual(['Winter', '2026-09-30']);
      // The rename that is free goes through.
      const renamed = await t.http.patch<ProgramViewDto>(
        `${base()}/programs/${program.id}`,
        { name: 'Data science mentoring' },
        coordinator.token,
      );
      expect([renamed.status, renamed.body.name]).toEqual([200, 'Data science mentoring']);
    });

    it('is for admins and coordinators only', async () => {
      expect((await t.http.get(`${base()}/programs`, mentee.token)).status).toBe(403);
      expect((await t.http.post(`${base()}/programs`, { name: 'Mine' }, mentee.token)).status).toBe(403);
    });
  });

  describe('cohorts', () => {
    let program: ProgramViewDto;
    beforeAll(async () => {
      program = await createProgram({ name: 'Cohort program', settings: { trialDays: 30 } });
    });

    it('starts in draft, and refuses dates that do not hold together, naming the field', async () => {
      const cohort = await createCohort(program.id, {
        name: 'Spring',
        enrollmentOpensOn: '2026-02-01',
        enrollmentClosesOn: '2026-03-15',
      });
      expect(cohort).toMatchObject({
        programId: program.id,
        programName: 'Cohort program',
        status: 'draft',
        allowedTransitions: ['enrolling', 'closed'],
        enrollmentOpensOn: '2026-02-01',
        startsOn: '2026-04-01',
        settingsFrozenAt: null,
      });
      const backwards = await t.http.post<ErrorBody>(
        `${base()}/programs/${program.id}/cohorts`,
        { name: 'Backwards', startsOn: '2026-05-01', endsOn: '2026-04-01' },
        coordinator.token,
      );
      expect(backwards.body.details).toEqual([
        { field: 'endsOn', problems: ['endsOn must be after startsOn'] },
      ]);
      const window = await t.http.patch<ErrorBody>(
        `${base()}/cohorts/${cohort.id}`,
        { enrollmentClosesOn: '2026-01-01' },
        coordinator.token,
      );
      expect(window.body.details).toEqual([
        {
          field: 'enrollmentClosesOn',
          problems: ['enrollmentClosesOn must not be before enrollmentOpensOn'],
        },
      ]);
      const notADay = await t.http.patch<ErrorBody>(
        `${base()}/cohorts/${cohort.id}`,
        { startsOn: '2026-02-30' },
        coordinator.token,
      );
      expect(notADay.status).toBe(400);
      const twice = await t.http.post<ErrorBody>(
        `${base()}/programs/${program.id}/cohorts`,
        { name: 'SPRING', startsOn: '2026-04-01', endsOn: '2026-09-30' },
        coordinator.token,
      );
      expect(twice.body.code).toBe('cohort_name_taken');
    });

    it('walks the status machine; an illegal step is a 409 naming the allowed ones', async () => {
      const cohort = await createCohort(program.id);
      const skip = await move(cohort.id, 'running');
      expect({ status: skip.status, code: skip.body.code, details: skip.body.details }).toEqual({
        status: 409,
        code: 'cohort_transition_not_allowed',
        details: { from: 'draft', to: 'running', allowed: ['enrolling', 'closed'] },
      });
      for (const [status, allowed] of [
        ['enrolling', ['matching', 'closed']],
        ['matching', ['enrolling', 'running', 'closed']],
        ['running', ['closed']],
        ['closed', []],
      ] as const) {
        const moved = await move(cohort.id, status);
        expect({
          status: moved.status,
          cohort: moved.body.status,
          allowed: moved.body.allowedTransitions,
        }).toEqual({
          status: 200,
          cohort: status,
          allowed,
        });
      }
      const fromClosed = await move(cohort.id, 'enrolling');
      expect(fromClosed.body.details).toEqual({ from: 'closed', to: 'enrolling', allowed: [] });
      const rename = await t.http.patch<ErrorBody>(
        `${base()}/cohorts/${cohort.id}`,
        { name: 'Later' },
        coordinator.token,
      );
      expect(rename.body.code).toBe('cohort_closed');
      const statuses = await t.api.db.query<{ details: { from: string; to: string } }>(
        `SELECT details FROM audit_events WHERE organization_id = $1 AND action = 'cohort.status_changed' AND target_id = $2 ORDER BY occurred_at`,
        [org.id, cohort.id],
      );
      expect(statuses.map((row) => `${row.details.from}>${row.details.to}`)).toEqual([
        'draft>enrolling',
        'enrolling>matching',
        'matching>running',
        'running>closed',
      ]);
    });

    it('keeps the settings it left draft with when the program changes; a draft follows the program', async () => {
      const running = await createCohort(program.id, { name: 'Frozen' });
      const draft = await createCohort(program.id, { name: 'Still draft' });
      const opened = await move(running.id, 'enrolling');
      expect(opened.body.settingsFrozenAt).not.toBeNull();
      await move(running.id, 'matching');
      await move(running.id, 'running');

      await t.http.patch(
        `${base()}/programs/${program.id}`,
        { settings: { trialDays: 60, criteria: { weights: { skills: 90 } } } },
        coordinator.token,
      );
      const frozen = await t.http.get<CohortViewDto>(`${base()}/cohorts/${running.id}`, coordinator.token);
      expect(frozen.body.settings).toEqual(program.settings);
      const following = await t.http.get<CohortViewDto>(`${base()}/cohorts/${draft.id}`, coordinator.token);
      expect(following.body.settings).toMatchObject({ trialDays: 60, criteria: { weights: { skills: 90 } } });
      const [stored] = await t.api.db.query<{ snapshot: unknown }>(
        'SELECT settings_snapshot AS snapshot FROM cohorts WHERE organization_id = $1 AND id = $2',
        [org.id, running.id],
      );
      expect(stored?.snapshot).toEqual(program.settings);
    });

    it('shows members the cohorts open for enrollment only; managers see all', async () => {
      const open = await createCohort(program.id, { name: 'Open to all' });
      await move(open.id, 'enrolling');
      const hidden = await createCohort(program.id, { name: 'Not yet' });

      const seen = await t.http.get<Page<CohortViewDto>>(
        `${base()}/cohorts?programId=${program.id}`,
        mentee.token,
      );
      expect(seen.body.items.map((cohort) => cohort.name)).toEqual(['Open to all']);
      expect((await t.http.get(`${base()}/cohorts/${hidden.id}`, mentee.token)).status).toBe(404);
      expect((await t.http.get(`${base()}/cohorts/${open.id}`, mentee.token)).status).toBe(200);
      expect((await move(open.id, 'matching')).status).toBe(200);
      expect(
        (await t.http.post(`${base()}/cohorts/${open.id}/status`, { status: 'enrolling' }, mentee.token))
          .status,
      ).toBe(403);

      const all = await t.http.get<Page<CohortViewDto>>(
        `${base()}/cohorts?programId=${program.id}&status=draft`,
        admin.token,
      );
      expect(all.body.items.map((cohort) => cohort.name)).toEqual(
        expect.arrayContaining(['Not yet', 'Still draft']),
      );
      expect(all.body.items.every((cohort) => cohort.status === 'draft')).toBe(true);
    });
  });
});
