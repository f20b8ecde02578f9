import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder } from '@angular/forms';
import { buildProgramForm, programRequest } from './program-form';
import { hardLimitSentences, weightShares } from '@mentorship/admin/util';

describe('program form', () => {
  const form = () => buildProgramForm(TestBed.inject(NonNullableFormBuilder));

  it('sends no trial for a flash program and a group size only for a group program', () => {
    const program = form();
    program.patchValue({
      name: ' Coffee roulette ',
      settings: { kind: 'flash', trialDays: 30, groupSize: 6 },
    });
    expect(programRequest(program.getRawValue())).toMatchObject({
      name: 'Coffee roulette',
      settings: { kind: 'flash', trialDays: null, groupSize: null },
    });
    program.patchValue({ settings: { kind: 'group', trialDays: 14, groupSize: 5 } });
    expect(programRequest(program.getRawValue()).settings).toMatchObject({ trialDays: 14, groupSize: 5 });
  });

  it('keeps the peer seniority gap for peer programs only, and an empty limit as no limit', () => {
    const program = form();
    program.patchValue({ settings: { criteria: { maxTimeZoneGapHours: null, peerMaxSeniorityGap: 2 } } });
    const oneToOne = programRequest(program.getRawValue()).settings.criteria;
    expect(oneToOne).not.toHaveProperty('peerMaxSeniorityGap');
    expect(oneToOne?.maxTimeZoneGapHours).toBeNull();
    program.patchValue({ settings: { kind: 'peer', criteria: { maxTimeZoneGapHours: 3 } } });
    expect(programRequest(program.getRawValue()).settings.criteria).toMatchObject({
      peerMaxSeniorityGap: 2,
      maxTimeZoneGapHours: 3,
    });
  });

  it('says each weight as its share of the score', () => {
    expect(
      weightShares({
        skills: 30,
        goals: 10,
        mentorTypes: 0,
        availability: 10,
        languages: 0,
        seniority: 0,
        timeZone: 0,
      }),
    ).toMatchObject({
      skills: 60,
      goals: 20,
      availability: 20,
      languages: 0,
    });
    expect(weightShares({}).skills).toBe(0);
  });

  it('words the hard limits, or says there are none', () => {
    expect(
      hardLimitSentences({
        mustHaves: ['languages', 'skills'],
        minWeeklyOverlapHours: 2,
        maxTimeZoneGapHours: 4,
        excludeSameReportingLine: true,
        excludeSameDepartment: false,
      }),
    ).toEqual([
      'A pair needs a language in common and at least one skill in common.',
      'A pair needs at least 2 h of common time a week.',
      'Time zones at most 4 h apart.',
      'Nobody is matched with their manager or their reports.',
    ]);
    expect(
      hardLimitSentences({
        mustHaves: [],
        minWeeklyOverlapHours: 0,
        maxTimeZoneGapHours: null,
        excludeSameReportingLine: false,
        excludeSameDepartment: false,
      }),
    ).toEqual(['No hard limits: anyone can be matched with anyone.']);
  });
});
