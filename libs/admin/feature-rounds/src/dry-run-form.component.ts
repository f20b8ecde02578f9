import { ChangeDetectionStrategy, Component, effect, inject } from '@angular/core';
import { FormBuilder, FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ROUND_MODES, ROUND_OBJECTIVES, type RoundMode, type RoundObjective } from '@mentorship/contracts';
import type { ComponentId } from '@mentorship/matching-engine';
import {
  FieldErrorPipe,
  FormErrorComponent,
  FormSubmission,
  SubmitButtonsComponent,
} from '@mentorship/admin/ui';
import { COMPONENT_IDS, COMPONENT_WORDS } from '@mentorship/admin/util';
import { RoundStore } from './round.store';
import { MODE_WORDS, OBJECTIVE_WORDS } from './round-words';

/**
 * A dry run: the round solved again with other weights, rules, goal or mode (and the decisions
 * made so far), shown as a diff; nothing is saved and the program keeps its settings.
 */
@Component({
  selector: 'mm-dry-run-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatInputModule,
    MatSelectModule,
    FieldErrorPipe,
    FormErrorComponent,
    SubmitButtonsComponent,
  ],
  template: `
    <form [formGroup]="form" (ngSubmit)="run()" aria-label="Dry run with other settings">
      <p class="note">
        Try other weights or rules on this round: you see what would change, and nothing is saved.
      </p>
      <mm-form-error [message]="submission.error()" />
      <div class="weights" formGroupName="weights">
        @for (id of components; track id) {
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ componentWords[id].label }} weight</mat-label>
            <input matInput type="number" min="0" [formControlName]="id" />
            <mat-error>{{
              form.controls.weights.controls[id].errors | fieldError: { min: 'Not below 0.' }
            }}</mat-error>
          </mat-form-field>
        }
      </div>
      <div class="rules">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Least common time (hours a week)</mat-label>
          <input matInput type="number" min="0" step="0.5" formControlName="minWeeklyOverlapHours" />
          <mat-hint>Pairs with less are not matched; 0 for no limit.</mat-hint>
          <mat-error>{{
            form.controls.minWeeklyOverlapHours.errors | fieldError: { min: 'Not below 0.' }
          }}</mat-error>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Largest time-zone gap (hours)</mat-label>
          <input matInput type="number" min="0" max="26" formControlName="maxTimeZoneGapHours" />
          <mat-hint>Empty for no limit.</mat-hint>
          <mat-error>{{
            form.controls.maxTimeZoneGapHours.errors | fieldError: { min: 'Not below 0.' }
          }}</mat-error>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Goal</mat-label>
          <mat-select formControlName="objective">
            @for (o of objectives; track o) {
              <mat-option [value]="o">{{ objectiveWords[o].label }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Mode</mat-label>
          <mat-select formControlName="mode">
            @for (m of modes; track m) {
              <mat-option [value]="m">{{ modeWords[m].label }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>
      <mm-submit-buttons
        [submission]="submission"
        label="Dry run"
        cancelLabel="Back to the cohort's settings"
        (cancelled)="reset()"
        [showError]="false"
      />
    </form>
  `,
  styles: `
    .note {
      margin: 0 0 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    .weights,
    .rules {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
      gap: 12px;
      margin-bottom: 12px;
    }
    .rules {
      grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
      /* Fields with a hint are taller: the others keep their own height. */
      align-items: start;
    }
  `,
})
export class DryRunFormComponent {
  private readonly store = inject(RoundStore);
  protected readonly components = COMPONENT_IDS;
  protected readonly componentWords = COMPONENT_WORDS;
  protected readonly objectives = ROUND_OBJECTIVES;
  protected readonly modes = ROUND_MODES;
  protected readonly objectiveWords = OBJECTIVE_WORDS;
  protected readonly modeWords = MODE_WORDS;

  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly form = this.fb.group({
    weights: this.fb.group(
      Object.fromEntries(COMPONENT_IDS.map((id) => [id, this.fb.control(0, [Validators.min(0)])])) as Record<
        ComponentId,
        FormControl<number>
      >,
    ),
    minWeeklyOverlapHours: this.fb.control(0, [Validators.min(0)]),
    maxTimeZoneGapHours: new FormControl<number | null>(null, [Validators.min(0)]),
    objective: this.fb.control<RoundObjective>('max-score'),
    mode: this.fb.control<RoundMode>('exact'),
  });
  protected readonly submission = new FormSubmission(this.form);

  constructor() {
    // The cohort's settings and the round's goal are where a dry run starts.
    effect(() => {
      if (this.store.cohort() && this.store.round() && this.form.pristine) this.reset();
    });
  }

  protected reset(): void {
    const criteria = this.store.cohort()?.settings.criteria;
    const round = this.store.round();
    this.form.reset({
      weights: Object.fromEntries(COMPONENT_IDS.map((id) => [id, criteria?.weights[id] ?? 0])),
      minWeeklyOverlapHours: criteria?.minWeeklyOverlapHours ?? 0,
      maxTimeZoneGapHours: criteria?.maxTimeZoneGapHours ?? null,
      objective: round?.objective ?? 'max-score',
      mode: round?.mode ?? 'exact',
    });
  }

  protected run(): void {
    const value = this.form.getRawValue();
    // The form stays for the next dry run; the store holds the answer.
    this.submission.submitInPlace(() =>
      this.store.tryDryRun({
        criteria: {
          // An emptied weight counts as 0: the part is left out of the score.
          weights: Object.fromEntries(COMPONENT_IDS.map((id) => [id, Number(value.weights[id]) || 0])),
          minWeeklyOverlapHours: Number(value.minWeeklyOverlapHours) || 0,
          maxTimeZoneGapHours:
            value.maxTimeZoneGapHours === null || `${value.maxTimeZoneGapHours}` === ''
              ? null
              : Number(value.maxTimeZoneGapHours),
        },
        objective: value.objective,
        mode: value.mode,
      }),
    );
  }
}
