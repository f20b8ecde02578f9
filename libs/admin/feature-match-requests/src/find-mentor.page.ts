import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  ERROR_CODES,
  type CohortView,
  type SuggestedMentor,
  type SuggestionList,
} from '@mentorship/contracts';
import { MatchingApi } from '@mentorship/admin/data-access-matching';
import { CohortsApi } from '@mentorship/admin/data-access-programs';
import { EmptyStateComponent, ErrorNotifier, LoadingStateComponent } from '@mentorship/admin/ui';
import { errorBodyOf, scoreComponentLabel } from '@mentorship/admin/util';
import { RequestFormComponent } from './request-form.component';

/** How many mentors the page asks for: enough to choose from, few enough to read every reason. */
const SUGGESTIONS = 10;

/** What to do when the cohort shows no suggestions, by the API's refusal. */
const REFUSALS: Partial<Record<string, string>> = {
  [ERROR_CODES.notCohortMentee]:
    'Only enrolled mentees of this cohort see suggested mentors. Check your place under My cohorts.',
  [ERROR_CODES.menteeChoiceOff]:
    'In this cohort a coordinator or a matching round makes the matches: you will hear from them.',
  [ERROR_CODES.cohortNotMatching]:
    'Mentees choose their mentors once the cohort is matching. Come back when the coordinator opens matching.',
};

/**
 * `/orgs/:orgId/cohorts/:cohortId/mentors`: a mentee's suggested mentors in a mentee-choice
 * cohort, best first, each score with its parts in words; "Ask" opens the structured request.
 */
