import { FormArray, FormControl, FormGroup, NonNullableFormBuilder, Validators } from '@angular/forms';
import {
  CHECK_IN_CADENCES,
  FIELD_LIMITS,
  MAP_STAGES,
  MAX_MENTOR_CAPACITY,
  PROGRAM_LIMITS,
  type CheckInCadence,
  type CreateProgramRequest,
  type MapStage,
  type MatchingMode,
  type ProgramKind,
  type ProgramView,
} from '@mentorship/contracts';
import {
  COMPONENT_IDS,
  DEFAULT_CRITERIA,
  type ComponentId,
  type MustHave,
} from '@mentorship/matching-engine';
import { linesOf } from '@mentorship/admin/util';

const DEFAULT_SETTINGS = {
  kind: 'one-to-one' as ProgramKind,
  matchingMode: 'coordinator' as MatchingMode,
  trialDays: 30,
  checkInCadence: 'biweekly' as CheckInCadence,
  durationWeeks: 26,
  defaultMentorCapacity: 2,
  groupSize: 6,
  quietDays: 21,
};

type WeightControls = Record<ComponentId, FormControl<number>>;

const line = FIELD_LIMITS.lifecycleLine;
const text = FIELD_LIMITS.lifecycleText;
/** The API's caps: goals and success measures of a template, milestones of a map template. */
const TEMPLATE_LINES_MAX = 10;
const TEMPLATE_MILESTONES_MAX = 20;

export type TemplateMilestoneForm = FormGroup<{
  title: FormControl<string>;
  performance: FormControl<string>;
  community: FormControl<string>;
  stage: FormControl<MapStage>;
}>;

/** One milestone a program suggests for every new map (the mentee adapts it). */
export function templateMilestoneForm(
  milestone: { title: string; performance?: string; community?: string; stage?: MapStage } = { title: '' },
): TemplateMilestoneForm {
  return new FormGroup({
    title: new FormControl(milestone.title, {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/\S/), Validators.maxLength(line.max)],
    }),
    performance: new FormControl(milestone.performance ?? '', {
      nonNullable: true,
      validators: [Validators.maxLength(text.max)],
    }),
    community: new FormControl(milestone.community ?? '', {
      nonNullable: true,
      validators: [Validators.maxLength(text.max)],
    }),
    stage: new FormControl<MapStage>(milestone.stage ?? MAP_STAGES[0], { nonNullable: true }),
  });
}

/**
 * The program editor's form. Its controls are named as the API's fields
 * (`settings.criteria.maxTimeZoneGapHours`), so the API's refusals land on the right field.
 */
