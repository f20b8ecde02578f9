import {
  FIELD_LIMITS,
  MAX_MENTOR_CAPACITY,
  PARTICIPANT_ROLES,
  SKILL_LEVEL,
  type ParticipantRole,
} from '@mentorship/contracts';
import type { CsvColumn, CsvRecord } from '@mentorship/csv';
import { normalizeEmail } from '@mentorship/identity';
import { canonicalTimeZone, languageCode, type ImportedProfile } from '@mentorship/people';
import { isEmail } from 'class-validator';
import type { ImportedParticipant } from './entities/participant-import-row.entity';

/**
 * The columns of a participant file, under the names HR exports give them. Reading the file
 * and judging each row are pure rules (no state to inject); what the rules need from the
 * database (the catalogue's skills, who has a place already) is handed in.
 */
export const PARTICIPANT_COLUMNS: readonly CsvColumn[] = [
  { name: 'email', aliases: ['e-mail', 'email address', 'mail', 'work email'], required: true },
  { name: 'name', aliases: ['full name', 'display name', 'employee name'], required: true },
  { name: 'role', aliases: ['participant role', 'program role'], required: true },
  { name: 'skills', aliases: ['skill levels', 'skill'] },
  { name: 'time_zone', aliases: ['timezone', 'tz'] },
  { name: 'languages', aliases: ['language', 'spoken languages'] },
  { name: 'department', aliases: ['dept', 'team', 'business unit'] },
  { name: 'manager_email', aliases: ['manager', 'manager e-mail', 'line manager'] },
  { name: 'capacity', aliases: ['mentor capacity', 'max mentees'] },
];

/** Lists inside a cell: `Go:3|Rust:2`, `en;de` or `en, de` (a comma needs the cell quoted in a comma file). */
const LIST_SEPARATOR = /[|;,]/;
const SKILL_WITH_LEVEL = /^(.+?)\s*[:=]\s*(\S*)$/;

export interface CheckedRow {
  line: number;
  valid: boolean;
  email: string | null;
  name: string | null;
  role: ParticipantRole | null;
  /** Every reason the row cannot be imported, in the order of its columns. */
  reasons: string[];
  participant: ImportedParticipant | null;
}

export interface RowContext {
  /** The catalogue's active skills, by the name as the file spells it. */
  skillsByName: ReadonlyMap<string, { id: string; name: string }>;
  /** Addresses that have a place in the cohort already. */
  inCohort: ReadonlySet<string>;
}

const listOf = (cell: string) =>
  cell
    .split(LIST_SEPARATOR)
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** The skill names the file mentions, to look up in the catalogue in one query. */
export function skillNamesIn(records: readonly CsvRecord[]): string[] {
  const names = new Set<string>();
  for (const record of records)
    for (const item of listOf(record.values['skills'] ?? ''))
      names.add(SKILL_WITH_LEVEL.exec(item)?.[1] ?? item);
  return [...names];
}

/**
 * Judges every row: what a valid row imports, or every reason a row is refused (a duplicate
 * address, an unknown skill, a bad level, an unknown time zone, ...), each with its line.
 */
