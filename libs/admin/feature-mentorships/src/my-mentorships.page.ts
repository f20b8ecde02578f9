import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { MATCH_STATUSES, type MatchPage, type MatchStatus } from '@mentorship/contracts';
import { SessionStore } from '@mentorship/admin/data-access-identity';
import { MentorshipsApi } from '@mentorship/admin/data-access-mentorships';
import {
  EmptyStateComponent,
  ErrorNotifier,
  LoadingStateComponent,
  ListPagesComponent,
  PagedList,
  ChoiceFilterComponent,
} from '@mentorship/admin/ui';
import { CohortSurveyComponent } from './cohort-survey.component';
import { instantLabel, matchStatusLabel, matchStatusTone, nextStep, sideOf } from './mentorship-words';

const OVER: string[] = ['completed', 'ended', 'trial_declined'];

interface MyMentorshipFilters {
  status: MatchStatus | null;
}
const ANY_STATE: MyMentorshipFilters = { status: null };

/** `/orgs/:orgId/matches`: the caller's mentorships, as mentee and as mentor, with the next step of each. */
@Component({
  selector: 'mm-my-mentorships-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ChoiceFilterComponent,
    RouterLink,
    MatCardModule,
    ListPagesComponent,

    EmptyStateComponent,
    LoadingStateComponent,
    CohortSurveyComponent,
  ],
  template: `
    <div class="mm-page">
      <header class="mm-page-header">
        <h1>My mentorships</h1>
        <mm-choice-filter
          class="status-filter"
          label="State"
          anyLabel="Any state"
          [choices]="statuses"
          [labelOf]="statusLabel"
          [value]="list.filters().status"
          (changed)="list.filter({ status: $event })"
        />
      </header>
      <mm-loading-state [loading]="list.loading()" label="Loading your mentorships" />
      @if (list.page(); as p) {
        @if (p.items.length === 0) {
          <mm-empty-state>
            @if (list.filters().status) {
              No mentorship is in this state.
            } @else {
              You have no mentorship yet. A match appears here once a coordinator proposes it or a mentor
              accepts your request.
            }
          </mm-empty-state>
        } @else {
          @for (cohort of closedCohorts(); track cohort.id) {
            <mm-cohort-survey
              class="spaced"
              [orgId]="orgId()"
              [cohortId]="cohort.id"
              [cohortName]="cohort.name"
            />
          }
          <ul class="cards" aria-label="My mentorships">
            @for (match of p.items; track match.id) {
              <li>
                <mat-card appearance="outlined">
                  <mat-card-header>
                    <mat-card-title>
                      <h2 class="card-title">
                        <a [routerLink]="['/orgs', orgId(), 'matches', match.id]">{{ title(match) }}</a>
                      </h2>
                    </mat-card-title>
                    <mat-card-subtitle
                      >{{ match.cohortName }} · you are the {{ side(match) }}</mat-card-subtitle
                    >
                  </mat-card-header>
                  <mat-card-content>
                    <p class="state">
                      <span [class]="'mm-chip ' + tone(match.status)">{{ statusLabel(match.status) }}</span>
                      <span>since {{ when(match.statusChangedAt) }}</span>
                    </p>
                    <p><strong>Next:</strong> {{ next(match) }}</p>
                  </mat-card-content>
                </mat-card>
              </li>
            }
          </ul>
          <mm-list-pages [page]="p" label="Pages of my mentorships" (turned)="list.turn($event)" />
        }
      }
    </div>
  `,
  styleUrl: './mentorships.css',
})
export class MyMentorshipsPage {
  readonly orgId = input.required<string>();
  private readonly api = inject(MentorshipsApi);
  private readonly session = inject(SessionStore);
  private readonly notifier = inject(ErrorNotifier);
  protected readonly statuses = MATCH_STATUSES;
  protected readonly statusLabel = matchStatusLabel;
  protected readonly tone = matchStatusTone;
  protected readonly when = instantLabel;
  protected readonly list = new PagedList(
    (query) => this.api.mine(this.orgId(), query),
    this.notifier,
    ANY_STATE,
  );

  protected readonly side = (match: MatchPage['items'][number]) =>
    sideOf(match, this.session.user()?.id) ?? 'coordinator';
  protected readonly next = (match: MatchPage['items'][number]) =>
    nextStep(match, sideOf(match, this.session.user()?.id));
  /** The other side's name first: who the mentorship is with. */
  protected readonly title = (match: MatchPage['items'][number]) =>
    this.side(match) === 'mentor'
      ? `Mentoring ${match.mentee.displayName}`
      : `Mentored by ${match.mentor.displayName}`;

  /** Cohorts of the mentorships shown that are over: their end-of-cohort survey, once they close. */
  protected readonly closedCohorts = computed(() => {
    const cohorts = new Map<string, { id: string; name: string }>();
    for (const match of this.list.page()?.items ?? [])
      if (OVER.includes(match.status) && sideOf(match, this.session.user()?.id))
        cohorts.set(match.cohortId, { id: match.cohortId, name: match.cohortName });
    return [...cohorts.values()];
  });
}
