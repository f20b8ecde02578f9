import { phaseOf } from './match-phase.service';

const start = new Date('2026-01-31T10:00:00Z');
const running = { status: 'active' as const, statusChangedAt: start };
const at = (iso: string) => new Date(iso);

describe('phaseOf', () => {
  it('has no phase before the match starts', () => {
    expect(
      phaseOf({ status: 'pending', statusChangedAt: start }, null, at('2026-06-01T00:00:00Z')),
    ).toBeNull();
  });

  it('counts calendar months: initiation in months 1–3, development in 4–12, maturation after', () => {
    const phase = (iso: string) => {
      const p = phaseOf(running, start, at(iso));
      return `${p?.phase} ${p?.month}`;
    };
    expect(phase('2026-01-31T10:00:00Z')).toBe('initiation 1');
    // A month after 31 January is the end of February.
    expect(phase('2026-02-27T10:00:00Z')).toBe('initiation 1');
    expect(phase('2026-02-28T10:00:00Z')).toBe('initiation 2');
    expect(phase('2026-04-30T09:59:59Z')).toBe('initiation 3');
    expect(phase('2026-04-30T10:00:00Z')).toBe('development 4');
    expect(phase('2027-01-31T09:59:59Z')).toBe('development 12');
    expect(phase('2027-01-31T10:00:00Z')).toBe('maturation 13');
  });

  it('says when the phase began and when the next begins', () => {
    expect(phaseOf(running, start, at('2026-05-15T00:00:00Z'))).toEqual({
      phase: 'development',
      month: 4,
      startedAt: '2026-01-31T10:00:00.000Z',
      phaseStartedAt: '2026-04-30T10:00:00.000Z',
      nextPhaseAt: '2027-01-31T10:00:00.000Z',
    });
    expect(phaseOf(running, start, at('2028-01-01T00:00:00Z'))?.nextPhaseAt).toBeNull();
  });

  it('stays in the phase a match ended in', () => {
    const ended = { status: 'ended' as const, statusChangedAt: at('2026-03-15T00:00:00Z') };
    expect(phaseOf(ended, start, at('2030-01-01T00:00:00Z'))).toMatchObject({
      phase: 'initiation',
      month: 2,
      nextPhaseAt: null,
    });
  });
});
