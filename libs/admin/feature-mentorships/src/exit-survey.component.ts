import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { FIELD_LIMITS } from '@mentorship/contracts';
import { SubmitButtonsComponent, FormSubmission } from '@mentorship/admin/ui';
import { RadioQuestionComponent, scale } from './radio-question.component';
import { MatchSection } from './match-section';

/** After a match ends or completes: each side rates it once and says what worked and what to change. */
@Component({
  selector: 'mm-exit-survey',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    RadioQuestionComponent,
    SubmitButtonsComponent,
  ],
  template: `
    <section class="mm-section" aria-labelledby="exit-title">
      <h2 id="exit-title">Exit survey</h2>
      @if (store.exitSurvey(); as survey) {
        <ul class="answers" aria-label="Exit survey answers">
          @for (answer of survey.answers; track answer.side) {
            <li>
              <strong>{{ answer.side === 'mentee' ? 'Mentee' : 'Mentor' }}:</strong>
              @if (!answer.answered) {
                not answered yet
              } @else if (answer.rating === null) {
                answered
              } @else {
                rated {{ answer.rating }}/5 on {{ when(answer.answeredAt) }}
                {{ answer.whatWorked ? '— worked: ' + answer.whatWorked : '' }}
                {{ answer.whatToChange ? '— to change: ' + answer.whatToChange : '' }}
              }
            </li>
          }
        </ul>
        @if (canAnswer()) {
          <form [formGroup]="form" (ngSubmit)="answer()" class="mm-form-fields" aria-label="Exit survey">
            <mm-radio-question
              question="How was the mentorship? (1 poor – 5 excellent)"
              [control]="form.controls.rating"
              [choices]="ratings"
            />
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>What worked</mat-label>
              <textarea matInput rows="2" formControlName="whatWorked"></textarea>
            </mat-form-field>
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>What to change next time</mat-label>
              <textarea matInput rows="2" formControlName="whatToChange"></textarea>
            </mat-form-field>
            <mm-submit-buttons [submission]="submission" label="Send" />
          </form>
        }
      }
    </section>
  `,
  styleUrl: './mentorships.css',
})
export class ExitSurveyComponent extends MatchSection {
  protected readonly ratings = scale(1, 5);
  private readonly notes = [Validators.maxLength(FIELD_LIMITS.checkInNotes.max)];
  protected readonly form = new FormGroup({
    rating: new FormControl<number | null>(null, Validators.required),
    whatWorked: new FormControl('', { nonNullable: true, validators: this.notes }),
    whatToChange: new FormControl('', { nonNullable: true, validators: this.notes }),
  });
  protected readonly submission = new FormSubmission(this.form);

  protected readonly canAnswer = computed(() => {
    const side = this.store.side();
    const survey = this.store.exitSurvey();
    return !!side && !!survey?.open && !survey.answers.find((a) => a.side === side)?.answered;
  });

  protected answer(): void {
    const v = this.form.getRawValue();
    this.send(
      this.submission,
      (orgId, matchId) =>
        this.api.answerExitSurvey(orgId, matchId, {
          rating: v.rating ?? 1,
          ...(v.whatWorked.trim() ? { whatWorked: v.whatWorked.trim() } : {}),
          ...(v.whatToChange.trim() ? { whatToChange: v.whatToChange.trim() } : {}),
        }),
      'Thank you: your answer is sent.',
      (survey) => this.store.exitSurvey.set(survey),
    );
  }
}
