import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { MentorType, PersonalBoard } from '@mentorship/contracts';
import { SessionStore } from '@mentorship/admin/data-access-identity';
import { MentorshipsApi } from '@mentorship/admin/data-access-mentorships';
import { EmptyStateComponent, ErrorNotifier, LoadingStateComponent } from '@mentorship/admin/ui';
import { errorBodyOf } from '@mentorship/admin/util';
import { matchStatusLabel } from './mentorship-words';

const TYPE_WORDS: Record<MentorType, string> = {
  technical: 'Technical',
  career: 'Career',
  leadership: 'Leadership',
  industry: 'Industry',
  entrepreneurial: 'Entrepreneurial',
};

/**
 * `/orgs/:orgId/board` (a mentee's own) and `/orgs/:orgId/board/:userId` (coordinators): the
 * mentee's current mentors across programs by kind of mentoring, the kinds they want that
 * nobody covers, and a mentor to ask for each of those.
 */
@Component({
  selector: 'mm-personal-board-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, EmptyStateComponent, LoadingStateComponent],
  template: `
    <div class="mm-page">
      <header class="mm-page-header">
        <h1>
          {{
            own() ? 'My personal board' : 'Personal board' + (board() ? ' of ' + board()!.displayName : '')
          }}
        </h1>
      </header>
      <p class="hint">
        A mentee can have several mentors at once, each for a different kind of mentoring. Mentors in trial or
        active count.
      </p>
      @if (missing()) {
        <mm-empty-state>This board does not exist or is not yours to see.</mm-empty-state>
      } @else if (board(); as b) {
        @if (b.missingTypes.length > 0) {
          <p class="flag" role="note">Still missing: {{ typesText(b.missingTypes) }}.</p>
        } @else if (b.wantedTypes.length > 0) {
          <p class="mm-chip good">Every kind of mentoring wanted is covered.</p>
        } @else {
          <p class="hint">
            No kind of mentoring is marked as wanted yet
            @if (own()) {
              (<a [routerLink]="['/orgs', orgId(), 'profile']">my profile</a>)
            }
            .
          </p>
        }
        <ul class="board" aria-label="Kinds of mentoring">
          @for (type of b.types; track type.type) {
            <li class="mm-section board-type" [class.missing]="type.missing">
              <h2>
                {{ typeText(type.type) }}
                @if (type.wanted) {
                  <span class="mm-chip waiting">wanted</span>
                }
              </h2>
              @for (mentor of type.mentors; track mentor.matchId) {
                <p>
                  <a [routerLink]="['/orgs', orgId(), 'matches', mentor.matchId]">{{ mentor.displayName }}</a>
                  · {{ mentor.programName }} · {{ status(mentor.status) }}
                </p>
              } @empty {
                @if (type.missing) {
                  <p><strong>Missing.</strong></p>
                  @if (type.suggestion; as s) {
                    <p>
                      Suggestion: {{ s.displayName }} in {{ s.cohortName }} ({{ s.freePlaces }} free
                      {{ s.freePlaces === 1 ? 'place' : 'places' }}).
                      @if (own()) {
                        <a [routerLink]="['/orgs', orgId(), 'cohorts', s.cohortId, 'mentors']"
                          >Find a mentor</a
                        >
                      }
                    </p>
                  } @else {
                    <p class="hint">No mentor with a free place offers it now.</p>
                  }
                } @else {
                  <p class="hint">Nobody yet.</p>
                }
              }
            </li>
          }
        </ul>
        <h2 class="all-title">All current mentors</h2>
        <ul class="answers" aria-label="Current mentors">
          @for (mentor of b.mentors; track mentor.matchId) {
            <li>
              <a [routerLink]="['/orgs', orgId(), 'matches', mentor.matchId]">{{ mentor.displayName }}</a>
              · {{ mentor.programName }} ({{ mentor.cohortName }}) ·
              {{ mentor.mentorTypes.length ? typesText(mentor.mentorTypes) : 'no kind named' }}
            </li>
          } @empty {
            <li class="hint">No current mentor.</li>
          }
        </ul>
      } @else {
        <mm-loading-state [loading]="true" label="Loading the board" />
      }
    </div>
  `,
  styleUrl: './mentorships.css',
})
export class PersonalBoardPage {
  readonly orgId = input.required<string>();
  /** Set on `board/:userId`; the caller's own board without it. */
  readonly userId = input<string | undefined>(undefined);
  private readonly api = inject(MentorshipsApi);
  private readonly session = inject(SessionStore);
  private readonly notifier = inject(ErrorNotifier);
  protected readonly board = signal<PersonalBoard | null>(null);
  protected readonly missing = signal(false);
  protected readonly status = matchStatusLabel;
  protected readonly typeText = (type: MentorType) => TYPE_WORDS[type];
  protected readonly typesText = (types: MentorType[]) => types.map((t) => TYPE_WORDS[t]).join(', ');
  private readonly subject = computed(() => this.userId() ?? this.session.user()?.id ?? null);
  protected readonly own = computed(() => this.subject() === this.session.user()?.id);

  constructor() {
    effect((onCleanup) => {
      const userId = this.subject();
      if (!userId) return;
      this.missing.set(false);
      const subscription = this.api.personalBoard(this.orgId(), userId).subscribe({
        next: (board) => this.board.set(board),
        error: (error: unknown) => {
          if (errorBodyOf(error)?.code === 'personal_board_not_found') this.missing.set(true);
          else this.notifier.show(error);
        },
      });
      onCleanup(() => subscription.unsubscribe());
    });
  }
}
