/**
 * The one place the programs context meets the matching engine (`@mentorship/matching-engine`,
 * public exports only): a program's criteria are whatever the engine's `resolveCriteria`
 * accepts, so the API refuses exactly what the engine would, with the engine's own message.
 * When the engine changes, this file is what changes.
 */
import type { MentorType, ProgramKind } from '@mentorship/contracts';
import {
  COMPONENT_IDS,
  MatchingInputError,
  MENTOR_TYPES as ENGINE_MENTOR_TYPES,
  MUST_HAVE_IDS,
  resolveCriteria,
  type ProgramCriteria,
  type ProgramCriteriaInput,
} from '@mentorship/matching-engine';

/** The score components criteria weigh, and those that can be must-haves, as the engine names them. */
export const CRITERIA_COMPONENTS: readonly string[] = COMPONENT_IDS;
export const CRITERIA_MUST_HAVES: readonly string[] = MUST_HAVE_IDS;

/** What a program stores: the engine's resolved criteria, without what the program itself says. */
export type ProgramCriteriaSettings = Omit<ProgramCriteria, 'kind' | 'referenceDate'>;

/** Criteria as a request may send them: any part, the rest from the engine's defaults. */
export type ProgramCriteriaRequest = Omit<ProgramCriteriaInput, 'kind' | 'referenceDate'>;

/**
 * The engine scores one mentor against one mentee; group and flash programs are matched that
 * way too (a group forms around its mentor, a flash match is one conversation).
 */
const ENGINE_KIND: Record<ProgramKind, ProgramCriteria['kind']> = {
  'one-to-one': 'one-to-one',
  group: 'one-to-one',
  flash: 'one-to-one',
  peer: 'peer',
  reverse: 'reverse',
};

type SameWords<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;

/** Profiles name mentor types as the engine does: this stops compiling the day the two differ. */
export const PROFILE_WORDS_MATCH_ENGINE: SameWords<MentorType, (typeof ENGINE_MENTOR_TYPES)[number]> = true;

export type CriteriaResolution =
  { ok: true; criteria: ProgramCriteriaSettings } | { ok: false; message: string };

/** The engine's reading of `request` for a program of `kind`: the full criteria, or its refusal. */
export function resolveProgramCriteria(
  kind: ProgramKind,
  request: ProgramCriteriaRequest,
): CriteriaResolution {
  try {
    const {
      kind: _kind,
      referenceDate: _referenceDate,
      ...criteria
    } = resolveCriteria({
      ...request,
      kind: ENGINE_KIND[kind],
    });
    return { ok: true, criteria };
  } catch (error) {
    if (error instanceof MatchingInputError) return { ok: false, message: error.message };
    throw error;
  }
}

/**
 * The engine's criteria for a cohort that runs under `settings` (stored settings were resolved by
 * the engine when saved, so this does not refuse them). `referenceDate` fixes the time zones'
 * offsets (daylight saving) the availability is compared with: the cohort's start.
 */
export function cohortCriteria(
  settings: { kind: ProgramKind; criteria: ProgramCriteriaSettings },
  referenceDate: string,
): ProgramCriteria {
  return resolveCriteria({ ...settings.criteria, kind: ENGINE_KIND[settings.kind], referenceDate });
}
