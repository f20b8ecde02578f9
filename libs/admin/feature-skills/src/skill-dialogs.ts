import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ERROR_CODES, FIELD_LIMITS, type SkillView } from '@mentorship/contracts';
import { FieldErrorPipe, FormDialogComponent, FormSubmission } from '@mentorship/admin/ui';
import { SkillsStore } from './skills.store';

/** Renames a skill; a name another skill has (in any case) is refused on the field. */
@Component({
  selector: 'mm-rename-skill-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatDialogModule, MatInputModule, FieldErrorPipe, FormDialogComponent],
  template: `
    <h2 mat-dialog-title>Rename {{ skill.name }}</h2>
    <form
      mmFormDialog
      [formGroup]="form"
      (ngSubmit)="submit()"
      [submission]="submission"
      submitLabel="Rename"
    >
      <mat-form-field class="mm-full-width">
        <mat-label>New name</mat-label>
        <input matInput formControlName="name" required autocomplete="off" cdkFocusInitial />
        <mat-error>{{
          form.controls.name.errors | fieldError: { required: 'Enter the new name.' }
        }}</mat-error>
      </mat-form-field>
    </form>
  `,
})
export class RenameSkillDialog {
  protected readonly skill = inject<SkillView>(MAT_DIALOG_DATA);
  private readonly store = inject(SkillsStore);
  private readonly dialogRef = inject<MatDialogRef<RenameSkillDialog, SkillView>>(MatDialogRef);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.skill.name, [Validators.required, Validators.maxLength(FIELD_LIMITS.skillName.max)]],
  });
  protected readonly submission = new FormSubmission(this.form, { [ERROR_CODES.skillNameTaken]: 'name' });

  protected submit(): void {
    this.submission.submit(
      () => this.store.rename(this.skill, this.form.controls.name.value),
      (renamed) => this.dialogRef.close(renamed),
    );
  }
}

/** Merges a skill into another: profiles that had it get the other, the merged one goes. */
@Component({
  selector: 'mm-merge-skill-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatDialogModule, MatSelectModule, FieldErrorPipe, FormDialogComponent],
  template: `
    <h2 mat-dialog-title>Merge {{ skill.name }}</h2>
    <form
      mmFormDialog
      [formGroup]="form"
      (ngSubmit)="submit()"
      [submission]="submission"
      submitLabel="Merge"
      [minWidth]="420"
      [labelRoom]="false"
    >
      <p formDialogIntro class="explain">
        The {{ skill.profiles }} profiles with {{ skill.name }} get the skill you pick instead (keeping the
        higher level where they had both), and {{ skill.name }} leaves the catalogue.
      </p>
      <mat-form-field class="mm-full-width">
        <mat-label>Merge into</mat-label>
        <mat-select formControlName="intoSkillId" required>
          @for (target of targets(); track target.id) {
            <mat-option [value]="target.id">{{ target.name }}</mat-option>
          }
        </mat-select>
        <mat-error>{{
          form.controls.intoSkillId.errors | fieldError: { required: 'Pick the skill to keep.' }
        }}</mat-error>
      </mat-form-field>
    </form>
  `,
  styles: `
    .explain {
      margin-top: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class MergeSkillDialog {
  protected readonly skill = inject<SkillView>(MAT_DIALOG_DATA);
  private readonly store = inject(SkillsStore);
  private readonly dialogRef = inject<MatDialogRef<MergeSkillDialog, boolean>>(MatDialogRef);
  protected readonly targets = computed(() =>
    this.store.activeSkills().filter((s) => s.id !== this.skill.id),
  );
  protected readonly form = inject(NonNullableFormBuilder).group({
    intoSkillId: ['', Validators.required],
  });
  protected readonly submission = new FormSubmission(this.form);

  protected submit(): void {
    this.submission.submit(
      () => this.store.merge(this.skill, this.form.controls.intoSkillId.value),
      () => this.dialogRef.close(true),
    );
  }
}
