import type { MatchView } from '@mentorship/contracts';
import { counted, endReasonLabel, nextStep, sideOf } from './mentorship-words';

describe('nextStep', () => {
  const match = {
    menteeUserId: 'u-mentee',
    mentorUserId: 'u-mentor',
    mentor: { userId: 'u-mentor', displayName: 'Mina Mentor' },
    status: 'pending',
  } as MatchView;

  it('tells the mentor to answer and the mentee who is to answer', () => {
    expect(nextStep(match, sideOf(match, 'u-mentor'))).toMatch(/^Accept or decline/);
    expect(nextStep(match, sideOf(match, 'u-mentee'))).toBe('Mina Mentor has not answered yet.');
    expect(nextStep({ ...match, status: 'trial_declined' }, 'mentee')).toBe('Nothing more to do.');
  });

  it('knows a coordinator is neither side', () => {
    expect(sideOf(match, 'u-coordinator')).toBeNull();
  });
});

describe('counted', () => {
  it('says one version, two versions', () => {
    expect([counted(1, 'version'), counted(2, 'version')]).toEqual(['1 version', '2 versions']);
  });
});

describe('endReasonLabel', () => {
  it('words the system’s reasons too', () => {
    expect([endReasonLabel('goals_met'), endReasonLabel('cohort_ended')]).toEqual([
      'Goals met',
      'The cohort ended',
    ]);
  });
});
