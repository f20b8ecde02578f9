import { overlapQuarters, timeZoneGapMinutes, utcOffsetMinutes, weeklyUtcBitset } from './availability';
import { MatchingInputError } from './matching-input.error';

const quarters = (bits: Uint32Array): number[] => {
  const out: number[] = [];
  for (let q = 0; q < 672; q++) if (bits[q >>> 5] & (1 << (q & 31))) out.push(q);
  return out;
};

describe('availability', () => {
  it('reads the UTC offset at the reference date, so daylight saving is deterministic', () => {
    expect(utcOffsetMinutes('Europe/Berlin', '2024-01-15')).toBe(60);
    expect(utcOffsetMinutes('Europe/Berlin', '2024-07-15')).toBe(120);
    expect(utcOffsetMinutes('Asia/Kolkata', '2024-01-15')).toBe(330);
    expect(utcOffsetMinutes('America/New_York', '2024-01-15')).toBe(-300);
    expect(utcOffsetMinutes('UTC', '2024-01-15')).toBe(0);
  });

  it('converts local slots to UTC quarter-hours of the week', () => {
    // Monday 09:00-10:00 in Berlin (UTC+1 in January) is Monday 08:00-09:00 UTC: quarters 32..35.
    expect(
      quarters(weeklyUtcBitset([{ day: 0, start: '09:00', end: '10:00' }], 'Europe/Berlin', '2024-01-15')),
    ).toEqual([32, 33, 34, 35]);
    // Monday 00:30-01:00 in Kolkata (UTC+5:30) is Sunday 19:00-19:30 UTC: wraps to the end of the week.
    expect(
      quarters(weeklyUtcBitset([{ day: 0, start: '00:30', end: '01:00' }], 'Asia/Kolkata', '2024-01-15')),
    ).toEqual([6 * 96 + 76, 6 * 96 + 77]);
  });

  it('runs a slot past midnight when it ends before it starts', () => {
    const bits = weeklyUtcBitset([{ day: 6, start: '23:30', end: '00:30' }], 'UTC', '2024-01-15');
    expect(quarters(bits)).toEqual([0, 1, 670, 671]);
  });

  it('measures the overlap of a London and a New York calendar', () => {
    const london = weeklyUtcBitset([{ day: 2, start: '14:00', end: '18:00' }], 'Europe/London', '2024-01-15');
    const newYork = weeklyUtcBitset(
      [{ day: 2, start: '09:00', end: '12:30' }],
      'America/New_York',
      '2024-01-15',
    );
    // New York 09:00-12:30 = 14:00-17:30 UTC: 3.5 h in common.
    expect(overlapQuarters(london, newYork)).toBe(14);
  });

  it('measures time-zone gaps on the clock', () => {
    expect(timeZoneGapMinutes(60, -300)).toBe(360);
    expect(timeZoneGapMinutes(720, -660)).toBe(60);
  });

  it('rejects unknown zones and malformed times', () => {
    expect(() => utcOffsetMinutes('Mars/Olympus', '2024-01-15')).toThrow(MatchingInputError);
    expect(() => weeklyUtcBitset([{ day: 0, start: '9:00', end: '10:00' }], 'UTC', '2024-01-15')).toThrow(
      /HH:MM/,
    );
    expect(() => weeklyUtcBitset([{ day: 7, start: '09:00', end: '10:00' }], 'UTC', '2024-01-15')).toThrow(
      /weekday/,
    );
  });
});
