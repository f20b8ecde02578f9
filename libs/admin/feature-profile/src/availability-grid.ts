import type { AvailabilitySlotView } from '@mentorship/contracts';

export const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
export const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** The week as 7 days (0 = Monday, as the API counts) of 24 hours; true where the person is free. */
export type WeekGrid = boolean[][];

export function emptyWeek(): WeekGrid {
  return DAYS.map(() => HOURS.map(() => false));
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/**
 * The hours a slot touches. Slots are on quarter hours, the grid is hourly: an hour counts as
 * free when any part of it is. A slot whose end is at or before its start runs past midnight.
 */
export function slotsToWeek(slots: readonly AvailabilitySlotView[]): WeekGrid {
  const week = emptyWeek();
  for (const { day, start, end } of slots) {
    const from = day * 1440 + minutesOf(start);
    let to = day * 1440 + minutesOf(end);
    if (to <= from) to += 1440;
    for (let minute = from - (from % 60); minute < to; minute += 60) {
      const hourOfWeek = Math.floor(minute / 60) % (7 * 24);
      const row = week[Math.floor(hourOfWeek / 24)];
      if (row) row[hourOfWeek % 24] = true;
    }
  }
  return week;
}

const hh = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** Free hours back into slots: each run of hours within a day is one slot (`24:00` ends a day). */
export function weekToSlots(week: WeekGrid): AvailabilitySlotView[] {
  const slots: AvailabilitySlotView[] = [];
  week.forEach((hours, day) => {
    let start: number | null = null;
    hours.forEach((free, hour) => {
      if (free && start === null) start = hour;
      if (!free && start !== null) {
        slots.push({ day, start: hh(start), end: hh(hour) });
        start = null;
      }
    });
    if (start !== null) slots.push({ day, start: hh(start), end: '24:00' });
  });
  return slots;
}

/** "Monday 09:00–12:00, Wednesday 14:00–16:00": the grid in words, for screen readers and a summary. */
export function describeWeek(week: WeekGrid): string {
  const slots = weekToSlots(week);
  if (slots.length === 0) return 'No free time set.';
  return slots.map((slot) => `${DAYS[slot.day]} ${slot.start}–${slot.end}`).join(', ');
}
