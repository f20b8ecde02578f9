import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatInputModule } from '@angular/material/input';
import type { MatchRequestView } from '@mentorship/contracts';
import { MatchingApi } from '@mentorship/admin/data-access-matching';
import { FieldErrorPipe, SubmitButtonsComponent, FormSubmission, characters } from '@mentorship/admin/ui';
import { REQUEST_PARTS, buildRequestForm } from './request-form';

/** The structured request to one mentor: five parts, each with its limit and why it is asked. */
@Component({
  selector: 'mm-request-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatInputModule, FieldErrorPipe, SubmitButtonsComponent],
  template: `
    <form [formGroup]="form" (ngSubmit)="send()" novalidate [attr.aria-label]="'Request to ' + mentorName()">
      <p class="intro">
        Mentors say yes to requests that are specific and small. Each part below is read by
        {{ mentorName() }} before they answer.
      </p>
      @for (part of parts; track part.name) {
        <mat-form-field subscriptSizing="dynamic" class="part">
          <mat-label>{{ part.label }}</mat-label>
          @if (part.rows) {
            <textarea
              matInput
              [formControlName]="part.name"
              [rows]="part.rows"
              [placeholder]="part.placeholder"
            ></textarea>
          } @else {
            <input matInput [formControlName]="part.name" [placeholder]="part.placeholder" />
          }
          <mat-hint class="why">Why we ask: {{ part.why }}</mat-hint>
          <mat-hint align="end" class="count"
            >{{ length(values()?.[part.name]) }} / {{ part.max
            }}<span class="cdk-visually-hidden"> characters at most</span></mat-hint
          >
          <mat-error>{{
            form.controls[part.name].errors
              | fieldError
                : {
                    required: 'Write the ' + part.label.toLowerCase() + '.',
                    blank: 'Write the ' + part.label.toLowerCase() + '.',
                  }
          }}</mat-error>
        </mat-form-field>
      }
      <mm-submit-buttons
        [submission]="submission"
        label="Send request"
        cancelLabel="Back to suggestions"
        (cancelled)="cancelled.emit()"
      />
    </form>
  `,
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 20px;
    }
    .intro {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .part {
      width: 100%;
    }
    .count {
      white-space: nowrap;
    }
  `,
})
export class RequestFormComponent {
  readonly orgId = input.required<string>();
  readonly cohortId = input.required<string>();
  readonly mentorUserId = input.required<string>();
  readonly mentorName = input.required<string>();
  readonly sent = output<MatchRequestView>();
  readonly cancelled = output<void>();

  private readonly api = inject(MatchingApi);
  protected readonly parts = REQUEST_PARTS;
  protected readonly form = buildRequestForm(inject(NonNullableFormBuilder));
  protected readonly values = toSignal(this.form.valueChanges);
  protected readonly submission = new FormSubmission(this.form);
  protected readonly length = (value: string | undefined) => characters((value ?? '').trim());

  protected send(): void {
    const body = { mentorUserId: this.mentorUserId(), ...this.form.getRawValue() };
    this.submission.submitInPlace(
      () => this.api.send(this.orgId(), this.cohortId(), body),
      (request) => this.sent.emit(request),
    );
  }
}
