import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import type { MemberView } from '@mentorship/contracts';
import { FormDialogComponent, FormSubmission, RolePickerComponent } from '@mentorship/admin/ui';
import { MembersStore } from './members.store';

/** Changes one member's roles; stays open on failure, saying why in the dialog. */
@Component({
  selector: 'mm-member-roles-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatDialogModule, RolePickerComponent, FormDialogComponent],
  template: `
    <h2 mat-dialog-title>Roles of {{ member.displayName }}</h2>
    <form
      mmFormDialog
      [formGroup]="form"
      (ngSubmit)="submit()"
      [submission]="submission"
      submitLabel="Save roles"
      [labelRoom]="false"
      [holdSubmit]="form.pristine"
    >
      <p formDialogIntro class="email">{{ member.email }}</p>
      <mm-role-picker [control]="form.controls.roles" requiredMessage="A member holds at least one role." />
    </form>
  `,
  styles: `
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
