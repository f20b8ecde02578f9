import { placesFor } from './mentor-places.service';

describe(placesFor.name, () => {
  const oneToOne = { kind: 'one-to-one', defaultMentorCapacity: 2, groupSize: null };

  it('takes the profile’s capacity, else the program’s default', () => {
    expect(placesFor({ mentorCapacity: 5, pausedNow: false }, oneToOne)).toBe(5);
    expect(placesFor({ mentorCapacity: null, pausedNow: false }, oneToOne)).toBe(2);
    expect(placesFor({ mentorCapacity: 0, pausedNow: false }, oneToOne)).toBe(0);
  });

  it('gives none while paused, whatever the capacity', () => {
    expect(placesFor({ mentorCapacity: 5, pausedNow: true }, oneToOne)).toBe(0);
    expect(placesFor({ mentorCapacity: null, pausedNow: true }, oneToOne)).toBe(0);
  });

  it('counts a group program’s places as groups of its size', () => {
    const groups = { kind: 'group', defaultMentorCapacity: 1, groupSize: 6 };
    expect(placesFor({ mentorCapacity: 2, pausedNow: false }, groups)).toBe(12);
    expect(placesFor({ mentorCapacity: null, pausedNow: false }, groups)).toBe(6);
  });
});
