import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { DatePipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { Router, RouterLink } from '@angular/router';
import {
  ERROR_CODES,
  MAP_STAGES,
  MATCHING_MODES,
  PROGRAM_KINDS,
  type CohortView,
  type NotificationPreference,
  type ProgramView,
} from '@mentorship/contracts';
import type { MustHave } from '@mentorship/matching-engine';
import { CohortsApi, ProgramsApi } from '@mentorship/admin/data-access-programs';
import { NotificationsApi } from '@mentorship/admin/data-access-notifications';
import {
  ErrorNotifier,
  FieldErrorPipe,
  FormErrorComponent,
  FormSubmission,
  SubmitButtonsComponent,
} from '@mentorship/admin/ui';
import { startWith } from 'rxjs';
import { NewCohortDialog, type NewCohortData } from './new-cohort.dialog';
import {
  CHECK_IN_CADENCES,
  buildProgramForm,
  programFormValue,
  programRequest,
  templateMilestoneForm,
  type ProgramForm,
} from './program-form';
import {
  CADENCE_WORDS,
  COMPONENT_IDS,
  COMPONENT_WORDS,
  KIND_WORDS,
  MAP_STAGE_WORDS,
  MODE_WORDS,
  MUST_HAVE_IDS,
  MUST_HAVE_WORDS,
  cohortStatusLabel,
  hardLimitSentences,
  weightShares,
} from '@mentorship/admin/util';

/** Creates a program (`/programs/new`) or edits one (`/programs/:programId`) and lists its cohorts. */
/** The agreement template's fields, in the order the agreement shows them; `rows` for text areas. */
const AGREEMENT_FIELDS: readonly {
  name: keyof ProgramForm['controls']['settings']['controls']['agreementTemplate']['controls'];
  label: string;
  rows?: number;
  hint?: string;
}[] = [
  { name: 'goals', label: 'Goals', rows: 3, hint: 'One a line, e.g. “Lead a project end to end”.' },
  { name: 'meetingCadence', label: 'Meeting cadence', hint: 'e.g. “Every other week, 45 minutes”.' },
  { name: 'confidentiality', label: 'Confidentiality', rows: 2, hint: 'What stays between the two of them.' },
  { name: 'contact', label: 'How to reach each other', rows: 2 },
  {
    name: 'successMeasures',
    label: 'Success measures',
    rows: 3,
    hint: 'One a line: how the pair will know it worked.',
  },
  { name: 'mentorContributes', label: 'What the mentor brings', rows: 2 },
  { name: 'menteeContributes', label: 'What the mentee offers back', rows: 2 },
];

@Component({
  selector: 'mm-program-editor-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    DatePipe,
    MatButtonModule,
    MatCardModule,
    MatCheckboxModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    FieldErrorPipe,
    FormErrorComponent,
    SubmitButtonsComponent,
  ],
  templateUrl: './program-editor.page.html',
  styleUrl: './program-editor.page.css',
})
export class ProgramEditorPage {
  readonly orgId = input.required<string>();
  /** Absent on `/programs/new`. */
  readonly programId = input<string | undefined>(undefined);

  private readonly programs = inject(ProgramsApi);
  private readonly cohortsApi = inject(CohortsApi);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly notifier = inject(ErrorNotifier);
  private readonly notificationsApi = inject(NotificationsApi);

  protected readonly form = buildProgramForm(inject(NonNullableFormBuilder));
  protected readonly submission = new FormSubmission(this.form, {
    [ERROR_CODES.invalidCriteria]: 'settings.criteria',
    [ERROR_CODES.programNameTaken]: 'name',
  });
  protected readonly program = signal<ProgramView | null>(null);
  protected readonly cohorts = signal<CohortView[]>([]);
  /** The kinds the product sends (the API's list, with their labels): the program may turn each off. */
  protected readonly reminderKinds = signal<NotificationPreference[]>([]);

  protected readonly kinds = PROGRAM_KINDS;
  protected readonly modes = MATCHING_MODES;
  protected readonly cadences = CHECK_IN_CADENCES;
  protected readonly components = COMPONENT_IDS;
  protected readonly mustHaveIds = MUST_HAVE_IDS;
  protected readonly kindWords = KIND_WORDS;
  protected readonly modeWords = MODE_WORDS;
  protected readonly cadenceWords = CADENCE_WORDS;
  protected readonly componentWords = COMPONENT_WORDS;
  protected readonly mustHaveWords = MUST_HAVE_WORDS;
  protected readonly stages = MAP_STAGES;
  protected readonly stageWords = MAP_STAGE_WORDS;
  protected readonly maxTemplateMilestones = 20;
  protected readonly agreementFields = AGREEMENT_FIELDS;

