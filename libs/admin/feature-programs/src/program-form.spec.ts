import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder } from '@angular/forms';
import { buildProgramForm, programFormValue, programRequest, templateMilestoneForm } from './program-form';
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

  it('sends no templates when they are left empty, and only the filled parts of an agreement template', () => {
    const program = form();
    expect(programRequest(program.getRawValue()).settings).toMatchObject({
      agreementTemplate: null,
      mapTemplate: null,
    });
    program.patchValue({
      settings: {
        agreementTemplate: {
          goals: ' Lead a project \n\n Speak at a meetup ',
          confidentiality: '  ',
          contact: ' Chat ',
        },
      },
    });
    program.controls.settings.controls.mapTemplate.push(
      templateMilestoneForm({ title: ' First talk ', community: ' Meetup ', stage: 'practice' }),
    );
    expect(programRequest(program.getRawValue()).settings).toMatchObject({
      agreementTemplate: { goals: ['Lead a project', 'Speak at a meetup'], contact: 'Chat' },
      mapTemplate: {
        milestones: [{ title: 'First talk', performance: '', community: 'Meetup', stage: 'practice' }],
      },
    });
    expect(programRequest(program.getRawValue()).settings.agreementTemplate).not.toHaveProperty(
      'confidentiality',
    );
  });

  it('reads stored templates back into the form, lines joined', () => {
    const program = form();
    const stored = programRequest(program.getRawValue());
    const view = {
      id: 'p1',
      name: 'P',
      description: '',
      settings: {
        ...stored.settings,
        agreementTemplate: {
          goals: ['A', 'B'],
          meetingCadence: 'Weekly',
          confidentiality: '',
          contact: '',
          successMeasures: ['C'],
          mentorContributes: '',
          menteeContributes: 'Feedback',
        },
        mapTemplate: { milestones: [{ title: 'T', performance: 'P', community: 'C', stage: 'mastery' }] },
      },
    } as unknown as Parameters<typeof programFormValue>[0];
    const value = programFormValue(view);
    expect(value.settings.agreementTemplate).toMatchObject({
      goals: 'A\nB',
      successMeasures: 'C',
      menteeContributes: 'Feedback',
    });
    expect(value.settings.mapTemplate).toEqual([
      { title: 'T', performance: 'P', community: 'C', stage: 'mastery' },
    ]);
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
