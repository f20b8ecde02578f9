import fc from 'fast-check';
import { DeliveryTimeService } from './delivery-time.service';

const times = new DeliveryTimeService();

/**
 * The reference: no luxon, no date arithmetic at all. Every zone offset in use since 1970 is a
 * multiple of 15 minutes, so a local 09:00 always falls on a quarter hour of UTC; walk the
 * quarter hours from `due` and take the first one that Intl reads as 09:00 on a Monday to
 * Friday in the zone. Slow and obviously right, which is what a reference is for.
 */
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(at: number, zone: string): { weekday: string; hour: string; minute: string } {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
  return { weekday: parts['weekday']!, hour: parts['hour']!, minute: parts['minute']! };
}

function isWorkingMorning(at: number, zone: string): boolean {
  const { weekday, hour, minute } = wallClock(at, zone);
  return hour === '09' && minute === '00' && !['Sat', 'Sun'].includes(weekday);
}

/** The first working 09:00 at or after `due`; a week of quarter hours bounds the walk. */
function referenceDeliveryAt(due: Date, zone: string): Date {
  let at = Math.ceil(due.getTime() / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
  for (let step = 0; step < 7 * 96; step++, at += QUARTER_HOUR_MS)
    if (isWorkingMorning(at, zone)) return new Date(at);
  throw new Error(`no working 09:00 within a week of ${due.toISOString()} in ${zone}`);
}

/** The next working morning if it comes before the deadline, else the last one before it, else `due`. */
function referenceDeliveryBefore(due: Date, deadline: Date, zone: string): Date {
  const next = referenceDeliveryAt(due, zone);
  if (next < deadline) return next;
  let at = Math.floor((deadline.getTime() - 1) / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
  for (; at >= due.getTime(); at -= QUARTER_HOUR_MS) if (isWorkingMorning(at, zone)) return new Date(at);
  return due;
}

// Zones whose offsets are not whole hours, and zones with daylight-saving changes (north and
// south), drawn more often than the rest of the database.
const ODD_OFFSET_ZONES = [
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Tehran',
  'Asia/Kabul',
  'Asia/Yangon',
  'Australia/Adelaide',
  'Australia/Darwin',
  'Australia/Eucla',
  'Australia/Lord_Howe',
  'America/St_Johns',
  'Pacific/Chatham',
  'Pacific/Marquesas',
];
const DST_ZONES = [
  'Europe/Berlin',
  'Europe/London',
  'Europe/Paris',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'America/Santiago',
  'Australia/Sydney',
  'Pacific/Auckland',
  'America/Havana',
];
const zone = fc.oneof(
  fc.constantFrom(...ODD_OFFSET_ZONES),
  fc.constantFrom(...DST_ZONES),
  fc.constantFrom(...Intl.supportedValuesOf('timeZone')),
);

const MIN = Date.UTC(2000, 0, 1);
const MAX = Date.UTC(2037, 11, 31);
// Any instant, and instants in the weeks of the spring and autumn changes (both hemispheres).
const instant = fc.oneof(
  fc.integer({ min: MIN, max: MAX }),
  fc
    .record({
      year: fc.integer({ min: 2000, max: 2037 }),
      month: fc.constantFrom(2, 3, 9, 10), // March, April, October, November (0-based)
      day: fc.integer({ min: 1, max: 28 }),
      minute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
      second: fc.integer({ min: 0, max: 59 }),
    })
    .map(({ year, month, day, minute, second }) => Date.UTC(year, month, day, 0, minute, second)),
);

describe(DeliveryTimeService.name, () => {
  it('delivers at the first working 09:00 at or after the due instant, as a naive walk over the clock finds it', () => {
    fc.assert(
      fc.property(instant, zone, (dueMs, timeZone) => {
        const due = new Date(dueMs);
        expect(times.deliveryAt(due, timeZone).toISOString()).toBe(
          referenceDeliveryAt(due, timeZone).toISOString(),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('before a deadline, agrees with the reference: the next morning, else the last one before the deadline, else at once', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 5 * 24 * 60 }), zone, (dueMs, gapMinutes, timeZone) => {
        const due = new Date(dueMs);
        const deadline = new Date(dueMs + gapMinutes * 60_000);
        expect(times.deliveryBefore(due, deadline, timeZone).toISOString()).toBe(
          referenceDeliveryBefore(due, deadline, timeZone).toISOString(),
        );
      }),
      { numRuns: 300 },
    );
  });
});
