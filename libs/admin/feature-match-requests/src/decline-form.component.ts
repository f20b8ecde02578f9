import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import {
  DECLINE_REASONS,
  FIELD_LIMITS,
  type DeclineReason,
  type MatchRequestView,
} from '@mentorship/contracts';
import { MatchingApi } from '@mentorship/admin/data-access-matching';
import {
  FieldErrorPipe,
  SubmitButtonsComponent,
  FormSubmission,
  characters,
  lengthInCharacters,
} from '@mentorship/admin/ui';
import { declineReasonLabel } from '@mentorship/admin/util';

const NOBODY = '';

/** A mentor's no: a reason the mentee reads, an optional word, optionally another mentor to ask. */
@Component({
  selector: 'mm-decline-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    FieldErrorPipe,
    SubmitButtonsComponent,
  ],
  template: `
    <form
      [formGroup]="form"
      (ngSubmit)="decline()"
      novalidate
      [attr.aria-label]="'Decline ' + request().subject"
    >
      <fieldset class="reasons">
        <legend>Why do you decline? {{ request().mentee.displayName }} reads it.</legend>
        <mat-radio-group formControlName="reason" class="reason-group">
          @for (reason of reasons; track reason) {
            <mat-radio-button [value]="reason">{{ reasonLabel(reason) }}</mat-radio-button>
          }
        </mat-radio-group>
        @if (form.controls.reason.touched && form.controls.reason.invalid) {
          <p class="error" role="alert">Pick a reason.</p>
        }
      </fieldset>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>A word to {{ request().mentee.displayName }} (optional)</mat-label>
        <textarea matInput formControlName="note" rows="2"></textarea>
        <mat-hint align="end">{{ noteLength() }} / {{ noteMax }}</mat-hint>
        <mat-error>{{ form.controls.note.errors | fieldError }}</mat-error>
      </mat-form-field>
      @if (otherMentors().length > 0) {
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Suggest another mentor (optional)</mat-label>
          <mat-select formControlName="suggestedMentorUserId">
            <mat-option [value]="nobody">Nobody</mat-option>
            @for (mentor of otherMentors(); track mentor.userId) {
              <mat-option [value]="mentor.userId">{{ mentor.displayName }}</mat-option>
            }
          </mat-select>
          <mat-hint>Mentors of this cohort with a free place.</mat-hint>
          <mat-error>{{ form.controls.suggestedMentorUserId.errors | fieldError }}</mat-error>
        </mat-form-field>
      }
      <mm-submit-buttons
        [submission]="submission"
        label="Decline the request"
        cancelLabel="Cancel"
        (cancelled)="cancelled.emit()"
      />
    </form>
  `,
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 16px;
      padding-top: 8px;
    }
    .reasons {
      border: 0;
      margin: 0;
      padding: 0;
    }
    legend {
      font: var(--mat-sys-label-large);
      padding: 0;
    }
    .reason-group {
      display: flex;
      flex-wrap: wrap;
      gap: 0 16px;
    }
    .error {
      margin: 4px 0 0;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class DeclineFormComponent {
  readonly orgId = input.required<string>();
  readonly request = input.required<MatchRequestView>();
  readonly otherMentors = input<{ userId: string; displayName: string }[]>([]);
  readonly declined = output<MatchRequestView>();
  readonly cancelled = output<void>();

  private readonly api = inject(MatchingApi);
  protected readonly reasons = DECLINE_REASONS;
  protected readonly reasonLabel = declineReasonLabel;
  protected readonly nobody = NOBODY;
  protected readonly noteMax = FIELD_LIMITS.matchRequestDeclineNote.max;
  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['' as DeclineReason | '', Validators.required],
    note: ['', lengthInCharacters(0, FIELD_LIMITS.matchRequestDeclineNote.max, { trim: true })],
    suggestedMentorUserId: [NOBODY],
  });
  protected readonly submission = new FormSubmission(this.form, {
    mentor_not_in_cohort: 'suggestedMentorUserId',
  });

  protected noteLength(): number {
    return characters(this.form.controls.note.value.trim());
  }

  protected decline(): void {
    const { reason, note, suggestedMentorUserId } = this.form.getRawValue();
    if (reason === '') {
      this.form.markAllAsTouched();
      return;
    }
    const body = {
      reason,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(suggestedMentorUserId ? { suggestedMentorUserId } : {}),
    };
    this.submission.submitInPlace(
      () => this.api.decline(this.orgId(), this.request().id, body),
      (declined) => this.declined.emit(declined),
    );
  }
}
