/**
 * The values a profile holds, judged the way the matching engine will read them: time zones,
 * languages and weekly availability. Pure functions (no state to inject): DTO validators and
 * the participant CSV import share them.
 */
import type { FieldProblem } from '@mentorship/contracts';

/**
 * The IANA zone as the platform's time-zone data knows it (`europe/berlin` -> `Europe/Berlin`),
 * or null for a zone it does not know. Intl is the judge, so a name is accepted exactly when
 * availability can be converted from it. Links the data renames (`Asia/Kolkata` is kept as
 * `Asia/Calcutta` by ICU) are kept as written.
 */
export function canonicalTimeZone(input: string): string | null {
  if (input.trim() !== input || input.length === 0 || input.length > 64) return null;
  const known = ZONES_SEEN.get(input);
  if (known !== undefined) return known;
  let zone: string | null;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: input }).resolvedOptions().timeZone;
    zone = resolved.toLowerCase() === input.toLowerCase() ? resolved : input;
  } catch {
    zone = null;
  }
  // A file of 10,000 rows names a handful of zones: building a DateTimeFormat per row was most of
  // an import's validation time. Bounded, so a stream of made-up names cannot grow it.
  if (ZONES_SEEN.size < 2_000) ZONES_SEEN.set(input, zone);
  return zone;
}

/** Answers of canonicalTimeZone by input, as spelled. */
const ZONES_SEEN = new Map<string, string | null>();

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
const LANGUAGE_CODE = /^[a-z]{2,3}$/i;

/** English names of the two-letter ISO 639-1 codes ("german" -> "de"), for HR files that spell them out. */
const CODE_OF_NAME: ReadonlyMap<string, string> = (() => {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const map = new Map<string, string>();
  for (const first of letters)
    for (const second of letters) {
      const code = first + second;
      const name = languageNames.of(code);
      if (name && name.toLowerCase() !== code) map.set(name.toLowerCase(), code);
    }
  return map;
})();

/**
 * The ISO 639 code of a language given as a code (`en`, `DE`, `fil`) or by its English name
 * (`German`), or null for one the platform's language data does not know. Only the language,
 * no region: matching compares languages, and `pt-BR` speakers understand `pt` speakers.
 */
export function languageCode(input: string): string | null {
  const trimmed = input.trim();
  if (LANGUAGE_CODE.test(trimmed)) {
    const code = trimmed.toLowerCase();
    const name = languageNames.of(code);
    return name && name.toLowerCase() !== code ? code : null;
  }
  return CODE_OF_NAME.get(trimmed.toLowerCase()) ?? null;
}

/**
 * Profile fields as an import gives them, already checked (canonical zone, language codes,
 * catalogue skill ids): only the fields a row fills are set. `skills` are offered for a mentor,
 * wanted (as target levels) for a mentee.
 */
export interface ImportedProfile {
  timeZone?: string;
  languages?: string[];
  department?: string;
  managerEmail?: string;
  mentorCapacity?: number;
  skills?: { skillId: string; level: number }[];
}

/**
 * A recurring weekly window in the person's own time zone, as the matching engine reads it:
 * `day` 0 = Monday .. 6 = Sunday, `start`/`end` "HH:MM" on quarter hours; `end` "24:00" ends
 * the day, an end at or before the start runs past midnight.
 */
export interface AvailabilitySlot {
  day: number;
  start: string;
  end: string;
}

const QUARTER_TIME = /^([01]\d|2[0-3]):(00|15|30|45)$/;
const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

/** Minutes since midnight of a valid "HH:MM" on a quarter hour ("24:00" too when `end`), else null. */
export function quarterTimeMinutes(value: string, end: boolean): number | null {
  if (end && value === '24:00') return MINUTES_PER_DAY;
  const match = QUARTER_TIME.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** The slot as minutes of the week [from, to), `to` past the week's end when it wraps Sunday night. */
function weekMinutes(day: number, start: number, end: number): [number, number] {
  const from = day * MINUTES_PER_DAY + start;
  return [from, day * MINUTES_PER_DAY + (end <= start ? end + MINUTES_PER_DAY : end)];
}

function overlap(a: [number, number], b: [number, number]): boolean {
  // Compare on the week's circle: a slot running past Sunday midnight continues on Monday.
  for (const shift of [-MINUTES_PER_WEEK, 0, MINUTES_PER_WEEK])
    if (a[0] < b[1] + shift && b[0] + shift < a[1]) return true;
  return false;
}

/**
 * What is wrong with a week of slots, field by field (`availability.2`): a slot must be well
 * formed, and no two may overlap, also across midnight and from Sunday into Monday.
 */
export function availabilityProblems(slots: unknown, field = 'availability'): FieldProblem[] {
  if (!Array.isArray(slots)) return [{ field, problems: [`${field} must be a list of weekly slots`] }];
  const problems: FieldProblem[] = [];
  const valid: { index: number; minutes: [number, number] }[] = [];
  (slots as unknown[]).forEach((item, index) => {
    if (item === null || typeof item !== 'object') {
      problems.push({ field: `${field}.${index}`, problems: ['must be a slot { day, start, end }'] });
      return;
    }
    const { day, start, end } = item as AvailabilitySlot;
    const startMinutes = typeof start === 'string' ? quarterTimeMinutes(start, false) : null;
    const endMinutes = typeof end === 'string' ? quarterTimeMinutes(end, true) : null;
    const own: string[] = [];
    if (!Number.isInteger(day) || day < 0 || day > 6) own.push('day must be 0 (Monday) to 6 (Sunday)');
    if (startMinutes === null) own.push('start must be HH:MM on a quarter hour (00, 15, 30, 45)');
    if (endMinutes === null) own.push('end must be HH:MM on a quarter hour, or 24:00');
    if (startMinutes === null || endMinutes === null || own.length > 0) {
      problems.push({ field: `${field}.${index}`, problems: own });
      return;
    }
    const minutes = weekMinutes(day, startMinutes, endMinutes);
    const clash = valid.find((other) => overlap(other.minutes, minutes));
    if (clash) problems.push({ field: `${field}.${index}`, problems: [`overlaps ${field}.${clash.index}`] });
    valid.push({ index, minutes });
  });
  return problems;
}
