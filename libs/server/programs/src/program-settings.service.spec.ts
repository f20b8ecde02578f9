import { MatchingInputError, resolveCriteria, type ProgramCriteriaInput } from '@mentorship/matching-engine';
import { completeProgramSettings, resolveProgramSettings } from './program-settings.service';
import { ProgramsException } from './programs.exception';

/** What the engine says about `criteria`: its message, or null when it accepts them. */
function engineVerdict(criteria: ProgramCriteriaInput): string | null {
  try {
    resolveCriteria(criteria);
    return null;
  } catch (error) {
    if (error instanceof MatchingInputError) return error.message;
    throw error;
  }
}

function refusal(work: () => unknown): { code: string; message: string; details: unknown } {
  try {
    work();
  } catch (error) {
    if (error instanceof ProgramsException)
      return { code: error.code, message: error.message, details: error.details };
    throw error;
  }
  throw new Error('accepted');
}

describe(resolveProgramSettings.name, () => {
  it('gives a new program the defaults and the engine’s complete criteria', () => {
    const settings = resolveProgramSettings(null);
    expect(settings).toEqual({
      kind: 'one-to-one',
      matchingMode: 'coordinator',
      criteria: expect.objectContaining({ weights: expect.objectContaining({ skills: expect.any(Number) }) }),
      trialDays: 30,
      trialNoAnswer: 'end',
      checkInCadence: 'biweekly',
      durationWeeks: 26,
      defaultMentorCapacity: 2,
      groupSize: null,
      suggestionFloodFactor: 3,
      requestExpiryDays: 14,
      maxOpenRequestsPerMentee: 3,
      agreementTemplate: null,
      privateNotesToCoordinators: false,
      pulseIntervalDays: 30,
      quietDays: 21,
      disabledNotificationKinds: [],
      mapTemplate: null,
    });
    const { kind: _kind, referenceDate: _date, ...engineDefaults } = resolveCriteria();
    expect(settings.criteria).toEqual(engineDefaults);
  });

  it('refuses what the engine refuses, with the engine’s own message', () => {
    const refused: ProgramCriteriaInput[] = [
      { weights: { skills: -1 } },
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
      { mustHaves: ['astrology' as never] },
      { minWeeklyOverlapHours: -2 },
      { targetWeeklyOverlapHours: 0 },
      { maxTimeZoneGapHours: -1 },
      { peerMaxSeniorityGap: -1 },
    ];
    for (const criteria of refused) {
      const engine = engineVerdict(criteria);
      expect(engine).not.toBeNull();
      expect({ criteria, ...refusal(() => resolveProgramSettings(null, { criteria })) }).toEqual({
        criteria,
        code: 'invalid_criteria',
        message: engine,
        details: [{ field: 'settings.criteria', problems: [engine] }],
      });
    }
  });

  it('keeps what the engine accepts, completed with its defaults', () => {
    const settings = resolveProgramSettings(null, {
      criteria: { weights: { skills: 50 }, mustHaves: ['skills', 'skills'], maxTimeZoneGapHours: 3 },
    });
    expect(settings.criteria.weights.skills).toBe(50);
    expect(settings.criteria.weights.goals).toBe(resolveCriteria().weights.goals);
    expect(settings.criteria.mustHaves).toEqual(['skills']);
    expect(settings.criteria.maxTimeZoneGapHours).toBe(3);
  });

  it('gives flash programs no trial and group programs a group size, and refuses the opposite', () => {
    expect(resolveProgramSettings(null, { kind: 'flash' }).trialDays).toBeNull();
    expect(refusal(() => resolveProgramSettings(null, { kind: 'flash', trialDays: 14 })).details).toEqual([
      { field: 'settings.trialDays', problems: ['flash programs have no trial: send null'] },
    ]);
    expect(refusal(() => resolveProgramSettings(null, { kind: 'group' })).details).toEqual([
      { field: 'settings.groupSize', problems: ['group programs need a group size'] },
    ]);
    expect(refusal(() => resolveProgramSettings(null, { groupSize: 4 })).details).toEqual([
      { field: 'settings.groupSize', problems: ['only group programs have a group size: send null'] },
    ]);
    expect(resolveProgramSettings(null, { kind: 'group', groupSize: 5 }).groupSize).toBe(5);
  });

  it('edits replace only what they send, and a kind change carries the rest over sensibly', () => {
    const start = resolveProgramSettings(null, { trialDays: 21, criteria: { weights: { skills: 80 } } });
    const renamedMode = resolveProgramSettings(start, { matchingMode: 'automatic' });
    expect(renamedMode).toEqual({ ...start, matchingMode: 'automatic' });
    const flash = resolveProgramSettings(start, { kind: 'flash' });
    expect(flash.trialDays).toBeNull();
    expect(flash.criteria.weights.skills).toBe(80);
    expect(resolveProgramSettings(flash, { kind: 'one-to-one' }).trialDays).toBe(30);
    const replaced = resolveProgramSettings(start, { criteria: { mustHaves: [] } });
    expect(replaced.criteria.weights.skills).toBe(resolveCriteria().weights.skills);
  });

  it('keeps the request settings it had unless told, and completes settings stored before them', () => {
    const first = resolveProgramSettings(null, { requestExpiryDays: 7, maxOpenRequestsPerMentee: 1 });
    const edited = resolveProgramSettings(first, { suggestionFloodFactor: 5 });
    expect(edited).toMatchObject({
      requestExpiryDays: 7,
      maxOpenRequestsPerMentee: 1,
      suggestionFloodFactor: 5,
    });
    const { requestExpiryDays: _d, maxOpenRequestsPerMentee: _m, suggestionFloodFactor: _f, ...old } = first;
    expect(completeProgramSettings(old as typeof first)).toMatchObject({
      requestExpiryDays: 14,
      maxOpenRequestsPerMentee: 3,
      suggestionFloodFactor: 3,
    });
  });
});
