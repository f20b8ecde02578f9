import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatInputModule } from '@angular/material/input';
import { ERROR_CODES, type OrganizationView } from '@mentorship/contracts';
import { OrganizationStore } from '@mentorship/admin/data-access-organizations';
import { FieldErrorPipe, FormDialogComponent, FormSubmission } from '@mentorship/admin/ui';

export interface DeleteOrganizationDialogData {
  organization: OrganizationView;
}

/**
 * Deleting an organization asks for its name, typed exactly: the button stays disabled until it
 * matches, and the API checks the same. Closes with the organization as scheduled for deletion.
 */
@Component({
  selector: 'mm-delete-organization-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatDialogModule, MatInputModule, FieldErrorPipe, FormDialogComponent],
  template: `
    <h2 mat-dialog-title>Delete {{ name }}?</h2>
    <form
      mmFormDialog
      [formGroup]="form"
      (ngSubmit)="submit()"
      [submission]="submission"
      submitLabel="Delete organization"
      [minWidth]="420"
      [maxWidth]="480"
      [holdSubmit]="!matches()"
      [danger]="true"
    >
      <p formDialogIntro>
        Its members lose access at once. An admin can restore it until the end of the grace period (30 days by
        default); then its members, programs, cohorts and everything else in it are erased for good.
      </p>
      <mat-form-field class="mm-full-width">
        <mat-label>Type the organization's name to confirm</mat-label>
        <input matInput formControlName="confirmName" autocomplete="off" required cdkFocusInitial />
        <mat-hint>{{ name }}</mat-hint>
        <mat-error>{{ form.controls.confirmName.errors | fieldError: messages }}</mat-error>
      </mat-form-field>
    </form>
  `,
  styles: `
    p {
      margin: 0 0 16px;
    }
  `,
})
export class DeleteOrganizationDialog {
  protected readonly data = inject<DeleteOrganizationDialogData>(MAT_DIALOG_DATA);
  private readonly store = inject(OrganizationStore);
  private readonly dialogRef = inject<MatDialogRef<DeleteOrganizationDialog, OrganizationView>>(MatDialogRef);
  protected readonly name = this.data.organization.name;
  protected readonly messages = { required: "Type the organization's name." };
  protected readonly form = inject(NonNullableFormBuilder).group({
    confirmName: ['', Validators.required],
  });
  private readonly typed = toSignal(this.form.controls.confirmName.valueChanges, { initialValue: '' });
  /** Exactly the name, as the API compares it. */
  protected readonly matches = computed(() => this.typed() === this.name);

  protected readonly submission = new FormSubmission(this.form, {
    [ERROR_CODES.organizationNameMismatch]: 'confirmName',
  });

  protected submit(): void {
    if (!this.matches()) return;
    this.submission.submit(
      () => this.store.scheduleDeletion(this.data.organization.id, this.form.getRawValue().confirmName),
      (scheduled) => this.dialogRef.close(scheduled),
    );
  }
}
