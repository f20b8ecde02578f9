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
export type ProgramCriteriaSettings = Omit<ProgramCriteria, 'kind' | 'referenceDate' | 'groupSize'>;

/** Criteria as a request may send them: any part, the rest from the engine's defaults. */
export type ProgramCriteriaRequest = Omit<ProgramCriteriaInput, 'kind' | 'referenceDate'>;

/**
 * Each program kind is the engine's kind of the same name: a group program's mentor leads groups
 * of `groupSize` (the engine's seats are capacity x group size), a flash program's match is one
 * conversation (full availability at one common hour, no trial).
 */
const ENGINE_KIND: Record<ProgramKind, ProgramCriteria['kind']> = {
  'one-to-one': 'one-to-one',
  group: 'group',
  flash: 'flash',
  peer: 'peer',
  reverse: 'reverse',
};

type SameWords<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;

/** Profiles name mentor types as the engine does: this stops compiling the day the two differ. */
export const PROFILE_WORDS_MATCH_ENGINE: SameWords<MentorType, (typeof ENGINE_MENTOR_TYPES)[number]> = true;

export type CriteriaResolution =
  { ok: true; criteria: ProgramCriteriaSettings } | { ok: false; message: string };

/**
 * The engine's reading of `request` for a program of `kind` (a group program's `groupSize` too):
 * the full criteria, or its refusal.
 */
export function resolveProgramCriteria(
  kind: ProgramKind,
  request: ProgramCriteriaRequest,
  groupSize: number | null = null,
): CriteriaResolution {
  const resolution = resolveEngineCriteria({ kind, groupSize, criteria: request });
  if (!resolution.ok) return resolution;
  const {
    kind: _kind,
    referenceDate: _referenceDate,
    groupSize: _groupSize,
    ...criteria
  } = resolution.criteria;
  return { ok: true, criteria };
}

export type EngineCriteriaResolution =
  { ok: true; criteria: ProgramCriteria } | { ok: false; message: string };

/**
 * What the engine scores and assigns a program's cohort with: its criteria (stored, or a dry
 * run's changed ones) with the engine's kind and group size.
 */
export function resolveEngineCriteria(settings: {
  kind: ProgramKind;
  groupSize: number | null;
  criteria: ProgramCriteriaRequest;
}): EngineCriteriaResolution {
  const { groupSize: _stored, ...request } = settings.criteria as ProgramCriteriaRequest & {
    groupSize?: unknown;
  };
  try {
    const criteria = resolveCriteria({
      ...request,
      kind: ENGINE_KIND[settings.kind],
      ...(settings.kind === 'group' ? { groupSize: settings.groupSize ?? undefined } : {}),
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