@Component({
  selector: 'mm-find-mentor-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatCardModule,
    EmptyStateComponent,
    LoadingStateComponent,
    RequestFormComponent,
  ],
  template: `
    <div class="mm-page">
      <header class="mm-page-header">
        <h1>{{ asking() ? 'Ask ' + asking()!.displayName : 'Find a mentor' }}</h1>
      </header>
      @if (cohort(); as c) {
        <p class="intro">{{ c.name }} · {{ c.programName }}</p>
      }
      <mm-loading-state [loading]="loading()" label="Loading suggested mentors" />
      @if (asking(); as mentor) {
        <mat-card appearance="outlined" class="form-card">
          <mat-card-content>
            <mm-request-form
              [orgId]="orgId()"
              [cohortId]="cohortId()"
              [mentorUserId]="mentor.mentorUserId"
              [mentorName]="mentor.displayName"
              (sent)="sent()"
              (cancelled)="open(null)"
            />
          </mat-card-content>
        </mat-card>
      } @else if (refusal(); as text) {
        <mm-empty-state>{{ text }}</mm-empty-state>
        <a mat-button [routerLink]="['/orgs', orgId(), 'cohorts']">My cohorts</a>
      } @else if (list(); as suggestions) {
        @if (suggestions.items.length === 0) {
          <mm-empty-state
            >No mentor has a free place for you right now: full mentors, those who declined you and those
            shown to many mentees at once are left out. Look again in a few days, or ask your program's
            coordinator.</mm-empty-state
          >
        } @else {
          <p class="intro">
            Best fit first. A score is out of 100; each line says what adds to it. Send one request at a time
            to the mentor who fits best.
          </p>
          <ol class="mentors" aria-label="Suggested mentors">
            @for (mentor of suggestions.items; track mentor.mentorUserId) {
              <li>
                <mat-card appearance="outlined" class="mentor">
                  <mat-card-header>
                    <mat-card-title>
                      <h2 class="name">{{ mentor.displayName }}</h2>
                    </mat-card-title>
                    <mat-card-subtitle>
                      Score {{ whole(mentor.score) }} of 100 ·
                      {{ mentor.freePlaces === 1 ? '1 free place' : mentor.freePlaces + ' free places' }}
                    </mat-card-subtitle>
                  </mat-card-header>
                  <mat-card-content>
                    <dl class="reasons">
                      @for (part of mentor.components; track part.id) {
                        <div class="reason">
                          <dt>{{ label(part.id) }}</dt>
                          <dd>
                            {{ part.reason }}
                            <span class="points">+{{ points(part.points) }}</span>
                          </dd>
                        </div>
                      }
                    </dl>
                  </mat-card-content>
                  <mat-card-actions>
                    @if (mentor.openRequestId) {
                      <span class="sent">Request sent, waiting for an answer.</span>
                      <a mat-button [routerLink]="['/orgs', orgId(), 'requests', 'sent']">My requests</a>
                    } @else {
                      <button
                        mat-flat-button
                        type="button"
                        [attr.aria-label]="'Ask ' + mentor.displayName"
                        (click)="open(mentor)"
                      >
                        Ask
                      </button>
                    }
                  </mat-card-actions>
                </mat-card>
              </li>
            }
          </ol>
        }
      }
    </div>
  `,
  styles: `
    .intro {
      color: var(--mat-sys-on-surface-variant);
    }
    .mentors {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 16px;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 440px), 1fr));
    }
    .mentor {
      height: 100%;
    }
    .name {
      margin: 0;
      font: var(--mat-sys-title-medium);
      font-weight: 500;
    }
    .reasons {
      margin: 8px 0 0;
    }
    .reason {
      display: grid;
      grid-template-columns: 9.5em 1fr;
      gap: 8px;
      padding: 6px 0;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    dt {
      font: var(--mat-sys-label-large);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .points {
      color: var(--mat-sys-on-surface-variant);
      white-space: nowrap;
    }
    mat-card-actions {
      flex-wrap: wrap;
    }
    .sent {
      margin-inline: 8px;
      color: var(--mat-sys-on-surface-variant);
    }
    .form-card {
      max-width: 760px;
    }
    @media (max-width: 599.98px) {
      .reason {
        grid-template-columns: 1fr;
        gap: 0;
      }
    }
  `,
})
export class FindMentorPage {
  readonly orgId = input.required<string>();
  readonly cohortId = input.required<string>();
  /** `?ask=<mentorUserId>`: the request form to that mentor, so the browser's back returns to the list. */
  readonly ask = input<string | undefined>();
  private readonly api = inject(MatchingApi);
  private readonly cohorts = inject(CohortsApi);
  private readonly notifier = inject(ErrorNotifier);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly cohort = signal<CohortView | null>(null);
  protected readonly list = signal<SuggestionList | null>(null);
  protected readonly refusal = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly asking = computed<SuggestedMentor | null>(() => {
    const mentor = this.ask();
    return this.list()?.items.find((item) => item.mentorUserId === mentor && !item.openRequestId) ?? null;
  });
  protected readonly label = scoreComponentLabel;
  protected readonly points = (value: number) => Math.round(value * 10) / 10;
  protected readonly whole = (value: number) => Math.round(value);

  constructor() {
    effect((onCleanup) => {
      const [orgId, cohortId] = [this.orgId(), this.cohortId()];
      this.loading.set(true);
      const cohort = this.cohorts.get(orgId, cohortId).subscribe({
        next: (view) => this.cohort.set(view),
        error: () => this.cohort.set(null),
      });
      const suggestions = this.api.suggestions(orgId, cohortId, SUGGESTIONS).subscribe({
        next: (list) => {
          this.list.set(list);
          this.refusal.set(null);
          this.loading.set(false);
        },
        error: (error: unknown) => {
          this.loading.set(false);
          const refusal = REFUSALS[errorBodyOf(error)?.code ?? ''];
          if (refusal) this.refusal.set(refusal);
          else this.notifier.show(error);
        },
      });
      onCleanup(() => {
        cohort.unsubscribe();
        suggestions.unsubscribe();
      });
    });
  }

  protected open(mentor: SuggestedMentor | null): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { ask: mentor?.mentorUserId ?? null },
    });
  }

  protected sent(): void {
    const mentor = this.asking();
    this.notifier.info(`Request sent to ${mentor?.displayName ?? 'the mentor'}.`);
    void this.router.navigate(['/orgs', this.orgId(), 'requests', 'sent']);
  }
}
