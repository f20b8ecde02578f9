import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatInputModule } from '@angular/material/input';
import { ERROR_CODES, FIELD_LIMITS, type CohortView, type ProgramView } from '@mentorship/contracts';
import { ProgramsApi } from '@mentorship/admin/data-access-programs';
import { FieldErrorPipe, FormDialogComponent, FormSubmission } from '@mentorship/admin/ui';

export interface NewCohortData {
  orgId: string;
  program: ProgramView;
}

/** Starts a cohort of a program, in draft: a name, the enrollment window and the run's dates. */
@Component({
  selector: 'mm-new-cohort-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatDialogModule, MatInputModule, FieldErrorPipe, FormDialogComponent],
  template: `
    <h2 mat-dialog-title>New cohort of {{ data.program.name }}</h2>
    <form
      mmFormDialog
      [formGroup]="form"
      (ngSubmit)="submit()"
      [submission]="submission"
      submitLabel="Create cohort"
      [minWidth]="480"
    >
      <mat-form-field class="mm-full-width">
        <mat-label>Cohort name</mat-label>
        <input matInput formControlName="name" required autocomplete="off" />
        <mat-error>{{
          form.controls.name.errors | fieldError: { required: 'Give the cohort a name.' }
        }}</mat-error>
      </mat-form-field>
      <div class="dates">
        <mat-form-field>
          <mat-label>Enrollment opens</mat-label>
          <input matInput type="date" formControlName="enrollmentOpensOn" />
          <mat-error>{{ form.controls.enrollmentOpensOn.errors | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Enrollment closes</mat-label>
          <input matInput type="date" formControlName="enrollmentClosesOn" />
          <mat-error>{{ form.controls.enrollmentClosesOn.errors | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Starts on</mat-label>
          <input matInput type="date" formControlName="startsOn" required />
          <mat-error>{{
            form.controls.startsOn.errors | fieldError: { required: 'Pick the first day.' }
          }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Ends on</mat-label>
          <input matInput type="date" formControlName="endsOn" required />
          <mat-error>{{
            form.controls.endsOn.errors | fieldError: { required: 'Pick the last day.' }
          }}</mat-error>
        </mat-form-field>
      </div>
    </form>
  `,
  styles: `
    .dates {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
      gap: 8px 16px;
    }
  `,
})
export class NewCohortDialog {
  protected readonly data = inject<NewCohortData>(MAT_DIALOG_DATA);
  private readonly programs = inject(ProgramsApi);
  private readonly dialogRef = inject<MatDialogRef<NewCohortDialog, CohortView>>(MatDialogRef);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [
      '',
      [
        Validators.required,
        Validators.minLength(FIELD_LIMITS.cohortName.min),
        Validators.maxLength(FIELD_LIMITS.cohortName.max),
      ],
    ],
    enrollmentOpensOn: [''],
    enrollmentClosesOn: [''],
    startsOn: ['', Validators.required],
    endsOn: ['', Validators.required],
  });
  protected readonly submission = new FormSubmission(this.form, { [ERROR_CODES.cohortNameTaken]: 'name' });

  protected submit(): void {
    const value = this.form.getRawValue();
    this.submission.submit(
      () =>
        this.programs.createCohort(this.data.orgId, this.data.program.id, {
          name: value.name.trim(),
          enrollmentOpensOn: value.enrollmentOpensOn || null,
          enrollmentClosesOn: value.enrollmentClosesOn || null,
          startsOn: value.startsOn,
          endsOn: value.endsOn,
        }),
      (cohort) => this.dialogRef.close(cohort),
    );
  }
}
