import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatInputModule } from '@angular/material/input';
import {
  ERROR_CODES,
  FIELD_LIMITS,
  ORGANIZATION_ROLES,
  type InvitationView,
  type OrganizationRole,
} from '@mentorship/contracts';
import {
  FieldErrorPipe,
  FormDialogComponent,
  RolePickerComponent,
  FormSubmission,
} from '@mentorship/admin/ui';
import { MembersStore } from './members.store';

export interface InviteMemberDialogData {
  /** The roles the inviter may offer (coordinators: mentor and mentee); all when absent. */
  roles?: readonly OrganizationRole[];
}

/**
 * Invites someone by email. Stays open on failure so nothing typed is lost; what the API
 * refused is said in the dialog, next to the address when it is about the address.
 */
@Component({
  selector: 'mm-invite-member-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatInputModule,
    RolePickerComponent,
    FieldErrorPipe,
    FormDialogComponent,
  ],
  template: `
    <h2 mat-dialog-title>Invite a member</h2>
    <form
      mmFormDialog
      [formGroup]="form"
      (ngSubmit)="submit()"
      [submission]="submission"
      submitLabel="Send invitation"
      [minWidth]="420"
    >
      <mat-form-field class="mm-full-width">
        <mat-label>Email</mat-label>
        <input matInput type="email" formControlName="email" autocomplete="off" required cdkFocusInitial />
        <mat-error>{{
          form.controls.email.errors | fieldError: { required: 'Enter an email address.' }
        }}</mat-error>
      </mat-form-field>
      <mm-role-picker [control]="form.controls.roles" [roles]="roles" />
    </form>
  `,
  styles: ``,
})
export class InviteMemberDialog {
  private readonly store = inject(MembersStore);
  protected readonly roles =
    inject<InviteMemberDialogData | null>(MAT_DIALOG_DATA, { optional: true })?.roles ?? ORGANIZATION_ROLES;
  private readonly dialogRef = inject<MatDialogRef<InviteMemberDialog, InvitationView>>(MatDialogRef);
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(FIELD_LIMITS.email.max)]],
    roles: [['mentee'] as OrganizationRole[], Validators.required],
  });

  protected readonly submission = new FormSubmission(this.form, {
    [ERROR_CODES.invitationPending]: 'email',
    [ERROR_CODES.alreadyMember]: 'email',
    [ERROR_CODES.roleNotGrantable]: 'roles',
  });

  protected submit(): void {
    const { email, roles } = this.form.getRawValue();
    this.submission.submit(
      () => this.store.invite({ email: email.trim(), roles }),
      (invitation) => this.dialogRef.close(invitation),
    );
  }
}
