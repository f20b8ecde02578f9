import { MatchingInputError } from './matching-input.error';
import type { WeeklySlot } from './profile';

/** Availability is kept at quarter-hour resolution: 7 days x 96 quarters = 672 bits. */
export const QUARTERS_PER_WEEK = 7 * 96;
export const WEEK_WORDS = QUARTERS_PER_WEEK / 32;
const MINUTES_PER_WEEK = 7 * 24 * 60;

const offsetCache = new Map<string, number>();

/**
 * UTC offset of `timeZone` in minutes (east positive) at noon UTC of `referenceDate`.
 * One offset per zone and reference date: a person's weekly pattern is read in a fixed week, so the
 * same profile always gives the same UTC bitset, whatever today's daylight-saving state is.
 */
export function utcOffsetMinutes(timeZone: string, referenceDate: string): number {
  const key = `${timeZone}|${referenceDate}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  let name: string | undefined;
  try {
    name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(new Date(`${referenceDate}T12:00:00Z`))
      .find((p) => p.type === 'timeZoneName')?.value;
  } catch {
    throw new MatchingInputError('invalid-profile', `unknown time zone "${timeZone}"`);
  }
  const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name ?? '');
  if (!m) throw new MatchingInputError('invalid-profile', `cannot read the UTC offset of "${timeZone}"`);
  const offset = m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  offsetCache.set(key, offset);
  return offset;
}

function parseTime(value: string, allow24: boolean): number {
  const m = /^(\d{2}):(\d{2})$/.exec(value);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!m || Number(m[2]) > 59 || minutes > (allow24 ? 1440 : 1439)) {
    throw new MatchingInputError('invalid-profile', `invalid time "${value}", expected HH:MM`);
  }
  return minutes;
}

/**
 * Weekly slots in local time -> bitset of UTC quarter-hours of the week (bit q = Monday 00:00 UTC + 15q min).
 * Only quarters lying entirely inside a slot count, so overlap is never overstated.
 */
export function weeklyUtcBitset(
  slots: readonly WeeklySlot[],
  timeZone: string,
  referenceDate: string,
): Uint32Array {
  const bits = new Uint32Array(WEEK_WORDS);
  const offset = utcOffsetMinutes(timeZone, referenceDate);
  for (const slot of slots) {
    if (!Number.isInteger(slot.day) || slot.day < 0 || slot.day > 6) {
      throw new MatchingInputError('invalid-profile', `invalid weekday ${slot.day}, expected 0 (Monday)..6`);
    }
    const start = parseTime(slot.start, false);
    let end = parseTime(slot.end, true);
    if (end <= start) end += 1440;
    const localStart = slot.day * 1440 + start;
    const firstQuarter = Math.ceil(localStart / 15);
    const lastQuarter = Math.floor((slot.day * 1440 + end) / 15);
    for (let q = firstQuarter; q < lastQuarter; q++) {
      const utcMinute = (((q * 15 - offset) % MINUTES_PER_WEEK) + MINUTES_PER_WEEK) % MINUTES_PER_WEEK;
      // Offsets that are not whole quarters (none in current tz data) round down to the quarter.
      const utcQuarter = Math.floor(utcMinute / 15);
      bits[utcQuarter >>> 5] |= 1 << (utcQuarter & 31);
    }
  }
  return bits;
}

export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Common quarter-hours of two weekly bitsets. */
export function overlapQuarters(a: Uint32Array, b: Uint32Array): number {
  let count = 0;
  for (let i = 0; i < WEEK_WORDS; i++) count += popcount32(a[i] & b[i]);
  return count;
}

/** Circular gap between two UTC offsets in minutes: +12:00 and -11:00 are one hour apart on the clock. */
export function timeZoneGapMinutes(offsetA: number, offsetB: number): number {
  const d = Math.abs(offsetA - offsetB) % 1440;
  return Math.min(d, 1440 - d);
}
