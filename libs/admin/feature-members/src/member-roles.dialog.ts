import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import type { MemberView } from '@mentorship/contracts';
import { ErrorNotifier, RolePickerComponent } from '@mentorship/admin/ui';
import { MembersStore } from './members.store';

/** Changes one member's roles; stays open on failure (e.g. 403 for non-admins). */
@Component({
  selector: 'mm-member-roles-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, RolePickerComponent],
  template: `
    <h2 mat-dialog-title>Roles of {{ member.displayName }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()">
      <mat-dialog-content>
        <p class="email">{{ member.email }}</p>
        <mm-role-picker [control]="form.controls.roles" requiredMessage="A member holds at least one role." />
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
