import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { FIELD_LIMITS, type CohortSurveyView } from '@mentorship/contracts';
import { MentorshipsApi } from '@mentorship/admin/data-access-mentorships';
import { ErrorNotifier, SubmitButtonsComponent, FormSubmission } from '@mentorship/admin/ui';
import { instantLabel } from './mentorship-words';
import { RadioQuestionComponent, scale } from './radio-question.component';

/**
 * The end-of-cohort survey of one cohort, for its mentees and mentors: once the cohort has
 * closed, "would you recommend it?" from 0 to 10, answered once. Shows nothing while the survey
 * is not open to the caller (the cohort still runs, or they did not take part).
 */
@Component({
  selector: 'mm-cohort-survey',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // No box of its own: while it shows nothing, the page's gaps do not count it.
  host: { style: 'display: contents' },
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    RadioQuestionComponent,
    SubmitButtonsComponent,
  ],
  template: `
    @if (survey(); as s) {
      @if (s.open || s.answer) {
        <section class="mm-section" [attr.aria-labelledby]="titleId()">
          <h2 [id]="titleId()">End of {{ cohortName() }}: your view</h2>
          @if (s.answer; as a) {
            <p class="answered" role="status">
              <span class="mm-chip good">Answered</span>
              You would recommend it {{ a.recommend }} out of 10 (answered {{ when(a.answeredAt) }}). Thank
              you.
            </p>
            @if (a.comment) {
              <blockquote class="note">“{{ a.comment }}”</blockquote>
            }
          } @else {
            <form
              [formGroup]="form"
              (ngSubmit)="answer()"
              class="mm-form-fields"
              [attr.aria-label]="'End-of-cohort survey of ' + cohortName()"
            >
              <mm-radio-question
                question="How likely are you to recommend this program to a colleague? (0 not at all – 10 certainly)"
                [control]="form.controls.recommend"
                [choices]="scores"
              />
              @if (form.controls.recommend.invalid && form.controls.recommend.touched) {
                <p class="hint-error" role="alert">Choose a score from 0 to 10.</p>
              }
              <mat-form-field subscriptSizing="dynamic">
                <mat-label>Anything to add (optional)</mat-label>
                <textarea matInput rows="2" formControlName="comment"></textarea>
                <mat-hint>Coordinators read answers together, without your name.</mat-hint>
              </mat-form-field>
              <mm-submit-buttons [submission]="submission" label="Send my answer" />
            </form>
            <p class="hint">One answer per person; it cannot be changed once sent.</p>
          }
        </section>
      }
    }
  `,
  styleUrl: './mentorships.css',
})
export class CohortSurveyComponent {
  readonly orgId = input.required<string>();
  readonly cohortId = input.required<string>();
  readonly cohortName = input.required<string>();
  private readonly api = inject(MentorshipsApi);
  private readonly notifier = inject(ErrorNotifier);
  protected readonly survey = signal<CohortSurveyView | null>(null);
  protected readonly when = instantLabel;
  protected readonly scores = scale(0, 10);
  protected readonly titleId = () => `cohort-survey-${this.cohortId()}`;
  protected readonly form = new FormGroup({
    recommend: new FormControl<number | null>(null, Validators.required),
    comment: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(FIELD_LIMITS.checkInNotes.max)],
    }),
  });
  protected readonly submission = new FormSubmission(this.form);

  constructor() {
    effect(() => {
      const [orgId, cohortId] = [this.orgId(), this.cohortId()];
      untracked(() => this.load(orgId, cohortId));
    });
  }

  private load(orgId: string, cohortId: string): void {
    this.api.cohortSurvey(orgId, cohortId).subscribe({
      next: (survey) => this.survey.set(survey),
      // Not being able to read the survey hides it; the rest of the page stays usable.
      error: () => this.survey.set(null),
    });
  }

  protected answer(): void {
    const { recommend, comment } = this.form.getRawValue();
    this.submission.submitInPlace(
      () =>
        this.api.answerCohortSurvey(this.orgId(), this.cohortId(), {
          recommend: recommend ?? 0,
          ...(comment.trim() ? { comment: comment.trim() } : {}),
        }),
      () => {
        this.notifier.info('Thank you: your answer is sent.');
        this.load(this.orgId(), this.cohortId());
      },
    );
  }
}
