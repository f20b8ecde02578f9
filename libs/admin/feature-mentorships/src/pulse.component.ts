import { ChangeDetectionStrategy, Component } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { FIELD_LIMITS } from '@mentorship/contracts';
import { SubmitButtonsComponent, FormSubmission } from '@mentorship/admin/ui';
import { RadioQuestionComponent, scale } from './radio-question.component';
import { MatchSection } from './match-section';

/** The pulse survey of this period (1–5 and a comment) for a side, and their earlier answers. */
@Component({
  selector: 'mm-pulse',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    RadioQuestionComponent,
    SubmitButtonsComponent,
  ],
  template: `
    <section class="mm-section" aria-labelledby="pulse-title">
      <h2 id="pulse-title">Feedback</h2>
      @if (store.pulse(); as pulse) {
        @if (pulse.due && store.running()) {
          <form [formGroup]="form" (ngSubmit)="answer()" class="mm-form-fields" aria-label="Pulse survey">
            <mm-radio-question
              question="How is the mentorship going? (1 poor – 5 great)"
              [control]="form.controls.rating"
              [choices]="ratings"
            />
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>Comment (optional)</mat-label>
              <textarea matInput rows="2" formControlName="comment"></textarea>
              <mat-hint>Coordinators read it where the program allows.</mat-hint>
            </mat-form-field>
            <mm-submit-buttons [submission]="submission" label="Send" [outlined]="true" />
          </form>
        } @else if (store.running()) {
          <p class="hint">Next pulse from {{ day(pulse.nextPeriodOn) }}.</p>
        } @else {
          <p class="hint">No more pulses: the mentorship is over.</p>
        }
        @if (pulse.answers.length > 0) {
          <ul class="answers" aria-label="My pulse answers">
            @for (answer of pulse.answers; track answer.period) {
              <li>
                {{ when(answer.answeredAt) }}: {{ answer.rating }}/5
                {{ answer.comment ? '— ' + answer.comment : '' }}
              </li>
            }
          </ul>
        }
      }
    </section>
  `,
  styleUrl: './mentorships.css',
})
export class PulseComponent extends MatchSection {
  protected readonly ratings = scale(1, 5);
  protected readonly form = new FormGroup({
    rating: new FormControl<number | null>(null, Validators.required),
    comment: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(FIELD_LIMITS.checkInNotes.max)],
    }),
  });
  protected readonly submission = new FormSubmission(this.form);

  protected answer(): void {
    const v = this.form.getRawValue();
    this.send(
      this.submission,
      (orgId, matchId) =>
        this.api.answerPulse(orgId, matchId, {
          rating: v.rating ?? 1,
          ...(v.comment.trim() ? { comment: v.comment.trim() } : {}),
        }),
      'Thank you: your pulse is sent.',
      (pulse) => this.store.pulse.set(pulse),
    );
  }
}