export function buildProgramForm(fb: NonNullableFormBuilder) {
  const weights = Object.fromEntries(
    COMPONENT_IDS.map((id) => [id, fb.control(DEFAULT_CRITERIA.weights[id], [Validators.min(0)])]),
  ) as WeightControls;
  return fb.group({
    name: [
      '',
      [
        Validators.required,
        Validators.minLength(FIELD_LIMITS.programName.min),
        Validators.maxLength(FIELD_LIMITS.programName.max),
      ],
    ],
    description: ['', Validators.maxLength(FIELD_LIMITS.programDescription.max)],
    settings: fb.group({
      kind: [DEFAULT_SETTINGS.kind],
      matchingMode: [DEFAULT_SETTINGS.matchingMode],
      trialDays: fb.control<number | null>(DEFAULT_SETTINGS.trialDays, [
        Validators.min(PROGRAM_LIMITS.trialDays.min),
        Validators.max(PROGRAM_LIMITS.trialDays.max),
      ]),
      checkInCadence: [DEFAULT_SETTINGS.checkInCadence],
      durationWeeks: [
        DEFAULT_SETTINGS.durationWeeks,
        [
          Validators.required,
          Validators.min(PROGRAM_LIMITS.durationWeeks.min),
          Validators.max(PROGRAM_LIMITS.durationWeeks.max),
        ],
      ],
      defaultMentorCapacity: [
        DEFAULT_SETTINGS.defaultMentorCapacity,
        [Validators.required, Validators.min(1), Validators.max(MAX_MENTOR_CAPACITY)],
      ],
      groupSize: fb.control<number | null>(DEFAULT_SETTINGS.groupSize, [
        Validators.min(PROGRAM_LIMITS.groupSize.min),
        Validators.max(PROGRAM_LIMITS.groupSize.max),
      ]),
      quietDays: [
        DEFAULT_SETTINGS.quietDays,
        [
          Validators.required,
          Validators.min(PROGRAM_LIMITS.quietDays.min),
          Validators.max(PROGRAM_LIMITS.quietDays.max),
        ],
      ],
      /** The agreement every match of the program starts from (empty: no template). */
      agreementTemplate: fb.group({
        goals: ['', Validators.maxLength(TEMPLATE_LINES_MAX * (line.max + 1))],
        meetingCadence: ['', Validators.maxLength(line.max)],
        confidentiality: ['', Validators.maxLength(text.max)],
        contact: ['', Validators.maxLength(text.max)],
        successMeasures: ['', Validators.maxLength(TEMPLATE_LINES_MAX * (line.max + 1))],
        mentorContributes: ['', Validators.maxLength(text.max)],
        menteeContributes: ['', Validators.maxLength(text.max)],
      }),
      /** The milestones every new map of the program is offered (none: no template). */
      mapTemplate: new FormArray<TemplateMilestoneForm>([], Validators.maxLength(TEMPLATE_MILESTONES_MAX)),
      /** The reminder kinds this program does not send (ids as the notification preferences name them). */
      disabledNotificationKinds: fb.control<string[]>([]),
      criteria: fb.group({
        weights: fb.group(weights),
        mustHaves: fb.control<MustHave[]>([...DEFAULT_CRITERIA.mustHaves]),
        minWeeklyOverlapHours: [
          DEFAULT_CRITERIA.minWeeklyOverlapHours,
          [Validators.required, Validators.min(0)],
        ],
        targetWeeklyOverlapHours: [
          DEFAULT_CRITERIA.targetWeeklyOverlapHours,
          [Validators.required, Validators.min(0.25)],
        ],
        maxTimeZoneGapHours: fb.control<number | null>(DEFAULT_CRITERIA.maxTimeZoneGapHours, [
          Validators.min(0),
          Validators.max(26),
        ]),
        excludeSameReportingLine: [DEFAULT_CRITERIA.excludeSameReportingLine],
        excludeSameDepartment: [DEFAULT_CRITERIA.excludeSameDepartment],
        peerMaxSeniorityGap: [DEFAULT_CRITERIA.peerMaxSeniorityGap, [Validators.required, Validators.min(0)]],
      }),
    }),
  });
}

export type ProgramForm = ReturnType<typeof buildProgramForm>;
export type ProgramFormValue = ReturnType<ProgramForm['getRawValue']>;

/** Fills the form with a stored program. */
export function programFormValue(program: ProgramView): ProgramFormValue {
  const { settings } = program;
  const weights = Object.fromEntries(
    COMPONENT_IDS.map((id) => [id, settings.criteria.weights[id] ?? 0]),
  ) as Record<ComponentId, number>;
  return {
    name: program.name,
    description: program.description,
    settings: {
      kind: settings.kind,
      matchingMode: settings.matchingMode,
      trialDays: settings.trialDays,
      checkInCadence: settings.checkInCadence,
      durationWeeks: settings.durationWeeks,
      defaultMentorCapacity: settings.defaultMentorCapacity,
      groupSize: settings.groupSize ?? DEFAULT_SETTINGS.groupSize,
      quietDays: settings.quietDays,
      disabledNotificationKinds: [...settings.disabledNotificationKinds],
      agreementTemplate: {
        goals: (settings.agreementTemplate?.goals ?? []).join('\n'),
        meetingCadence: settings.agreementTemplate?.meetingCadence ?? '',
        confidentiality: settings.agreementTemplate?.confidentiality ?? '',
        contact: settings.agreementTemplate?.contact ?? '',
        successMeasures: (settings.agreementTemplate?.successMeasures ?? []).join('\n'),
        mentorContributes: settings.agreementTemplate?.mentorContributes ?? '',
        menteeContributes: settings.agreementTemplate?.menteeContributes ?? '',
      },
      mapTemplate: (settings.mapTemplate?.milestones ?? []).map((m) => ({ ...m })),
      criteria: {
        weights,
        mustHaves: settings.criteria.mustHaves as MustHave[],
        minWeeklyOverlapHours: settings.criteria.minWeeklyOverlapHours,
        targetWeeklyOverlapHours: settings.criteria.targetWeeklyOverlapHours,
        maxTimeZoneGapHours: settings.criteria.maxTimeZoneGapHours,
        excludeSameReportingLine: settings.criteria.excludeSameReportingLine,
        excludeSameDepartment: settings.criteria.excludeSameDepartment,
        peerMaxSeniorityGap: settings.criteria.peerMaxSeniorityGap,
      },
    },
  };
}

