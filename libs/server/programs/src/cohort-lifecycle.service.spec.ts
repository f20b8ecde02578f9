import { COHORT_STATUSES } from '@mentorship/contracts';
import { allowedTransitions, canTransition, freezesSettings } from './cohort-lifecycle.service';

describe('cohort lifecycle', () => {
  it('walks draft -> enrolling -> matching -> running -> closed', () => {
    const path = ['draft', 'enrolling', 'matching', 'running', 'closed'] as const;
    for (let step = 1; step < path.length; step++)
      expect(canTransition(path[step - 1], path[step])).toBe(true);
  });

  it('refuses skipping ahead, going back from running, and leaving closed', () => {
    expect(canTransition('draft', 'running')).toBe(false);
    expect(canTransition('enrolling', 'running')).toBe(false);
    expect(canTransition('running', 'matching')).toBe(false);
    for (const to of COHORT_STATUSES) expect(canTransition('closed', to)).toBe(false);
    expect(allowedTransitions('closed')).toEqual([]);
  });

  it('lets matching reopen enrollment, and any cohort that has not ended close', () => {
    expect(canTransition('matching', 'enrolling')).toBe(true);
    for (const from of ['draft', 'enrolling', 'matching', 'running'] as const)
      expect(canTransition(from, 'closed')).toBe(true);
  });

  it('freezes the settings when a cohort leaves draft, unless it is cancelled', () => {
    expect(freezesSettings('draft', 'enrolling')).toBe(true);
    expect(freezesSettings('draft', 'closed')).toBe(false);
    expect(freezesSettings('enrolling', 'matching')).toBe(false);
  });
});
