/** The kinds of mentoring a mentor offers and a mentee looks for (DESIGN.md, Profile). */
export const MENTOR_TYPES = ['technical', 'career', 'leadership', 'industry', 'entrepreneurial'] as const;
export type MentorType = (typeof MENTOR_TYPES)[number];

/** Skill levels: 1 (aware) to 5 (expert); a mentor's own level, a mentee's target level. */
export const SKILL_LEVEL = { min: 1, max: 5 } as const;

/** Seniority as an ordinal: 1 junior, 2 intermediate, 3 senior, 4 staff or lead, 5 principal or manager, 6 executive. */
export const SENIORITY = { min: 1, max: 6 } as const;

/** How many mentees a mentor takes at once, at most. */
export const MAX_MENTOR_CAPACITY = 20;

export const SKILL_STATUSES = ['active', 'retired'] as const;
export type SkillStatus = (typeof SKILL_STATUSES)[number];