/**
 * What the API gets: a flash program has no trial and only a group program a group size
 * (the API refuses anything else), and the peer seniority gap is kept for peer programs only.
 */
export function programRequest(
  value: ProgramFormValue,
): CreateProgramRequest & { settings: NonNullable<CreateProgramRequest['settings']> } {
  const { settings } = value;
  const { criteria } = settings;
  const emptyToNull = (n: number | null) => (n === null || (n as unknown) === '' ? null : Number(n));
  return {
    name: value.name.trim(),
    description: value.description.trim(),
    settings: {
      kind: settings.kind,
      matchingMode: settings.matchingMode,
      trialDays: settings.kind === 'flash' ? null : emptyToNull(settings.trialDays),
      checkInCadence: settings.checkInCadence,
      durationWeeks: Number(settings.durationWeeks),
      defaultMentorCapacity: Number(settings.defaultMentorCapacity),
      groupSize: settings.kind === 'group' ? emptyToNull(settings.groupSize) : null,
      quietDays: Number(settings.quietDays),
      disabledNotificationKinds: [...settings.disabledNotificationKinds],
      agreementTemplate: agreementTemplateRequest(settings.agreementTemplate),
      mapTemplate:
        settings.mapTemplate.length === 0
          ? null
          : {
              milestones: settings.mapTemplate.map((m) => ({
                title: m.title.trim(),
                performance: m.performance.trim(),
                community: m.community.trim(),
                stage: m.stage,
              })),
            },
      criteria: {
        // An emptied weight counts as 0: the part is left out of the score.
        weights: Object.fromEntries(COMPONENT_IDS.map((id) => [id, Number(criteria.weights[id] ?? 0) || 0])),
        mustHaves: [...criteria.mustHaves],
        minWeeklyOverlapHours: Number(criteria.minWeeklyOverlapHours),
        targetWeeklyOverlapHours: Number(criteria.targetWeeklyOverlapHours),
        maxTimeZoneGapHours: emptyToNull(criteria.maxTimeZoneGapHours),
        excludeSameReportingLine: criteria.excludeSameReportingLine,
        excludeSameDepartment: criteria.excludeSameDepartment,
        ...(settings.kind === 'peer' ? { peerMaxSeniorityGap: Number(criteria.peerMaxSeniorityGap) } : {}),
      },
    },
  };
}

/** The agreement template as the API takes it: only what was filled in, and none when nothing was. */
function agreementTemplateRequest(template: ProgramFormValue['settings']['agreementTemplate']) {
  const terms = {
    goals: linesOf(template.goals),
    meetingCadence: template.meetingCadence.trim(),
    confidentiality: template.confidentiality.trim(),
    contact: template.contact.trim(),
    successMeasures: linesOf(template.successMeasures),
    mentorContributes: template.mentorContributes.trim(),
    menteeContributes: template.menteeContributes.trim(),
  };
  const filled = Object.entries(terms).filter(([, value]) => value.length > 0);
  return filled.length === 0 ? null : Object.fromEntries(filled);
}

export { CHECK_IN_CADENCES };
