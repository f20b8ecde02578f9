import { describeWeek, emptyWeek, slotsToWeek, weekToSlots } from './availability-grid';

describe('weekly availability grid', () => {
  it('turns runs of free hours into one slot each, ending a day at 24:00', () => {
    const week = emptyWeek();
    week[0]![9] = true;
    week[0]![10] = true;
    week[0]![14] = true;
    week[6]![23] = true;
    expect(weekToSlots(week)).toEqual([
      { day: 0, start: '09:00', end: '11:00' },
      { day: 0, start: '14:00', end: '15:00' },
      { day: 6, start: '23:00', end: '24:00' },
    ]);
    expect(describeWeek(week)).toBe('Monday 09:00–11:00, Monday 14:00–15:00, Sunday 23:00–24:00');
  });

  it('reads stored slots back, past midnight and on quarter hours too', () => {
    const week = slotsToWeek([
      { day: 2, start: '18:30', end: '20:00' },
      { day: 6, start: '23:00', end: '01:00' },
    ]);
    expect(weekToSlots(week)).toEqual([
      { day: 0, start: '00:00', end: '01:00' },
      { day: 2, start: '18:00', end: '20:00' },
      { day: 6, start: '23:00', end: '24:00' },
    ]);
    expect(describeWeek(emptyWeek())).toBe('No free time set.');
  });
});
