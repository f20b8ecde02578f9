import type { CheckInCadence, MapStage, MatchingMode, ProgramKind } from '@mentorship/contracts';
import { COMPONENT_IDS, MUST_HAVE_IDS, type ComponentId, type MustHave } from '@mentorship/matching-engine';

/** Program settings in the words coordinators use; the engine's names stay in the code. */
export const KIND_WORDS: Record<ProgramKind, { label: string; hint: string }> = {
  'one-to-one': { label: 'One-to-one', hint: 'Each mentee gets one mentor.' },
  group: { label: 'Group', hint: 'One mentor meets a small group of mentees together.' },
  peer: { label: 'Peer', hint: 'Colleagues of similar seniority mentor each other.' },
  reverse: { label: 'Reverse', hint: 'Junior people mentor senior ones, e.g. on new tools.' },
  flash: { label: 'Flash', hint: 'One conversation, no trial and no ongoing pairing.' },
};

export const MODE_WORDS: Record<MatchingMode, { label: string; hint: string }> = {
  coordinator: { label: 'Coordinator matches', hint: 'You review suggestions and pick each pair.' },
  'mentee-choice': {
    label: 'Mentee chooses',
    hint: 'Mentees pick a mentor from suggestions with a reason for each score.',
  },
  automatic: { label: 'Automatic round', hint: 'The system pairs everyone at once; you approve the result.' },
};

export const CADENCE_WORDS: Record<CheckInCadence, string> = {
  weekly: 'Every week',
  biweekly: 'Every two weeks',
  monthly: 'Every month',
};

export const MUST_HAVE_WORDS: Record<MustHave, string> = {
  skills: 'at least one skill in common',
  goals: 'at least one goal that fits',
  mentorTypes: 'a kind of mentoring both want',
  languages: 'a language in common',
};

export { COMPONENT_IDS, MUST_HAVE_IDS };

/** Each weight's share of the score, rounded to whole percent ("only ratios matter"). */
export function weightShares(
  weights: Partial<Record<ComponentId, number | null>>,
): Record<ComponentId, number> {
  const values = COMPONENT_IDS.map((id) => Math.max(0, Number(weights[id] ?? 0) || 0));
  const total = values.reduce((sum, value) => sum + value, 0);
  return Object.fromEntries(
    COMPONENT_IDS.map((id, index) => [id, total > 0 ? Math.round(((values[index] ?? 0) / total) * 100) : 0]),
  ) as Record<ComponentId, number>;
}

/** The hard limits of a program in one sentence each, as a coordinator would say them. */
export function hardLimitSentences(criteria: {
  mustHaves: readonly string[];
  minWeeklyOverlapHours: number;
  maxTimeZoneGapHours: number | null;
  excludeSameReportingLine: boolean;
  excludeSameDepartment: boolean;
}): string[] {
  const sentences: string[] = [];
  const needs = criteria.mustHaves
    .filter((id): id is MustHave => id in MUST_HAVE_WORDS)
    .map((id) => MUST_HAVE_WORDS[id]);
  if (needs.length > 0) sentences.push(`A pair needs ${needs.join(' and ')}.`);
  if (criteria.minWeeklyOverlapHours > 0)
    sentences.push(`A pair needs at least ${criteria.minWeeklyOverlapHours} h of common time a week.`);
  if (criteria.maxTimeZoneGapHours !== null)
    sentences.push(`Time zones at most ${criteria.maxTimeZoneGapHours} h apart.`);
  if (criteria.excludeSameReportingLine)
    sentences.push('Nobody is matched with their manager or their reports.');
  if (criteria.excludeSameDepartment) sentences.push('Nobody is matched within their own department.');
  if (sentences.length === 0) sentences.push('No hard limits: anyone can be matched with anyone.');
  return sentences;
}

/** A milestone's stage, as a mentee and a coordinator read it. */
export const MAP_STAGE_WORDS: Record<MapStage, string> = {
  discovery: 'Discovery',
  practice: 'Practice',
  feedback: 'Feedback',
  mastery: 'Mastery',
};
