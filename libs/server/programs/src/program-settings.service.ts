import { PROGRAM_LIMITS, type FieldProblem } from '@mentorship/contracts';
import type {
  AgreementTermsDto,
  AgreementTermsViewDto,
  MapTemplateDto,
  MapTemplateViewDto,
  ProgramSettingsDto,
  ProgramSettingsInputDto,
} from './dto/program.dto';
import { resolveProgramCriteria } from './matching-criteria.service';
import { ProgramsException } from './programs.exception';

/**
 * How a program runs, complete. Pure rules (no state to inject): a new program's settings from
 * its defaults, an edited one's from what it had.
 */
export type ProgramSettings = ProgramSettingsDto;

const DEFAULTS = {
  kind: 'one-to-one',
  matchingMode: 'coordinator',
  trialDays: 30,
  trialNoAnswer: 'end',
  checkInCadence: 'biweekly',
  durationWeeks: 26,
  defaultMentorCapacity: 2,
  suggestionFloodFactor: 3,
  requestExpiryDays: 14,
  maxOpenRequestsPerMentee: 3,
  agreementTemplate: null,
  privateNotesToCoordinators: false,
  pulseIntervalDays: 30,
  quietDays: PROGRAM_LIMITS.quietDays.default,
  disabledNotificationKinds: [] as string[],
  mapTemplate: null,
} as const;

/** The request, suggestion and trial settings, for settings stored before they existed. */
export const ADDED_SETTING_DEFAULTS = {
  trialNoAnswer: DEFAULTS.trialNoAnswer,
  suggestionFloodFactor: DEFAULTS.suggestionFloodFactor,
  requestExpiryDays: DEFAULTS.requestExpiryDays,
  maxOpenRequestsPerMentee: DEFAULTS.maxOpenRequestsPerMentee,
  agreementTemplate: DEFAULTS.agreementTemplate,
  privateNotesToCoordinators: DEFAULTS.privateNotesToCoordinators,
  pulseIntervalDays: DEFAULTS.pulseIntervalDays,
  quietDays: DEFAULTS.quietDays,
  disabledNotificationKinds: DEFAULTS.disabledNotificationKinds,
  mapTemplate: DEFAULTS.mapTemplate,
} as const;

/** Stored settings made complete: fields added after they were saved take their defaults. */
export function completeProgramSettings(stored: ProgramSettings): ProgramSettings {
  return { ...ADDED_SETTING_DEFAULTS, ...stored };
}

/**
 * The settings `input` makes of `current` (null for a new program): fields sent replace the
 * stored ones, the rest stay or take their defaults; criteria go through the matching engine.
 * Refuses what does not hold together, naming the field.
 */
export function resolveProgramSettings(
  current: ProgramSettings | null,
  input: ProgramSettingsInputDto = {},
): ProgramSettings {
  const kind = input.kind ?? current?.kind ?? DEFAULTS.kind;
  const problems: FieldProblem[] = [];

  // Flash programs are one conversation: no trial. Other kinds keep a trial unless told.
  const keptTrial = current && current.kind !== 'flash' ? current.trialDays : DEFAULTS.trialDays;
  const trialDays = input.trialDays !== undefined ? input.trialDays : kind === 'flash' ? null : keptTrial;
  if (kind === 'flash' && trialDays !== null)
    problems.push({ field: 'settings.trialDays', problems: ['flash programs have no trial: send null'] });
  if (kind !== 'flash' && trialDays === null)
    problems.push({
      field: 'settings.trialDays',
      problems: [`${kind} programs need a trial length in days`],
    });

  const groupSize =
    input.groupSize !== undefined ? input.groupSize : kind === 'group' ? (current?.groupSize ?? null) : null;
  if (kind === 'group' && groupSize === null)
    problems.push({ field: 'settings.groupSize', problems: ['group programs need a group size'] });
  if (kind !== 'group' && groupSize !== null)
    problems.push({
      field: 'settings.groupSize',
      problems: ['only group programs have a group size: send null'],
    });
  if (problems.length > 0) throw ProgramsException.invalidFields(problems);

  // Sent criteria replace the stored ones as a whole; stored ones are re-read for a new kind.
  const resolution = resolveProgramCriteria(kind, input.criteria ?? current?.criteria ?? {}, groupSize);
  if (!resolution.ok) throw ProgramsException.invalidCriteria(resolution.message);

  return {
    kind,
    matchingMode: input.matchingMode ?? current?.matchingMode ?? DEFAULTS.matchingMode,
    criteria: resolution.criteria,
    trialDays,
    trialNoAnswer: input.trialNoAnswer ?? current?.trialNoAnswer ?? DEFAULTS.trialNoAnswer,
    checkInCadence: input.checkInCadence ?? current?.checkInCadence ?? DEFAULTS.checkInCadence,
    durationWeeks: input.durationWeeks ?? current?.durationWeeks ?? DEFAULTS.durationWeeks,
    defaultMentorCapacity:
      input.defaultMentorCapacity ?? current?.defaultMentorCapacity ?? DEFAULTS.defaultMentorCapacity,
    groupSize,
    suggestionFloodFactor:
      input.suggestionFloodFactor ?? current?.suggestionFloodFactor ?? DEFAULTS.suggestionFloodFactor,
    requestExpiryDays: input.requestExpiryDays ?? current?.requestExpiryDays ?? DEFAULTS.requestExpiryDays,
    maxOpenRequestsPerMentee:
      input.maxOpenRequestsPerMentee ??
      current?.maxOpenRequestsPerMentee ??
      DEFAULTS.maxOpenRequestsPerMentee,
    agreementTemplate:
      input.agreementTemplate !== undefined
        ? input.agreementTemplate && completeAgreementTerms(input.agreementTemplate)
        : (current?.agreementTemplate ?? DEFAULTS.agreementTemplate),
    privateNotesToCoordinators:
      input.privateNotesToCoordinators ??
      current?.privateNotesToCoordinators ??
      DEFAULTS.privateNotesToCoordinators,
    pulseIntervalDays: input.pulseIntervalDays ?? current?.pulseIntervalDays ?? DEFAULTS.pulseIntervalDays,
    quietDays: input.quietDays ?? current?.quietDays ?? DEFAULTS.quietDays,
    disabledNotificationKinds: [
      ...new Set(
        input.disabledNotificationKinds ??
          current?.disabledNotificationKinds ??
          DEFAULTS.disabledNotificationKinds,
      ),
    ],
    mapTemplate:
      input.mapTemplate !== undefined
        ? input.mapTemplate && completeMapTemplate(input.mapTemplate)
        : (current?.mapTemplate ?? DEFAULTS.mapTemplate),
  };
}

/** A map template with every field: parts left out are empty. */
export function completeMapTemplate(template: MapTemplateDto): MapTemplateViewDto {
  return {
    milestones: template.milestones.map((m) => ({
      title: m.title,
      performance: m.performance ?? '',
      community: m.community ?? '',
      stage: m.stage,
    })),
  };
}

/** Agreement terms with every field: those left out are empty (a template's, an agreement's). */
export function completeAgreementTerms(terms: AgreementTermsDto = {}): AgreementTermsViewDto {
  return {
    goals: terms.goals ?? [],
    meetingCadence: terms.meetingCadence ?? '',
    confidentiality: terms.confidentiality ?? '',
    contact: terms.contact ?? '',
    successMeasures: terms.successMeasures ?? [],
    mentorContributes: terms.mentorContributes ?? '',
    menteeContributes: terms.menteeContributes ?? '',
  };
}
