import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  NEEDS_ATTENTION_KINDS,
  TRIAL_ENDING_WITHIN_DAYS,
  type NeedsAttentionKind,
} from '@mentorship/contracts';
import { MentorshipsApi } from '@mentorship/admin/data-access-mentorships';
import {
  EmptyStateComponent,
  ErrorNotifier,
  LoadingStateComponent,
  ListPagesComponent,
  PagedList,
  ChoiceFilterComponent,
} from '@mentorship/admin/ui';
import { dayLabel, instantLabel } from './mentorship-words';

const KIND: Record<NeedsAttentionKind, string> = {
  trial_ending: 'Trial ending',
  rematch_waiting: 'Waiting for a new match',
  no_check_in: 'No check-in',
  milestone_missed: 'Milestone missed',
};
interface AttentionFilters {
  kind: NeedsAttentionKind | null;
  trialEndingWithinDays: number;
}
const EVERY_KIND: AttentionFilters = { kind: null, trialEndingWithinDays: TRIAL_ENDING_WITHIN_DAYS.default };
/** How far ahead a coordinator may look for trials ending. */
const HORIZONS = [7, 14, 30, TRIAL_ENDING_WITHIN_DAYS.max];

/**
 * `/orgs/:orgId/attention` (coordinators and admins): trials ending, declined trials whose mentee
 * waits for a new match, pairs with no check-in for too long, and milestones missed — oldest
 * first, each with a link to the match.
 */
@Component({
  selector: 'mm-needs-attention-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ChoiceFilterComponent,
    RouterLink,
    MatSelectModule,
    EmptyStateComponent,
    ListPagesComponent,
    LoadingStateComponent,
  ],
  template: `
    <div class="mm-page">
      <header class="mm-page-header">
        <h1>Needs attention</h1>
        <div class="row filters">
          <mm-choice-filter
            label="Kind"
            anyLabel="Every kind"
            [choices]="kinds"
            [labelOf]="kindText"
            [value]="list.filters().kind"
            (changed)="list.filter({ kind: $event })"
          />
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>Trials ending within</mat-label>
            <mat-select
              [value]="list.filters().trialEndingWithinDays"
              (selectionChange)="horizon($event.value)"
            >
              @for (days of horizons; track days) {
                <mat-option [value]="days">{{ days }} days</mat-option>
              }
            </mat-select>
          </mat-form-field>
        </div>
      </header>
      <mm-loading-state [loading]="list.loading()" label="Loading what needs attention" />
      @if (list.page(); as p) {
        @if (p.items.length === 0) {
          <mm-empty-state>Nothing needs attention: every pair is on track.</mm-empty-state>
        } @else {
          <ul class="cards" aria-label="Needs attention">
            @for (item of p.items; track item.kind + item.matchId + (item.milestone?.id ?? '')) {
              <li class="mm-section">
                <p class="state">
                  <span [class]="'mm-chip ' + (item.kind === 'trial_ending' ? 'waiting' : 'warn')">{{
                    kindText(item.kind)
                  }}</span>
                  <span class="since">{{ item.cohortName }}</span>
                </p>
                <h2 class="card-title">
                  <a [routerLink]="['/orgs', orgId(), 'matches', item.matchId]"
                    >{{ item.mentee.displayName }} and {{ item.mentor.displayName }}</a
                  >
                </h2>
                <p>{{ item.reason }}</p>
                <p class="hint">
                  Since {{ when(item.since) }}
                  @if (item.dueAt) {
                    · due {{ when(item.dueAt) }}
                  }
                  @if (item.milestone; as m) {
                    · “{{ m.title }}” was due {{ day(m.dueOn) }}
                  }
                  ·
                  <a [routerLink]="['/orgs', orgId(), 'board', item.mentee.userId]"
                    >{{ item.mentee.displayName }}’s board</a
                  >
                </p>
              </li>
            }
          </ul>
          <mm-list-pages [page]="p" label="Pages of what needs attention" (turned)="list.turn($event)" />
        }
      }
    </div>
  `,
  styleUrl: './mentorships.css',
})
export class NeedsAttentionPage {
  readonly orgId = input.required<string>();
  /** `?cohortId=`: one cohort's pairs only (the cohort page links here). */
  readonly cohortId = input<string | undefined>();
  private readonly api = inject(MentorshipsApi);
  private readonly notifier = inject(ErrorNotifier);
  protected readonly kinds = NEEDS_ATTENTION_KINDS;
  protected readonly horizons = HORIZONS;
  protected readonly kindText = (kind: NeedsAttentionKind) => KIND[kind];
  protected readonly when = instantLabel;
  protected readonly day = dayLabel;
  protected readonly list = new PagedList(
    (query) => this.api.needsAttention(this.orgId(), { ...query, cohortId: this.cohortId() ?? null }),
    this.notifier,
    EVERY_KIND,
  );

  protected horizon(days: number): void {
    this.list.filter({ trialEndingWithinDays: days });
  }
}
