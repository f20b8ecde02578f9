import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';

/** The morning hour reminders arrive at, in the recipient's own time zone. */
export const DELIVERY_HOUR = 9;

/** ISO weekdays (Monday 1 … Sunday 7) people work on; reminders wait for the next of these. */
const WORKING_DAYS: ReadonlySet<number> = new Set([1, 2, 3, 4, 5]);

/** The recipient's zone as luxon takes it; none or an unknown one: UTC (a reminder is never lost). */
function zoneOf(timeZone: string | null | undefined): string {
  return timeZone && DateTime.now().setZone(timeZone).isValid ? timeZone : 'UTC';
}

/** Midnight at the start of `day` (YYYY-MM-DD) in the recipient's zone: when a dated rule comes due. */
export function startOfLocalDay(day: string, timeZone: string | null | undefined): Date {
  return DateTime.fromISO(day, { zone: zoneOf(timeZone) })
    .startOf('day')
    .toJSDate();
}

/** A moment's day as the recipient reads it in their own zone, for texts ("14 March 2027"). */
export function readableDay(at: Date, timeZone: string | null | undefined): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: zoneOf(timeZone) }).format(at);
}

/**
 * When a reminder that comes due at `due` reaches a person in `timeZone`: 09:00 on the day it is
 * due there, or, when that morning has passed (or is a weekend), 09:00 on the next working day.
 *
 * The day and hour are taken in the recipient's zone with its rules of that date (luxon over
 * Intl), so a reminder due the week of a daylight-saving change still arrives at 09:00 local,
 * and zones with 30- or 45-minute offsets (India, Nepal, Adelaide, Chatham) get their own 09:00.
 * 09:00 exists on every day in every zone (changes happen at night), so no morning is skipped.
 * An unknown zone falls back to UTC rather than losing the reminder.
 */
@Injectable()
export class DeliveryTimeService {
  deliveryAt(due: Date, timeZone: string | null | undefined): Date {
    const zone = zoneOf(timeZone);
    const dueThere = DateTime.fromJSDate(due, { zone });
    let morning = dueThere.set({ hour: DELIVERY_HOUR, minute: 0, second: 0, millisecond: 0 });
    if (morning < dueThere) morning = morning.plus({ days: 1 });
    while (!WORKING_DAYS.has(morning.weekday)) morning = morning.plus({ days: 1 });
    // plus({ days }) keeps the wall-clock time across a change of offset: still 09:00 there.
    return morning.toJSDate();
  }

  /**
   * The same, for a reminder that is worthless after `deadline` (a request about to expire): the
   * morning after `due` when that comes before the deadline; else the last working morning
   * between `due` and the deadline; else, with no such morning left, `due` itself (late in the
   * evening beats after the deadline).
   */
  deliveryBefore(due: Date, deadline: Date, timeZone: string | null | undefined): Date {
    const morning = this.deliveryAt(due, timeZone);
    if (morning < deadline) return morning;
    const zone = zoneOf(timeZone);
    let candidate = DateTime.fromJSDate(deadline, { zone }).set({
      hour: DELIVERY_HOUR,
      minute: 0,
      second: 0,
      millisecond: 0,
    });
    const earliest = DateTime.fromJSDate(due, { zone });
    while (candidate >= earliest) {
      if (candidate.toJSDate() < deadline && WORKING_DAYS.has(candidate.weekday)) return candidate.toJSDate();
      candidate = candidate.minus({ days: 1 });
    }
    return due;
  }
}
