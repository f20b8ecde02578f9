import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { CohortFeedback, CohortView } from '@mentorship/contracts';
import { MentorshipsApi } from '@mentorship/admin/data-access-mentorships';
import { CohortsApi } from '@mentorship/admin/data-access-programs';
import { EmptyStateComponent, ErrorNotifier, LoadingStateComponent } from '@mentorship/admin/ui';
import { counted } from './mentorship-words';

/** A share of a total, in whole percent ("–" when there is nothing to share). */
export function shareOf(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part * 100) / whole)} %` : '–';
}

/** The recommendation score as people read it: "+40", "0", "-15". */
export function scoreLabel(score: number | null): string {
  if (score === null) return '–';
  return score > 0 ? `+${score}` : String(score);
}

/**
 * `/orgs/:orgId/cohorts/:cohortId/feedback` (coordinators and admins): the cohort's feedback in
 * aggregate — the end-of-cohort recommendation score, the pulse by period, the success measures
 * both sides reported. Never per person; comments appear, unattributed, only where the program
 * lets coordinators read private notes (the API leaves them out otherwise).
 */
@Component({
  selector: 'mm-cohort-feedback-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatTableModule, EmptyStateComponent, LoadingStateComponent],
  template: `
    <div class="mm-page">
      <p class="crumb">
        <a [routerLink]="['/orgs', orgId(), 'cohorts', cohortId()]">← {{ cohort()?.name ?? 'Cohort' }}</a>
      </p>
      <header class="mm-page-header">
        <h1>Feedback</h1>
        <a [routerLink]="['/orgs', orgId(), 'cohorts', cohortId(), 'matches']">Matches of the cohort</a>
      </header>
      <p class="hint">In aggregate only: no answer is shown with its person.</p>
      <mm-loading-state [loading]="feedback() === null" label="Loading the cohort’s feedback" />
      @if (feedback(); as f) {
        <section class="mm-section" aria-labelledby="recommend-title">
          <h2 id="recommend-title">Would they recommend it?</h2>
          @if (f.recommendation.answers === 0) {
            <mm-empty-state
              >No one has answered the end-of-cohort survey yet. Participants are asked once the cohort
              closes.</mm-empty-state
            >
          } @else {
            <p class="score">
              <span class="value">{{ score(f.recommendation.netPromoterScore) }}</span>
              recommendation score (net promoter score, -100 to +100) from
              {{ f.recommendation.answers }} answers
            </p>
            <ul class="facts">
              <li>
                Promoters (9–10): {{ f.recommendation.promoters }} ·
                {{ share(f.recommendation.promoters, f.recommendation.answers) }}
              </li>
              <li>
                Passives (7–8): {{ f.recommendation.passives }} ·
                {{ share(f.recommendation.passives, f.recommendation.answers) }}
              </li>
              <li>
                Detractors (0–6): {{ f.recommendation.detractors }} ·
                {{ share(f.recommendation.detractors, f.recommendation.answers) }}
              </li>
            </ul>
          }
        </section>
        <section class="mm-section" aria-labelledby="pulse-title">
          <h2 id="pulse-title">Pulse</h2>
          @if (f.pulses.length === 0) {
            <mm-empty-state
              >No pulse answered yet: pairs are asked at the program’s pulse interval once their mentorship
              starts.</mm-empty-state
            >
          } @else {
            <table mat-table [dataSource]="f.pulses" aria-label="Pulse by period">
              <ng-container matColumnDef="period">
                <th mat-header-cell *matHeaderCellDef scope="col">Period</th>
                <!-- The API counts periods from 0; people count from 1. -->
                <td mat-cell *matCellDef="let pulse">{{ pulse.period + 1 }}</td>
              </ng-container>
              <ng-container matColumnDef="answers">
                <th mat-header-cell *matHeaderCellDef scope="col">Answers</th>
                <td mat-cell *matCellDef="let pulse">{{ pulse.answers }}</td>
              </ng-container>
              <ng-container matColumnDef="average">
                <th mat-header-cell *matHeaderCellDef scope="col">Average (1–5)</th>
                <td mat-cell *matCellDef="let pulse">{{ pulse.averageRating ?? '–' }}</td>
              </ng-container>
              <tr mat-header-row *matHeaderRowDef="pulseColumns"></tr>
              <tr mat-row *matRowDef="let row; columns: pulseColumns"></tr>
            </table>
          }
        </section>
        <section class="mm-section" aria-labelledby="outcomes-title">
          <h2 id="outcomes-title">Success measures</h2>
          @if (f.outcomes.reports === 0) {
            <mm-empty-state
              >No success measures reported yet: each side reports them on the match page.</mm-empty-state
            >
          } @else {
            <p>{{ reports(f.outcomes.reports) }} (one per side of a match):</p>
            <ul class="facts">
              <li>
                Skills gained: {{ f.outcomes.skillsGained }} ·
                {{ share(f.outcomes.skillsGained, f.outcomes.reports) }}
              </li>
              <li>
                A project completed: {{ f.outcomes.projectCompleted }} ·
                {{ share(f.outcomes.projectCompleted, f.outcomes.reports) }}
              </li>
              <li>
                A career step: {{ f.outcomes.careerStep }} ·
                {{ share(f.outcomes.careerStep, f.outcomes.reports) }}
              </li>
              <li>
                A network grown: {{ f.outcomes.networkGrown }} ·
                {{ share(f.outcomes.networkGrown, f.outcomes.reports) }}
              </li>
            </ul>
          }
        </section>
        <section class="mm-section" aria-labelledby="comments-title">
          <h2 id="comments-title">Comments</h2>
          @if (f.comments === null) {
            <p class="hint">
              Comments stay private in this program. The program’s setting “private notes to coordinators”
              shows them here, without names.
            </p>
          } @else if (f.comments.length === 0) {
            <mm-empty-state>No comments yet.</mm-empty-state>
          } @else {
            <ul class="entries" aria-label="Comments">
              @for (comment of f.comments; track $index) {
                <li class="comment">“{{ comment }}”</li>
              }
            </ul>
          }
        </section>
      }
    </div>
  `,
  styleUrl: './mentorships.css',
  styles: `
    .score .value {
      font: var(--mat-sys-display-small);
      margin-right: 8px;
    }
    .facts {
      margin: 8px 0 0;
      padding-left: 20px;
    }
    .comment {
      overflow-wrap: anywhere;
    }
    .mm-section + .mm-section {
      margin-top: 16px;
    }
  `,
})
export class CohortFeedbackPage {
  readonly orgId = input.required<string>();
  readonly cohortId = input.required<string>();
  private readonly api = inject(MentorshipsApi);
  private readonly cohorts = inject(CohortsApi);
  private readonly notifier = inject(ErrorNotifier);
  protected readonly pulseColumns = ['period', 'answers', 'average'];
  protected readonly share = shareOf;
  protected readonly score = scoreLabel;
  protected readonly reports = (count: number) => counted(count, 'report');
  protected readonly cohort = signal<CohortView | null>(null);
  protected readonly feedback = signal<CohortFeedback | null>(null);

  constructor() {
    effect((onCleanup) => {
      const orgId = this.orgId();
      const cohortId = this.cohortId();
      this.feedback.set(null);
      const subscriptions = [
        this.cohorts.get(orgId, cohortId).subscribe({
          next: (cohort) => this.cohort.set(cohort),
          error: (error: unknown) => this.notifier.show(error),
        }),
        this.api.cohortFeedback(orgId, cohortId).subscribe({
          next: (feedback) => this.feedback.set(feedback),
          error: (error: unknown) => this.notifier.show(error),
        }),
      ];
      onCleanup(() => subscriptions.forEach((s) => s.unsubscribe()));
    });
  }
}
