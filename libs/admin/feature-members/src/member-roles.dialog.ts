import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import type { MemberView } from '@mentorship/contracts';
import { FormErrorComponent, FormSubmission, RolePickerComponent } from '@mentorship/admin/ui';
import { MembersStore } from './members.store';

/** Changes one member's roles; stays open on failure, saying why in the dialog. */
@Component({
  selector: 'mm-member-roles-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, RolePickerComponent, FormErrorComponent],
  template: `
    <h2 mat-dialog-title>Roles of {{ member.displayName }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()">
      <mat-dialog-content class="mm-form-fields">
        <p class="email">{{ member.email }}</p>
        <mm-form-error [message]="submission.error()" />
        <mm-role-picker [control]="form.controls.roles" requiredMessage="A member holds at least one role." />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="submission.submitting() || form.pristine">
          Save roles
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-dialog-content {
      min-width: min(380px, 80vw);
    }
    .email {
      margin-top: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class MemberRolesDialog {
  protected readonly member = inject<MemberView>(MAT_DIALOG_DATA);
  private readonly store = inject(MembersStore);
  private readonly dialogRef = inject<MatDialogRef<MemberRolesDialog, MemberView>>(MatDialogRef);
  protected readonly form = inject(NonNullableFormBuilder).group({
    roles: [[...this.member.roles], Validators.required],
  });

  /** E.g. 409 last_admin, 403 for someone who is no longer an admin: said in the dialog. */
  protected readonly submission = new FormSubmission(this.form);

  protected submit(): void {
    this.submission.submit(
      () => this.store.changeRoles(this.member.userId, this.form.controls.roles.value),
      (updated) => this.dialogRef.close(updated),
    );
  }
}
