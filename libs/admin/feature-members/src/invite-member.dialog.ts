import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatInputModule } from '@angular/material/input';
import type { InvitationView, OrganizationRole } from '@mentorship/contracts';
import { ErrorNotifier, RolePickerComponent } from '@mentorship/admin/ui';
import { MembersStore } from './members.store';

/** Invites someone by email; stays open on failure so nothing typed is lost. */
@Component({
  selector: 'mm-invite-member-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatDialogModule, MatInputModule, MatButtonModule, RolePickerComponent],
  template: `
    <h2 mat-dialog-title>Invite a member</h2>
    <form [formGroup]="form" (ngSubmit)="submit()">
      <mat-dialog-content>
        <mat-form-field class="mm-full-width">
          <mat-label>Email</mat-label>
          <input matInput type="email" formControlName="email" autocomplete="off" required cdkFocusInitial />
          @if (form.controls.email.hasError('email')) {
            <mat-error>Enter an email address.</mat-error>
          }
        </mat-form-field>
        <mm-role-picker [control]="form.controls.roles" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="submitting()">Send invitation</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-dialog-content {
      min-width: min(420px, 80vw);
      padding-top: 8px !important;
    }
  `,
})
export class InviteMemberDialog {
  private readonly store = inject(MembersStore);
  private readonly notifier = inject(ErrorNotifier);
  private readonly dialogRef = inject<MatDialogRef<InviteMemberDialog, InvitationView>>(MatDialogRef);
  protected readonly submitting = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    roles: [['mentee'] as OrganizationRole[], Validators.required],
  });

  protected submit(): void {
    if (this.form.invalid || this.submitting()) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    const { email, roles } = this.form.getRawValue();
    this.store.invite({ email: email.trim(), roles }).subscribe({
      next: (invitation) => this.dialogRef.close(invitation),
      error: (error: unknown) => {
        this.submitting.set(false);
        this.notifier.show(error);
      },
    });
  }
}
