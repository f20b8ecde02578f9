/*
 * Preferences in the stable mode come from the pair scores: a mentee prefers the mentor with more
 * points, a mentor the mentee with more points; ties go to the lower position (positions follow ids).
 * Fixed pairs sit outside the market: their mentees do not move and their seats are not offered.
 */

/** True when mentee `i` prefers the pair (points a, mentor ja) to (points b, mentor jb). */
export const menteePrefers = (a: number, ja: number, b: number, jb: number): boolean =>
  a > b || (a === b && ja < jb);

/** True when a mentor prefers the pair (points a, mentee ia) to (points b, mentee ib). */
export const mentorPrefers = (a: number, ia: number, b: number, ib: number): boolean =>
  a > b || (a === b && ia < ib);
