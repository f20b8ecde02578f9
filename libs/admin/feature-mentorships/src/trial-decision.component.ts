import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { FIELD_LIMITS } from '@mentorship/contracts';
import { FieldErrorPipe, SubmitButtonsComponent, FormSubmission } from '@mentorship/admin/ui';
import { RadioQuestionComponent, scale } from './radio-question.component';
import { MatchSection } from './match-section';

/**
 * The trial: when it ends and answers are due, who has answered, and — for a side that has not
 * — "continue?" with a rating 1–5 and a private note to the coordinator. No one is blamed for a
 * "no": the other side only learns that an answer came.
 */
@Component({
  selector: 'mm-trial-decision',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    RadioQuestionComponent,
    FieldErrorPipe,
    SubmitButtonsComponent,
  ],
  template: `
    <section class="mm-section" aria-labelledby="trial-title">
      <h2 id="trial-title">Trial</h2>
      @if (store.trial(); as trial) {
        <p>
          @if (trial.endsAt) {
            The trial ends {{ when(trial.endsAt) }}; answers are due by {{ when(trial.answersDueAt) }}.
            Without an answer, the program’s default applies.
          } @else {
            The trial starts when the mentor accepts.
          }
        </p>
        <ul class="answers" aria-label="Answers">
          @for (answer of trial.answers; track answer.side) {
            <li>
              <strong>{{ answer.side === 'mentee' ? 'Mentee' : 'Mentor' }}:</strong>
              @if (!answer.answered) {
                not answered yet
              } @else if (answer.continue === null) {
                answered
              } @else {
                {{ answer.continue ? 'continue' : 'do not continue' }}, rated {{ answer.rating }}/5
                {{ answer.byDefault ? '(the program’s default)' : '' }}
                @if (answer.note) {
                  <span class="reason">— private note: “{{ answer.note }}”</span>
                }
              }
            </li>
          }
        </ul>
        @if (canAnswer()) {
          <form
            [formGroup]="form"
            (ngSubmit)="answer()"
            class="mm-form-fields"
            aria-label="Continue after the trial?"
          >
            <div class="field">
              <mm-radio-question
                question="Continue the mentorship after the trial?"
                [control]="form.controls.continue"
                [choices]="continueChoices"
              />
            </div>
            <div class="field">
              <mm-radio-question
                question="How did the trial go? (1 poor – 5 great)"
                [control]="form.controls.rating"
                [choices]="ratings"
              />
            </div>
            @if (form.touched && form.invalid) {
              <p class="hint-error" role="alert">Choose an answer and a rating.</p>
            }
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>Private note to the coordinator (optional)</mat-label>
              <textarea matInput rows="2" formControlName="note" [maxlength]="max"></textarea>
              <mat-hint>Only coordinators read it.</mat-hint>
              <mat-error>{{ form.controls.note.errors | fieldError }}</mat-error>
            </mat-form-field>
            <mm-submit-buttons [submission]="submission" label="Send my answer" />
          </form>
        }
      }
    </section>
  `,
  styleUrl: './mentorships.css',
})
export class TrialDecisionComponent extends MatchSection {
  protected readonly ratings = scale(1, 5);
  protected readonly continueChoices = [
    { value: true, label: 'Yes, continue' },
    { value: false, label: 'No, end it here' },
  ];
  protected readonly max = FIELD_LIMITS.matchReason.max;
  protected readonly form = new FormGroup({
    continue: new FormControl<boolean | null>(null, Validators.required),
    rating: new FormControl<number | null>(null, Validators.required),
    note: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(this.max)] }),
  });
  protected readonly submission = new FormSubmission(this.form);

  /** A side answers once, while the trial runs. */
  protected readonly canAnswer = computed(() => {
    const side = this.store.side();
    const trial = this.store.trial();
    if (!side || trial?.status !== 'trial' || !trial.endsAt) return false;
    return !trial.answers.find((answer) => answer.side === side)?.answered;
  });

  protected answer(): void {
    const { continue: goOn, rating, note } = this.form.getRawValue();
    this.send(
      this.submission,
      (orgId, matchId) =>
        this.api.answerTrial(orgId, matchId, {
          continue: goOn ?? false,
          rating: rating ?? 1,
          ...(note.trim() ? { note: note.trim() } : {}),
        }),
      'Your answer is sent.',
      () => this.store.reload(),
    );
  }
}
