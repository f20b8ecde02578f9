import fc from 'fast-check';
import { DateTime } from 'luxon';
import { DeliveryTimeService } from './delivery-time.service';

const times = new DeliveryTimeService();

/** The delivery instant as the recipient's wall clock and offset, e.g. "2026-03-30 Mon 09:00 +02:00". */
function localDelivery(dueIso: string, zone: string): string {
  const at = times.deliveryAt(new Date(dueIso), zone);
  return DateTime.fromJSDate(at, { zone }).toFormat('yyyy-MM-dd ccc HH:mm ZZ');
}

describe('DeliveryTimeService: 09:00 in the recipient’s zone, on a working day', () => {
  it('delivers the same morning when it comes due before 09:00 there', () => {
    // 06:00 UTC is 07:00 in Berlin on a winter Tuesday.
    expect(localDelivery('2026-01-13T06:00:00Z', 'Europe/Berlin')).toBe('2026-01-13 Tue 09:00 +01:00');
  });

  it('waits for the next working morning when 09:00 has passed, and skips the weekend', () => {
    expect(localDelivery('2026-01-13T12:00:00Z', 'Europe/Berlin')).toBe('2026-01-14 Wed 09:00 +01:00');
    // Friday afternoon in New York: Monday morning.
    expect(localDelivery('2026-01-16T20:00:00Z', 'America/New_York')).toBe('2026-01-19 Mon 09:00 -05:00');
    // Due on a Saturday morning: Monday.
    expect(localDelivery('2026-01-17T05:00:00Z', 'Europe/London')).toBe('2026-01-19 Mon 09:00 +00:00');
  });

  it('delivers at exactly 09:00 when it comes due at 09:00', () => {
    expect(localDelivery('2026-01-13T08:00:00Z', 'Europe/Berlin')).toBe('2026-01-13 Tue 09:00 +01:00');
  });

  it('keeps 09:00 across Europe’s March and October changes', () => {
    // Clocks go forward in the night to Sunday 29 March 2026: due Friday evening, Monday 09:00 CEST.
    expect(localDelivery('2026-03-27T18:00:00Z', 'Europe/Berlin')).toBe('2026-03-30 Mon 09:00 +02:00');
    expect(times.deliveryAt(new Date('2026-03-27T18:00:00Z'), 'Europe/Berlin').toISOString()).toBe(
      '2026-03-30T07:00:00.000Z',
    );
    // Clocks go back in the night to Sunday 25 October 2026: Monday 09:00 CET is 08:00 UTC.
    expect(times.deliveryAt(new Date('2026-10-23T18:00:00Z'), 'Europe/Paris').toISOString()).toBe(
      '2026-10-26T08:00:00.000Z',
    );
  });

  it('keeps 09:00 across the US March and November changes', () => {
    // Forward on Sunday 8 March 2026; back on Sunday 1 November 2026.
    expect(times.deliveryAt(new Date('2026-03-06T23:00:00Z'), 'America/Los_Angeles').toISOString()).toBe(
      '2026-03-09T16:00:00.000Z',
    );
    expect(times.deliveryAt(new Date('2026-10-30T23:00:00Z'), 'America/Chicago').toISOString()).toBe(
      '2026-11-02T15:00:00.000Z',
    );
    // Due in the night of the change itself (01:30 EST, after clocks went back): 09:00 EST Monday.
    expect(localDelivery('2026-11-01T06:30:00Z', 'America/New_York')).toBe('2026-11-02 Mon 09:00 -05:00');
  });

  it('gives zones with 30- and 45-minute offsets their own 09:00', () => {
    expect(times.deliveryAt(new Date('2026-01-13T00:00:00Z'), 'Asia/Kolkata').toISOString()).toBe(
      '2026-01-13T03:30:00.000Z',
    );
    expect(times.deliveryAt(new Date('2026-01-13T00:00:00Z'), 'Asia/Kathmandu').toISOString()).toBe(
      '2026-01-13T03:15:00.000Z',
    );
    // Adelaide is +10:30 in its summer (January) and +09:30 in winter (July).
    expect(localDelivery('2026-01-12T20:00:00Z', 'Australia/Adelaide')).toBe('2026-01-13 Tue 09:00 +10:30');
    expect(localDelivery('2026-07-13T20:00:00Z', 'Australia/Adelaide')).toBe('2026-07-14 Tue 09:00 +09:30');
    // Chatham, +13:45 in its summer: 09:00 there is 19:15 UTC the day before.
    expect(times.deliveryAt(new Date('2026-01-12T12:00:00Z'), 'Pacific/Chatham').toISOString()).toBe(
      '2026-01-12T19:15:00.000Z',
    );
  });

  it('never delivers before the reminder is due, whatever the zone', () => {
    const zones = [
      'UTC',
      'Europe/Berlin',
      'America/New_York',
      'Asia/Kathmandu',
      'Pacific/Chatham',
      'Pacific/Kiritimati',
    ];
    for (let hour = 0; hour < 24 * 9; hour += 7) {
      const due = new Date(Date.UTC(2026, 2, 25, hour, 13));
      for (const zone of zones) {
        const at = times.deliveryAt(due, zone);
        const local = DateTime.fromJSDate(at, { zone });
        expect(at.getTime()).toBeGreaterThanOrEqual(due.getTime());
        expect([local.hour, local.minute, local.weekday <= 5]).toEqual([9, 0, true]);
        // The first such morning: no working morning at 09:00 lies between `due` and `at`.
        expect(at.getTime() - due.getTime()).toBeLessThanOrEqual(3 * 24 * 3600_000 + 3600_000);
      }
    }
  });

  it('falls back to UTC for a missing or unknown zone instead of losing the reminder', () => {
    expect(times.deliveryAt(new Date('2026-01-13T06:00:00Z'), null).toISOString()).toBe(
      '2026-01-13T09:00:00.000Z',
    );
    expect(times.deliveryAt(new Date('2026-01-13T06:00:00Z'), 'Mars/Olympus').toISOString()).toBe(
      '2026-01-13T09:00:00.000Z',
    );
  });

  describe('before a deadline (a request about to expire)', () => {
    const before = (dueIso: string, deadlineIso: string, zone: string) =>
      DateTime.fromJSDate(times.deliveryBefore(new Date(dueIso), new Date(deadlineIso), zone), {
        zone,
      }).toFormat('yyyy-MM-dd ccc HH:mm');

    it('keeps the next working morning when it comes before the deadline', () => {
      expect(before('2026-01-12T14:00:00Z', '2026-01-14T14:00:00Z', 'Europe/London')).toBe(
        '2026-01-13 Tue 09:00',
      );
    });

    it('takes the last working morning before the deadline when the next one is after it', () => {
      // Due Friday evening, the deadline Monday 15:00: Monday 09:00, not Tuesday.
      expect(before('2026-01-16T18:00:00Z', '2026-01-19T15:00:00Z', 'Europe/London')).toBe(
        '2026-01-19 Mon 09:00',
      );
      // Due Monday 10:00, deadline Monday 18:00 (no morning left between): at once.
      expect(
        times
          .deliveryBefore(new Date('2026-01-19T10:00:00Z'), new Date('2026-01-19T18:00:00Z'), 'Europe/London')
          .toISOString(),
      ).toBe('2026-01-19T10:00:00.000Z');
    });

    it('never delivers after the deadline nor before it is due', () => {
      for (let hour = 0; hour < 24 * 8; hour += 5) {
        const due = new Date(Date.UTC(2026, 9, 20, hour, 7));
        for (const gapHours of [1, 9, 23, 30, 50, 80]) {
          const deadline = new Date(due.getTime() + gapHours * 3600_000);
          for (const zone of ['Europe/Paris', 'America/New_York', 'Asia/Kathmandu', 'Pacific/Chatham']) {
            const at = times.deliveryBefore(due, deadline, zone).getTime();
            expect(at).toBeGreaterThanOrEqual(due.getTime());
            expect(at).toBeLessThan(deadline.getTime());
          }
        }
      }
    });
  });
});

// ---- Property tests: random zones and instants against a reference that knows no date arithmetic.

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

describe(`${DeliveryTimeService.name} against a naive reference (property tests)`, () => {
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
