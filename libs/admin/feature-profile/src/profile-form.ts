import { NonNullableFormBuilder, Validators } from '@angular/forms';
import {
  FIELD_LIMITS,
  MAX_MENTOR_CAPACITY,
  SKILL_LEVEL,
  type MentorType,
  type ProfileView,
  type UpdateProfileRequest,
} from '@mentorship/contracts';
import { slotsToWeek, weekToSlots, type WeekGrid } from './availability-grid';

/**
 * The profile form. Controls are named as the API's fields (`offeredSkills.0.level`), so a
 * refusal lands on its field.
 */
export function buildProfileForm(fb: NonNullableFormBuilder) {
  return fb.group({
    timeZone: fb.control<string | null>(null),
    languages: [''],
    department: ['', Validators.maxLength(FIELD_LIMITS.profileText.max)],
    seniority: fb.control<number | null>(null),
    mentorCapacity: fb.control<number | null>(null, [Validators.min(0), Validators.max(MAX_MENTOR_CAPACITY)]),
    paused: [false],
    pauseEndsOn: [''],
    offeredMentorTypes: fb.control<MentorType[]>([]),
    wantedMentorTypes: fb.control<MentorType[]>([]),
    topics: [''],
    goals: [''],
    offeredSkills: fb.array<ReturnType<typeof offeredSkillRow>>([]),
    wantedSkills: fb.array<ReturnType<typeof wantedSkillRow>>([]),
  });
}

const levelValidators = [
  Validators.required,
  Validators.min(SKILL_LEVEL.min),
  Validators.max(SKILL_LEVEL.max),
];

/** A skill a mentor offers, at their own level. */
export function offeredSkillRow(fb: NonNullableFormBuilder, skillId = '', level = 3) {
  return fb.group({ skillId: [skillId, Validators.required], level: [level, levelValidators] });
}

/** A skill a mentee wants to grow, with the level they aim for. */
export function wantedSkillRow(fb: NonNullableFormBuilder, skillId = '', targetLevel = 3) {
  return fb.group({ skillId: [skillId, Validators.required], targetLevel: [targetLevel, levelValidators] });
}

export type ProfileForm = ReturnType<typeof buildProfileForm>;

const list = (text: string, separator: RegExp) =>
  text
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

/** Fills the form (and gives the week) from the stored profile. */
export function fillProfileForm(
  fb: NonNullableFormBuilder,
  form: ProfileForm,
  profile: ProfileView,
  fallbackTimeZone: string,
): WeekGrid {
  form.controls.offeredSkills.clear();
  for (const skill of profile.offeredSkills)
    form.controls.offeredSkills.push(offeredSkillRow(fb, skill.skillId, skill.level));
  form.controls.wantedSkills.clear();
  for (const skill of profile.wantedSkills)
    form.controls.wantedSkills.push(wantedSkillRow(fb, skill.skillId, skill.targetLevel));
  form.reset({
    timeZone: profile.timeZone ?? fallbackTimeZone,
    languages: profile.languages.join(', '),
    department: profile.department ?? '',
    seniority: profile.seniority,
    mentorCapacity: profile.mentorCapacity,
    paused: profile.paused,
    pauseEndsOn: profile.pauseEndsOn ?? '',
    offeredMentorTypes: profile.offeredMentorTypes,
    wantedMentorTypes: profile.wantedMentorTypes,
    topics: profile.topics.join(', '),
    goals: profile.goals.join('\n'),
    offeredSkills: profile.offeredSkills.map((s) => ({ skillId: s.skillId, level: s.level })),
    wantedSkills: profile.wantedSkills.map((s) => ({ skillId: s.skillId, targetLevel: s.targetLevel })),
  });
  return slotsToWeek(profile.availability);
}

/**
 * What the API gets: lists from their text fields (languages and topics by comma, goals one a
 * line), a pause end only while paused, and only the parts of the roles the person holds.
 */
export function profileRequest(
  form: ProfileForm,
  week: WeekGrid,
  roles: { mentor: boolean; mentee: boolean },
): UpdateProfileRequest {
  const value = form.getRawValue();
  const request: UpdateProfileRequest = {
    timeZone: value.timeZone || null,
    languages: list(value.languages, /[,;]/),
    department: value.department.trim() || null,
    seniority: value.seniority,
    availability: weekToSlots(week),
  };
  if (roles.mentor) {
    const capacity = value.mentorCapacity as number | string | null;
    Object.assign(request, {
      mentorCapacity: capacity === null || capacity === '' ? null : Number(capacity),
      paused: value.paused,
      pauseEndsOn: value.paused && value.pauseEndsOn ? value.pauseEndsOn : null,
      offeredMentorTypes: value.offeredMentorTypes,
      topics: list(value.topics, /[,;]/),
      offeredSkills: value.offeredSkills.map((s) => ({ skillId: s.skillId, level: Number(s.level) })),
    });
  }
  if (roles.mentee) {
    Object.assign(request, {
      wantedMentorTypes: value.wantedMentorTypes,
      goals: list(value.goals, /\n/),
      wantedSkills: value.wantedSkills.map((s) => ({
        skillId: s.skillId,
        targetLevel: Number(s.targetLevel),
      })),
    });
  }
  return request;
}
