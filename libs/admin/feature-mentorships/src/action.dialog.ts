import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { CHOSEN_END_REASONS, FIELD_LIMITS, type MatchAction } from '@mentorship/contracts';
import { FieldErrorPipe } from '@mentorship/admin/ui';
import { actionLabel, actionReason, endReasonLabel } from './mentorship-words';

export interface ActionDialogData {
  action: MatchAction;
  /** Who reads the reason, in a sentence. */
  audience: string;
}

type ChosenEndReason = (typeof CHOSEN_END_REASONS)[number];

/** The reason given, and for an ending its code (seen by both sides and coordinators). */
export interface ActionAnswer {
  reason?: string;
  reasonCode?: ChosenEndReason;
}

/** Asks before a state change, with the reason the state machine needs (or allows) for it. */
@Component({
  selector: 'mm-match-action-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    FieldErrorPipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ label }}?</h2>
    <mat-dialog-content class="mm-form-fields">
      @if (kind !== 'none') {
        <p>{{ data.audience }}</p>
        @if (data.action === 'end') {
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>Why it ends</mat-label>
            <mat-select [formControl]="code">
              @for (c of codes; track c) {
                <mat-option [value]="c">{{ codeText(c) }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        }
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ kind === 'required' ? 'Reason' : 'Reason (optional)' }}</mat-label>
          <textarea matInput rows="3" [formControl]="reason" [maxlength]="max"></textarea>
          <mat-error>{{ reason.errors | fieldError: { required: 'Say why.' } }}</mat-error>
        </mat-form-field>
      } @else {
        <p>This changes the match for both sides.</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="undefined">Cancel</button>
      <button mat-flat-button type="button" (click)="confirm()">{{ label }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    mat-dialog-content {
      max-width: 480px;
    }
  `,
})
export class ActionDialog {
  protected readonly data = inject<ActionDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<ActionDialog, ActionAnswer>);
  protected readonly codes = CHOSEN_END_REASONS;
  protected readonly codeText = endReasonLabel;
  protected readonly code = new FormControl<ChosenEndReason>('other', { nonNullable: true });
  protected readonly label = actionLabel(this.data.action);
  protected readonly kind = actionReason(this.data.action);
  protected readonly max = FIELD_LIMITS.matchReason.max;
  protected readonly reason = new FormControl('', {
    nonNullable: true,
    validators: this.kind === 'required' ? [Validators.required, Validators.pattern(/\S/)] : [],
  });

  protected confirm(): void {
    if (this.reason.invalid) return this.reason.markAsTouched();
    const reason = this.reason.value.trim();
    this.ref.close({
      ...(reason ? { reason } : {}),
      ...(this.data.action === 'end' ? { reasonCode: this.code.value } : {}),
    });
  }
}
