import { Injectable } from '@nestjs/common';
import { Clock } from '@mentorship/platform';
import { DateTime } from 'luxon';

/** Days as the organization counts them: `YYYY-MM-DD` in its zone. */
@Injectable()
export class AnalyticsDaysService {
  constructor(private readonly clock: Clock) {}

  /** The organization's today, in `timeZone`. */
  today(timeZone: string): string {
    return DateTime.fromJSDate(this.clock.now(), { zone: timeZone }).toISODate()!;
  }
}

/** `day` plus `days` (negative: minus), as a day. */
export function addDays(day: string, days: number): string {
  return DateTime.fromISO(day, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

/** Whole days from `from` to `to` (0 for the same day). */
export function daysBetween(from: string, to: string): number {
  return Math.round(
    DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days,
  );
}

/** A zone luxon (and so Postgres, from the same IANA database) knows. */
export function isKnownZone(timeZone: string): boolean {
  return DateTime.now().setZone(timeZone).isValid;
}

/** The days the analytics take: from 1900 to 2999 (Postgres has no year 0, people no use for them). */
export function isPlausibleDay(day: string): boolean {
  return day >= '1900-01-01' && day <= '2999-12-31';
}