  private readonly value = toSignal(this.form.valueChanges.pipe(startWith(null)), { requireSync: true });
  protected readonly kind = computed(() => (this.value(), this.form.controls.settings.controls.kind.value));
  protected readonly shares = computed(
    () => (this.value(), weightShares(this.form.getRawValue().settings.criteria.weights)),
  );
  protected readonly limits = computed(
    () => (this.value(), hardLimitSentences(this.form.getRawValue().settings.criteria)),
  );
  protected readonly isNew = computed(() => !this.programId());

  constructor() {
    effect(() => {
      this.notificationsApi.preferences(this.orgId()).subscribe({
        next: (found) => this.reminderKinds.set(found.kinds.filter((kind) => kind.perProgram)),
        error: (error: unknown) => this.notifier.show(error),
      });
    });
    effect(() => {
      const programId = this.programId();
      if (!programId) return;
      this.programs.get(this.orgId(), programId).subscribe({
        next: (program) => this.show(program),
        error: (error: unknown) => this.notifier.show(error),
      });
      this.loadCohorts(programId);
    });
  }

  protected hasMustHave(id: MustHave): boolean {
    return this.form.controls.settings.controls.criteria.controls.mustHaves.value.includes(id);
  }

  protected toggleMustHave(id: MustHave, on: boolean): void {
    const control = this.form.controls.settings.controls.criteria.controls.mustHaves;
    const rest = control.value.filter((have) => have !== id);
    control.setValue(on ? [...rest, id] : rest);
    control.markAsDirty();
  }

  protected sends(kind: string): boolean {
    return !this.form.controls.settings.controls.disabledNotificationKinds.value.includes(kind);
  }

  protected toggleReminder(kind: string, send: boolean): void {
    const control = this.form.controls.settings.controls.disabledNotificationKinds;
    const rest = control.value.filter((off) => off !== kind);
    control.setValue(send ? rest : [...rest, kind]);
    control.markAsDirty();
  }

  protected save(): void {
    const body = programRequest(this.form.getRawValue());
    const programId = this.programId();
    this.submission.submitInPlace(
      () =>
        programId
          ? this.programs.update(this.orgId(), programId, body)
          : this.programs.create(this.orgId(), body),
      (saved) => {
        if (programId) {
          this.show(saved);
          this.notifier.info('Program saved.');
        } else {
          this.notifier.info('Program created. Start its first cohort below.');
          void this.router.navigate(['/orgs', this.orgId(), 'programs', saved.id]);
        }
      },
    );
  }

  protected newCohort(): void {
    const program = this.program();
    if (!program) return;
    this.notifier.dismiss();
    this.dialog
      .open<NewCohortDialog, NewCohortData, CohortView>(NewCohortDialog, {
        injector: this.injector,
        autoFocus: 'first-tabbable',
        data: { orgId: this.orgId(), program },
      })
      .afterClosed()
      .subscribe((cohort) => {
        if (cohort) void this.router.navigate(['/orgs', this.orgId(), 'cohorts', cohort.id]);
      });
  }

  protected readonly statusLabel = cohortStatusLabel;

  protected get templateMilestones() {
    return this.form.controls.settings.controls.mapTemplate;
  }

  protected addTemplateMilestone(): void {
    this.templateMilestones.push(templateMilestoneForm());
    this.templateMilestones.markAsDirty();
  }

  protected removeTemplateMilestone(index: number): void {
    this.templateMilestones.removeAt(index);
    this.templateMilestones.markAsDirty();
  }

  protected moveTemplateMilestone(index: number, by: -1 | 1): void {
    const milestone = this.templateMilestones.at(index);
    this.templateMilestones.removeAt(index);
    this.templateMilestones.insert(index + by, milestone);
    this.templateMilestones.markAsDirty();
  }

  private show(program: ProgramView): void {
    this.program.set(program);
    // A form array takes a stored value only into controls that exist: one per milestone first.
    this.templateMilestones.clear();
    for (const milestone of program.settings.mapTemplate?.milestones ?? [])
      this.templateMilestones.push(templateMilestoneForm(milestone));
    this.form.reset(programFormValue(program));
  }

  private loadCohorts(programId: string): void {
    this.cohortsApi.list(this.orgId(), { page: 1, pageSize: 100, programId }).subscribe({
      next: (page) => this.cohorts.set(page.items),
      error: (error: unknown) => this.notifier.show(error),
    });
  }
}
