import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatSelectModule } from '@angular/material/select';
import { ORGANIZATION_ROLES, type MemberView } from '@mentorship/contracts';
import { ErrorNotifier } from '../../core/errors/error-notifier';
import { MembersStore } from './members.store';
import { roleLabel } from '../../shared/role-label';

/** Changes one member's roles; stays open on failure (e.g. 403 for non-admins). */
@Component({
  selector: 'mm-member-roles-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatDialogModule, MatSelectModule, MatButtonModule],
  template: `
    <h2 mat-dialog-title>Roles of {{ member.displayName }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()">
      <mat-dialog-content>
        <p class="email">{{ member.email }}</p>
        <mat-form-field class="mm-full-width">
          <mat-label>Roles</mat-label>
          <mat-select formControlName="roles" multiple required>
            @for (role of roles; track role) {
              <mat-option [value]="role">{{ label(role) }}</mat-option>
            }
          </mat-select>
          @if (form.controls.roles.hasError('required')) {
            <mat-error>A member holds at least one role.</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="submitting() || form.pristine">Save roles</button>
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
  private readonly notifier = inject(ErrorNotifier);
  private readonly dialogRef = inject<MatDialogRef<MemberRolesDialog, MemberView>>(MatDialogRef);
  protected readonly roles = ORGANIZATION_ROLES;
  protected readonly label = roleLabel;
  protected readonly submitting = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    roles: [[...this.member.roles], Validators.required],
  });

  protected submit(): void {
    if (this.form.invalid || this.submitting()) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.store.changeRoles(this.member.userId, this.form.controls.roles.value).subscribe({
      next: (updated) => this.dialogRef.close(updated),
      error: (error: unknown) => {
        this.submitting.set(false);
        this.notifier.show(error);
      },
    });
  }
}
