import type { MatchEventView, MatchView } from '@mentorship/contracts';
import { counted, nextStep, phaseOf, sideOf } from './mentorship-words';

const accepted = (occurredAt: string): MatchEventView => ({
  action: 'accept',
  from: 'pending',
  to: 'trial',
  actor: 'mentor',
  actorUserId: 'u-mentor',
  reason: null,
  occurredAt,
});

describe('phaseOf', () => {
  const timeline = [accepted('2026-01-15T10:00:00Z')];

  it('counts whole months from the accept: 1–3 initiation, 4–12 development, then maturation', () => {
    expect(phaseOf('trial', timeline, new Date('2026-04-14T09:00:00Z'))).toBe('initiation');
    expect(phaseOf('active', timeline, new Date('2026-04-15T11:00:00Z'))).toBe('development');
    expect(phaseOf('active', timeline, new Date('2027-01-14T09:00:00Z'))).toBe('development');
    expect(phaseOf('active', timeline, new Date('2027-01-15T11:00:00Z'))).toBe('maturation');
  });

  it('has no phase before the mentor accepts or once the match is over', () => {
    expect(phaseOf('pending', [], new Date('2026-02-01T00:00:00Z'))).toBeNull();
    expect(phaseOf('ended', timeline, new Date('2026-02-01T00:00:00Z'))).toBeNull();
  });
});

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