export function checkParticipantRows(records: readonly CsvRecord[], context: RowContext): CheckedRow[] {
  const firstLineOf = new Map<string, number>();
  return records.map((record) => {
    const reasons: string[] = [];
    const cell = (column: string) => record.values[column] ?? '';
    if (record.fieldCountMismatch)
      reasons.push(
        `expected ${record.fieldCountMismatch.expected} fields, found ${record.fieldCountMismatch.found} (quote a value that contains the separator)`,
      );

    const email = normalizeEmail(cell('email'));
    if (email === '') reasons.push('email is empty');
    else if (email.length > FIELD_LIMITS.email.max || !isEmail(email))
      reasons.push(`"${cell('email')}" is not an email address`);
    else if (firstLineOf.has(email))
      reasons.push(`duplicate email: ${email} is on line ${firstLineOf.get(email)} already`);
    else if (context.inCohort.has(email)) reasons.push(`${email} has a place in this cohort already`);
    if (email !== '' && !firstLineOf.has(email)) firstLineOf.set(email, record.line);

    const name = cell('name');
    if (name === '') reasons.push('name is empty');
    else if (name.length > FIELD_LIMITS.displayName.max)
      reasons.push(`name has more than ${FIELD_LIMITS.displayName.max} characters`);

    const role = cell('role').toLowerCase() as ParticipantRole;
    if (!PARTICIPANT_ROLES.includes(role))
      reasons.push(`role must be mentor or mentee, not "${cell('role')}"`);

    const profile = profileOf(record, role, context, reasons);
    const valid = reasons.length === 0;
    return {
      line: record.line,
      valid,
      email: email || null,
      name: name || null,
      role: PARTICIPANT_ROLES.includes(role) ? role : null,
      reasons,
      participant: valid ? { email, name, role, profile } : null,
    };
  });
}

/** The optional profile columns of a row, adding to `reasons` what is wrong with them. */
function profileOf(
  record: CsvRecord,
  role: ParticipantRole,
  context: RowContext,
  reasons: string[],
): ImportedProfile {
  const cell = (column: string) => record.values[column] ?? '';
  const profile: ImportedProfile = {};

  if (cell('skills') !== '') {
    const skills = new Map<string, number>();
    for (const item of listOf(cell('skills'))) {
      const match = SKILL_WITH_LEVEL.exec(item);
      const skillName = match?.[1] ?? item;
      const skill = context.skillsByName.get(skillName);
      if (!skill) reasons.push(`unknown skill "${skillName}"`);
      if (!match) {
        reasons.push(`skill "${skillName}" has no level (write ${skillName}:3)`);
        continue;
      }
      const level = Number(match[2]);
      if (!/^\d$/.test(match[2] ?? '') || level < SKILL_LEVEL.min || level > SKILL_LEVEL.max)
        reasons.push(
          `level of "${skillName}" must be ${SKILL_LEVEL.min} to ${SKILL_LEVEL.max}, not "${match[2]}"`,
        );
      else if (skill && skills.has(skill.id)) reasons.push(`skill "${skillName}" is listed twice`);
      else if (skill) skills.set(skill.id, level);
    }
    profile.skills = [...skills].map(([skillId, level]) => ({ skillId, level }));
  }

  if (cell('time_zone') !== '') {
    const zone = canonicalTimeZone(cell('time_zone'));
    if (zone) profile.timeZone = zone;
    else reasons.push(`unknown time zone "${cell('time_zone')}" (use an IANA name such as Europe/Berlin)`);
  }

  if (cell('languages') !== '') {
    const codes: string[] = [];
    for (const language of listOf(cell('languages'))) {
      const code = languageCode(language);
      if (code) codes.push(code);
      else reasons.push(`unknown language "${language}"`);
    }
    profile.languages = [...new Set(codes)];
  }

  if (cell('department') !== '') {
    if (cell('department').length > FIELD_LIMITS.profileText.max)
      reasons.push(`department has more than ${FIELD_LIMITS.profileText.max} characters`);
    else profile.department = cell('department');
  }

  if (cell('manager_email') !== '') {
    const manager = normalizeEmail(cell('manager_email'));
    if (isEmail(manager) && manager.length <= FIELD_LIMITS.email.max) profile.managerEmail = manager;
    else reasons.push(`manager email "${cell('manager_email')}" is not an email address`);
  }

  if (cell('capacity') !== '') {
    const capacity = Number(cell('capacity'));
    if (role === 'mentee') reasons.push('capacity is for mentors; leave it empty for a mentee');
    else if (!/^\d{1,2}$/.test(cell('capacity')) || capacity > MAX_MENTOR_CAPACITY)
      reasons.push(
        `capacity must be a whole number from 0 to ${MAX_MENTOR_CAPACITY}, not "${cell('capacity')}"`,
      );
    else profile.mentorCapacity = capacity;
  }
  return profile;
}
